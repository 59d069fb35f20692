"""Date pickers show a date as every other screen writes it (#40: one date format per locale;
"6 jan 2027" in Dutch, not "2027-01-06"), while what is stored stays ISO."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from coopshare.gui import i18n
from coopshare.gui.dialogs import bench_window
from coopshare.gui.dialogs.date_row import optional_date
from coopshare.gui.pages import profile_panel
from coopshare.gui.text import date_text

GUI = Path(__file__).resolve().parents[2] / "src" / "coopshare" / "gui"
ISO_PICKER = re.compile(r"setDisplayFormat\(\s*[\"']yyyy-MM-dd")


def test_pickers_show_the_apps_date_format_in_dutch(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    assert i18n.install(qapp, "nl") == "nl"
    try:
        host = QWidget()
        qtbot.addWidget(host)
        day = QDate(2027, 1, 6)
        _, lead_edit, _ = optional_date(host, "Start", 0)
        edits = [
            lead_edit,
            bench_window._date_edit(day, day.addDays(-1), day.addDays(90), "Van"),
            profile_panel._date_edit(day, "Van"),
        ]
        for edit in edits:
            edit.setDate(day)
            assert edit.text() == date_text(day) == "6 jan 2027", edit.text()
            assert edit.date().toString("yyyy-MM-dd") == "2027-01-06"  # stored as before
    finally:
        i18n.install(qapp, "en")


def test_no_picker_in_the_app_is_set_to_iso() -> None:
    hits = [p.name for p in GUI.rglob("*.py") if ISO_PICKER.search(p.read_text("utf-8"))]
    assert hits == [], hits
    assert ISO_PICKER.search('edit.setDisplayFormat("yyyy-MM-dd")')  # control: it would see one
