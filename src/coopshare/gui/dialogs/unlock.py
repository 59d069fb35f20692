"""Unlock the data folder with the passphrase (Argon2id runs on a worker thread).

A wrong passphrase shows "Wrong passphrase" under the field and the user tries again. After
``exec()`` returned true, :attr:`UnlockDialog.passphrase` unlocks the home and
:attr:`UnlockDialog.needs_coop` says whether it still has to create or join a cooperative
(the first-run wizard was left after the identity was made): then show
:class:`~coopshare.gui.dialogs.coop_choice.CoopChoiceDialog`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.errors import MalformedData, NotInitialised, WrongPassphrase
from coopshare.gui.dialogs.forgot import ForgotDialog
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import safe
from coopshare.gui.widgets import (
    DIALOG_STYLE,
    Busy,
    logo_pixmap,
    message_label,
    muted,
    set_message,
)
from coopshare.gui.workers import run_in_thread
from coopshare.service import api


def check_unlock(home: Path, passphrase: str) -> bool:
    """Unlock and open the store; True if the home is not part of a cooperative yet."""
    return api.unlocks_without_coop(home, passphrase)


class UnlockDialog(QDialog):
    def __init__(self, home: Path, parent: QWidget | None = None, *, in_coop: bool = False) -> None:
        """`in_coop`: this data folder was seen in a cooperative (Prefs "in_coop")."""
        super().__init__(parent)
        self.home = home
        self.passphrase: str | None = None
        self.needs_coop = False
        self.busy = False
        self._attempts = 0
        self.setWindowTitle(self.tr("Unlock CoopShare"))
        self.setStyleSheet(DIALOG_STYLE)
        v = QVBoxLayout(self)
        v.setContentsMargins(22, 20, 22, 14)
        v.setSpacing(10)
        self.setMinimumWidth(480)

        head = QHBoxLayout()
        head.setSpacing(14)
        logo = QLabel()
        logo.setPixmap(logo_pixmap(48))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        title = QLabel(self.tr("Welcome back"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        titles.addWidget(title)
        sub = QLabel(  # no cooperative's notes before there is a cooperative (#37)
            self.tr("Type your passphrase to open your cooperative's notes, leads and ideas.")
            if in_coop
            else self.tr("Type your passphrase to unlock CoopShare on this computer.")
        )
        self.subtitle = sub
        sub.setWordWrap(True)
        titles.addWidget(sub)
        head.addLayout(titles, 1)
        v.addLayout(head)

        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Passphrase"))
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.field.setMinimumWidth(340)
        self.field.textEdited.connect(self._edited)
        v.addWidget(self.field)
        self.show_box = QCheckBox(self.tr("&Show passphrase"))
        self.show_box.toggled.connect(
            lambda on: self.field.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.show_box)
        row.addStretch(1)
        self.forgot_button = QPushButton(self.tr("&Forgot your passphrase?"))  # a link's look
        self.forgot_button.setObjectName("forgotLink")
        self.forgot_button.setFlat(True)
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot_button.setStyleSheet("color: palette(link); border: none; padding: 2px 0;")
        font = self.forgot_button.font()
        font.setUnderline(True)
        self.forgot_button.setFont(font)
        self.forgot_button.clicked.connect(self.forgot)  # gui/dialogs/forgot.py
        row.addWidget(self.forgot_button)
        v.addLayout(row)
        self.error = message_label()
        v.addWidget(self.error)
        self.busy_row = Busy()
        v.addWidget(self.busy_row)
        folder = QLabel(self.tr("Data folder: {0}").format(safe(str(home), 200)))
        muted(folder)
        folder.setTextFormat(Qt.TextFormat.PlainText)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(folder)
        v.addStretch(1)

        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setDefault(True)
        self.quit_button = self.buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setAutoDefault(False)  # Enter never quits
        self.start_over = False  # the folder was set aside: the app goes on to its first run
        self.forgot_dialog: ForgotDialog | None = None
        self.field.returnPressed.connect(self.unlock)
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self.field.setFocus()

    def forgot(self) -> None:
        dialog = ForgotDialog(self.home, self)
        self.forgot_dialog = dialog
        dialog.accepted.connect(lambda: self._after_forgot(dialog))
        dialog.open()

    def _after_forgot(self, dialog: ForgotDialog) -> None:
        """Restored (with a new passphrase), or the folder set aside for a first run."""
        self.start_over = dialog.start_over
        self.passphrase = dialog.passphrase
        self.needs_coop = dialog.needs_coop
        self.accept()

    def _edited(self, _text: str) -> None:
        if self.error.isVisible() and self._attempts:
            set_message(self.error, "")

    def unlock(self) -> None:
        if self.busy:
            return
        passphrase = self.field.text()
        if not passphrase:
            set_message(self.error, self.tr("Type your passphrase."))
            self.field.setFocus()
            return
        self._set_busy(True)
        set_message(self.error, "")
        self.busy_row.start(self.tr("Unlocking…"))
        home = self.home
        run_in_thread(
            lambda: check_unlock(home, passphrase),
            lambda needs_coop: self._unlocked(passphrase, needs_coop),
            self._failed,
            context=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.field.setEnabled(not busy)
        self.show_box.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        self.forgot_button.setEnabled(not busy)
        if not busy:
            self.busy_row.stop()
            self.unlock_button.setDefault(True)

    def _unlocked(self, passphrase: str, needs_coop: bool) -> None:
        self._set_busy(False)
        self.passphrase = passphrase
        self.needs_coop = needs_coop
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._attempts += 1
        if isinstance(error, WrongPassphrase | NotInitialised):
            set_message(self.error, error_text(error))
        elif isinstance(error, MalformedData):
            set_message(
                self.error,
                self.tr(
                    "The key file in this data folder is damaged. Restore it from a backup, or start again with your recovery key."
                ),
            )
        else:
            set_message(
                self.error,
                self.tr("The data folder could not be opened: {0}").format(error_text(error)),
            )
        self.field.setFocus()
        self.field.selectAll()
