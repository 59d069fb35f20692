"""Nearby: the devices of members this one is syncing with, has found on this network, or has
reached before — live from PeersChanged events and the Node's discovery results."""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.models import RowsModel
from coopshare.gui.network_live import apply_network_prefs
from coopshare.gui.pages.base import Page, empty_state, list_table
from coopshare.gui.pages.device_naming import (
    devices_text,
    devices_tip,
    name_a_device,
)
from coopshare.gui.pages.nearby_rows import MemberNearby, per_member
from coopshare.gui.settings import Prefs
from coopshare.gui.text import safe, when
from coopshare.gui.theme import ACCENT, AMBER
from coopshare.gui.this_device import ThisDeviceCard
from coopshare.service.api import NearbyPeer
from coopshare.service.api import events as ev

POLL_MS = 4000  # discovery results change without an event: look again while the page shows
CONNECTED_COLOR = ACCENT
# the meetup-mode switch (white text): on (not announcing), off (the usual: neutral, never the
# green of "connected"), discovery off
MODE_CHIP_COLOURS = {"meetup": AMBER, "hidden": "#5f6763", "visible": "#5f6763"}
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class PeerLine:
    """A row of the Nearby table (one per member): the texts shown, and whom they show."""

    peer: MemberNearby
    member: str
    device_short: str
    addr: str
    how_label: str
    state: str
    seen: str


class PeersModel(RowsModel):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is not None:
            field = self.columns[index.column()][0]
            if role == Qt.ItemDataRole.ForegroundRole and field == "state" and row.peer.connected:
                return QColor(CONNECTED_COLOR)
            if role == Qt.ItemDataRole.ToolTipRole and field == "device_short":
                return devices_tip(row.peer)
        return super().data(index, role)


class NearbyPage(Page):
    meetup_changed = Signal()  # the switch on this page changed the preference

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.prefs = Prefs(bridge.runtime.home)
        self._busy = False
        self._again = False
        self._started = False  # refresh() ran: the page has been shown once

        self._seen_at: dict[str, int] = {}  # device -> when this window last saw it connected
        self.mode_label = QPushButton()  # a real switch: meetup mode on/off, applied at once
        self.mode_label.setObjectName("modeChip")
        self.mode_label.setCheckable(True)
        self.mode_label.clicked.connect(self._toggle_meetup)
        self.title_row.addWidget(self.mode_label)
        self.this_device = ThisDeviceCard(bridge, self)
        self.outer.addWidget(self.this_device)

        self.model = PeersModel(
            [
                ("member", self.tr("Member")),
                ("device_short", self.tr("Devices")),
                ("addr", self.tr("Address")),
                ("how_label", self.tr("Found by")),
                ("state", self.tr("Status")),
                ("seen", self.tr("Last synced")),
            ],
            self,
        )
        self.table = list_table(self.model, self.tr("Devices nearby"))
        self.name_button = QPushButton(self.tr("Name device…"))
        self.name_button.setToolTip(self.tr("Give the selected member's device a name you know"))
        self.name_button.clicked.connect(self._name_device)
        self.table.selectionModel().selectionChanged.connect(self._can_name)
        self.title_row.insertWidget(2, self.name_button)

        self.empty = empty_state("")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.outer.addWidget(self.stack, 1)
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        self.footer.setTextFormat(Qt.TextFormat.PlainText)
        self.footer.setStyleSheet("color: palette(placeholder-text);")
        self.outer.addWidget(self.footer)

        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.reload)
        bridge.core_event.connect(self._on_event)
        self._show_mode()
        self._update_empty()

    def page_title(self) -> str:
        return self.tr("Nearby")

    # --- modes ----------------------------------------------------------------------------------

    def _show_mode(self) -> None:
        meetup = self.prefs.flag("meetup")
        mdns = self.prefs.flag("mdns")
        if not mdns:
            chip = self.tr("Discovery off")
            line = self.tr(
                "Discovery is off: only members added by address in Settings connect to this device."
            )
        elif meetup:
            chip = self.tr("Meetup mode: on")
            line = self.tr(
                "Meetup mode is on: this device looks for members on this network without announcing itself."
            )
        else:
            chip = self.tr("Meetup mode: off")
            line = self.tr(
                "Meetup mode is off: members on this network can find this device. Only members recognise it."
            )
        self.mode_label.setText(chip)
        self.mode_label.setChecked(meetup and mdns)
        self.mode_label.setEnabled(mdns)  # without discovery there is nothing to announce
        self.mode_label.setToolTip(
            line + "\n" + self.tr("Click to switch meetup mode; it applies at once.")
            if mdns
            else line
        )
        mode = "meetup" if meetup and mdns else "hidden" if not mdns else "visible"
        self.mode_label.setStyleSheet(
            "QPushButton { padding: 3px 10px; border-radius: 10px; color: white; border: none; "
            f"background: {MODE_CHIP_COLOURS[mode]}; }}"
        )
        self.footer.setText(line)
        self.empty.setText(
            self.tr(
                "No one nearby yet. Members running CoopShare on this network appear here by themselves. On guest Wi-Fi or a hotspot that blocks discovery, add a member by address in Settings."
            )
            + "\n\n"
            + line
        )

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.stack.setCurrentWidget(self.empty if empty else self.table)
        self.footer.setVisible(not empty)

    # --- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self._started = True
        self._show_mode()
        self.this_device.reload()
        self.reload()

    def reload(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.bridge.run(self.bridge.runtime.nearby(), self._got, self._failed)

    def _toggle_meetup(self, on: bool) -> None:
        self.prefs.set("meetup", on)
        self._show_mode()
        self.meetup_changed.emit()
        apply_network_prefs(self.bridge, self.prefs, done=lambda _c: self.this_device.reload())

    def _got(self, rows: list[NearbyPeer]) -> None:
        self._busy = False
        now = int(time.time())
        self._seen_at.update({r.device: now for r in rows if r.connected and r.device})
        self.model.set_rows([self._display(m) for m in per_member(rows, self._seen_at)])
        self._can_name()
        self._update_empty()
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.footer.setText(self.tr("Could not list nearby devices: {0}").format(str(error)))
        self.footer.show()

    def _display(self, r: MemberNearby) -> PeerLine:
        how = {
            "mdns": self.tr("This network"),
            "manual": self.tr("Address"),
            "inbound": self.tr("They connected"),
        }.get(r.how, safe(r.how, 20))
        member = safe(r.member, 80)
        if not member:
            member = self.tr("A member (not connected yet)") if not r.devices else "?"
        if r.in_sync:
            state = self.tr("● In sync")
        elif r.connected:
            state = self.tr("● Syncing…")
        else:
            state = self.tr("○ Not connected")
        devices = devices_text(r)  # names given here, else the start of each id
        return PeerLine(
            peer=r,
            member=member,
            device_short=devices,
            addr=safe(r.addr, 60) or "—",
            how_label=how,
            state=state,
            seen=self.seen(r.last_seen, r.in_sync),
        )

    def _chosen(self) -> PeerLine | None:
        """The selected row, or the only one."""
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.model.rows):
            return self.model.rows[rows[0].row()]  # type: ignore[no-any-return]
        return self.model.rows[0] if len(self.model.rows) == 1 else None

    def _can_name(self) -> None:
        line = self._chosen()
        self.name_button.setEnabled(line is not None and bool(line.peer.devices))

    def _name_device(self) -> None:
        line = self._chosen()
        if line is not None:
            name_a_device(self, self.bridge, line.peer, self.reload)

    def seen(self, at: int, connected: bool) -> str:
        if connected:
            return self.tr("now")
        if not at:
            return self.tr("never")
        ago = max(int(time.time()) - at, 0)
        if ago < 60:
            return self.tr("just now")
        if ago < 3600:
            return self.tr("%n minute(s) ago", "", ago // 60)
        return when(at * 1000)

    def _on_event(self, event: object) -> None:
        synced = isinstance(event, ev.SyncProgress) and event.converged
        if (isinstance(event, ev.PeersChanged) or synced) and self._started:
            self.reload()

    # --- live while visible ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_mode()  # settings may have changed
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()
