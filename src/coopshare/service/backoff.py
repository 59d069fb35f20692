"""Exponential backoff with jitter for redialling a peer (docs/security.md §4).

A dial that fails, or a session that ends before it converged (a peer that refuses this
device's certificate only after the TLS handshake looked fine), doubles the wait up to
`cap`; only a session that converged, or lasted `healthy` seconds, starts again from `first`.
"""

from __future__ import annotations

import random
import time

FIRST = 1.0
CAP = 120.0  # two minutes between attempts at most
HEALTHY = 60.0  # a session this long was a success, converged or not


class Backoff:
    def __init__(self, first: float = FIRST, cap: float = CAP, healthy: float = HEALTHY) -> None:
        self.first = first
        self.cap = cap
        self.healthy = healthy
        self.delay = first
        self.failures = 0

    def next(self) -> float:
        """The wait before the next attempt ("equal jitter": half fixed, half random), and
        double it for the attempt after."""
        wait = self.delay / 2 + random.uniform(0, self.delay / 2)
        self.delay = min(self.delay * 2, self.cap)
        return wait

    def reset(self) -> None:
        self.delay = self.first
        self.failures = 0

    def failed(self) -> None:
        self.failures += 1

    def session_ended(self, converged: bool, started: float) -> None:
        """Judge a session that ran: reset after a good one, else count a failure."""
        if converged or time.monotonic() - started >= self.healthy:
            self.reset()
        else:
            self.failed()
