"""People: the members of the cooperative (with safety numbers to verify each other) and my own
talent profile — skills, availability windows (at most 90 days each, they expire) and ambitions.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.member_admin import MemberActions
from coopshare.gui.dialogs.my_devices import MyDevicesDialog
from coopshare.gui.dialogs.open_invites import OpenInvitesPanel
from coopshare.gui.dialogs.thanks import ThankButton
from coopshare.gui.dialogs.verify_panel import VerifyPanel
from coopshare.gui.models import RowsModel, SummaryRole
from coopshare.gui.pages.base import list_table, plain_label, scrolling
from coopshare.gui.pages.profile_panel import MAX_REGION, ProfilePanel, WindowRow
from coopshare.gui.text import safe
from coopshare.service.api import MemberCard, Window
from coopshare.service.api import events as ev

MEMBERS_DEBOUNCE_MS = 300
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class MemberLine:
    """A row of the members table: the texts shown, and the member they show."""

    card: MemberCard
    name: str  # with "(you)" for me
    role_label: str
    devices: str
    verified: str  # the verification state (service/verify.py); "—" for me


class MembersModel(RowsModel):
    """Members; the device count centred."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and 0 <= index.row() < len(self.rows):
            field = self.columns[index.column()][0]
            if role == Qt.ItemDataRole.TextAlignmentRole and field == "devices":
                return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)


class PeoplePage(ProfilePanel):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.windows: list[WindowRow] = []
        self._loading = False
        self._dirty = False
        self._profile_loaded = False

        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        self.title_row.insertWidget(1, self.count_label)
        self.devices_button = QPushButton(self.tr("My devices…"))
        self.devices_button.clicked.connect(lambda: MyDevicesDialog(self.bridge, self).open())
        self.title_row.addWidget(self.devices_button)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self._members_panel())
        split.addWidget(scrolling(self._profile_panel()))  # taller than a small screen
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([440, 540])
        self.outer.addWidget(split, 1)
        self._members_timer = QTimer(self)  # coalesce a burst of changes (a sync) into one read
        self._members_timer.setSingleShot(True)
        self._members_timer.setInterval(MEMBERS_DEBOUNCE_MS)
        self._members_timer.timeout.connect(self._load_members)
        bridge.core_event.connect(self._on_event)

    def page_title(self) -> str:
        return self.tr("People")

    # --- members --------------------------------------------------------------------------------

    def _members_panel(self) -> QWidget:
        panel = QWidget()
        v = QVBoxLayout(panel)
        v.setContentsMargins(0, 0, 8, 0)
        v.addWidget(self._section(self.tr("Members")))
        self.members = MembersModel(
            [
                ("name", self.tr("Name")),
                ("role_label", self.tr("Role")),
                ("devices", self.tr("Devices")),
                ("verified", self.tr("Verified")),
            ],
            self,
        )
        self.table = list_table(self.members, self.tr("Members"))
        self.table.selectionModel().currentRowChanged.connect(self._on_select)
        v.addWidget(self.table, 3)
        self.verify_hint = QLabel(self.tr("Select a member to see your safety number with them."))
        self.verify_hint.setWordWrap(True)
        self.verify_hint.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(self.verify_hint)

        self.detail = QFrame()
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        dv = QVBoxLayout(self.detail)
        dv.setContentsMargins(12, 10, 12, 10)
        self.detail_name = plain_label()
        self.detail_name.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.detail_body = plain_label()
        dv.addWidget(self.detail_name)
        dv.addWidget(self.detail_body)
        self.thank_button = ThankButton(self.bridge, "member")
        dv.addWidget(self.thank_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.verify = VerifyPanel(self.bridge, self.detail)
        self.verify.changed.connect(self._load_members)
        dv.addWidget(self.verify)
        self.admin = MemberActions(self.bridge, self.detail)
        dv.addWidget(self.admin)
        dv.addStretch(1)
        v.addWidget(self.detail, 2)
        self.open_invites = OpenInvitesPanel(self.bridge, panel)
        v.addWidget(self.open_invites)
        return panel

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-size: 12pt; font-weight: 600; padding: 4px 0;")
        return label

    def _field_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 600;")
        return label

    def verified_label(self, state: str) -> str:
        if state == "verified":
            return self.tr("✓ Verified")
        return self.tr("⚠ Key changed") if state == "changed" else self.tr("Not verified")

    def role_label(self, role: str) -> str:
        return {"admin": self.tr("Admin"), "member": self.tr("Member")}.get(role, role)

    def _load_members(self) -> None:
        self.bridge.db(lambda a: a.member_cards(), self._got_members)
        self.consent_box.reload()  # a member joined, a consent given or revoked
        self.bench_box.reload()

    def _got_members(self, rows: list[MemberCard]) -> None:
        current = self.table.currentIndex()
        selected = current.data(SummaryRole) if current.isValid() else None
        shown = []
        for r in rows:
            name = safe(r.name, 80)
            shown.append(
                MemberLine(
                    card=r,
                    name=self.tr("{0} (you)").format(name) if r.me else name,
                    role_label=self.role_label(r.role),
                    devices=str(r.devices),
                    verified="—" if r.me else self.verified_label(r.verification),
                )
            )
        self.members.set_rows(shown)
        n = len(shown)
        self.count_label.setText(self.tr("%n member(s)", "", n))
        keep = 0
        if isinstance(selected, MemberLine):
            keep = next(
                (i for i, r in enumerate(shown) if r.card.member_id == selected.card.member_id), 0
            )
        if shown:
            self.table.selectRow(keep)
        else:
            self._show_member(None)

    def _on_select(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(SummaryRole) if current.isValid() else None
        self._show_member(row if isinstance(row, MemberLine) else None)

    def _show_member(self, row: MemberLine | None) -> None:
        self.admin.show_member(row.card.member_id if row else None)
        if row is None:
            self.verify.show_card(None)
            self.detail_name.clear()
            self.detail_body.clear()
            self.thank_button.set_target(None)
            return
        self.detail_name.setText(row.name)
        card = row.card
        me, plain = row.card.me, safe(row.card.name, 80)
        self.thank_button.set_target(None if me else row.card.member_id, plain)
        lines = []
        skills = [safe(self.skill_picker.display(s), 200) for s in card.skills]
        lines.append(
            self.tr("Skills: {0}").format(", ".join(skills))
            if skills
            else self.tr("No skills listed yet.")
        )
        windows = card.availability
        if windows:
            lines.append(self.tr("Available:"))
            lines += ["  • " + self.describe_window(w) for w in windows]
        else:
            lines.append(self.tr("No availability given for the coming months."))
        ambitions = safe(card.ambitions, 600)
        if ambitions:
            lines.append(self.tr("Ambitions: {0}").format(ambitions))
        self.detail_body.setText("\n".join(lines))
        self.verify.show_card(card)

    def describe_window(self, w: Window) -> str:
        region = safe(w.region, MAX_REGION)
        text = self.tr("{0} to {1}, {2} hours a week").format(
            safe(w.start, 10), safe(w.end, 10), w.hours
        )
        if region:
            text += self.tr(", {0}").format(region)
        if w.remote:
            text += self.tr(", remote possible")
        return text

    # --- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self._load_members()
        self._load_profile()
        self.open_invites.reload()

    def _on_event(self, event: object) -> None:
        if not self._profile_loaded:
            return  # not shown yet: refresh() loads everything
        if isinstance(event, ev.RosterChanged | ev.ItemsChanged):
            self._members_timer.start()
