"""The replica's state and reading side: loading the roster and epoch keys, transactions,
small local secrets, items and search. :class:`coopshare.service.replica.Replica` adds the
ingest pipeline on top (through :class:`~coopshare.service.replica_content.ContentApplier`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from coopshare.crypto import primitives as p
from coopshare.errors import (
    CoopShareError,
    DecryptError,
    ValidationError,
)
from coopshare.identity.keystore import Unlocked
from coopshare.model.fold import ItemState
from coopshare.model.hlc import COUNTER_BITS, MAX_DRIFT_MS, HybridClock, wall_ms
from coopshare.model.items import ACT_FIELDS, Kind
from coopshare.model.roster import RosterState, resolve
from coopshare.protocol import roster_body
from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.ops import Header, Op, OpKind
from coopshare.protocol.preopen import Preopened
from coopshare.store.db import Store
from coopshare.store.search import SearchIndex

ROSTER_KINDS = tuple(k.value for k in OpKind if k.is_roster)
_ITEM_AAD = b"coopshare/v1/item-row"
_GRANT_AAD = b"coopshare/v1/grant-row"
# lead fields a member other than the giver may write: acts (model/lead_rules.py decides their
# effect) and, in ops written before acts existed, "status" and "claimer"
CLAIMER_FIELDS = ACT_FIELDS | {"status", "claimer"}
# what applying a stored op can raise because of its data; a quarantined op that raises one of
# these is dropped instead of blocking the ops behind it
_OP_ERRORS = (CoopShareError, ArithmeticError, LookupError, ValueError)
HOLD_MAX = 256  # item rows a batch holds open at most (service/batch_ingest.py)


class ReplicaBase:
    """State, transactions and reads of one replica (see service/replica.py)."""

    def __init__(self, unlocked: Unlocked, store: Store) -> None:
        self.me = unlocked.identity
        self._master = unlocked.master_key
        self.store = store
        self.coop_id: bytes | None = None
        self.clock = HybridClock()
        self._tx_depth = 0
        self._search: SearchIndex | None = None
        self.unreadable = 0
        self._recorders: list[list[bytes]] = []  # see recording()
        self.new_commits: list[bytes] = []  # others' commitments applied since the last witness
        # (op id, signature) pairs a caller already checked: the pair, so a second copy of an op
        # with another (broken) signature is still checked here
        self.preverified: set[tuple[bytes, bytes]] = set()
        self.preopened: dict[bytes, Preopened] = {}  # op id -> its changes, opened ahead
        self.opened_ahead = 0  # item ops whose pre-opened changes were used here
        self.sig_checks = 0  # Ed25519 verifications of ops made here (bench/sync_bench.py)
        self.guarded = True  # False: a batch's first attempt (service/batch_ingest.py)
        self._held: dict[bytes, ItemState] | None = None  # its item rows not written yet
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
    def recording(self, into: list[bytes]) -> Iterator[None]:
        """Inside the block, add to `into` the items each op applied changes (its
        ``Applied.items``): how a write run on the store thread returns what it changed."""
        self._recorders.append(into)
        try:
            yield
        finally:
            self._recorders.pop()

    def report_changed(self, item_id: bytes) -> None:
        """An item changed without an op applied here (a purge by this device's clock)."""
        for into in self._recorders:
            into.append(item_id)

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

    def write_held(self) -> None:
        """Seal and write the item rows a batch kept open (service/batch_ingest.py)."""
        if self._held:
            for state in self._held.values():
                self._save_item(state)
            self._held.clear()

    def _save_item(self, state: ItemState) -> None:
        raise NotImplementedError  # ContentApplier

    def item(self, item_id: bytes) -> ItemState | None:
        self.write_held()
        blob = self.store.item_blob(item_id)
        return None if blob is None else self._open_item(item_id, blob)

    def _open_item(self, item_id: bytes, blob: bytes) -> ItemState:
        return ItemState.from_plain(unpack(p.open_sealed(self._master, blob, _ITEM_AAD + item_id)))

    def items(self, kind: Kind | None = None, *, include_deleted: bool = False) -> list[ItemState]:
        return list(self.each_item(kind, include_deleted=include_deleted))

    def each_item(
        self, kind: Kind | None = None, *, include_deleted: bool = False
    ) -> Iterator[ItemState]:
        """As :meth:`items`, one at a time: a pass that keeps few of 100,000 notes holds only
        those (a list of them all is ~300 MB). Consume it before writing."""
        self.write_held()
        for item_id, blob in self.store.item_blobs(kind.value if kind else None):
            st = self._open_item(item_id, blob)
            if include_deleted or not st.is_deleted:
                yield st

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

    def titled(self, text: str, limit: int = 30) -> list[ItemState]:
        """Items whose title holds `text` (the quick switcher); the newest with no text."""
        while not self.search_index_step():
            pass
        assert self._search is not None
        found = [self.item(bytes.fromhex(i)) for i, _ in self._search.titles(text, limit)]
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
