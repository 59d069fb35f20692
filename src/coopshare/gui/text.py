"""Peer-supplied text is shown as plain text: capped, bidi overrides and zero-width removed.

Also the one way the app writes dates and times: in the language of the interface (the default
QLocale, set by ``i18n.install``), day before month, the month by name ("7 Dec 2026" in English,
"7 dec 2026" in Dutch), 24-hour times.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, QLocale

_CONTROL = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\x00-\x08\x0b-\x1f\x7f]")
DATE_FORMAT = "d MMM yyyy"
# date pickers show dates as the app writes them (#40); what is stored stays "yyyy-MM-dd"
PICKER_FORMAT = DATE_FORMAT
TIME_FORMAT = "HH:mm"


def safe(text: object, limit: int = 300) -> str:
    s = _CONTROL.sub("", str(text if text is not None else ""))
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _local(ms: int) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(ms)).toLocalTime()


def date_text(day: QDate) -> str:
    """A calendar date ("7 Dec 2026" / "7 dec 2026")."""
    return QLocale().toString(day, DATE_FORMAT) if day.isValid() else ""


def stored_date_text(value: str, limit: int = 500) -> str:
    """A date stored as "2026-12-21" (a lead's start, respond-by) as the app writes dates;
    anything else a giver typed stays as typed."""
    day = QDate.fromString(value.strip(), "yyyy-MM-dd") if value else QDate()
    return date_text(day) if day.isValid() else safe(value, limit)


def day_month_text(day: QDate) -> str:
    """A date of the coming weeks, without its year ("6 Jan" / "6 jan")."""
    return QLocale().toString(day, "d MMM") if day.isValid() else ""


def day_text(ms: int) -> str:
    """The date of a moment (unix milliseconds)."""
    return date_text(_local(ms).date()) if ms else ""


def date_time_text(ms: int) -> str:
    """A moment with its time ("7 Dec 2026, 18:22")."""
    if not ms:
        return ""
    t = _local(ms)
    return f"{date_text(t.date())}, {QLocale().toString(t.time(), TIME_FORMAT)}"


def when(ms: int) -> str:
    """A short local time for lists: today's time, or the date."""
    if not ms:
        return ""
    t = _local(ms)
    if t.date() == QDate.currentDate():
        return QLocale().toString(t.time(), TIME_FORMAT)
    return date_text(t.date())
