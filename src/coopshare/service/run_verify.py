"""A batch's signatures checked one per run of a device's log, against the replica's store.

:func:`vouch` runs :func:`coopshare.protocol.run_verify.plan` over the new ops of a batch (the
store answers whether a run's neighbours are stored) and adds the (op id, signature) pairs it
vouches for to ``replica.preverified``, where :meth:`Replica._verify` finds them. An op it does
not vouch for is checked by the ordinary per-op path, which refuses it exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from coopshare.protocol.ops import Header, Op
from coopshare.protocol.run_verify import Pair, plan

if TYPE_CHECKING:
    from coopshare.service.replica_base import ReplicaBase


def vouch(replica: ReplicaBase, ops: Sequence[Op]) -> set[Pair]:
    """Vouch for what the batch's runs authenticate; returns the pairs added (to remove after)."""
    store = replica.store
    new = [o for o in ops if not store.has_op(o.op_id)]  # replays are never checked
    if not new:
        return set()

    def key_of(device: bytes) -> bytes | None:
        rec = replica.roster.devices.get(device)
        return None if rec is None else rec.sign_pk

    def stored_successor(op: Op) -> bool:
        h = op.header
        return any(
            seq == h.seq + 1 and Header.decode(hb).backlink == op.op_id
            for seq, _id, hb in store.log_neighbours(h.device, h.seq)
        )

    def stored_predecessor(op: Op) -> bool:
        h = op.header
        return any(
            seq == h.seq - 1 and other == h.backlink
            for seq, other, _hb in store.log_neighbours(h.device, h.seq)
        )

    found = plan(
        new,
        key_of,
        checked=replica.preverified,
        stored_successor=stored_successor,
        stored_predecessor=stored_predecessor,
    )
    replica.sig_checks += found.checks
    added = found.vouched - replica.preverified
    replica.preverified |= added
    return added


__all__ = ["vouch"]
