"""Consent on the People page: which members may publish my availability (an agency member
or a colleague who manages a bench). Giving and revoking are signed ops of mine; without my
consent every replica ignores a window someone else publishes for me, and after I revoke it,
every replica deletes it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import safe
from coopshare.service.api import ConsentEntry, Member


def _t(text: str) -> str:
    return QCoreApplication.translate("ConsentBox", text)


class ConsentBox(QWidget):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        title = QLabel(_t("Who may publish my availability"))
        title.setStyleSheet("font-weight: 600;")
        v.addWidget(title)
        row = QHBoxLayout()
        self.member = QComboBox()
        self.member.setAccessibleName(_t("Member"))
        self.allow = QPushButton(_t("Allow"))
        self.allow.setToolTip(_t("Sign your consent: this member may publish your availability"))
        self.revoke = QPushButton(_t("Revoke"))
        self.revoke.setToolTip(_t("Withdraw your consent: their windows for you are deleted"))
        self.granted: dict[str, bool] = {}  # member id -> my consent to them, as signed
        self.member.currentIndexChanged.connect(self._update_buttons)
        self.allow.clicked.connect(lambda: self._set(True))
        self.revoke.clicked.connect(lambda: self._set(False))
        for w in (self.member, self.allow, self.revoke):
            row.addWidget(w)
        row.addStretch(1)
        v.addLayout(row)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(self.state)
        self.reload()

    def reload(self) -> None:
        self.bridge.db(lambda a: (a.members(), a.my_consents()), self._got)

    def _got(self, got: tuple[list[Member], list[ConsentEntry]]) -> None:
        members, consents = got
        current = self.member.currentData()
        self.member.clear()
        for m in members:
            if not m.me:
                self.member.addItem(safe(m.name, 60), m.member_id)
        if current is not None and (i := self.member.findData(current)) >= 0:
            self.member.setCurrentIndex(i)
        self.granted = {c.publisher_id: c.granted for c in consents}
        allowed = [safe(c.publisher, 60) for c in consents if c.granted]
        self.state.setText(
            _t("Allowed: {0}").format(", ".join(allowed)) if allowed else _t("Nobody is allowed.")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Allow a member not allowed yet; revoke only a consent that stands."""
        member = self.member.currentData()
        granted = self.granted.get(member, False) if isinstance(member, str) else False
        self.allow.setEnabled(isinstance(member, str) and not granted)
        self.revoke.setEnabled(granted)

    def _set(self, granted: bool) -> None:
        member = self.member.currentData()
        if not isinstance(member, str):
            return
        self.bridge.write(
            lambda a: a.set_consent(bytes.fromhex(member), granted),
            lambda _r: self.reload(),
            lambda e: self.state.setText(error_text(e)),
        )
