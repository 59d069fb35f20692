"""Applying a batch of ops in one transaction (:meth:`Replica.apply_batch`), lean on catch-up.

A batch is applied in at most two attempts, both inside one transaction each:

1. **Unguarded**: no savepoint per op, and an item folded by several ops of the batch is kept
   open (its ``ItemState``) and sealed and written once, when the batch ends (or earlier, when
   something reads item rows: :meth:`ReplicaBase.item` and ``items`` write the held rows
   first). Almost every batch ends here.
2. **Guarded**, only if an op's content raised a data error in attempt 1 (:class:`Redo`):
   attempt 1 is rolled back whole (the transaction; the replica's in-memory state is put back
   as it was before it) and the batch is applied again exactly as before this module existed:
   a savepoint per content op, item rows written op by op. The bad op is kept, marked and
   skipped by ``quarantine.apply_content``; the batch and the session go on (protocol.md §12
   step 9, "quarantine, never block").

Everything that decides whether an op is refused, parked, flagged or skipped is the same code in
both attempts, in the same order; attempt 1 only leaves out the undo machinery it does not need
while no op fails. A batch with a bad op costs its good ops' work twice (at most 256 ops).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from coopshare.errors import ValidationError
from coopshare.protocol.ops import Op, decode_op
from coopshare.service import run_verify

if TYPE_CHECKING:
    from coopshare.service.replica import Applied, Replica


class Redo(Exception):  # a signal, not an error: never leaves this module
    """An op's content failed in the unguarded attempt: apply the batch again, guarded."""


def apply_batch(
    replica: Replica, ops: Sequence[bytes | Op], durable: bool
) -> list[Applied | ValidationError]:
    decoded = [_decoded(o) for o in ops]
    if sum(isinstance(o, Op) for o in decoded) > 1:
        saved = _Saved(replica)
        try:
            return _attempt(replica, decoded, durable, guarded=False)
        except Redo:
            saved.restore(replica)
    return _attempt(replica, decoded, durable, guarded=True)


def _attempt(
    replica: Replica, decoded: list[Op | ValidationError], durable: bool, *, guarded: bool
) -> list[Applied | ValidationError]:
    good = [o for o in decoded if isinstance(o, Op)]
    out: list[Applied | ValidationError] = []
    replica.guarded = guarded
    replica._held = None if guarded else {}
    try:
        with replica.transaction(durable=durable):
            replica.store.look_ahead(
                [(o.op_id, o.header.device, o.header.seq) for o in good], _items(replica, good)
            )
            vouched = run_verify.vouch(replica, good)
            try:
                for o in decoded:
                    try:
                        out.append(o if isinstance(o, ValidationError) else replica.apply(o))
                    except ValidationError as e:
                        out.append(e)
                replica.write_held()
            finally:
                replica.preverified -= vouched
    finally:
        replica.guarded, replica._held = True, None
    return out


class _Saved:
    """What attempt 1 changes in memory that its rolled-back transaction does not put back."""

    def __init__(self, replica: Replica) -> None:
        self.preverified = set(replica.preverified)  # a pair is used up when its op is checked
        self.counts = (
            replica.sig_checks,
            replica.unreadable,
            replica.opened_ahead,
            len(replica.new_commits),
        )
        self.recorded = [len(r) for r in replica._recorders]

    def restore(self, replica: Replica) -> None:
        replica.preverified.clear()
        replica.preverified |= self.preverified
        replica.sig_checks, replica.unreadable, replica.opened_ahead, commits = self.counts
        del replica.new_commits[commits:]
        for into, n in zip(replica._recorders, self.recorded, strict=True):
            del into[n:]


def _items(replica: Replica, ops: list[Op]) -> set[bytes]:
    """The items the batch's ops opened ahead will fold (protocol/preopen.py)."""
    opened = replica.preopened
    if not opened:
        return set()
    return {item for o in ops if (pre := opened.get(o.op_id)) for item in pre.items}


def _decoded(o: bytes | Op) -> Op | ValidationError:
    try:
        return o if isinstance(o, Op) else decode_op(o)
    except ValidationError as e:
        return e


__all__ = ["Redo", "apply_batch"]
