"""A date that is stored only when ticked: a checkbox beside a date picker (the lead form)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from coopshare.gui.text import PICKER_FORMAT


def optional_date(
    parent: QWidget, accessible: str, days_ahead: int
) -> tuple[QCheckBox, QDateEdit, QHBoxLayout]:
    """A checkbox that enables a date picker: the date is only stored when ticked."""
    check = QCheckBox(parent)
    check.setAccessibleName(accessible)
    check.setToolTip(QCoreApplication.translate("LeadForm", "Tick to give this date"))
    edit = QDateEdit(QDate.currentDate().addDays(days_ahead), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(PICKER_FORMAT)
    edit.setEnabled(False)
    edit.setAccessibleName(accessible)
    edit.setMinimumWidth(130)
    check.toggled.connect(edit.setEnabled)
    row = QHBoxLayout()
    row.addWidget(check)
    row.addWidget(edit)
    row.addStretch(1)
    return check, edit, row
