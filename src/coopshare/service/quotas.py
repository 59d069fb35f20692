"""Per-peer quotas on input a correct peer never sends in bulk (docs/security.md §4).

A member's session may deliver ops this device refuses (bad signature, not authorised, another
cooperative, malformed) or parks (parents or author not known yet). A correct peer sends almost
none of either: it verified every op it holds against the same roster, and it sends roster ops
first and every op after its parents. So each peer device gets a budget of `burst` refused and
`burst` parked ops, refilled by `per_hour`; a session that overdraws it is closed, ops parked
beyond it are dropped again, and the refusals are logged one line per peer per minute with a
count (service/refusals.py), so a flood fills neither the disk nor the log.

Ops refused for being dated ahead of this machine's clock (FutureOp) are not charged: they are
neither checked further nor stored, and a correct peer relays them from a member whose clock
runs ahead (closing on them would stop everything behind them).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coopshare.service.refusals import RefusalLog
from coopshare.sync.local import ApplyReport

if TYPE_CHECKING:
    from coopshare.service.coop import Coop
    from coopshare.service.node import Node

log = logging.getLogger("coopshare.net")
BURST = 1_000  # refused, and parked, ops per peer device before its session is closed
PER_HOUR = 1_000  # budget regained per hour
FREE = frozenset({"FutureOp"})  # refusals not charged (see above)


@dataclass
class _Bucket:
    tokens: float
    at: float


class PeerQuotas:
    def __init__(self, burst: int = BURST, per_hour: float = PER_HOUR) -> None:
        self.burst = burst
        self.per_hour = per_hour
        self._buckets: dict[tuple[bytes, str], _Bucket] = {}
        self.refused_log = RefusalLog(log, "refused ops from")
        self.closed = 0  # sessions closed for overdrawing (stats, tests)

    def take(self, peer: bytes, what: str, n: int) -> int:
        """Charge `n` ops of kind `what` to `peer`; returns how many were over the budget."""
        now = time.monotonic()
        b = self._buckets.setdefault((peer, what), _Bucket(float(self.burst), now))
        b.tokens = min(float(self.burst), b.tokens + (now - b.at) * self.per_hour / 3600)
        b.at = now
        allowed = max(0, min(n, int(b.tokens)))
        b.tokens -= n  # below zero: a peer that keeps flooding stays shut out for longer
        b.tokens = max(b.tokens, -float(self.burst))
        return n - allowed


async def judge(node: Node, peer: bytes, report: ApplyReport) -> str | None:
    """Charge what one applied group refused and parked to `peer`; the reason to close its
    session if that overdrew a budget (dropping the parked ops beyond it), else None."""
    q = node.quotas
    who = peer.hex()[:12]
    for reason in report.refusals:
        q.refused_log.note(who, reason)
    refused = sum(1 for r in report.refusals if r not in FREE)
    over_refused = q.take(peer, "refused", refused) if refused else 0
    over_parked = q.take(peer, "parked", len(report.parked)) if report.parked else 0
    if over_parked:
        drop = report.parked[-over_parked:]

        def _drop(c: Coop) -> None:
            with c.store.tx():
                for op_id in drop:
                    c.store.unquarantine(op_id)

        await node.db(_drop)
    if not (over_refused or over_parked):
        return None
    q.closed += 1
    what = "refused" if over_refused else "parked (unknown parents or author)"
    log.warning("closing the session with %s: too many ops %s", who, what)
    return f"too many ops {what}"
