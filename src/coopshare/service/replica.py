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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.errors import (
    CoopShareError,
    DecryptError,
    Unauthorized,
    ValidationError,
    WrongCoop,
)
from coopshare.identity.keystore import Unlocked
from coopshare.model.fold import Change, ItemState
from coopshare.model.hlc import COUNTER_BITS, MAX_DRIFT_MS, HybridClock, physical_ms, wall_ms
from coopshare.model.items import Kind
from coopshare.model.roster import RosterState, resolve
from coopshare.protocol import content, roster_body
from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.ops import Header, Op, OpKind, decode_op
from coopshare.service import content_open, quarantine
from coopshare.service.quarantine import changes_or_none
from coopshare.store import faults
from coopshare.store.db import Store
from coopshare.store.search import SearchIndex

ROSTER_KINDS = tuple(k.value for k in OpKind if k.is_roster)
_ITEM_AAD = b"coopshare/v1/item-row"
_GRANT_AAD = b"coopshare/v1/grant-row"
# lead fields a member other than the giver may change (claiming and moving the lead along)
CLAIMER_FIELDS = frozenset({"status", "claimer"})
# what applying a stored op can raise because of its data; a quarantined op that raises one of
# these is dropped instead of blocking the ops behind it
_OP_ERRORS = (CoopShareError, ArithmeticError, LookupError, ValueError)


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


class Replica:
    def __init__(self, unlocked: Unlocked, store: Store) -> None:
        self.me = unlocked.identity
        self._master = unlocked.master_key
        self.store = store
        self.coop_id: bytes | None = None
        self.clock = HybridClock()
        self._tx_depth = 0
        self._search: SearchIndex | None = None
        self.unreadable = 0
        self.changed_items: set[bytes] = set()
        # (op id, signature) pairs a caller already checked: the pair, so a second copy of an op
        # with another (broken) signature is still checked here
        self.preverified: set[tuple[bytes, bytes]] = set()
        self._reload()

    # --- state loading ------------------------------------------------------------------------

    def _reload(self) -> None:
        self._roster_bodies: dict[bytes, roster_body.RosterBody] = {}
        self._seen_n = 0
        self._catch_up()

    def _catch_up(self) -> None:
        """Read what was committed since ops number `_seen_n`: the log only ever grows at the
        end, roster ops are never purged, and derived rows are always read afresh, so the new
        roster ops and the newest clock reading are all there is to pick up."""
        version = self.store.data_version()  # first: a commit after this is seen next time
        top = self.store.max_n()
        self.store.forget_cached()
        self.coop_id = self.store.meta("coop_id")
        self.clock.observe(self.store.max_hlc(below=_future_limit(), n_range=(self._seen_n, top)))
        new = self.store.roster_ops_between(ROSTER_KINDS, self._seen_n, top)
        for hb, sig, body in new:
            op = Op(_header(hb), hb, sig, body)
            self._roster_bodies[op.op_id] = roster_body.parse(op)
        if new or self._seen_n == 0:
            self._set_roster(resolve(b.op for b in self._roster_bodies.values()))
        self._seen_n = top
        self._seen_version = version
        if self._search is not None:
            self._index_done = False  # index the item rows written meanwhile (rowid order)

    def refresh(self) -> None:
        """Pick up what another process (a running node, the CLI) committed meanwhile."""
        if self.store.data_version() != self._seen_version:
            self._catch_up()

    def _set_roster(self, state: RosterState) -> None:
        self.roster = state
        self.epoch_keys = self._derive_epoch_keys(state)
        self._roster_cache: dict[tuple[bytes, ...], RosterState] = {state.heads: state}

    def _derive_epoch_keys(self, state: RosterState) -> dict[bytes, bytes]:
        """Epoch keys wrapped to this device, plus older ones reached through epoch chains."""
        keys: dict[bytes, bytes] = {}
        coop = self.coop_id or b""
        bodies = [self._roster_bodies[o] for o in state.valid]
        for b in bodies:
            eid = b.op.epoch_id or b.header_epoch
            if eid and eid not in keys:
                info_coop = b"" if b.op.kind.value == "genesis" else coop
                try:
                    key = roster_body.unwrap_epoch(
                        b.wraps, info_coop, eid, self.me.device_id, self.me.kex_key
                    )
                except DecryptError:
                    key = None
                if key is not None:
                    keys[eid] = key
        grew = True
        while grew:  # a chain opened with a new key may hold the key that opens another chain
            grew = False
            for b in bodies:
                if b.chain is None or b.op.epoch_id not in keys:
                    continue
                try:
                    older = roster_body.open_chain(keys[b.op.epoch_id], b.chain)
                except (DecryptError, ValidationError):
                    continue
                for old, k in older.items():
                    if old not in keys and roster_body.epoch_id_of(k) == old:
                        keys[old] = k
                        grew = True
        return keys

    def roster_bodies(self) -> dict[bytes, roster_body.RosterBody]:
        """Every stored roster op, parsed (valid and invalid alike), by op id: read only."""
        return self._roster_bodies

    def roster_at(self, parents: tuple[bytes, ...]) -> RosterState:
        """The roster as the author of an op with these parents saw it."""
        key = tuple(sorted(parents))
        state = self._roster_cache.get(key)
        if state is None:
            closure: set[bytes] = set()
            todo = list(key)
            while todo:
                o = todo.pop()
                if o not in closure and o in self._roster_bodies:
                    closure.add(o)
                    todo.extend(self._roster_bodies[o].op.parents)
            state = resolve(self._roster_bodies[o].op for o in closure)
            self._roster_cache[key] = state
        return state

    # --- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self, *, durable: bool = False) -> Iterator[None]:
        """Group many ops into one commit (imports, bulk sync); nests."""
        if self._tx_depth:
            self._tx_depth += 1
            try:
                yield
            finally:
                self._tx_depth -= 1
            return
        saved = (self._roster_bodies.copy(), self.roster, self.epoch_keys, self._seen_n)
        self._tx_depth = 1
        try:
            with self.store.tx(durable=durable):
                if self.store.data_version() != self._seen_version:
                    self._catch_up()  # another process committed since we last looked
                    saved = (self._roster_bodies.copy(), self.roster, self.epoch_keys, self._seen_n)
                yield
                # read inside the transaction: a commit by another process right after ours
                # must still show as a new data_version and as ops beyond _seen_n
                seen = (self.store.data_version(), self.store.max_n())
        except BaseException:
            self._roster_bodies, roster, _, self._seen_n = saved
            self._set_roster(roster)
            self._search = None
            raise
        finally:
            self._tx_depth = 0
        self._seen_version, self._seen_n = seen  # our own ops are in the roster and clock

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
                    return self._add_body(op)
            return Applied(
                op.op_id, op.header.kind, new=False, device=op.header.device, seq=op.header.seq
            )
        if self._tx_depth:  # inside a batch: skip the nested transaction's bookkeeping
            return self._apply_and_retry(op, wire)
        with self.transaction(durable=op.header.kind.is_roster):
            return self._apply_and_retry(op, wire)

    def _apply_and_retry(self, op: Op, wire: bytes | Op) -> Applied:
        result = self._apply_new(op, wire)
        if result.new and not result.quarantined and op.header.kind.is_roster:
            self._retry_quarantine()
        return result

    def apply_batch(
        self,
        ops: Sequence[bytes | Op],
        *,
        durable: bool = False,
        ahead: Sequence[tuple[bytes, bytes, int]] = (),
    ) -> list[Applied | ValidationError]:
        """Apply ops in order in one transaction; each gets its Applied or why it was refused.

        The log lookups of the whole batch (stored already? neighbours in its device's log?)
        are fetched up front in a few queries (store/lookahead.py): for the ops given decoded,
        and for the (op id, device, seq) in `ahead` (what a check elsewhere decoded).
        """
        out: list[Applied | ValidationError] = []
        with self.transaction(durable=durable):
            self.store.look_ahead(
                [(o.op_id, o.header.device, o.header.seq) for o in ops if isinstance(o, Op)]
                + list(ahead)
            )
            for o in ops:
                try:
                    out.append(self.apply(o))
                except ValidationError as e:
                    out.append(e)
        return out

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
        return Applied(
            op.op_id, kind, True, h.device, h.seq, items=items, equivocation=equivocation
        )

    def _verify(self, op: Op, pk: bytes) -> None:
        if (op.op_id, op.signature) in self.preverified:
            # checked on another core against this device's key (the device id is the hash of
            # that key, so no other key can stand for it): see Node.apply_ops
            self.preverified.discard((op.op_id, op.signature))
        else:
            op.verify(pk)

    def _lacks_body(self, op_id: bytes) -> bool:
        """Stored header-only (a relay stripped the body), and not because of a purge."""
        row = self.store.op_row(op_id)
        return row is not None and row[2] is None and not self.store.is_purged(op_id)

    def _add_body(self, op: Op) -> Applied:
        """The full copy of an op stored header-only: keep the body and apply its content.

        The header was verified and authorised when it was stored, and decode_op has checked
        this body against the signed body_hash.
        """
        assert op.body is not None
        h = op.header
        items: tuple[bytes, ...] = ()
        if self.store.set_body(op.op_id, op.body):
            try:
                items = self._apply_content(op)
            except (ValidationError, DecryptError):
                self.unreadable += 1
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

    def _retry_quarantine(self) -> None:
        """Apply parked ops whose parents and author are known now; drop those that fail."""
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
                progress = self._apply_parked(op, wire) or progress

    def _apply_parked(self, op: Op, wire: bytes) -> bool:
        """Apply one op from quarantine; on any error undo its writes and report False."""
        saved = (self._roster_bodies.copy(), self.roster)
        try:
            with self.store.savepoint():
                self._apply_new(op, wire)
        except _OP_ERRORS:
            self._roster_bodies, roster = saved
            if roster is not self.roster:
                self._set_roster(roster)
            return False
        return True

    # --- content ------------------------------------------------------------------------------

    def _apply_content(self, op: Op) -> tuple[bytes, ...]:
        assert op.body is not None
        kind = op.header.kind
        author = self.roster.member_of(op.header.device) or b""
        if kind is OpKind.ITEM:
            changes = self._open_changes(op, author)
            return tuple(self._fold(ch) for ch in changes)
        if kind is OpKind.KEY_RELEASE:
            return self._apply_release(op, author)
        if kind is OpKind.PURGE:
            return self._apply_purge(op, author)
        return ()

    def _open_changes(self, op: Op, author: bytes) -> list[Change]:
        assert op.body is not None and self.coop_id is not None
        grants = self._grants(op.op_id, author)
        changes = content_open.changes_of(
            op, author, self.coop_id, self.epoch_keys, self.me.kex_key, grants
        )
        return [ch for ch in changes if self._change_allowed(ch, author)]

    def _change_allowed(self, ch: Change, author: bytes) -> bool:
        """The creator may change anything; others only claim a lead or, as admin, tombstone."""
        if ch.item_id[:8] == author[:8]:
            return True
        if ch.body is not None or ch.prev:
            return False
        if ch.kind is Kind.LEAD and ch.fields and set(ch.fields) <= CLAIMER_FIELDS:
            return ch.deleted is None
        return ch.deleted is not None and not ch.fields and self.roster.is_admin(author)

    def _fold(self, ch: Change) -> bytes:
        self.store.link_item_op(ch.op_id, ch.item_id)
        blob, linked = self.store.item_and_links(ch.item_id)
        state = None if blob is None else self._open_item(ch.item_id, blob)
        if state is None:
            if linked != 1:  # this op's own link is there: others' ops came before it
                # changes by others came first and were kept aside: fold them all together
                self._refold(ch.item_id)
                return ch.item_id
            state = ItemState(ch.item_id, ch.kind)
        state.apply(ch)
        self._store_item(state)
        return ch.item_id

    def _store_item(self, state: ItemState) -> None:
        """Save the derived row; an item with no creator's change or nothing left has none."""
        if state.has_creator and not state.is_empty:
            self._save_item(state)
            return
        self.store.delete_item(state.item_id)
        self.changed_items.add(state.item_id)  # the GUI drops the row (no summary any more)
        if self._search is not None:
            self._search.remove(state.item_id.hex())

    def _save_item(self, state: ItemState) -> None:
        blob = p.seal(self._master, pack(state.to_plain()), _ITEM_AAD + state.item_id)
        self.store.put_item(state.item_id, state.kind.value, state.updated, blob)
        self.changed_items.add(state.item_id)  # drained by the Node to tell the GUI
        if self._search is not None:
            self._index(state)

    def _apply_release(self, op: Op, releaser: bytes) -> tuple[bytes, ...]:
        """Keep the data keys granted to this device; only an op's author may grant its keys.

        A grant for an op not stored yet is kept with its releaser and used only if that
        releaser turns out to be the op's author (_grants).
        """
        assert op.body is not None and self.coop_id is not None
        parts = content.decode_parts(op.body)
        if len(parts) != 1:
            return ()
        dek = envelope.part_key(parts[0], self.coop_id, None, self.me.kex_key)
        if dek is None:
            return ()
        touched = []
        for g in content.decode_grants(envelope.open_part(parts[0], dek, self.coop_id)):
            row = self.store.op_row(g.op_id)
            author = None if row is None else self.roster.member_of(_header(row[0]).device)
            if row is not None and author != releaser:
                continue
            sealed = p.seal(self._master, g.key, _GRANT_AAD + g.op_id)
            self.store.put_grant(g.op_id, g.part, releaser, sealed)
            if row is not None and row[2] is not None and author is not None:
                target = Op(_header(row[0]), row[0], row[1], row[2])
                touched += [self._fold(ch) for ch in changes_or_none(self, target, author)]
        return tuple(touched)

    def _grants(self, op_id: bytes, author: bytes) -> dict[int, list[bytes]]:
        """Data keys for the parts of `op_id` that its author granted to this device."""
        out: dict[int, list[bytes]] = {}
        for part, blob in self.store.grants_for(op_id, author):
            out.setdefault(part, []).append(p.open_sealed(self._master, blob, _GRANT_AAD + op_id))
        return out

    def _apply_purge(self, op: Op, author: bytes) -> tuple[bytes, ...]:
        assert op.body is not None
        touched: set[bytes] = set()
        for target in content.decode_purge(op.body):
            row = self.store.op_row(target)
            if row is None:
                self.store.request_purge(target, author)  # checked when the target arrives
                continue
            target_author = self.roster.member_of(_header(row[0]).device)
            if target_author != author and not self.roster.is_admin(author):
                continue
            if not self.store.purge_body(target, author):  # only item ops are ever purged
                continue
            item_id = self.store.item_of_op(target)
            if item_id is not None:
                touched.add(item_id)
        for item_id in touched:
            self._refold(item_id)
        return tuple(touched)

    def _refold(self, item_id: bytes) -> None:
        """Rebuild one item from its stored ops (after a purge, or once its creator's arrives)."""
        state: ItemState | None = None
        for op_id in self.store.ops_of_item(item_id):
            row = self.store.op_row(op_id)
            if row is None or row[2] is None:
                continue
            op = Op(_header(row[0]), row[0], row[1], row[2])
            author = self.roster.member_of(op.header.device) or b""
            for ch in changes_or_none(self, op, author):
                if ch.item_id == item_id:
                    state = state or ItemState(item_id, ch.kind)
                    state.apply(ch)
        self._store_item(state or ItemState(item_id, Kind.NOTE))

    # --- small secrets at rest (peer addresses, invitations) ----------------------------------

    def seal_local(self, purpose: bytes, data: bytes) -> bytes:
        return p.seal(self._master, data, b"coopshare/v1/local/" + purpose)

    def open_local(self, purpose: bytes, blob: bytes) -> bytes:
        return p.open_sealed(self._master, blob, b"coopshare/v1/local/" + purpose)

    def local_key(self, purpose: bytes, data: bytes) -> bytes:
        """A keyed hash for looking up sealed rows without storing plaintext."""
        return p.hmac256(self._master, b"coopshare/v1/lookup/" + purpose, data)

    # --- reading ------------------------------------------------------------------------------

    def wire_ops(self) -> Iterator[bytes]:
        """Every stored op as wire bytes, in arrival order (parents before children).

        Read a page at a time, so memory stays flat however long the log is.
        """
        n = 0
        while page := self.store.ops_after(n, 1000):
            for n, _device, _seq, hb, sig, body in page:  # noqa: B007 - n is the cursor
                yield pack([hb, sig, body])

    def item(self, item_id: bytes) -> ItemState | None:
        blob = self.store.item_blob(item_id)
        return None if blob is None else self._open_item(item_id, blob)

    def _open_item(self, item_id: bytes, blob: bytes) -> ItemState:
        return ItemState.from_plain(unpack(p.open_sealed(self._master, blob, _ITEM_AAD + item_id)))

    def items(self, kind: Kind | None = None, *, include_deleted: bool = False) -> list[ItemState]:
        out = []
        for item_id, blob in self.store.item_blobs(kind.value if kind else None):
            st = self._open_item(item_id, blob)
            if include_deleted or not st.is_deleted:
                out.append(st)
        return out

    def search_index_step(self, limit: int = 2000) -> bool:
        """Index the next `limit` items; True once every item is in the index.

        Items are read one page at a time and never all held at once (memory stays flat);
        items saved meanwhile are indexed by _save_item, so nothing is missed.
        """
        if self._search is None:
            self._search = SearchIndex()
            self._index_cursor = 0
            self._index_done = False
        if self._index_done:
            return True
        page = self.store.items_after(self._index_cursor, limit)
        rows = []
        for rowid, item_id, blob in page:
            self._index_cursor = rowid
            st = self._open_item(item_id, blob)
            if st.kind in _SEARCHABLE and not st.is_deleted:
                rows.append(_index_row(st))
        self._search.put_many(rows)
        self._index_done = len(page) < limit
        return self._index_done

    @property
    def search_ready(self) -> bool:
        return self._search is not None and self._index_done

    def search(self, query: str, limit: int = 50) -> list[ItemState]:
        """Best matches; builds what is left of the index first (the Node builds it ahead)."""
        while not self.search_index_step():
            pass
        assert self._search is not None
        found = [self.item(bytes.fromhex(i)) for i, _ in self._search.query(query, limit)]
        return [st for st in found if st is not None and not st.is_deleted]

    def _index(self, st: ItemState) -> None:
        assert self._search is not None
        if st.kind not in _SEARCHABLE:
            return
        if st.is_deleted:
            self._search.remove(st.item_id.hex())
        else:
            self._search.put(*_index_row(st))

    def member_name(self, member_id: bytes) -> str:
        m = self.roster.members.get(member_id)
        if m is None:
            return "(former member)"
        return roster_body.open_name(m.name_ct, self.epoch_keys) or "(name not readable)"

    def coop_name(self) -> str | None:
        if self.coop_id is None or self.coop_id not in self._roster_bodies:
            return None
        blob = self._roster_bodies[self.coop_id].coop_name
        return roster_body.open_name(blob, self.epoch_keys) if blob else None


_SEARCHABLE = frozenset({Kind.NOTE, Kind.LEAD, Kind.IDEA})


def _index_row(st: ItemState) -> tuple[str, str, str, str]:
    v: dict[str, Any] = st.view()
    text = " ".join(
        str(v.get(k, "")) for k in ("body", "description", "role", "region", "org", "contact")
    )
    tags = " ".join(v.get("tags", []) + v.get("skills", []))
    return (st.item_id.hex(), st.kind.value, str(v.get("title", "")), f"{text} {tags}")


def _header(hb: bytes) -> Header:
    return Header.decode(hb)


def _future_limit() -> int:
    """The smallest hlc that is more than MAX_DRIFT_MS ahead of this machine's clock."""
    return (wall_ms() + MAX_DRIFT_MS + 1) << COUNTER_BITS
