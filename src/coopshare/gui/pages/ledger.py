"""Given and received: my own ledger in full, the other members' as counts, listed by name.

Deliberately no leaderboard: no scores, no totals across members, no sorting by counts (the
members table cannot be sorted at all and lists members by name). Nudges are mine only.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.models import RowsModel
from coopshare.gui.pages.base import Page, empty_state, list_table, plain_label
from coopshare.gui.text import day_text, safe
from coopshare.gui.theme import ACCENT
from coopshare.service.api import Counts, Entry, Ledger, Nudge
from coopshare.service.api import events as ev

REFRESH_DEBOUNCE_MS = 400


@dataclass(frozen=True, slots=True)
class EntryLine:
    """One row of my ledger as the table shows it."""

    date: str
    what: str
    title: str
    other: str
    note: str
    item_id: str


def day(ms: int) -> str:
    """The local date of an entry (a ledger lists days, not times)."""
    return day_text(ms) if ms else ""


class LedgerPage(Page):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.ledger: Ledger | None = None
        self._stale = False
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self._mine_panel())
        split.addWidget(self._others_panel())
        split.setSizes([420, 260])
        self.outer.addWidget(split, 1)
        self._timer = QTimer(self)  # a sync brings many changes: read once after the burst
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DEBOUNCE_MS)
        self._timer.timeout.connect(self._load)
        bridge.core_event.connect(self._on_event)

    def page_title(self) -> str:
        return self.tr("Given and received")

    # --- building -------------------------------------------------------------------------------

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-size: 12pt; font-weight: 600; padding: 4px 0;")
        return label

    def _mine_panel(self) -> QWidget:
        panel = QWidget()
        v = QVBoxLayout(panel)
        v.setContentsMargins(0, 0, 0, 4)
        v.addWidget(self._section(self.tr("Yours")))
        self.mine_counts = plain_label()
        self.mine_counts.setObjectName("mine_counts")
        v.addWidget(self.mine_counts)
        self.nudge = QFrame()
        self.nudge.setObjectName("nudge")
        self.nudge.setStyleSheet(
            f"QFrame#nudge {{ border: 1px solid {ACCENT}; border-radius: 6px; }}"
        )
        nv = QVBoxLayout(self.nudge)
        nv.setContentsMargins(10, 6, 10, 6)
        self.nudge_text = plain_label()
        nv.addWidget(self.nudge_text)
        self.nudge.hide()
        v.addWidget(self.nudge)
        self.entries = RowsModel(
            [
                ("date", self.tr("Date")),
                ("what", self.tr("What")),
                ("title", self.tr("For")),
                ("other", self.tr("With")),
                ("note", self.tr("Note")),
            ],
            self,
        )
        self.entries_table = list_table(self.entries, self.tr("Your given and received"))
        self.entries_table.setObjectName("ledger_entries")
        self.entries_table.setSortingEnabled(False)
        header = self.entries_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionsClickable(False)
        self.mine_stack = QStackedWidget()
        self.mine_empty = empty_state(
            self.tr(
                "Nothing given or received yet. Share a note, give a lead, or thank someone for theirs: it shows here."
            )
        )
        self.mine_stack.addWidget(self.mine_empty)
        self.mine_stack.addWidget(self.entries_table)
        v.addWidget(self.mine_stack, 1)
        return panel

    def _others_panel(self) -> QWidget:
        panel = QWidget()
        v = QVBoxLayout(panel)
        v.setContentsMargins(0, 4, 0, 0)
        v.addWidget(self._section(self.tr("Other members")))
        hint = QLabel(
            self.tr(
                "Counts only, listed by name. There is no ranking: what matters is that giving and receiving flow both ways."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(hint)
        self.members = RowsModel(
            [
                ("name", self.tr("Name")),
                ("leads_given", self.tr("Leads given")),
                ("leads_received", self.tr("Leads received")),
                ("notes_shared", self.tr("Notes shared")),
                ("thanks_given", self.tr("Thanks given")),
                ("thanks_received", self.tr("Thanks received")),
            ],
            self,
        )
        self.members_table = list_table(self.members, self.tr("Other members' counts"))
        self.members_table.setObjectName("ledger_members")
        self.members_table.setSortingEnabled(False)
        self.members_table.horizontalHeader().setSectionsClickable(False)
        self.members_stack = QStackedWidget()
        self.members_empty = empty_state(
            self.tr("No other members yet. Invite someone to the cooperative.")
        )
        self.members_stack.addWidget(self.members_empty)
        self.members_stack.addWidget(self.members_table)
        v.addWidget(self.members_stack, 1)
        return panel

    # --- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self._load()

    def _load(self) -> None:
        self._stale = False
        self.bridge.db(lambda a: a.ledger(), self.show_ledger)

    def _on_event(self, event: object) -> None:
        """Re-read after changes, only while shown (the read scans every note and lead)."""
        if isinstance(event, ev.ItemsChanged | ev.RosterChanged):
            self._stale = True
            if self.isVisible():
                self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.ledger is not None:
            self._timer.start()

    def show_ledger(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.mine_counts.setText(self.counts_text(ledger.mine))
        nudges = [self.nudge_line(n) for n in ledger.nudges]
        self.nudge_text.setText(
            self.tr("Only you see this: {0}").format(" ".join(nudges)) if nudges else ""
        )
        self.nudge.setVisible(bool(nudges))
        self.entries.set_rows([self.entry_row(e) for e in ledger.entries])
        self.mine_stack.setCurrentWidget(self.entries_table if ledger.entries else self.mine_empty)
        self.members.set_rows([self.member_row(c) for c in ledger.members])
        self.members_stack.setCurrentWidget(
            self.members_table if ledger.members else self.members_empty
        )

    # --- texts ----------------------------------------------------------------------------------

    def counts_text(self, c: Counts) -> str:
        return "\n".join(
            [
                self.tr("Leads: {0} given ({1} led to work), {2} received").format(
                    c.leads_given, c.leads_worked, c.leads_received
                ),
                self.tr("Notes shared: {0}").format(c.notes_shared),
                self.tr("Thanks: {0} given, {1} received").format(
                    c.thanks_given, c.thanks_received
                ),
            ]
        )

    def nudge_line(self, n: Nudge) -> str:
        if n.what == "leads":
            return self.tr("{0} leads received this quarter, none given.").format(n.received)
        return self.tr("{0} thanks received this quarter, none given.").format(n.received)

    def what_text(self, what: str) -> str:
        return {
            "lead-given": self.tr("Lead given"),
            "lead-received": self.tr("Lead received"),
            "lead-worked": self.tr("Lead given, led to work"),
            "note": self.tr("Note shared"),
            "thanks-given": self.tr("Thanks given"),
            "thanks-received": self.tr("Thanks received"),
        }.get(what, what)

    def verdict_text(self, verdict: str) -> str:
        return {
            "over-cap": self.tr("does not count: over the limit of 10 thanks a day"),
            "self": self.tr("does not count: a thanks to oneself"),
            "duplicate": self.tr("does not count: already thanked for this"),
            "pending": self.tr("counts once the item it thanks for arrives"),
            "bad-target": self.tr("does not count: not a note, lead or member"),
            "withdrawn": self.tr("withdrawn"),
        }.get(verdict, "")

    def entry_row(self, e: Entry) -> EntryLine:
        note = safe(e.text, 200)
        if not e.counts:
            flag = self.verdict_text(e.verdict)
            note = f"{note} ({flag})" if note else flag
        return EntryLine(
            day(e.when_ms),
            self.what_text(e.what),
            safe(e.title, 200),
            safe(e.other, 80),
            note,
            e.item_id,
        )

    def member_row(self, c: Counts) -> Counts:
        return c  # shown as it is: the table reads its name and counts (RowsModel makes text)
