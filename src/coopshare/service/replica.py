"""One member's replica of one cooperative: every op goes through :meth:`Replica.apply`.

The same pipeline handles ops written here and ops received from peers:

1. decode and schema-check the wire bytes (protocol.ops);
2. drop an exact replay (same op id) as a no-op;
3. check the coop, find the author's device key in the roster, verify the signature over the
   exact header bytes; unknown parents or author park the op in quarantine;
4. flag equivocation (another op with the same device and seq) and keep going;
5. store the bytes and, in the same transaction, update the derived state: roster ops re-resolve
   the roster (model.roster) and yield epoch keys; item ops are decrypted where this device holds
   the key and folded into encrypted item rows; key releases and purges act on earlier ops.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from coopshare.errors import (
    Unauthorized,
    ValidationError,
    WrongCoop,
)
from coopshare.model.hlc import physical_ms, wall_ms
from coopshare.model.roster import resolve
from coopshare.protocol import roster_body
from coopshare.protocol.ops import Header, Op, OpKind, decode_op
from coopshare.service import batch_ingest, quarantine
from coopshare.service.replica_base import _OP_ERRORS, ReplicaBase, _future_limit, _header
from coopshare.service.replica_content import ContentApplier
from coopshare.store import faults


class FutureOp(ValidationError):
    """The op is dated more than a day ahead of this machine's clock: refused for now.

    It is not stored, so it cannot win every last-writer-wins comparison; a peer offers it
    again later, when it is no longer in the future.
    """


@dataclass(frozen=True, slots=True)
class Applied:
    """What applying one op did."""

    op_id: bytes
    kind: OpKind
    new: bool  # False: replay of a stored op, nothing changed
    device: bytes = b""
    seq: int = 0
    quarantined: bool = False
    items: tuple[bytes, ...] = ()  # item ids whose state changed
    equivocation: bool = False


class Replica(ContentApplier):
    # --- the ingest pipeline ------------------------------------------------------------------

    def apply(self, wire: bytes | Op) -> Applied:
        """Verify and store one op from anywhere; raises a ValidationError if it is refused.

        `wire` is the op's wire bytes, or the Op that decode_op made of them (the node decodes
        received batches on other cores while it checks their signatures).
        """
        op = wire if isinstance(wire, Op) else decode_op(wire)
        if self.store.has_op(op.op_id):
            if op.body is not None and self._lacks_body(op.op_id):
                with self.transaction():
                    return self._record(self._add_body(op))
            return Applied(
                op.op_id, op.header.kind, new=False, device=op.header.device, seq=op.header.seq
            )
        if self._tx_depth:  # inside a batch: skip the nested transaction's bookkeeping
            return self._record(self._apply_and_retry(op, wire))
        with self.transaction(durable=op.header.kind.is_roster):
            return self._record(self._apply_and_retry(op, wire))

    def _record(self, applied: Applied) -> Applied:
        for into in self._recorders:  # ReplicaBase.recording
            into.extend(applied.items)
        return applied

    def _apply_and_retry(self, op: Op, wire: bytes | Op) -> Applied:
        result = self._apply_new(op, wire)
        if result.new and not result.quarantined and op.header.kind.is_roster:
            retried = self._retry_quarantine()  # parked ops this roster op lets in
            if retried:
                result = replace(result, items=result.items + retried)
        return result

    def apply_batch(
        self, ops: Sequence[bytes | Op], *, durable: bool = False
    ) -> list[Applied | ValidationError]:
        """Apply ops in order in one transaction; each gets its Applied or why it was refused.

        The log lookups of the whole batch are fetched up front (store/lookahead.py), the
        signatures are checked one per run of a device's log (service/run_verify.py, protocol.md
        §12a), and savepoints and item rows are spared while no op fails
        (service/batch_ingest.py)."""
        return batch_ingest.apply_batch(self, ops, durable)

    def _apply_new(self, op: Op, wire: bytes | Op) -> Applied:
        h = op.header
        kind = h.kind
        if h.hlc >= _future_limit():
            ahead = (physical_ms(h.hlc) - wall_ms()) // 3_600_000
            raise FutureOp(f"op is dated {ahead} hours ahead of this machine's clock")
        rb: roster_body.RosterBody | None = None
        if kind is OpKind.GENESIS:
            if self.coop_id is not None and op.op_id != self.coop_id:
                raise WrongCoop("genesis of another cooperative")
            rb = roster_body.parse(op)
            assert rb.op.device is not None
            self._verify(op, rb.op.device.sign_pk)
        else:
            if h.coop_id != self.coop_id:
                raise WrongCoop("op belongs to another cooperative")
            missing = [x for x in h.parents if x not in self._roster_bodies]
            author = self.roster.devices.get(h.device)
            if author is not None:  # checked before parking too: no forged op is kept
                self._verify(op, author.sign_pk)
            if missing or author is None:
                reason = "unknown parents" if missing else "unknown author"
                raw = wire.encode() if isinstance(wire, Op) else wire
                self.store.quarantine(op.op_id, raw, reason, int(time.time()))
                return Applied(
                    op.op_id, kind, new=True, quarantined=True, device=h.device, seq=h.seq
                )
        # every check that can refuse the op comes before the first write
        if kind.is_roster:
            rb = rb or roster_body.parse(op)
        elif h.device not in self.roster_at(h.parents).active:
            raise Unauthorized("author device was not an active member when it wrote this op")
        else:
            self._check_not_cut_off(h)
        if kind is OpKind.GENESIS and self.coop_id is None:
            self.coop_id = op.op_id
            self.store.set_meta("coop_id", op.op_id)
        equivocation = self._check_log(op)
        body = None if self._purged_on_arrival(op) else op.body
        self.store.insert_op(
            op.op_id,
            h.device,
            h.seq,
            h.hlc,
            kind.value,
            h.epoch,
            op.header_bytes,
            op.signature,
            body,
        )
        self.clock.observe(h.hlc)
        if rb is not None and faults.ACTIVE:  # bench/crash_harness.py: crash mid-transaction
            faults.hit("epoch.stored" if rb.op.epoch_id else "roster.stored")
        items: tuple[bytes, ...] = ()
        if rb is not None:
            self._roster_bodies[op.op_id] = rb
            had = set(self.epoch_keys)
            self._set_roster(resolve(b.op for b in self._roster_bodies.values()))
            for eid in set(self.epoch_keys) - had:
                items += self._fold_epoch(eid)
        elif body is not None:  # unreadable inside: kept and forwarded, skipped, marked
            items = quarantine.apply_content(self, op)
        items += self._refold_backdated(op)
        return Applied(
            op.op_id, kind, True, h.device, h.seq, items=items, equivocation=equivocation
        )

    def _verify(self, op: Op, pk: bytes) -> None:
        if (op.op_id, op.signature) in self.preverified:
            # checked on another core against this device's key (the device id is the hash of
            # that key, so no other key can stand for it): see Node.apply_ops
            self.preverified.discard((op.op_id, op.signature))
        else:
            self.sig_checks += 1
            op.verify(pk)

    def _lacks_body(self, op_id: bytes) -> bool:
        """Stored header-only (a relay stripped the body), and not because of a purge."""
        row = self.store.op_row(op_id)
        return row is not None and row[2] is None and not self.store.is_purged(op_id)

    def _add_body(self, op: Op) -> Applied:
        """The full copy of an op stored header-only: keep the body and apply its content.

        The header was verified and authorised when it was stored, and decode_op has checked
        this body against the signed body_hash. Bad content is quarantined as on first arrival
        (undone, marked, skipped): a relay that strips bodies cannot hide it from diagnostics.
        """
        assert op.body is not None
        h = op.header
        items: tuple[bytes, ...] = ()
        if self.store.set_body(op.op_id, op.body):
            items = quarantine.apply_content(self, op)
        return Applied(op.op_id, h.kind, True, h.device, h.seq, items=items)

    def _purged_on_arrival(self, op: Op) -> bool:
        """Whether an earlier purge of this op applies: its purger wrote it or is an admin."""
        if op.header.kind is not OpKind.ITEM or not self.store.any_purges:
            return False  # only item ops are ever purged; most stores never saw a purge
        if self.store.is_purged(op.op_id):
            return True
        author = self.roster.member_of(op.header.device)
        for purger in self.store.purgers_of(op.op_id):
            if purger == author or self.roster.is_admin(purger):
                self.store.mark_purged(op.op_id, purger)
                return True
        return False

    def _check_not_cut_off(self, h: Header) -> None:
        """A device removed or revoked since may only add content dated before that happened.

        Without this bound a removed member could keep writing for ever by citing the roster
        heads from before its removal (docs/security.md §5).
        """
        if h.device in self.roster.active:
            return
        cut = self.roster.revoked.get(h.device)
        cut_hlc = None if cut is None else self.store.op_hlc(cut)
        if cut_hlc is None or h.hlc >= cut_hlc:
            raise Unauthorized("author device was removed or revoked before this op's date")

    def _fold_epoch(self, epoch_id: bytes) -> tuple[bytes, ...]:
        """Fold item ops that arrived before this device held their epoch key."""
        touched: list[bytes] = []
        for hb, sig, body in self.store.ops_in_epoch(epoch_id, OpKind.ITEM.value):
            if body is None:
                continue
            touched += quarantine.apply_content(self, Op(_header(hb), hb, sig, body))
        return tuple(touched)

    def _check_log(self, op: Op) -> bool:
        """Record equivocation: two ops at one (device, seq), also as told by the backlinks."""
        h = op.header
        pairs: list[tuple[int, bytes, bytes]] = []
        for seq, other, hb in self.store.log_neighbours(h.device, h.seq):  # one query, 3 seqs
            if seq == h.seq:
                pairs.append((h.seq, other, op.op_id))
            elif seq == h.seq - 1 and h.backlink is not None and other != h.backlink:
                pairs.append((h.seq - 1, other, h.backlink))  # not the predecessor this op names
            elif seq == h.seq + 1:
                back = _header(hb).backlink  # a successor that names another op
                if back is not None and back != op.op_id:
                    pairs.append((h.seq, op.op_id, back))
        for seq, a, b in pairs:
            self.store.record_equivocation(h.device, seq, a, b)
        return bool(pairs)

    def _retry_quarantine(self) -> tuple[bytes, ...]:
        """Apply parked ops whose parents and author are known now; drop those that fail.
        Returns the items they changed."""
        touched: tuple[bytes, ...] = ()
        progress = True
        while progress:
            progress = False
            for op_id, wire in self.store.quarantined():
                try:
                    op = decode_op(wire)  # parked by an older version with looser rules?
                except ValidationError:
                    self.store.unquarantine(op_id)
                    continue
                if any(x not in self._roster_bodies for x in op.header.parents):
                    continue
                if op.header.device not in self.roster.devices:
                    continue
                self.store.unquarantine(op_id)
                items = self._apply_parked(op, wire)
                if items is not None:
                    touched, progress = touched + items, True
        return touched

    def _apply_parked(self, op: Op, wire: bytes) -> tuple[bytes, ...] | None:
        """Apply one op from quarantine: the items it changed; on any error undo its writes
        and return None."""
        saved = (self._roster_bodies.copy(), self.roster)
        try:
            with self.store.savepoint():
                return self._apply_new(op, wire).items
        except _OP_ERRORS:
            self._roster_bodies, roster = saved
            if roster is not self.roster:
                self._set_roster(roster)
            return None


__all__ = ["Applied", "FutureOp", "Replica", "ReplicaBase"]
