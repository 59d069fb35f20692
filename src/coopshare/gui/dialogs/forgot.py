"""The unlock screen's "Forgot your passphrase?": what is really possible, in plain words.

The data folder's master key is wrapped under the passphrase alone (the OS keyring, if chosen,
did not open it, or the unlock screen would not show), so the recovery key does not open the
folder. It opens a backup file (service/backup.py): :class:`RestoreOverDialog` restores one in
place of the locked folder, which is renamed and kept, never deleted
(service/restore_over.py). Without a backup, :class:`ForgotDialog` says what is lost and offers
to start again: the locked folder is renamed and kept after a confirmation, and the app goes on
to its first run, where the recovery key restores the identity on what is then a new device.

After ``exec()`` returned true: :attr:`ForgotDialog.passphrase` unlocks the restored folder
(with :attr:`~ForgotDialog.needs_coop`), or :attr:`ForgotDialog.start_over` says the folder was
set aside for a first run. :attr:`ForgotDialog.kept` is where the locked folder is now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.errors import CoopShareError
from coopshare.gui.dialogs.backup import RestoreDialog
from coopshare.gui.dialogs.confirm import ask_to_confirm
from coopshare.gui.errors_text import error_text
from coopshare.gui.fit_height import grow_to_wrap
from coopshare.gui.text import safe
from coopshare.gui.widgets import DIALOG_STYLE, message_label, set_message
from coopshare.service import api


def _text(text: str, *, heading: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if heading:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class RestoreOverDialog(RestoreDialog):
    """The restore dialog (recovery key and a new passphrase ticked) whose backup takes the
    place of the locked data folder `home`; the folder is renamed to `kept` first."""

    def __init__(self, home: Path, kept: Path, parent: QWidget | None = None) -> None:
        super().__init__(home, parent)
        self.kept = kept
        self.needs_coop = False
        self.setWindowTitle(self.tr("Restore a backup with my recovery key"))
        intro = self.findChild(QLabel)
        if intro is not None:
            intro.setText(
                self.tr(
                    "Choose your backup file and type your recovery key, then choose a new passphrase: from now on it unlocks CoopShare on this computer."
                )
            )
        self.kept_note = _text(
            self.tr(
                "Your locked data folder is not deleted: it is renamed to “{0}” and kept beside the restored one."
            ).format(safe(kept.name, 120))
        )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.message), self.kept_note)
        self.file_edit.setPlaceholderText(self.tr("Backup file (.coopbackup)"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Restore"))
        self.forgot.setChecked(True)

    def reject(self) -> None:
        """Not while restoring: the data folder is being replaced, the app must learn the end."""
        if self.buttons.isEnabled():
            super().reject()

    def restore_by_passphrase(self, src: Path, passphrase: str) -> str:
        done = api.restore_over(src, self.home, self.kept, passphrase=passphrase)
        self.needs_coop = api.unlocks_without_coop(self.home, passphrase)
        return done.name

    def restore_by_key(self, src: Path, code: str, new: str) -> str:
        done = api.restore_over(src, self.home, self.kept, recovery_code=code, new_passphrase=new)
        self.needs_coop = api.unlocks_without_coop(self.home, new)
        return done.name


class ForgotDialog(QDialog):
    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.kept = api.kept_folder_for(home)
        self.passphrase: str | None = None
        self.needs_coop = False
        self.start_over = False
        self.restore_dialog: RestoreOverDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Forgot your passphrase?"))
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumWidth(520)
        v = QVBoxLayout(self)
        v.setContentsMargins(22, 18, 22, 14)
        v.setSpacing(8)
        title = QLabel(self.tr("Forgot your passphrase?"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        v.addWidget(title)
        v.addWidget(
            _text(
                self.tr(
                    "Nobody can reset it: CoopShare has no server, and the data on this computer is locked with your passphrase alone. Your recovery key does not unlock it."
                )
            )
        )
        v.addSpacing(6)
        v.addWidget(_text(self.tr("If you have a backup file"), heading=True))
        v.addWidget(
            _text(
                self.tr(
                    "Your recovery key opens a backup file (made with File → Back up…). CoopShare puts it in place of the locked data, with a new passphrase you choose. You get back what the backup holds, as it was when you made it."
                )
            )
        )
        self.restore_button = QPushButton(self.tr("Restore a backup with my recovery key…"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore)
        v.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        v.addSpacing(6)
        v.addWidget(_text(self.tr("If you have no backup"), heading=True))
        v.addWidget(
            _text(
                self.tr(
                    "Then what was only on this computer is lost: changes that never reached another member, details only this computer could read (such as the client of a lead you sealed), and your settings here. What you shared with the cooperative stays with the other members. Your recovery key still brings you back as yourself: CoopShare starts again as on a new computer, and an admin or another device of yours lets it in with an invitation."
                )
            )
        )
        self.start_button = QPushButton(self.tr("Start again with my recovery key…"))
        self.start_button.setAutoDefault(False)
        self.start_button.clicked.connect(self.confirm_start_over)
        v.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.kept_note = _text(
            self.tr(
                "Either way, the locked data folder is not deleted: it is renamed to “{0}” and kept beside the new one. Should your passphrase come back to you, it still opens that folder."
            ).format(safe(self.kept.name, 120))
        )
        v.addSpacing(6)
        v.addWidget(self.kept_note)
        self.message = message_label()
        v.addWidget(self.message)
        buttons = QDialogButtonBox()
        back = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setDefault(True)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_wrap(self)

    def restore(self) -> None:
        """The restore dialog; once it restored, the app opens the restored folder."""
        dialog = RestoreOverDialog(self.home, self.kept, self)
        self.restore_dialog = dialog
        dialog.accepted.connect(lambda: self._restored(dialog))
        dialog.open()

    def _restored(self, dialog: RestoreOverDialog) -> None:
        self.passphrase = dialog.passphrase
        self.needs_coop = dialog.needs_coop
        self.accept()

    def confirm_start_over(self) -> None:
        self.confirm_box = ask_to_confirm(
            self,
            QMessageBox.Icon.Question,
            self.tr("Start again?"),
            self.tr(
                "CoopShare renames this data folder to “{0}”, keeps it, and starts as on a new computer. There, tick “Restore my identity from my recovery key”."
            ).format(safe(self.kept.name, 120)),
            (self.tr("Rename and start again"), self.tr("Cancel")),
            self._start_answered,
        )

    def _start_answered(self, yes: bool) -> None:
        self.confirm_box = None
        if not yes:
            return
        try:
            api.set_aside(self.home, self.kept)
        except CoopShareError as e:
            set_message(self.message, error_text(e))
            return
        self.start_over = True
        self.accept()
