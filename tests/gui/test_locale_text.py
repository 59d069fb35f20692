"""Counts and dates as each language writes them (defects #33 and #40).

Counts go through Qt's plural forms (tr(text, "", n) with %n): the Dutch catalogue and an
English one holding only the plural messages give "1 member" / "2 members" and "1 lid" /
"2 leden", never "member(s)". Dates come from one helper (gui/text.py) in the interface's
language: "7 Dec 2026, 18:22" in English, "7 dec 2026, 18:22" in Dutch.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import QApplication

from coopshare.gui import i18n
from coopshare.gui.text import date_time_text, day_text, when

GUI = Path(i18n.__file__).parent
PLURALS = [  # (context, source, n, English, Dutch)
    ("MainWindow", "● %n member(s) online", 1, "● 1 member online", "● 1 lid online"),
    ("MainWindow", "● %n member(s) online", 3, "● 3 members online", "● 3 leden online"),
    ("PeoplePage", "%n member(s)", 1, "1 member", "1 lid"),
    ("PeoplePage", "%n member(s)", 12, "12 members", "12 leden"),
    ("SearchDialog", "%n result(s)", 1, "1 result", "1 resultaat"),
    ("SearchDialog", "%n result(s)", 0, "0 results", "0 resultaten"),
    ("NearbyPage", "%n minute(s) ago", 1, "1 minute ago", "1 minuut geleden"),
    (
        "DeleteRun",
        "Deleted %n note(s) (in the trash)",
        2,
        "Deleted 2 notes (in the trash)",
        "2 notities verwijderd (in de prullenbak)",
    ),
]


@pytest.fixture
def lang(qapp: QApplication) -> Iterator[object]:
    def use(language: str) -> None:
        assert i18n.install(qapp, language) == language

    yield use
    i18n.install(qapp, "en")  # the other tests read English


@pytest.mark.parametrize(("context", "source", "n", "english", "dutch"), PLURALS)
def test_counts_use_plural_forms(
    lang, context: str, source: str, n: int, english: str, dutch: str
) -> None:  # type: ignore[no-untyped-def]
    lang("en")
    assert QCoreApplication.translate(context, source, "", n) == english
    lang("nl")
    assert QCoreApplication.translate(context, source, "", n) == dutch


def _messages(language: str) -> list[ET.Element]:
    root = ET.parse(GUI / "i18n" / f"coopshare_{language}.ts").getroot()
    return root.findall("context/message")


def test_every_count_has_both_forms_in_both_languages() -> None:
    nl = _messages("nl")
    counted = {m.findtext("source") for m in nl if m.get("numerus") == "yes"}
    assert len(counted) >= 7  # positive control: the catalogue's plural messages were found
    for m in nl:  # a count written as "(s)" or "{0} members" is not a plural message
        source = m.findtext("source") or ""
        if m.get("numerus") != "yes":
            assert "%n" not in source and "(s)" not in source, source
    for language in ("nl", "en"):
        forms = {
            m.findtext("source"): [f.text for f in m.findall("translation/numerusform")]
            for m in _messages(language)
            if m.get("numerus") == "yes"
        }
        assert set(forms) == counted, language
        for counted_source, texts in forms.items():
            assert len(texts) == 2, (language, counted_source)
            assert all(t and "%n" in t for t in texts), (language, counted_source)


def _ms(y: int, mo: int, d: int, h: int, mi: int) -> int:
    return QDateTime(QDate(y, mo, d), QTime(h, mi)).toMSecsSinceEpoch()


def test_dates_are_written_in_the_language_of_the_interface(lang) -> None:  # type: ignore[no-untyped-def]
    moment = _ms(2026, 3, 7, 18, 22)
    lang("en")
    assert date_time_text(moment) == "7 Mar 2026, 18:22"
    assert day_text(moment) == "7 Mar 2026"
    lang("nl")
    assert date_time_text(moment) == "7 mrt 2026, 18:22"
    assert day_text(_ms(2026, 5, 1, 9, 5)) == "1 mei 2026"
    now = QDateTime.currentDateTime()
    assert when(now.toMSecsSinceEpoch()) == now.time().toString("HH:mm")  # today: the time
    assert when(moment) == "7 mrt 2026" and when(0) == ""


def test_no_screen_formats_dates_by_itself() -> None:
    """Dates on screen come from gui/text.py; ISO dates remain only as stored field values."""
    pattern = re.compile(r"strftime\(|QLocale\(\)\.toString\(|fromtimestamp\(")
    found = {
        str(p.relative_to(GUI)) for p in GUI.rglob("*.py") if pattern.search(p.read_text("utf-8"))
    }
    assert "text.py" in found  # positive control: the helper itself is found
    assert found <= {"text.py"}, found
