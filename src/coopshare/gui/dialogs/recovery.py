"""The recovery key in the app: shown again after the passphrase (Settings → Security), and
typed on the first-run wizard to restore an identity on a new computer (same member, new
device). Argon2id runs off the GUI thread (through the bridge once the app runs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coopshare.errors import RecoveryCodeInvalid
from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.widgets import Busy, message_label, set_message
from coopshare.service import api


def code_rows(code: str) -> str:
    """The code in rows of five groups, as the wizard first showed it."""
    groups = code.split("-")
    return "\n".join(" ".join(groups[i : i + 5]) for i in range(0, len(groups), 5))


def code_label() -> QLabel:
    label = QLabel()
    label.setObjectName("recoveryCode")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    mono.setPointSize(15)
    mono.setWeight(QFont.Weight.DemiBold)
    label.setFont(mono)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return label


class ShowRecoveryDialog(QDialog):
    """Type the passphrase; then the recovery key is shown (a wrong one: the app's sentence)."""

    def __init__(self, bridge: Bridge, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.home = home
        self.code: str | None = None
        self.setWindowTitle(self.tr("Your recovery key"))
        self.setMinimumWidth(560)
        v = QVBoxLayout(self)
        v.setSpacing(10)
        intro = QLabel(
            self.tr(
                "Type your passphrase to see your recovery key. Anyone who has the key can act as you: make sure nobody is looking at your screen."
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        row = QHBoxLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Your passphrase"))
        self.passphrase.returnPressed.connect(self.reveal)
        self.show_button = QPushButton(self.tr("Show the key"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.reveal)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.show_button)
        v.addLayout(row)
        self.busy = Busy()
        v.addWidget(self.busy)
        self.error = message_label()
        v.addWidget(self.error)
        self.code_label = code_label()
        self.code_label.setAccessibleName(self.tr("Recovery key"))
        self.code_label.hide()
        v.addWidget(self.code_label)
        crow = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self._copy)
        self.copy_button.hide()
        self.copied = QLabel()
        crow.addWidget(self.copy_button)
        crow.addWidget(self.copied, 1)
        v.addLayout(crow)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        v.addWidget(close)

    def reveal(self) -> None:
        text = self.passphrase.text()
        if not text:
            set_message(self.error, self.tr("Type your passphrase first."))
            return
        set_message(self.error, "")
        self.show_button.setEnabled(False)
        self.busy.start(self.tr("Checking the passphrase…"))
        self.bridge.run(api.recovery_code_after(self.home, text), self._shown, self._failed)

    def _shown(self, code: str) -> None:
        self.busy.stop()
        self.code = code
        self.passphrase.clear()
        self.code_label.setText(code_rows(code))
        self.code_label.show()
        self.copy_button.show()
        self.show_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        self.show_button.setEnabled(True)
        set_message(self.error, error_text(error))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _copy(self) -> None:
        if self.code:
            QGuiApplication.clipboard().setText(self.code)
            self.copied.setText(self.tr("Copied. Remember to clear the clipboard afterwards."))
            QTimer.singleShot(8000, self.copied.clear)


class RecoveryKeyRow(QWidget):
    """Settings → Security: a hint and the button that opens :class:`ShowRecoveryDialog`."""

    def __init__(self, bridge: Bridge, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.home = home
        self.dialog: ShowRecoveryDialog | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 12, 0, 0)
        hint = QLabel(
            self.tr(
                "Your recovery key restores your membership on a new computer. Lost the paper? Show it again and write it down."
            )
        )
        hint.setWordWrap(True)
        v.addWidget(hint)
        row = QHBoxLayout()
        self.button = QPushButton(self.tr("Show my recovery key…"))
        self.button.clicked.connect(self.open_dialog)
        row.addWidget(self.button)
        row.addStretch(1)
        v.addLayout(row)

    def open_dialog(self) -> None:
        self.dialog = ShowRecoveryDialog(self.bridge, self.home, self)
        self.dialog.open()


class RestoreBox(QWidget):
    """First run: "I have a recovery key" and the key, checked as it is typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(self.tr("Restore my identity from my &recovery key"))
        self.enabled.setToolTip(
            self.tr(
                "For a new computer: you stay the same member, with the same name for the others."
            )
        )
        v.addWidget(self.enabled)
        self.key = QLineEdit()
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("ABCD-EFGH-…")
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key.hide()
        v.addWidget(self.key)
        self.message = message_label()
        v.addWidget(self.message)
        self.enabled.toggled.connect(self._toggled)
        self.key.textChanged.connect(self._key_changed)

    def _toggled(self, on: bool) -> None:
        self.key.setVisible(on)
        if on:
            self.key.setFocus()
        self._key_changed()

    def _key_changed(self) -> None:
        text = self.key.text().strip()
        if not self.enabled.isChecked() or not text:
            set_message(self.message, "")
        elif self.code() is None:
            set_message(self.message, error_text(RecoveryCodeInvalid()))
        else:
            set_message(self.message, self.tr("A valid recovery key."), "ok")
        self.changed.emit()

    def code(self) -> str | None:
        """The typed key if it is valid (checksum included), else None."""
        text = self.key.text().strip()
        if not text or not api.recovery_code_valid(text):
            return None
        return text

    def restoring(self) -> bool:
        return self.enabled.isChecked()

    def is_ready(self) -> bool:
        return not self.restoring() or self.code() is not None
