"""The People page's profile half: my skills, availability windows and ambitions, edited and
saved as my signed profile. :class:`PeoplePage` adds the members list.

Texts are translated in the ``PeoplePage`` context (``_t``), where they always were.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.errors_text import error_text
from coopshare.gui.pages.base import Page
from coopshare.gui.pages.bench_box import BenchBox
from coopshare.gui.pages.coi_box import CoiBox
from coopshare.gui.pages.consent_box import ConsentBox
from coopshare.gui.pages.skill_picker import SkillPicker
from coopshare.gui.text import PICKER_FORMAT, safe
from coopshare.service import api
from coopshare.service.api import Profile, ProfileEdit, Window

MAX_WINDOW_DAYS = api.MAX_WINDOW_DAYS
MAX_WINDOWS = 20
MAX_SKILLS = 50
MAX_SKILL = 64
MAX_REGION = 100
MAX_AMBITIONS = 5_000
ERROR_STYLE = "color: #c0392b;"
BAD_FIELD = "border: 1px solid #c0392b; border-radius: 3px;"


def _t(text: str) -> str:
    return QCoreApplication.translate("PeoplePage", text)


@dataclass
class WindowRow:
    """The editors of one availability window in the table."""

    start: QDateEdit
    end: QDateEdit
    hours: QSpinBox
    region: QLineEdit
    remote: QComboBox

    def value(self) -> Window:
        return Window(
            start=self.start.date().toString(Qt.DateFormat.ISODate),
            end=self.end.date().toString(Qt.DateFormat.ISODate),
            hours=self.hours.value(),
            region=self.region.text().strip(),
            remote=bool(self.remote.currentData()),
        )

    def mark(self, bad_dates: bool, bad_region: bool) -> None:
        for w in (self.start, self.end):
            w.setStyleSheet(BAD_FIELD if bad_dates else "")
        self.region.setStyleSheet(BAD_FIELD if bad_region else "")


def _date_edit(value: QDate, name: str) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(PICKER_FORMAT)
    edit.setAccessibleName(name)
    edit.setFrame(False)
    return edit


def _qdate(text: object, fallback: QDate) -> QDate:
    d = QDate.fromString(str(text), Qt.DateFormat.ISODate)
    return d if d.isValid() else fallback


class ProfilePanel(Page):
    """My profile (built by :meth:`_profile_panel`, loaded and saved through the API)."""

    windows: list[WindowRow]
    _loading: bool
    _dirty: bool
    _profile_loaded: bool

    def _section(self, text: str) -> QLabel:
        raise NotImplementedError

    def _field_label(self, text: str) -> QLabel:
        raise NotImplementedError

    def _load_members(self) -> None:
        raise NotImplementedError

    # --- my profile -----------------------------------------------------------------------------

    def _profile_panel(self) -> QWidget:
        panel = QWidget()
        v = QVBoxLayout(panel)
        v.setContentsMargins(8, 0, 4, 0)
        v.addWidget(self._section(_t("My profile")))
        intro = QLabel(
            _t(
                "What colleagues see about you. Leads that match your skills are pointed out to you."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(intro)

        v.addSpacing(6)
        v.addWidget(self._field_label(_t("Skills")))
        self.skills = QLineEdit()
        self.skills.setPlaceholderText(
            _t("Type to pick from the ESCO skills; separate them with commas")
        )
        self.skill_picker = SkillPicker(self.bridge, self.skills)
        self.skills.setAccessibleName(_t("Skills, separated by commas"))
        self.skills.textEdited.connect(self._changed)
        v.addWidget(self.skills)
        v.addSpacing(6)

        v.addWidget(self._field_label(_t("Availability")))
        self.avail = QTableWidget(0, 5)
        self.avail.setHorizontalHeaderLabels(
            [
                _t("From"),
                _t("To"),
                _t("Hours"),
                _t("Region"),
                _t("Remote"),
            ]
        )
        self.avail.verticalHeader().hide()
        self.avail.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.avail.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.avail.setAccessibleName(_t("Availability windows"))
        self.avail.setMinimumHeight(110)
        self.avail.verticalHeader().setDefaultSectionSize(32)
        h = self.avail.horizontalHeader()
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # region: what is left
        for col, width in ((0, 96), (1, 96), (2, 54)):  # dates, hours a week
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.avail.setColumnWidth(col, width)
        h.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)  # "Op afstand"
        if (hours_head := self.avail.horizontalHeaderItem(2)) is not None:
            hours_head.setToolTip(_t("Hours per week"))
        self.avail.setMaximumHeight(190)
        self.avail.itemSelectionChanged.connect(self._update_buttons)
        v.addWidget(self.avail)

        buttons = QHBoxLayout()
        self.add_window = QPushButton(_t("Add window"))
        self.add_window.setToolTip(_t("Add a period when you are available"))
        self.add_window.clicked.connect(self._add_clicked)
        self.remove_window = QPushButton(_t("Remove window"))
        self.remove_window.setToolTip(_t("Remove the selected period"))
        self.remove_window.clicked.connect(self._remove_clicked)
        buttons.addWidget(self.add_window)
        buttons.addWidget(self.remove_window)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.window_hint = QLabel(
            _t(
                "Each window lasts at most 90 days and expires when it ends; add a new one to renew it. Never write down why you are or are not available."
            )
        )
        self.window_hint.setWordWrap(True)
        self.window_hint.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(self.window_hint)
        self.consent_box = ConsentBox(self.bridge)
        v.addWidget(self.consent_box)
        self.bench_box = BenchBox(self.bridge)  # for colleagues who consented; else hidden
        v.addWidget(self.bench_box)
        self.coi_box = CoiBox(self.bridge)
        v.addWidget(self.coi_box)
        self.errors = QLabel()
        self.errors.setObjectName("errorText")
        self.errors.setTextFormat(Qt.TextFormat.PlainText)
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()
        v.addWidget(self.errors)

        v.addSpacing(6)
        v.addWidget(self._field_label(_t("Ambitions")))
        self.ambitions = QPlainTextEdit()
        self.ambitions.setPlaceholderText(
            _t("What kind of work would you like to do next? What do you want to learn?")
        )
        self.ambitions.setAccessibleName(_t("Ambitions"))
        self.ambitions.setMinimumHeight(70)
        self.ambitions.textChanged.connect(self._changed)
        v.addWidget(self.ambitions, 1)

        foot = QHBoxLayout()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        foot.addWidget(self.status, 1)
        self.save_button = QPushButton(_t("Save profile"))
        self.save_button.setToolTip(_t("Share your profile with the cooperative"))
        self.save_button.clicked.connect(self.save)
        foot.addWidget(self.save_button)
        v.addLayout(foot)
        self._update_buttons()
        return panel

    def _add_clicked(self) -> None:
        start = QDate.currentDate()
        self.add_window_row(Window(start=start.toString(Qt.DateFormat.ISODate), end="", hours=24))
        self.avail.selectRow(len(self.windows) - 1)
        self._changed()

    def add_window_row(self, w: Window) -> WindowRow:
        today = QDate.currentDate()
        start = _qdate(w.start, today)
        end = _qdate(w.end, start.addDays(30))
        row = len(self.windows)
        self.avail.insertRow(row)
        hours = QSpinBox()
        hours.setRange(0, 80)
        hours.setValue(w.hours)
        hours.setAccessibleName(_t("Hours per week"))
        hours.setFrame(False)
        region = QLineEdit(w.region)
        region.setPlaceholderText(_t("e.g. Utrecht"))
        region.setAccessibleName(_t("Region"))
        region.setFrame(False)
        remote = QComboBox()
        remote.addItem(_t("No"), False)
        remote.addItem(_t("Yes"), True)
        remote.setCurrentIndex(1 if w.remote else 0)
        remote.setAccessibleName(_t("Remote work possible"))
        remote.setFrame(False)
        wr = WindowRow(
            _date_edit(start, _t("Available from")),
            _date_edit(end, _t("Available until")),
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
        self.status.setText(_t("Not saved yet"))
        self.status.setStyleSheet("color: palette(placeholder-text);")

    def _load_profile(self) -> None:
        self.bridge.db(lambda a: a.my_profile(), self._got_profile)

    def _got_profile(self, prof: Profile) -> None:
        if self._dirty:
            return  # never overwrite what the user is typing
        self._loading = True
        self.skills.setText(", ".join(safe(self.skill_picker.display(s), 200) for s in prof.skills))
        self.avail.setRowCount(0)
        self.windows.clear()
        windows = prof.availability
        current = api.current_windows(windows)
        for w in current:
            self.add_window_row(w)
        if self.ambitions.toPlainText() != prof.ambitions:
            self.ambitions.setPlainText(prof.ambitions)
        ended = len(windows) - len(current)
        self.status.setStyleSheet("color: palette(placeholder-text);")
        if ended:
            self.status.setText(
                _t("An availability window ended and is left out when you save.")
                if ended == 1
                else _t("{0} availability windows ended and are left out when you save.").format(
                    ended
                )
            )
        elif not prof.exists:
            self.status.setText(_t("You have not shared a profile yet."))
        else:
            self.status.clear()
        self._loading = False
        self._profile_loaded = True
        self._update_buttons()

    # --- validation and saving ------------------------------------------------------------------

    def collect(self) -> tuple[ProfileEdit, list[str]]:
        """The profile for ``save_profile``, and the problems that block saving."""
        problems: list[str] = []
        skills: list[str] = []
        for part in self.skills.text().split(","):
            s = part.strip().lstrip("#")
            if not s:
                continue
            if len(s) > MAX_SKILL and not self.skill_picker.known(s):
                problems.append(
                    _t("A skill is at most {0} characters: “{1}…”.").format(MAX_SKILL, s[:30])
                )
            elif s not in skills:
                skills.append(s)
        if len(skills) > MAX_SKILLS:
            problems.append(_t("List at most {0} skills.").format(MAX_SKILLS))
        windows = []
        for n, wr in enumerate(self.windows, start=1):
            w = wr.value()
            start, end = dt.date.fromisoformat(w.start), dt.date.fromisoformat(w.end)
            days = (end - start).days
            bad_dates = False
            if days < 0:
                problems.append(_t("Window {0}: it ends before it starts.").format(n))
                bad_dates = True
            elif days > MAX_WINDOW_DAYS:
                problems.append(
                    _t(
                        "Window {0}: it lasts {1} days; a window lasts at most {2} days. Shorten it, and add a new window later to renew."
                    ).format(n, days, MAX_WINDOW_DAYS)
                )
                bad_dates = True
            bad_region = len(w.region) > MAX_REGION
            if bad_region:
                problems.append(
                    _t("Window {0}: the region is at most {1} characters.").format(n, MAX_REGION)
                )
            wr.mark(bad_dates, bad_region)
            windows.append(w)
        ambitions = self.ambitions.toPlainText().strip()
        if len(ambitions) > MAX_AMBITIONS:
            problems.append(
                _t("Ambitions are at most {0} characters (now {1}).").format(
                    MAX_AMBITIONS, len(ambitions)
                )
            )
        return ProfileEdit(tuple(skills), tuple(windows), ambitions), problems

    def save(self) -> None:
        edit, problems = self.collect()
        if problems:
            self.errors.setText("\n".join(problems))
            self.errors.show()
            self.status.setText(_t("Not saved: fix the marked fields first."))
            self.status.setStyleSheet(ERROR_STYLE)
            return
        self.errors.hide()
        self.save_button.setEnabled(False)
        self.status.setText(_t("Saving…"))
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self.bridge.write(lambda a: a.save_profile(edit), self._saved, self._failed)

    def _saved(self, _item_id: object) -> None:
        self._dirty = False
        self.save_button.setEnabled(True)
        self.status.setText(_t("Saved and shared with the cooperative."))
        self.status.setStyleSheet("color: palette(placeholder-text);")
        self._load_members()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.errors.setText(_t("Not saved: {0}").format(error_text(error)))
        self.errors.show()
        self.status.setText(_t("Not saved."))
        self.status.setStyleSheet(ERROR_STYLE)
