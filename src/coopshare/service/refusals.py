"""Rate-limited logging of refused input: one line per source per interval, with a count.

A flood of refused connections, dials or ops must not become a flood of log lines (an audit
wrote a 32 MB log from 400,000 junk ops). The first refusal from a source is logged at once;
the ones after it within `interval` seconds are counted and summed up in the next line.
"""

from __future__ import annotations

import logging
import time
from collections import Counter

INTERVAL = 60.0
MAX_SOURCES = 1_000  # sources tracked at once; beyond it their counts are dropped unlogged


class RefusalLog:
    def __init__(
        self,
        logger: logging.Logger,
        what: str,
        interval: float = INTERVAL,
        level: int = logging.INFO,
    ) -> None:
        self._log = logger
        self._what = what  # e.g. "refused connections from"
        self.interval = interval
        self.level = level
        self._last: dict[str, float] = {}
        self._counts: dict[str, Counter[str]] = {}
        self.lines = 0  # lines written (for tests and stats)

    def note(self, source: str, reason: str) -> None:
        """Count one refusal from `source`; write a line if none was written for it lately."""
        now = time.monotonic()
        counts = self._counts.get(source)
        if counts is None:
            if len(self._counts) >= MAX_SOURCES:
                self._forget(now)
            counts = self._counts[source] = Counter()
        counts[reason] += 1
        last = self._last.get(source)
        if last is None or now - last >= self.interval:
            self._write(source, counts, now - last if last is not None else None)
            counts.clear()
            self._last[source] = now

    def _write(self, source: str, counts: Counter[str], span: float | None) -> None:
        total = sum(counts.values())
        reasons = ", ".join(f"{r} ×{n}" if n > 1 else r for r, n in counts.most_common(3))
        more = "" if len(counts) <= 3 else f", and {len(counts) - 3} other reasons"
        when = "" if span is None else f" in the last {span:.0f} s"
        self._log.log(
            self.level, "%s %s: %d%s (%s%s)", self._what, source, total, when, reasons, more
        )
        self.lines += 1

    def _forget(self, now: float) -> None:
        for source in [s for s, t in self._last.items() if now - t >= self.interval]:
            self._last.pop(source, None)
            self._counts.pop(source, None)
        if len(self._counts) >= MAX_SOURCES:
            self._counts.clear()
            self._last.clear()
