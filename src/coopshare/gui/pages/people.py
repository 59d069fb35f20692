"""People: the members of the cooperative (with safety numbers to verify each other) and my own
talent profile — skills, availability windows (at most 90 days each, they expire) and ambitions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.models import RowsModel, SummaryRole
from coopshare.gui.pages.base import Page, list_table, plain_label
from coopshare.gui.text import safe
from coopshare.service import api
from coopshare.service.api import events as ev

MAX_WINDOW_DAYS = api.MAX_WINDOW_DAYS
MAX_WINDOWS = 20
MEMBERS_DEBOUNCE_MS = 300
MAX_SKILLS = 50
MAX_SKILL = 64
MAX_REGION = 100
MAX_AMBITIONS = 5_000
ERROR_STYLE = "color: #c0392b;"
BAD_FIELD = "border: 1px solid #c0392b; border-radius: 3px;"
Index = QModelIndex | QPersistentModelIndex


class MembersModel(RowsModel):
    """Members; the verify column in a fixed-width font so the digit groups line up."""

    VERIFY = "safety"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self.rows):
            field = self.columns[index.column()][0]
            if role == Qt.ItemDataRole.FontRole and field == self.VERIFY:
                return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            if role == Qt.ItemDataRole.TextAlignmentRole and field == "devices":
                return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)


@dataclass
class WindowRow:
    """The editors of one availability window in the table."""

    start: QDateEdit
    end: QDateEdit
    hours: QSpinBox
    region: QLineEdit
    remote: QComboBox

    def value(self) -> dict[str, Any]:
        return {
            "from": self.start.date().toString(Qt.DateFormat.ISODate),
            "to": self.end.date().toString(Qt.DateFormat.ISODate),
            "hours": self.hours.value(),
            "region": self.region.text().strip(),
            "remote": bool(self.remote.currentData()),
        }

    def mark(self, bad_dates: bool, bad_region: bool) -> None:
        for w in (self.start, self.end):
            w.setStyleSheet(BAD_FIELD if bad_dates else "")
        self.region.setStyleSheet(BAD_FIELD if bad_region else "")


def _date_edit(value: QDate, name: str) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    edit.setFrame(False)
    return edit


def _qdate(text: object, fallback: QDate) -> QDate:
    d = QDate.fromString(str(text), Qt.DateFormat.ISODate)
    return d if d.isValid() else fallback


class PeoplePage(Page):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.windows: list[WindowRow] = []
        self._loading = False
        self._dirty = False
        self._profile_loaded = False

        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        self.title_row.insertWidget(1, self.count_label)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self._members_panel())
        split.addWidget(self._profile_panel())
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
                ("safety", self.tr("Verify")),
            ],
            self,
        )
        self.table = list_table(self.members, self.tr("Members"))
        self.table.selectionModel().currentRowChanged.connect(self._on_select)
        v.addWidget(self.table, 3)
        self.verify_hint = QLabel(
            self.tr(
                "Compare these digits with the other person's screen to verify each other. If they match, nobody is impersonating either of you."
            )
        )
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
        dv.addStretch(1)
        v.addWidget(self.detail, 2)
        return panel

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-size: 12pt; font-weight: 600; padding: 4px 0;")
        return label

    def _field_label(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 600;")
        return label

    def role_label(self, role: str) -> str:
        return {"admin": self.tr("Admin"), "member": self.tr("Member")}.get(role, role)

    def _load_members(self) -> None:
        self.bridge.db(lambda a: a.member_cards(), self._got_members)

    def _got_members(self, rows: list[dict[str, Any]]) -> None:
        current = self.table.currentIndex()
        selected = current.data(SummaryRole) if current.isValid() else None
        shown = []
        for r in rows:
            name = safe(r.get("name", ""), 80)
            row = dict(r)
            row["plain_name"] = name
            row["name"] = self.tr("{0} (you)").format(name) if r.get("me") else name
            row["role_label"] = self.role_label(str(r.get("role", "")))
            row["devices"] = str(r.get("devices", 0))
            row["safety"] = "—" if r.get("me") else r.get("safety", "")
            shown.append(row)
        self.members.set_rows(shown)
        n = len(shown)
        self.count_label.setText(
            self.tr("1 member") if n == 1 else self.tr("{0} members").format(n)
        )
        keep = 0
        if isinstance(selected, dict):
            keep = next(
                (i for i, r in enumerate(shown) if r["member_id"] == selected.get("member_id")), 0
            )
        if shown:
            self.table.selectRow(keep)
        else:
            self._show_member(None)

    def _on_select(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(SummaryRole) if current.isValid() else None
        self._show_member(row if isinstance(row, dict) else None)

    def _show_member(self, row: dict[str, Any] | None) -> None:
        if row is None:
            self.detail_name.clear()
            self.detail_body.clear()
            return
        self.detail_name.setText(row["name"])
        lines = []
        skills = [safe(s, MAX_SKILL) for s in row.get("skills", [])]
        lines.append(
            self.tr("Skills: {0}").format(", ".join(skills))
            if skills
            else self.tr("No skills listed yet.")
        )
        windows = row.get("availability", [])
        if windows:
            lines.append(self.tr("Available:"))
            lines += ["  • " + self.describe_window(w) for w in windows]
        else:
            lines.append(self.tr("No availability given for the coming months."))
        ambitions = safe(row.get("ambitions", ""), 600)
        if ambitions:
            lines.append(self.tr("Ambitions: {0}").format(ambitions))
        if not row.get("me"):
            lines.append(self.tr("Safety number: {0}").format(row.get("safety", "")))
        self.detail_body.setText("\n".join(lines))

    def describe_window(self, w: dict[str, Any]) -> str:
        region = safe(w.get("region", ""), MAX_REGION)
        text = self.tr("{0} to {1}, {2} hours a week").format(
            safe(w.get("from", ""), 10), safe(w.get("to", ""), 10), int(w.get("hours", 0) or 0)
        )
        if region:
            text += self.tr(", {0}").format(region)
        if w.get("remote"):
            text += self.tr(", remote possible")
        return text

    # --- my profile -----------------------------------------------------------------------------

    def _profile_panel(self) -> QWidget:
        panel = QWidget()
        v = QVBoxLayout(panel)
        v.setContentsMargins(8, 0, 4, 0)
        v.addWidget(self._section(self.tr("My profile")))
        intro = QLabel(
            self.tr(
                "What colleagues see about you. Leads that match your skills are pointed out to you."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(intro)

        v.addSpacing(6)
        v.addWidget(self._field_label(self.tr("Skills")))
        self.skills = QLineEdit()
        self.skills.setPlaceholderText(
            self.tr("Separated by commas, for example interim management, procurement, Lean")
        )
        self.skills.setAccessibleName(self.tr("Skills, separated by commas"))
        self.skills.textEdited.connect(self._changed)
        v.addWidget(self.skills)
        v.addSpacing(6)

        v.addWidget(self._field_label(self.tr("Availability")))
        self.avail = QTableWidget(0, 5)
        self.avail.setHorizontalHeaderLabels(
            [
                self.tr("From"),
                self.tr("To"),
                self.tr("Hours/week"),
                self.tr("Region"),
                self.tr("Remote"),
            ]
        )
        self.avail.verticalHeader().hide()
        self.avail.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.avail.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.avail.setAccessibleName(self.tr("Availability windows"))
        self.avail.setMinimumHeight(110)
        self.avail.verticalHeader().setDefaultSectionSize(32)
        h = self.avail.horizontalHeader()
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 112), (1, 112), (2, 90), (4, 74)):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.avail.setColumnWidth(col, width)
        self.avail.itemSelectionChanged.connect(self._update_buttons)
        v.addWidget(self.avail)

        buttons = QHBoxLayout()
        self.add_window = QPushButton(self.tr("Add window"))
        self.add_window.setToolTip(self.tr("Add a period when you are available"))
        self.add_window.clicked.connect(self._add_clicked)
        self.remove_window = QPushButton(self.tr("Remove window"))
        self.remove_window.setToolTip(self.tr("Remove the selected period"))
        self.remove_window.clicked.connect(self._remove_clicked)
        buttons.addWidget(self.add_window)
        buttons.addWidget(self.remove_window)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.window_hint = QLabel(
            self.tr(
                "Each window lasts at most 90 days and expires when it ends; add a new one to renew it. Never write down why you are or are not available."
            )
        )
        self.window_hint.setWordWrap(True)
        self.window_hint.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(self.window_hint)
        self.errors = QLabel()
        self.errors.setObjectName("errorText")
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()
        v.addWidget(self.errors)

        v.addSpacing(6)
        v.addWidget(self._field_label(self.tr("Ambitions")))
        self.ambitions = QPlainTextEdit()
        self.ambitions.setPlaceholderText(
            self.tr("What kind of work would you like to do next? What do you want to learn?")
        )
        self.ambitions.setAccessibleName(self.tr("Ambitions"))
        self.ambitions.setMinimumHeight(70)
        self.ambitions.textChanged.connect(self._changed)
        v.addWidget(self.ambitions, 1)

        foot = QHBoxLayout()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        foot.addWidget(self.status, 1)
        self.save_button = QPushButton(self.tr("Save profile"))
        self.save_button.setToolTip(self.tr("Share your profile with the cooperative"))
        self.save_button.clicked.connect(self.save)
        foot.addWidget(self.save_button)
        v.addLayout(foot)
        self._update_buttons()
        return panel

    def _add_clicked(self) -> None:
        start = QDate.currentDate()
        self.add_window_row({"from": start.toString(Qt.DateFormat.ISODate)})
        self.avail.selectRow(len(self.windows) - 1)
        self._changed()

    def add_window_row(self, w: dict[str, Any]) -> WindowRow:
        today = QDate.currentDate()
        start = _qdate(w.get("from"), today)
        end = _qdate(w.get("to"), start.addDays(30))
        row = len(self.windows)
        self.avail.insertRow(row)
        hours = QSpinBox()
        hours.setRange(0, 80)
        hours.setValue(int(w.get("hours", 24) or 0))
        hours.setAccessibleName(self.tr("Hours per week"))
        hours.setFrame(False)
        region = QLineEdit(str(w.get("region", "")))
        region.setPlaceholderText(self.tr("e.g. Utrecht"))
        region.setAccessibleName(self.tr("Region"))
        region.setFrame(False)
        remote = QComboBox()
        remote.addItem(self.tr("No"), False)
        remote.addItem(self.tr("Yes"), True)
        remote.setCurrentIndex(1 if w.get("remote") else 0)
        remote.setAccessibleName(self.tr("Remote work possible"))
        remote.setFrame(False)
        wr = WindowRow(
            _date_edit(start, self.tr("Available from")),
            _date_edit(end, self.tr("Available until")),
            hours,
            region,
            remote,
        )
        for col, widget in enumerate((wr.start, wr.end, hours, region, remote)):
            self.avail.setCellWidget(row, col, widget)
        wr.start.dateChanged.connect(self._changed)
        wr.end.dateChanged.connect(self._changed)
        hours.valueChanged.connect(self._changed)
        region.textEdited.connect(self._changed)
        remote.currentIndexChanged.connect(self._changed)
        self.windows.append(wr)
        self._update_buttons()
        return wr

    def _remove_clicked(self) -> None:
        row = self.avail.currentRow()
        if 0 <= row < len(self.windows):
            self.avail.removeRow(row)
            del self.windows[row]
            self._changed()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_window.setEnabled(len(self.windows) < MAX_WINDOWS)
        self.remove_window.setEnabled(0 <= self.avail.currentRow() < len(self.windows))

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self.status.setText(self.tr("Not saved yet"))
        self.status.setStyleSheet("color: palette(placeholder-text);")

    def _load_profile(self) -> None:
        self.bridge.db(lambda a: a.my_profile(), self._got_profile)

    def _got_profile(self, prof: dict[str, Any]) -> None:
        if self._dirty:
            return  # never overwrite what the user is typing
        self._loading = True
        self.skills.setText(", ".join(safe(s, MAX_SKILL) for s in prof.get("skills", [])))
        self.avail.setRowCount(0)
        self.windows.clear()
        windows = prof.get("availability", [])
        current = api.current_windows(windows)
        for w in current:
            self.add_window_row(w)
        if self.ambitions.toPlainText() != prof.get("ambitions", ""):
            self.ambitions.setPlainText(str(prof.get("ambitions", "")))
        ended = len(windows) - len(current)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        if ended:
            self.status.setText(
                self.tr("An availability window ended and is left out when you save.")
                if ended == 1
                else self.tr(
                    "{0} availability windows ended and are left out when you save."
                ).format(ended)
            )
        elif not prof.get("exists"):
            self.status.setText(self.tr("You have not shared a profile yet."))
        else:
            self.status.clear()
        self._loading = False
        self._profile_loaded = True
        self._update_buttons()

    # --- validation and saving ------------------------------------------------------------------

    def collect(self) -> tuple[dict[str, Any], list[str]]:
        """The profile as fields for ``set_profile``, and the problems that block saving."""
        problems: list[str] = []
        skills: list[str] = []
        for part in self.skills.text().split(","):
            s = part.strip().lstrip("#")
            if not s:
                continue
            if len(s) > MAX_SKILL:
                problems.append(
                    self.tr("A skill is at most {0} characters: “{1}…”.").format(MAX_SKILL, s[:30])
                )
            elif s not in skills:
                skills.append(s)
        if len(skills) > MAX_SKILLS:
            problems.append(self.tr("List at most {0} skills.").format(MAX_SKILLS))
        windows = []
        for n, wr in enumerate(self.windows, start=1):
            w = wr.value()
            start, end = dt.date.fromisoformat(w["from"]), dt.date.fromisoformat(w["to"])
            days = (end - start).days
            bad_dates = False
            if days < 0:
                problems.append(self.tr("Window {0}: it ends before it starts.").format(n))
                bad_dates = True
            elif days > MAX_WINDOW_DAYS:
                problems.append(
                    self.tr(
                        "Window {0}: it lasts {1} days; a window lasts at most {2} days. Shorten it, and add a new window later to renew."
                    ).format(n, days, MAX_WINDOW_DAYS)
                )
                bad_dates = True
            bad_region = len(w["region"]) > MAX_REGION
            if bad_region:
                problems.append(
                    self.tr("Window {0}: the region is at most {1} characters.").format(
                        n, MAX_REGION
                    )
                )
            wr.mark(bad_dates, bad_region)
            windows.append(w)
        ambitions = self.ambitions.toPlainText().strip()
        if len(ambitions) > MAX_AMBITIONS:
            problems.append(
                self.tr("Ambitions are at most {0} characters (now {1}).").format(
                    MAX_AMBITIONS, len(ambitions)
                )
            )
        return {"skills": skills, "availability": windows, "ambitions": ambitions}, problems

    def save(self) -> None:
        fields, problems = self.collect()
        if problems:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            self.status.setText(self.tr("Not saved: fix the marked fields first."))
            self.status.setStyleSheet(ERROR_STYLE)
            return
        self.errors.hide()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self.bridge.write(lambda a: a.set_profile(fields), self._saved, self._failed)

    def _saved(self, _item_id: object) -> None:
        self._dirty = False
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Saved and shared with the cooperative."))
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self._load_members()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.setText(self.tr("Not saved: {0}").format(str(error)))
        self.errors.show()
        self.status.setText(self.tr("Not saved."))
        self.status.setStyleSheet(ERROR_STYLE)

    # --- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self._load_members()
        self._load_profile()

    def _on_event(self, event: object) -> None:
        if not self._profile_loaded:
            return  # not shown yet: refresh() loads everything
        if isinstance(event, ev.RosterChanged | ev.ItemsChanged):
            self._members_timer.start()
