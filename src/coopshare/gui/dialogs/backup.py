"""Back up this data folder to one encrypted file, and restore one on a new computer.

Both run Argon2id (and file work) on a worker thread (:func:`run_in_thread`). The backup is
encrypted with the data folder's own passphrase, so the restored folder opens with it; it also
opens with the member's recovery key (service/backup.py): "I forgot my passphrase" asks for the
key and a new passphrase instead. Restore is offered on the first-run wizard's welcome page,
before any identity exists; a wrong passphrase or key, or a damaged file, shows the app's
sentence for that error type under the field.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.errors import PassphrasesDiffer, RecoveryCodeInvalid
from coopshare.gui.errors_text import error_text
from coopshare.gui.fit_height import grow_to_wrap
from coopshare.gui.text import safe
from coopshare.gui.widgets import (
    DIALOG_STYLE,
    MIN_PASSPHRASE,
    Busy,
    message_label,
    passphrase_strength,
    set_message,
)
from coopshare.gui.workers import run_in_thread
from coopshare.service import api

SUFFIX = ".coopbackup"


class _PassphraseFileDialog(QDialog):
    """A file row, a passphrase field, a message line, a busy line and OK/Cancel."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(DIALOG_STYLE)
        self.setMinimumWidth(500)
        v = QVBoxLayout(self)
        text = QLabel(intro)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        v.addWidget(text)
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("File"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self.choose)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse)
        v.addLayout(row)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        v.addWidget(self.passphrase_edit)
        self.message = message_label()
        v.addWidget(self.message)
        self.busy = Busy()
        v.addWidget(self.busy)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)

    def choose(self) -> None:
        raise NotImplementedError

    def start(self) -> None:
        raise NotImplementedError

    def _working(self, text: str) -> None:
        set_message(self.message, "")
        self.buttons.setEnabled(False)
        self.busy.start(text)

    def failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.buttons.setEnabled(True)
        set_message(self.message, error_text(error))


class BackupDialog(_PassphraseFileDialog):
    """File → Back up…: writes the encrypted backup of `home`."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Back up"),
            self.tr(
                "Write your identity and all data on this computer to one encrypted file. "
                "It opens with your passphrase: keep the file somewhere other than this computer."
            ),
            parent,
        )
        self.home = home
        self.done_text = ""

    def choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up"), f"coopshare{SUFFIX}", self.tr("Backups (*.coopbackup)")
        )
        if name:
            self.file_edit.setText(name if name.endswith(SUFFIX) else name + SUFFIX)

    def start(self) -> None:
        dest, passphrase = Path(self.file_edit.text().strip()), self.passphrase_edit.text()
        if not self.file_edit.text().strip() or not passphrase:
            set_message(self.message, self.tr("Choose a file and type your passphrase."))
            return
        self._working(self.tr("Writing the backup…"))
        run_in_thread(
            lambda: api.create_backup(self.home, passphrase, dest),
            lambda size: self._done(dest, size),
            self.failed,
            context=self,
        )

    def _done(self, dest: Path, size: int) -> None:
        self.busy.stop()
        self.done_text = self.tr("Backup written to {0} ({1} KB).").format(
            safe(str(dest), 200), max(1, size // 1024)
        )
        self.accept()


class RestoreDialog(_PassphraseFileDialog):
    """First run → Restore from a backup…: fills the empty data folder `home` from a backup,
    with the passphrase it was made with or, when that is forgotten, with the recovery key and
    a new passphrase; after ``exec()`` returned true, :attr:`passphrase` unlocks it."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Restore from a backup"),
            self.tr(
                "Choose a CoopShare backup file and type the passphrase it was made with. "
                "Use this computer instead of the old one, not beside it."
            ),
            parent,
        )
        self.home = home
        self.passphrase: str | None = None
        self.restored_name = ""
        self.forgot = QCheckBox(self.tr("I forgot my passphrase: use my &recovery key"))
        self.recovery_edit = QLineEdit()
        self.recovery_edit.setAccessibleName(self.tr("Recovery key"))
        self.recovery_edit.setPlaceholderText("ABCD-EFGH-…")
        self.recovery_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # the recovery key is the member key itself: not shown on screen, as the CLI does not echo it
        self.recovery_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_edit = QLineEdit()
        self.repeat_edit = QLineEdit()
        for edit, text in (
            (self.new_edit, self.tr("New passphrase")),
            (self.repeat_edit, self.tr("Repeat the new passphrase")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        at = layout.indexOf(self.passphrase_edit) + 1
        for i, widget in enumerate(
            (self.forgot, self.recovery_edit, self.new_edit, self.repeat_edit)
        ):
            layout.insertWidget(at + i, widget)
        self.forgot.toggled.connect(self._use_recovery_key)
        self._use_recovery_key(False)

    def _use_recovery_key(self, on: bool) -> None:
        self.passphrase_edit.setVisible(not on)
        for edit in (self.recovery_edit, self.new_edit, self.repeat_edit):
            edit.setVisible(on)
        set_message(self.message, "")
        (self.recovery_edit if on else self.passphrase_edit).setFocus()
        if self.isVisible():  # three more rows: the wrapped intro keeps its lines
            grow_to_wrap(self)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), "", self.tr("Backups (*.coopbackup)")
        )
        if name:
            self.file_edit.setText(name)

    def start(self) -> None:
        if not self.file_edit.text().strip():
            set_message(self.message, self.tr("Choose a backup file."))
            return
        src = Path(self.file_edit.text().strip())
        if self.forgot.isChecked():
            self._start_by_recovery_key(src)
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            set_message(self.message, self.tr("Choose a file and type your passphrase."))
            return
        self._working(self.tr("Restoring…"))
        run_in_thread(
            lambda: self.restore_by_passphrase(src, passphrase),
            lambda name: self._done(passphrase, name),
            self.failed,
            context=self,
        )

    def _start_by_recovery_key(self, src: Path) -> None:
        code, new = self.recovery_edit.text(), self.new_edit.text()
        if not code.strip():
            set_message(self.message, self.tr("Type your recovery key."))
            return
        if not api.recovery_code_valid(code):
            set_message(self.message, error_text(RecoveryCodeInvalid()))
            return
        if not new:
            set_message(self.message, self.tr("Choose a new passphrase."))
            return
        if len(new) < MIN_PASSPHRASE:
            set_message(self.message, passphrase_strength(new)[1])
            return
        if new != self.repeat_edit.text():
            set_message(self.message, error_text(PassphrasesDiffer()))
            return
        self._working(self.tr("Restoring…"))
        run_in_thread(
            lambda: self.restore_by_key(src, code, new),
            lambda name: self._done(new, name),
            self.failed,
            context=self,
        )

    def restore_by_passphrase(self, src: Path, passphrase: str) -> str:
        """On the worker thread: restore into the empty data folder; the identity's name."""
        return api.restore_backup(src, self.home, passphrase)

    def restore_by_key(self, src: Path, code: str, new: str) -> str:
        """On the worker thread: restore by the recovery key; the identity's name."""
        return api.restore_backup_by_recovery_key(src, self.home, code, new)

    def _done(self, passphrase: str, name: str) -> None:
        self.busy.stop()
        self.passphrase = passphrase
        self.restored_name = name
        self.accept()
