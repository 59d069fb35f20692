"""Create or join a cooperative when the home has an identity but no cooperative yet (the
first-run wizard was left after the identity was made)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coopshare.gui.dialogs.coop_form import CoopForm
from coopshare.gui.widgets import DIALOG_STYLE, logo_pixmap


class CoopChoiceDialog(QDialog):
    """Shown when the home has an identity but no cooperative yet (the wizard was left early)."""

    def __init__(self, home: Path, passphrase: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.passphrase = passphrase
        self.coop_name = ""
        self.setWindowTitle(self.tr("Choose a cooperative"))
        self.setStyleSheet(DIALOG_STYLE)
        v = QVBoxLayout(self)
        v.setContentsMargins(20, 18, 20, 14)
        v.setSpacing(10)
        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(logo_pixmap(40))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        title = QLabel(self.tr("You are not part of a cooperative yet"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        titles.addWidget(title)
        sub = QLabel(
            self.tr(
                "Your identity is ready. Create a cooperative, or join one with an invitation from a member."
            )
        )
        sub.setWordWrap(True)
        titles.addWidget(sub)
        head.addLayout(titles, 1)
        v.addLayout(head)
        self.form = CoopForm(home)
        v.addWidget(self.form, 1)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.form.action_text(), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.form.name_edit.returnPressed.connect(self._go)
        self.buttons.accepted.connect(self._go)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self.form.changed.connect(self._changed)
        self.form.finished.connect(self._finished)
        self._changed()
        self.resize(620, self.sizeHint().height())

    def _changed(self) -> None:
        self.ok_button.setText(self.form.action_text())
        self.ok_button.setEnabled(self.form.is_ready())

    def _go(self) -> None:
        if self.form.is_ready():
            self.form.start(self.passphrase)

    def _finished(self, name: str) -> None:
        self.coop_name = name
        self.accept()
