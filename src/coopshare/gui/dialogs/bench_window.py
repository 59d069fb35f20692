"""Publish an availability window for a colleague who signed their consent for me
(``Api.publish_window(..., for_member=...)``). Only members whose consent stands and whose
windows are under the cap are offered, and the dates stop where every replica's rule does: a
window ends no later than 90 days from today (model/talent_rules.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import PICKER_FORMAT, date_text, safe
from coopshare.service.api import Bench, WindowEntry

MAX_HOURS = 80
MAX_REGION = 100
ERROR_STYLE = "color: #c0392b;"


def _t(text: str) -> str:
    return QCoreApplication.translate("BenchWindow", text)


def window_text(w: WindowEntry) -> str:
    """ "10 Dec 2026 to 10 Jan 2027, 24 h/week, Utrecht" in the interface's language."""
    start = QDate.fromString(w.start, Qt.DateFormat.ISODate)
    end = QDate.fromString(w.end, Qt.DateFormat.ISODate)
    text = _t("{0} to {1}, {2} h/week").format(date_text(start), date_text(end), w.hours)
    if w.region:
        text += ", " + safe(w.region, MAX_REGION)
    if w.remote:
        text += _t(", remote possible")
    return text


def _date_edit(value: QDate, first: QDate, last: QDate, name: str) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(PICKER_FORMAT)
    edit.setDateRange(first, last)
    edit.setAccessibleName(name)
    return edit


class BenchWindowDialog(QDialog):
    published = Signal(str)  # the new window's item id

    def __init__(self, bridge: Bridge, bench: Bench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setWindowTitle(_t("Publish availability for a colleague"))
        self.setMinimumWidth(460)
        v = QVBoxLayout(self)
        intro = QLabel(
            _t(
                "The cooperative sees this window under your colleague's name, because they "
                "signed their consent. It ends within 90 days. If they revoke their consent, "
                "every device deletes it."
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.member = QComboBox()
        self.member.setAccessibleName(_t("Colleague"))
        for g in bench.givers:
            if g.room > 0:
                self.member.addItem(safe(g.name, 60), g.member_id)
        form.addRow(_t("&Colleague"), self.member)
        today = QDate.currentDate()
        last = QDate.fromString(bench.last_day, Qt.DateFormat.ISODate)
        last = last if last.isValid() and last >= today else today
        self.start = _date_edit(today, today, last, _t("Available from"))
        self.end = _date_edit(min(today.addDays(30), last), today, last, _t("Available until"))
        self.start.dateChanged.connect(self._start_changed)
        form.addRow(_t("&From"), self.start)
        form.addRow(_t("&To"), self.end)
        self.hours = QSpinBox()
        self.hours.setRange(0, MAX_HOURS)
        self.hours.setValue(24)
        self.hours.setSuffix(_t(" h/week"))
        self.hours.setAccessibleName(_t("Hours per week"))
        form.addRow(_t("&Hours per week"), self.hours)
        self.region = QLineEdit()
        self.region.setMaxLength(MAX_REGION)
        self.region.setPlaceholderText(_t("e.g. Utrecht"))
        form.addRow(_t("&Region"), self.region)
        self.remote = QCheckBox(_t("Remote work possible"))
        form.addRow("", self.remote)
        v.addLayout(form)
        hint = QLabel(_t("Never write down why someone is or is not available."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        v.addWidget(hint)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        v.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_t("Publish"))
        ok.setEnabled(self.member.count() > 0)
        self.buttons.accepted.connect(self.publish)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)

    def _start_changed(self, start: QDate) -> None:
        self.end.setMinimumDate(start)  # a window never ends before it starts

    def publish(self) -> None:
        member = self.member.currentData()
        if not isinstance(member, str):
            return
        iso = Qt.DateFormat.ISODate
        start, end = self.start.date().toString(iso), self.end.date().toString(iso)
        hours, region, remote = (
            self.hours.value(),
            self.region.text().strip(),
            self.remote.isChecked(),
        )
        self.buttons.setEnabled(False)
        self.bridge.write(
            lambda a: a.publish_window(
                start, end, hours, region, remote, for_member=bytes.fromhex(member)
            ),
            self._done,
            self._failed,
        )

    def _done(self, item_id: str) -> None:
        self.published.emit(item_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(_t("Not published: {0}").format(error_text(error)))
        self.error.show()
