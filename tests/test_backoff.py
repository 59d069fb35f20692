"""A device the peer refuses backs off (service/backoff.py) instead of redialling every second
for ever (the audit counted 62 dials a minute). Real nodes, real TLS on loopback: Bram was
removed by Anna and does not know it; Anna's door refuses him on every dial. (Before the
backoff, a dial whose TLS handshake looked fine from his side reset the wait.)"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from coopshare.service.backoff import Backoff
from coopshare.service.dialler import keep_dialing

from .doorutil import edit, listening, make_coop, running

pytestmark = pytest.mark.slow

WINDOW = 6.0  # s of redialling watched
FIRST = 0.2  # s: the first wait, small so that the window shows several doublings


class _Recording(Backoff):
    """Backoff that remembers each wait it asked for (what the dialler slept)."""

    def __init__(self, first: float) -> None:
        super().__init__(first=first)
        self.waits: list[float] = []

    def next(self) -> float:
        wait = super().next()
        self.waits.append(wait)
        return wait


def _redial(tmp_path: Path, backoff: Backoff) -> tuple[int, int, int]:
    a, b = make_coop(tmp_path, ["Anna", "Bram"])
    bram = edit(b, lambda c: c.me.member_id)
    edit(a, lambda c: c.remove_member(bram))  # type: ignore[arg-type]

    async def run() -> tuple[int, int, int]:
        async with listening(a) as (server, listener, port), running(b) as member:
            task = asyncio.ensure_future(keep_dialing(member, "127.0.0.1", port, backoff))
            await asyncio.sleep(WINDOW)
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            return listener.slots.stats.admitted, server.stats.rejected_tls, backoff.failures

    return asyncio.run(run())


def test_a_refused_device_backs_off(tmp_path: Path) -> None:
    backoff = _Recording(first=FIRST)
    attempts, refused, failures = _redial(tmp_path, backoff)
    # positive control: Bram really dialled, and Anna really refused him at TLS every time
    assert attempts >= 3 and refused >= attempts - 1, (attempts, refused)
    assert failures >= attempts - 1
    # each refusal doubles the wait ("equal jitter": between half and all of the nominal one),
    # whatever the machine's speed: 0.1-0.2, 0.2-0.4, 0.4-0.8, ... s
    for i, wait in enumerate(backoff.waits):
        assert FIRST * 2**i / 2 <= wait <= FIRST * 2**i, backoff.waits
    # and so at most 6 dials fit in the 6 s watched (5 waits already add up to 3.1 s or more)
    assert attempts <= 6, attempts


def test_backoff_doubles_to_its_cap_with_jitter_and_resets_after_a_good_session() -> None:
    b = Backoff(first=1.0, cap=120.0, healthy=60.0)
    waits = [b.next() for _ in range(12)]
    for i, w in enumerate(waits):
        nominal = min(2.0**i, 120.0)
        assert nominal / 2 <= w <= nominal
    assert len({round(w, 6) for w in waits}) > 6  # jittered, not lock-step
    b.session_ended(converged=False, started=time.monotonic())
    assert b.delay == 120.0 and b.failures == 1  # a session that died at once: no reset
    b.session_ended(converged=True, started=time.monotonic())
    assert b.delay == 1.0 and b.failures == 0
    b.next()
    b.session_ended(converged=False, started=time.monotonic() - 61)
    assert b.delay == 1.0  # a long session counts as good, converged or not
