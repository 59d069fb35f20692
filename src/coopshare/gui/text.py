"""Peer-supplied text is shown as plain text: capped, bidi overrides and zero-width removed."""

from __future__ import annotations

import datetime as dt
import re

_CONTROL = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\x00-\x08\x0b-\x1f\x7f]")


def safe(text: object, limit: int = 300) -> str:
    s = _CONTROL.sub("", str(text if text is not None else ""))
    return s if len(s) <= limit else s[: limit - 1] + "…"


def when(ms: int) -> str:
    """A short local time: today's time, or the date."""
    if not ms:
        return ""
    t = dt.datetime.fromtimestamp(ms / 1000)
    now = dt.datetime.now()
    return t.strftime("%H:%M") if t.date() == now.date() else t.strftime("%Y-%m-%d")
