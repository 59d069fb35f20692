"""The People page's member admin: a member's devices, and for admins the actions "Make
admin" / "Make member" and "Remove from the cooperative", each after a confirmation that says
what it does. Non-admins see the devices only; the roster fold refuses a non-admin's change
anyway (``model/roster.py``), so hiding the buttons is a courtesy, not the defence.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.confirm import ask_to_confirm
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import safe
from coopshare.service.api import MemberEntry, RosterView


def short_id(raw: bytes) -> str:
    """The first 8 hex digits of a device id, in two groups (enough to tell devices apart)."""
    h = raw.hex()
    return f"{h[:4]} {h[4:8]}"


class MemberActions(QWidget):
    """Devices of the selected member, and the admin's actions on that member."""

    changed = Signal()  # a role change or a removal was written

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.member_id: bytes | None = None
        self.entry: MemberEntry | None = None
        self.view: RosterView | None = None
        self.confirm: QMessageBox | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 6, 0, 0)
        v.setSpacing(6)
        self.devices = QLabel()
        self.devices.setTextFormat(Qt.TextFormat.PlainText)
        self.devices.setWordWrap(True)
        v.addWidget(self.devices)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.role_button = QPushButton()
        self.role_button.clicked.connect(self.ask_role_change)
        self.remove_button = QPushButton(self.tr("Remove from the cooperative…"))
        self.remove_button.setObjectName("dangerButton")
        self.remove_button.clicked.connect(self.ask_remove)
        row.addWidget(self.role_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        v.addLayout(row)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        v.addWidget(self.message)
        self._show()

    # --- which member -------------------------------------------------------------------------

    def show_member(self, member_id_hex: str | None) -> None:
        """Show the member with this id (hex), or nothing; reads the roster afresh."""
        try:
            self.member_id = bytes.fromhex(member_id_hex) if member_id_hex else None
        except ValueError:
            self.member_id = None
        self.message.hide()
        self.reload()

    def reload(self) -> None:
        self.bridge.db(lambda a: a.roster_view(), self._got_view, self._failed)

    def _got_view(self, view: RosterView) -> None:
        self.view = view
        self.entry = next((m for m in view.members if m.member_id == self.member_id), None)
        self._show()

    def _show(self) -> None:
        entry, view = self.entry, self.view
        self.setVisible(entry is not None)
        if entry is None or view is None:
            return
        active = [short_id(d.device_id) for d in entry.devices if d.active]
        revoked = [short_id(d.device_id) for d in entry.devices if not d.active]
        lines = [self.tr("Devices: {0}").format(", ".join(active) or self.tr("none"))]
        if revoked:
            lines.append(self.tr("Revoked devices: {0}").format(", ".join(revoked)))
        self.devices.setText("\n".join(lines))
        may = view.i_am_admin and not entry.me
        self.role_button.setVisible(may)
        self.remove_button.setVisible(may)
        self.role_button.setText(
            self.tr("Make member") if entry.role == "admin" else self.tr("Make admin")
        )

    # --- actions ------------------------------------------------------------------------------

    def ask_role_change(self) -> None:
        entry = self.entry
        if entry is None:
            return
        name = safe(entry.name, 80)
        if entry.role == "admin":
            text = self.tr(
                "{0} becomes an ordinary member: they can no longer invite or remove people or change roles."
            ).format(name)
            ok, new_role = self.tr("Make member"), "member"
        else:
            text = self.tr(
                "{0} becomes an admin: they can invite and remove people and change roles, also yours."
            ).format(name)
            ok, new_role = self.tr("Make admin"), "admin"
        self._confirm(self.tr("Change role"), text, ok, lambda: self._change_role(new_role))

    def ask_remove(self) -> None:
        entry = self.entry
        if entry is None:
            return
        text = self.tr(
            "Remove {0} from the cooperative?\n\n"
            "Everything written from now on is encrypted with new keys that {0}'s devices do not get, and the other members' devices stop syncing with them.\n\n"
            "{0} keeps what they already had: the notes, leads and ideas on their devices stay readable to them. Removal cannot take those back."
        ).format(safe(entry.name, 80))
        self._confirm(self.tr("Remove member"), text, self.tr("Remove"), self._remove)

    def _confirm(self, title: str, text: str, ok: str, then: Callable[[], None]) -> None:
        def answered(yes: bool) -> None:
            self.confirm = None
            if yes:
                then()

        buttons = (ok, self.tr("Cancel"))
        self.confirm = ask_to_confirm(
            self, QMessageBox.Icon.Question, title, text, buttons, answered
        )

    def _change_role(self, role: str) -> None:
        member = self.member_id
        if member is not None:
            self.bridge.write(lambda a: a.change_role(member, role), self._done, self._failed)

    def _remove(self) -> None:
        member = self.member_id
        if member is not None:
            self.bridge.write(lambda a: a.remove_member(member), self._done, self._failed)

    def _done(self, _result: object) -> None:
        self.changed.emit()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        self.message.show()
