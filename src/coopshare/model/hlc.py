"""Hybrid logical clock: 48 bits of Unix milliseconds, 16 bits of counter.

A timestamp orders like a wall clock when clocks agree and like a Lamport clock when they do
not, so last-writer-wins picks the same winner on every peer. See docs/protocol.md §Clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COUNTER_BITS = 16
MAX_HLC = (1 << 64) - 1
# A remote clock more than a day ahead is not trusted to drag ours forward.
MAX_DRIFT_MS = 24 * 3600 * 1000


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def physical_ms(hlc: int) -> int:
    return hlc >> COUNTER_BITS


class HybridClock:
    """Issues strictly increasing timestamps; `observe` folds in timestamps seen from peers."""

    def __init__(self, last: int = 0, now_ms: Callable[[], int] = wall_ms) -> None:
        self.last = last
        self._now_ms = now_ms

    def peek(self) -> int:
        """The value the next `tick` will return (nothing advances)."""
        candidate = self._now_ms() << COUNTER_BITS
        return candidate if candidate > self.last else self.last + 1

    def now_ms(self) -> int:
        """This clock's wall time in Unix milliseconds (what lapses are judged against)."""
        return self._now_ms()

    def tick(self) -> int:
        candidate = self._now_ms() << COUNTER_BITS
        self.last = candidate if candidate > self.last else self.last + 1
        return self.last

    def observe(self, remote: int) -> None:
        if physical_ms(remote) - self._now_ms() > MAX_DRIFT_MS:
            return
        self.last = max(self.last, remote)
