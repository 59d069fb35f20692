"""Working days for the claim-lapse rule: weekends and Dutch public holidays are skipped.

Every replica must reach the same answer from the same signed times, so the calendar is UTC
dates (never the machine's time zone) and the holiday list comes from the pinned ``holidays``
package (its Dutch calendar: New Year, Easter, King's Day, Liberation Day in lustrum years,
Ascension, Whitsun, Christmas). See docs/protocol.md §Lead lifecycle.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

_DAY_MS = 86_400_000


@lru_cache(maxsize=64)
def _dutch_holidays(year: int) -> frozenset[dt.date]:
    import holidays  # on first use: a command that replays no lead does not load it

    return frozenset(holidays.country_holidays("NL", years=year))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _dutch_holidays(day.year)


def add_working_days(ms: int, days: int) -> int:
    """The moment `days` working days after `ms` (Unix ms, UTC), at the same time of day.

    A claim made on Friday 10:00 with ``days=2`` lapses on Tuesday 10:00; one made on a
    Saturday, also on Tuesday at that time of day.
    """
    moment = dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC)
    day = moment.date()
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return ms + (day - moment.date()).days * _DAY_MS


def end_of_day_ms(date_text: str) -> int:
    """Unix ms of the first moment after the UTC day `date_text` (YYYY-MM-DD)."""
    day = dt.date.fromisoformat(date_text) + dt.timedelta(days=1)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1000)
