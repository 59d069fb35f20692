"""A device the peer refuses backs off (service/backoff.py) instead of redialling every second
for ever (the audit counted 62 dials a minute). Real nodes, real TLS on loopback: Bram was
removed by Anna and does not know it; Anna's door refuses his certificate after a handshake
that looks fine from his side, so every dial "succeeds" and every session dies at once."""

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


class _ResetOnConnect(Backoff):
    """The old rule: any connect that got through TLS resets the wait."""

    def session_ended(self, converged: bool, started: float) -> None:
        self.failed()
        self.delay = self.first


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
    attempts, refused, failures = _redial(tmp_path, Backoff(first=FIRST))
    # positive control: Bram really dialled, and Anna really refused him at TLS every time
    assert attempts >= 3 and refused >= attempts - 1, (attempts, refused)
    assert failures >= attempts - 1
    # waits of 0.1-0.2, 0.2-0.4, 0.4-0.8, 0.8-1.6, 1.6-3.2 s: at most 6 dials in 6 s, where a
    # reset on every "successful" connect (the old rule) redials every 0.2 s
    assert attempts <= 6, attempts


def test_positive_control_the_old_rule_redials_at_once(tmp_path: Path) -> None:
    attempts, refused, _ = _redial(tmp_path, _ResetOnConnect(first=FIRST))
    assert refused >= attempts - 1
    assert attempts >= 12, attempts  # what the audit saw: a redial every `first` seconds


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
