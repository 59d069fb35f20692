"""The op log's tables: ops as received, purges, equivocations, quarantine and bad ops, and the
reads a sync pump makes. A mixin of :class:`coopshare.store.db.Store`."""

from __future__ import annotations

from collections.abc import Iterable

from coopshare.errors import StoreError
from coopshare.store.lookahead import Lookahead
from coopshare.store.table_base import QUARANTINE_MAX, ROSTER_KIND_NAMES, TableBase


class LogTables(TableBase):
    # --- ops ----------------------------------------------------------------------------------

    def insert_op(
        self,
        op_id: bytes,
        device: bytes,
        seq: int,
        hlc: int,
        kind: str,
        epoch: bytes,
        header: bytes,
        sig: bytes,
        body: bytes | None,
    ) -> bool:
        """Store an op; False if it was already there (replay is a no-op)."""
        if body is None and kind in ROSTER_KIND_NAMES:
            raise StoreError("a roster op is never stored without its body")
        cur = self._q(
            "INSERT OR IGNORE INTO ops(op_id, device, seq, hlc, kind, epoch, header, sig, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            op_id,
            device,
            seq,
            hlc,
            kind,
            epoch,
            header,
            sig,
            body,
        )
        if cur.rowcount != 1:
            return False
        if self._ahead is not None:
            self._ahead.inserted(op_id, device, seq, header)
        return True

    def look_ahead(self, ops: list[tuple[bytes, bytes, int]], items: Iterable[bytes] = ()) -> None:
        """Inside a transaction: fetch what applying these (op id, device, seq), folding these
        items, will ask."""
        if not self._c.in_transaction:
            raise StoreError("look_ahead outside a transaction")
        self._ahead = Lookahead(self._c, ops, items)

    def ops_in_epoch(self, epoch: bytes, kind: str) -> list[tuple[bytes, bytes, bytes | None]]:
        return [
            (r[0], r[1], r[2])
            for r in self._q(
                "SELECT header, sig, body FROM ops WHERE epoch=? AND kind=? ORDER BY n", epoch, kind
            )
        ]

    def bodies_by(self, devices: list[bytes], kind: str) -> list[tuple[bytes, bytes, bytes]]:
        """(op id, header, body) of these devices' ops of one kind that still have a body."""
        q = "SELECT op_id, header, body FROM ops WHERE device=? AND kind=? AND body IS NOT NULL"
        return [(r[0], r[1], r[2]) for d in devices for r in self._q(q, d, kind)]

    def has_op(self, op_id: bytes) -> bool:
        if self._ahead is not None and self._ahead.known_absent(op_id):
            return False
        return self._q("SELECT 1 FROM ops WHERE op_id=?", op_id).fetchone() is not None

    def op_row(self, op_id: bytes) -> tuple[bytes, bytes, bytes | None] | None:
        row = self._q("SELECT header, sig, body FROM ops WHERE op_id=?", op_id).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def op_hlc(self, op_id: bytes) -> int | None:
        row = self._q("SELECT hlc FROM ops WHERE op_id=?", op_id).fetchone()
        return None if row is None else int(row[0])

    def ops_at(self, device: bytes, seq: int) -> list[bytes]:
        return [
            r[0] for r in self._q("SELECT op_id FROM ops WHERE device=? AND seq=?", device, seq)
        ]

    def log_neighbours(self, device: bytes, seq: int) -> list[tuple[int, bytes, bytes]]:
        """(seq, op id, header) of this device's stored ops at seq-1, seq and seq+1."""
        if self._ahead is not None:
            held = self._ahead.neighbours(device, seq)
            if held is not None:
                return held
        q = "SELECT seq, op_id, header FROM ops WHERE device=? AND seq BETWEEN ? AND ?"
        return [(r[0], r[1], r[2]) for r in self._q(q, device, seq - 1, seq + 1)]

    @property
    def any_purges(self) -> bool:
        """Whether any purge was ever recorded (checked once, then kept up to date)."""
        if self._any_purges is None:
            q = "SELECT EXISTS(SELECT 1 FROM purged) OR EXISTS(SELECT 1 FROM purge_requests)"
            self._any_purges = bool(self._q(q).fetchone()[0])
        return self._any_purges

    def headers_at(self, device: bytes, seq: int) -> list[bytes]:
        q = "SELECT header FROM ops WHERE device=? AND seq=?"
        return [r[0] for r in self._q(q, device, seq)]

    def version_vector(self) -> dict[bytes, int]:
        return {r[0]: r[1] for r in self._q("SELECT device, MAX(seq) FROM ops GROUP BY device")}

    def last_of(self, device: bytes) -> tuple[int, bytes] | None:
        row = self._q(
            "SELECT seq, op_id FROM ops WHERE device=? ORDER BY seq DESC, op_id LIMIT 1", device
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def hlc_before(self, device: bytes, seq: int) -> int:
        """The latest hlc among `device`'s ops with a lower seq (0 if none)."""
        q = "SELECT COALESCE(MAX(hlc), 0) FROM ops WHERE device=? AND seq<?"
        return int(self._q(q, device, seq).fetchone()[0])

    def dated_before(self, device: bytes, seq: int, hlc: int) -> list[bytes]:
        """Ids of `device`'s ops with a higher seq than `seq` but an earlier hlc than `hlc`:
        once an op (seq, hlc) is stored, its own device's log shows them backdated."""
        if self._ahead is not None and self._ahead.none_above(device, seq):
            return []  # a catch-up in seq order: nothing stored above this op (lookahead.py)
        q = "SELECT op_id FROM ops WHERE device=? AND seq>? AND hlc<?"
        return [r[0] for r in self._q(q, device, seq, hlc)]

    def max_hlc(self, below: int | None = None, n_range: tuple[int, int] | None = None) -> int:
        """The largest stored hlc, ignoring values at or above `below` (far-future claims);
        with `n_range` (a, b), only of the ops with arrival number a < n <= b."""
        lo, hi = n_range or (0, 2**63 - 1)
        q = "SELECT COALESCE(MAX(hlc), 0) FROM ops WHERE n > ? AND n <= ? AND hlc < ?"
        return int(self._q(q, lo, hi, 2**63 - 1 if below is None else below).fetchone()[0])

    def roster_ops_between(
        self, kinds: tuple[str, ...], lo: int, hi: int
    ) -> list[tuple[bytes, bytes, bytes | None]]:
        """(header, sig, body) of ops of these kinds with arrival number lo < n <= hi."""
        marks = ",".join("?" * len(kinds))
        q = (
            "SELECT header, sig, body FROM ops WHERE n > ? AND n <= ?"  # noqa: S608 - marks
            f" AND kind IN ({marks}) ORDER BY n"
        )
        return [(r[0], r[1], r[2]) for r in self._q(q, lo, hi, *kinds)]

    def purge_body(self, op_id: bytes, purger: bytes) -> bool:
        """Drop the body of a stored item op (never any other kind); False if there is none."""
        cur = self._q("UPDATE ops SET body=NULL WHERE op_id=? AND kind='item'", op_id)
        if cur.rowcount == 1:
            self.mark_purged(op_id, purger)
        return cur.rowcount == 1

    def mark_purged(self, op_id: bytes, purger: bytes) -> None:
        self._q("INSERT OR IGNORE INTO purged(op_id, purger) VALUES (?, ?)", op_id, purger)
        self._any_purges = True

    def forget_cached(self) -> None:
        """Another connection committed: re-read what this one cached."""
        self._any_purges = None
        self._any_grants = None

    def is_purged(self, op_id: bytes) -> bool:
        return self._q("SELECT 1 FROM purged WHERE op_id=?", op_id).fetchone() is not None

    def request_purge(self, target: bytes, purger: bytes) -> None:
        """Remember a purge of an op not stored yet; it is checked when the op arrives."""
        self._q("INSERT OR IGNORE INTO purge_requests VALUES (?, ?)", target, purger)
        self._any_purges = True

    def purgers_of(self, target: bytes) -> list[bytes]:
        return [r[0] for r in self._q("SELECT purger FROM purge_requests WHERE target=?", target)]

    def set_body(self, op_id: bytes, body: bytes) -> bool:
        """Add the body of an op stored header-only; False if it already had one."""
        return (
            self._q("UPDATE ops SET body=? WHERE op_id=? AND body IS NULL", body, op_id).rowcount
            == 1
        )

    def data_version(self) -> int:
        """Changes when another connection (another process) commits to this database."""
        return int(self._q("PRAGMA data_version").fetchone()[0])

    def count_ops(self) -> int:
        return int(self._q("SELECT COUNT(*) FROM ops").fetchone()[0])

    def record_equivocation(self, device: bytes, seq: int, a: bytes, b: bytes) -> None:
        self._q(
            "INSERT OR IGNORE INTO equivocations VALUES (?, ?, ?, ?)", device, seq, *sorted((a, b))
        )

    def equivocating_devices(self) -> list[bytes]:
        return [r[0] for r in self._q("SELECT DISTINCT device FROM equivocations")]

    # --- quarantine (ops whose parents or author are not known yet) ---------------------------

    def quarantine(self, op_id: bytes, wire: bytes, reason: str, now: int) -> None:
        # one op id is one header: a longer copy is the one with its body (not stripped)
        self._q(
            "INSERT INTO quarantine VALUES (?, ?, ?, ?) ON CONFLICT(op_id) DO UPDATE"
            " SET wire=excluded.wire WHERE length(excluded.wire) > length(quarantine.wire)",
            op_id,
            wire,
            reason,
            now,
        )
        excess = self._q("SELECT COUNT(*) FROM quarantine").fetchone()[0] - QUARANTINE_MAX
        if excess > 0:
            self._q(
                "DELETE FROM quarantine WHERE op_id IN"
                " (SELECT op_id FROM quarantine ORDER BY added, op_id LIMIT ?)",
                excess,
            )

    def quarantined(self) -> list[tuple[bytes, bytes]]:
        return [
            (r[0], r[1])
            for r in self._q("SELECT op_id, wire FROM quarantine ORDER BY added, op_id")
        ]

    def unquarantine(self, op_id: bytes) -> None:
        self._q("DELETE FROM quarantine WHERE op_id=?", op_id)

    def mark_bad(self, op_id: bytes, reason: str, now: int) -> None:
        """Record that a stored op's content was skipped (schema 005; service/quarantine.py)."""
        self._q("INSERT OR IGNORE INTO bad_ops VALUES (?, ?, ?)", op_id, reason, now)

    def held_back(self) -> list[tuple[str, bytes, str, int, bytes]]:
        """("skipped" or "parked", op id, reason, unix time, header or wire) of held-back ops."""
        return self._q(
            "SELECT 'skipped', b.op_id, b.reason, b.added, o.header FROM bad_ops b JOIN ops o"
            " USING (op_id) UNION ALL SELECT 'parked', op_id, reason, added, wire FROM quarantine"
            " ORDER BY 4, 2"
        ).fetchall()

    def ops_after(
        self, n: int, limit: int
    ) -> list[tuple[int, bytes, int, bytes, bytes, bytes | None]]:
        """(n, device, seq, header, sig, body) of ops stored after arrival number `n`."""
        return [
            (r[0], r[1], r[2], r[3], r[4], r[5])
            for r in self._q(
                "SELECT n, device, seq, header, sig, body FROM ops WHERE n > ? ORDER BY n LIMIT ?",
                n,
                limit,
            )
        ]

    def log_after(self, n: int, limit: int) -> list[tuple[int, bytes, int]]:
        """(arrival number, device, seq) of the ops after `n`, in arrival order; reads no body."""
        q = "SELECT n, device, seq FROM ops WHERE n > ? ORDER BY n LIMIT ?"
        return [(r[0], r[1], r[2]) for r in self._q(q, n, limit)]

    def ops_numbered(
        self, ns: list[int]
    ) -> list[tuple[int, bytes, int, bytes, bytes, bytes | None]]:
        """(n, device, seq, header, sig, body) of the ops with these arrival numbers, in order."""
        out = []
        for i in range(0, len(ns), 500):
            chunk = ns[i : i + 500]
            marks = ",".join("?" * len(chunk))
            q = (
                "SELECT n, device, seq, header, sig, body FROM ops"  # noqa: S608 - only marks
                f" WHERE n IN ({marks}) ORDER BY n"
            )
            out += [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in self._q(q, *chunk)]
        return out

    def max_n(self) -> int:
        return int(self._q("SELECT COALESCE(MAX(n), 0) FROM ops").fetchone()[0])

    def roster_op_ids(self) -> list[bytes]:
        marks = ",".join("?" * len(ROSTER_KIND_NAMES))
        return [
            r[0]
            for r in self._q(
                f"SELECT op_id FROM ops WHERE kind IN ({marks}) ORDER BY n",  # noqa: S608
                *ROSTER_KIND_NAMES,
            )
        ]

    def contiguous_vv(self) -> dict[bytes, int]:
        """Per device, the highest seq such that every seq from 1 up to it is stored."""
        vv: dict[bytes, int] = {}
        for device, seq in self._q("SELECT DISTINCT device, seq FROM ops ORDER BY device, seq"):
            if seq == vv.get(device, 0) + 1:
                vv[device] = seq
            else:
                vv.setdefault(device, 0)
        return vv

    def item_page(self, kind: str | None, offset: int, limit: int) -> list[tuple[bytes, bytes]]:
        """(item id, sealed state) of one page of items, newest first (index: schema 004)."""
        if kind is None:
            rows = self._q(
                "SELECT item_id, state FROM items ORDER BY updated DESC LIMIT ? OFFSET ?",
                limit,
                offset,
            )
        else:
            rows = self._q(
                "SELECT item_id, state FROM items WHERE kind=?"
                " ORDER BY updated DESC LIMIT ? OFFSET ?",
                kind,
                limit,
                offset,
            )
        return [(r[0], r[1]) for r in rows]

    def items_after(self, rowid: int, limit: int) -> list[tuple[int, bytes, bytes]]:
        """(rowid, item id, sealed state) of items in storage order, after `rowid`."""
        q = "SELECT rowid, item_id, state FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?"
        return [(r[0], r[1], r[2]) for r in self._q(q, rowid, limit)]
