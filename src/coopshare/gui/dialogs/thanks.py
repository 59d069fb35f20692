"""Saying thanks: the Thank button the note, lead and People pages carry, and its dialog.

A thanks is for a note or a lead (its creator receives it) or for an introduction (a member who
put you in touch with someone, or passed a lead on to you). The rules (at most 10 a day, once
per note, lead or member, never yourself) are enforced by every replica; this dialog only asks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import safe

MAX_TEXT = 280  # as service/thanks.py MAX_THANKS_TEXT
KINDS = ("note", "lead", "member")


class ThanksDialog(QDialog):
    """Thank for one note, lead or introduction, with an optional short text."""

    thanked = Signal(str)  # the thanks item's id (hex)

    def __init__(
        self, bridge: Bridge, target: str, kind: str, about: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.target = target
        self.saving = False
        self.setObjectName("thanks_dialog")
        self.setWindowTitle(self.tr("Say thanks"))
        self.setMinimumWidth(420)
        about = safe(about, 120)
        if kind == "member":
            intro = self.tr(
                "Thank {0} for an introduction: for putting you in touch with someone, or for passing a lead on to you."
            ).format(about)
        elif kind == "lead":
            intro = self.tr("Thank the giver of the lead “{0}”.").format(about)
        else:
            intro = self.tr("Thank the author of the note “{0}”.").format(about)
        v = QVBoxLayout(self)
        head = QLabel(intro)
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setWordWrap(True)
        v.addWidget(head)
        self.text = QLineEdit()
        self.text.setMaxLength(MAX_TEXT)
        self.text.setPlaceholderText(self.tr("A short word of thanks (optional)"))
        self.text.setAccessibleName(self.tr("Word of thanks"))
        v.addWidget(self.text)
        hint = QLabel(
            self.tr(
                "It counts once in the ledger of given and received, for both of you. You can give up to 10 thanks a day."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(hint)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.error.hide()
        v.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Thank"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def submit(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.ok.setEnabled(False)
        target, text = bytes.fromhex(self.target), self.text.text()
        self.bridge.write(lambda a: a.thank(target, text), self._done, self._failed)

    def _done(self, item_id: str) -> None:
        self.saving = False
        self.thanked.emit(item_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self.ok.setEnabled(True)
        self.error.setText(error_text(error))
        self.error.show()


class ThankButton(QPushButton):
    """ "Thank…" for one target; hidden without one, "Thanked" once I have thanked for it."""

    def __init__(self, bridge: Bridge, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert kind in KINDS
        self.bridge = bridge
        self.kind = kind
        self.target: str | None = None
        self.about = ""
        self.setObjectName("thank_button")
        self.clicked.connect(self.open_dialog)
        self.set_target(None)

    def set_target(self, target: str | None, about: str = "") -> None:
        """Offer thanks for `target` (item or member id, hex); None hides the button."""
        self.target, self.about = target, about
        self.setVisible(target is not None)
        self._show(False)
        if target is not None:
            raw = bytes.fromhex(target)
            self.bridge.db(lambda a: a.thanked(raw), lambda done: self._answer(target, done))

    def _answer(self, target: str, done: bool) -> None:
        if target == self.target:
            self._show(done)

    def _show(self, done: bool) -> None:
        self.setEnabled(not done)
        self.setText(self.tr("Thanked ✓") if done else self.tr("Thank…"))
        self.setToolTip(
            self.tr("You thanked for this.")
            if done
            else self.tr("Say thanks: it shows in the ledger of given and received")
        )

    def open_dialog(self) -> ThanksDialog | None:
        if self.target is None:
            return None
        dialog = ThanksDialog(self.bridge, self.target, self.kind, self.about, self.window())
        target = self.target
        dialog.thanked.connect(lambda _id: self._answer(target, True))
        dialog.open()
        return dialog
