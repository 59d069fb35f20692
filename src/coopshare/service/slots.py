"""Handshake slots at the door, shared fairly among source addresses (docs/security.md §4).

A connection holds a slot from accept until its handshake is done (knock read, TLS, roster
check); its sync session then runs without one. Idle sockets must not be able to hold the door
shut, so a newcomer is never refused for lack of a slot:

- a source address holding `per_source` pending handshakes loses its own oldest one;
- when all `total` slots are taken, the oldest pending handshake of the source holding the most
  is evicted, one still waiting for its knock before one that has knocked;
- each source may start `burst` handshakes at once and `rate` per second after that (a token
  bucket); beyond it a connection is closed at once, without a slot.

Pure bookkeeping: the listener gives each slot a callback that aborts its connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

TOTAL = 64  # handshakes in progress at once
PER_SOURCE = 8  # of those, from one source address
RATE = 3.0  # handshakes a second per source address, after a burst of
BURST = 30.0
MAX_SOURCES = 10_000  # rate buckets kept; beyond it the fullest are forgotten


@dataclass(eq=False)
class Pending:
    """One handshake in progress."""

    source: str
    started: float
    abort: Callable[[], None]
    knocked: bool = False  # the knock checked out: TLS is under way
    evicted: bool = False
    released: bool = False


@dataclass
class SlotStats:
    admitted: int = 0
    evicted: int = 0
    rate_limited: int = 0
    refused_full: int = 0  # only with eviction off (the old behaviour, for comparison)
    peak: int = 0


@dataclass
class Slots:
    total: int = TOTAL
    per_source: int = PER_SOURCE
    rate: float = RATE
    burst: float = BURST
    evict: bool = True  # False: refuse the newcomer when full (how the door used to work)
    stats: SlotStats = field(default_factory=SlotStats)

    def __post_init__(self) -> None:
        self._pending: dict[str, list[Pending]] = {}  # per source, oldest first
        self._count = 0
        self._buckets: dict[str, tuple[float, float]] = {}  # source -> (tokens, at)

    @property
    def count(self) -> int:
        return self._count

    def pending_from(self, source: str) -> int:
        return len(self._pending.get(source, ()))

    def admit(self, source: str, abort: Callable[[], None]) -> Pending | None:
        """A slot for a new connection from `source`, evicting another pending handshake if
        need be; None if the source is over its rate (or, with eviction off, no slot is free)."""
        now = time.monotonic()
        if not self._take_token(source, now):
            self.stats.rate_limited += 1
            return None
        mine = self._pending.get(source, [])
        if len(mine) >= self.per_source or self._count >= self.total:
            if not self.evict:
                self.stats.refused_full += 1
                return None
            victim = _oldest(mine) if len(mine) >= self.per_source else self._victim()
            self._evict(victim)
        slot = Pending(source, now, abort)
        self._pending.setdefault(source, []).append(slot)
        self._count += 1
        self.stats.admitted += 1
        self.stats.peak = max(self.stats.peak, self._count)
        return slot

    def release(self, slot: Pending) -> None:
        """The handshake is over (done, failed or evicted); idempotent."""
        if slot.released:
            return
        slot.released = True
        mine = self._pending.get(slot.source)
        if mine is not None:
            mine.remove(slot)
            if not mine:
                del self._pending[slot.source]
        self._count -= 1

    def _victim(self) -> Pending:
        """The oldest pre-knock handshake of the source with the most of them; if every pending
        handshake has knocked, the oldest of the source with the most."""
        waiting = {s: [p for p in ps if not p.knocked] for s, ps in self._pending.items()}
        waiting = {s: ps for s, ps in waiting.items() if ps}
        pool = waiting or self._pending
        source = max(pool, key=lambda s: (len(pool[s]), -pool[s][0].started))
        return _oldest(pool[source])

    def _evict(self, slot: Pending) -> None:
        self.release(slot)
        slot.evicted = True
        self.stats.evicted += 1
        slot.abort()

    def _take_token(self, source: str, now: float) -> bool:
        tokens, at = self._buckets.get(source, (self.burst, now))
        tokens = min(self.burst, tokens + (now - at) * self.rate)
        if len(self._buckets) >= MAX_SOURCES and source not in self._buckets:
            # forget the sources that have been quiet longest (their buckets are full again)
            for old in sorted(self._buckets, key=lambda s: self._buckets[s][1])[: MAX_SOURCES // 2]:
                del self._buckets[old]
        if tokens < 1.0:
            self._buckets[source] = (tokens, now)
            return False
        self._buckets[source] = (tokens - 1.0, now)
        return True


def _oldest(slots: list[Pending]) -> Pending:
    """Pre-knock first: a handshake that has knocked holds a valid network key."""
    waiting = [p for p in slots if not p.knocked]
    return (waiting or slots)[0]
