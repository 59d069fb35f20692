"""The People page's verification of a member: the safety number to compare, whether I marked
it as verified (kept on this device, sealed: service/verify.py), and a warning when a verified
member got a key I did not compare (a device added since)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import safe
from coopshare.gui.theme import ACCENT, ACCENT_ON_DARK, ERROR, ERROR_ON_DARK, is_dark
from coopshare.service.api import MemberCard


class VerifyPanel(QWidget):
    """Safety number, verification state, "Mark as verified" / "Mark as not verified"."""

    changed = Signal()  # a mark was written: the members table reads the state again

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.card: MemberCard | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 6, 0, 0)
        v.setSpacing(4)
        self.digits = QLabel()
        self.digits.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.digits.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digits.setAccessibleName(self.tr("Safety number"))
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.warning = QFrame()
        self.warning.setObjectName("keyWarning")
        wl = QVBoxLayout(self.warning)
        wl.setContentsMargins(8, 6, 8, 6)
        self.warning_text = QLabel()
        self.warning_text.setTextFormat(Qt.TextFormat.PlainText)
        self.warning_text.setWordWrap(True)
        wl.addWidget(self.warning_text)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.mark_button = QPushButton(self.tr("Mark as verified"))
        self.mark_button.setToolTip(
            self.tr("Only after you compared these digits with the other person's screen")
        )
        self.mark_button.clicked.connect(self.mark)
        self.unmark_button = QPushButton(self.tr("Mark as not verified"))
        self.unmark_button.clicked.connect(self.unmark)
        row.addWidget(self.mark_button)
        row.addWidget(self.unmark_button)
        row.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        for w in (self.digits, self.state, self.warning):
            v.addWidget(w)
        v.addLayout(row)
        v.addWidget(self.message)
        self.show_card(None)

    def show_card(self, card: MemberCard | None) -> None:
        self.card = card
        self.message.hide()
        self.setVisible(card is not None and not card.me)
        if card is None or card.me:
            return
        dark = is_dark(self)
        good, bad = (ACCENT_ON_DARK, ERROR_ON_DARK) if dark else (ACCENT, ERROR)
        self.digits.setText(self.tr("Safety number: {0}").format(card.safety))
        name = safe(card.name, 80)
        if card.verification == "verified":
            self.state.setText(
                self.tr("✓ Verified: you compared this number with {0}.").format(name)
            )
            self.state.setStyleSheet(f"color: {good}; font-weight: 600;")
        elif card.verification == "changed":
            self.state.setText(self.tr("⚠ Key changed since you verified {0}.").format(name))
            self.state.setStyleSheet(f"color: {bad}; font-weight: 600;")
        else:
            self.state.setText(
                self.tr(
                    "Not verified. Compare these digits with {0}, in person or by phone: if they match, nobody is impersonating either of you."
                ).format(name)
            )
            self.state.setStyleSheet("")
        changed = card.verification == "changed"
        self.warning.setVisible(changed)
        if changed:
            self.warning_text.setText(
                self.tr(
                    "%n new device(s) since then. If {0} did not add it, someone may hold their keys: ask {0}, compare again, then mark as verified.",
                    "",
                    card.new_devices,
                ).format(name)
            )
            self.warning.setStyleSheet(
                f"#keyWarning {{ border: 2px solid {bad}; border-radius: 6px; }}"
            )
        self.mark_button.setVisible(card.verification != "verified")
        self.mark_button.setText(
            self.tr("Mark as verified again") if changed else self.tr("Mark as verified")
        )
        self.unmark_button.setVisible(card.verification != "unverified")

    def mark(self) -> None:
        if self.card is not None:
            member = bytes.fromhex(self.card.member_id)
            self.bridge.write(lambda a: a.mark_verified(member), self._done, self._failed)

    def unmark(self) -> None:
        if self.card is not None:
            member = bytes.fromhex(self.card.member_id)
            self.bridge.write(lambda a: a.forget_verified(member), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        self.message.show()
