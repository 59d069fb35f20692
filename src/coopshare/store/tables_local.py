"""Derived and local tables: encrypted item rows and their links, key grants, sealed
invitations and known peers. A mixin of :class:`coopshare.store.db.Store`."""

from __future__ import annotations

from collections.abc import Iterator

from coopshare.store.table_base import TableBase


class LocalTables(TableBase):
    # --- derived item state (encrypted blobs) -------------------------------------------------

    def put_item(self, item_id: bytes, kind: str, updated: int, state: bytes) -> None:
        self._q("INSERT OR REPLACE INTO items VALUES (?, ?, ?, ?)", item_id, kind, updated, state)
        if self._ahead is not None:
            self._ahead.item_written(item_id)

    def delete_item(self, item_id: bytes) -> None:
        """Drop a derived item row; its ops and their links stay."""
        self._q("DELETE FROM items WHERE item_id=?", item_id)
        if self._ahead is not None:
            self._ahead.item_written(item_id)

    def unlink_item(self, item_id: bytes) -> None:
        """Forget which ops an item had (after its ops' bodies were purged)."""
        self._q("DELETE FROM item_ops WHERE item_id=?", item_id)
        if self._ahead is not None:
            self._ahead.item_written(item_id)

    def truncate_wal(self) -> bool:
        """Copy the WAL into the database and empty it (outside a transaction); False if a
        reader kept it from completing."""
        row = self._q("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return row is not None and row[0] == 0

    def item_blob(self, item_id: bytes) -> bytes | None:
        row = self._q("SELECT state FROM items WHERE item_id=?", item_id).fetchone()
        return None if row is None else bytes(row[0])

    def item_and_links(self, item_id: bytes) -> tuple[bytes | None, int]:
        """The item's sealed state (None if it has no row) and how many ops link to it; one
        statement, since every received item op asks both."""
        known = None if self._ahead is None else self._ahead.item_and_links(item_id)
        if known is not None:  # a new item of this batch (store/lookahead.py)
            return known
        q = (
            "SELECT (SELECT state FROM items WHERE item_id=?1),"
            " (SELECT COUNT(*) FROM item_ops WHERE item_id=?1)"
        )
        state, links = self._q(q, item_id).fetchone()
        return (None if state is None else bytes(state)), int(links)

    def item_blobs(self, kind: str | None = None) -> Iterator[tuple[bytes, bytes]]:
        if kind is None:
            yield from self._q("SELECT item_id, state FROM items ORDER BY updated DESC")
        else:
            yield from self._q(
                "SELECT item_id, state FROM items WHERE kind=? ORDER BY updated DESC", kind
            )

    def link_item_op(self, op_id: bytes, item_id: bytes) -> None:
        cur = self._q("INSERT OR IGNORE INTO item_ops VALUES (?, ?)", op_id, item_id)
        if self._ahead is not None and cur.rowcount == 1:
            self._ahead.linked(item_id)

    def item_of_op(self, op_id: bytes) -> bytes | None:
        row = self._q("SELECT item_id FROM item_ops WHERE op_id=?", op_id).fetchone()
        return None if row is None else bytes(row[0])

    def ops_of_item(self, item_id: bytes) -> list[bytes]:
        return [r[0] for r in self._q("SELECT op_id FROM item_ops WHERE item_id=?", item_id)]

    def items_with_prefix(self, kind: str, prefix: bytes) -> list[tuple[bytes, int]]:
        """(item id, updated) of the items of `kind` whose id starts with `prefix` (their
        sealed states are not read)."""
        q = "SELECT item_id, updated FROM items WHERE item_id >= ? AND item_id < ? AND kind=?"
        end = (int.from_bytes(prefix, "big") + 1).to_bytes(len(prefix), "big")
        return [(bytes(r[0]), int(r[1])) for r in self._q(q, prefix, end, kind)]

    def ops_with_body(self, item_id: bytes) -> list[tuple[bytes, int, bytes]]:
        """(op id, hlc, device) of an item's ops whose body is still stored (not read)."""
        q = (
            "SELECT o.op_id, o.hlc, o.device FROM item_ops l JOIN ops o ON o.op_id = l.op_id"
            " WHERE l.item_id=? AND o.body IS NOT NULL"
        )
        return [(bytes(r[0]), int(r[1]), bytes(r[2])) for r in self._q(q, item_id)]

    def count_items(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self._q("SELECT kind, COUNT(*) FROM items GROUP BY kind")}

    def put_grant(self, op_id: bytes, part: int, releaser: bytes, sealed_key: bytes) -> None:
        self._any_grants = True
        self._q(
            "INSERT OR REPLACE INTO grants(op_id, part, releaser, key) VALUES (?, ?, ?, ?)",
            op_id,
            part,
            releaser,
            sealed_key,
        )

    def grants_for(self, op_id: bytes, releaser: bytes) -> list[tuple[int, bytes]]:
        """(part, sealed key) of the grants for `op_id` that `releaser` handed out."""
        if self._any_grants is None:
            self._any_grants = bool(self._q("SELECT EXISTS(SELECT 1 FROM grants)").fetchone()[0])
        if not self._any_grants:
            return []  # most stores never see a key release
        q = "SELECT part, key FROM grants WHERE op_id=? AND releaser=? ORDER BY part"
        return [(r[0], r[1]) for r in self._q(q, op_id, releaser)]

    def drop_grants(self, op_ids: list[bytes]) -> int:
        """Forget the keys granted for these ops (a closed lead's retention ended)."""
        n = 0
        for op_id in op_ids:
            n += self._q("DELETE FROM grants WHERE op_id=?", op_id).rowcount
        return n

    # --- invitations and known peers (sealed blobs) -------------------------------------------

    def put_invite(self, token_id: bytes, sealed: bytes) -> None:
        self._q(
            "INSERT OR REPLACE INTO invites(token_id, sealed, used) VALUES (?, ?, 0)",
            token_id,
            sealed,
        )

    def invite(self, token_id: bytes) -> tuple[bytes, bool] | None:
        row = self._q("SELECT sealed, used FROM invites WHERE token_id=?", token_id).fetchone()
        return None if row is None else (bytes(row[0]), bool(row[1]))

    def invites(self) -> list[tuple[bytes, bytes, bool]]:
        return [
            (r[0], r[1], bool(r[2])) for r in self._q("SELECT token_id, sealed, used FROM invites")
        ]

    def use_invite(self, token_id: bytes) -> bool:
        """Mark an invitation used; False if it already was (single use, race-free)."""
        cur = self._q("UPDATE invites SET used=1 WHERE token_id=? AND used=0", token_id)
        return cur.rowcount == 1

    def delete_invite(self, token_id: bytes) -> bool:
        """Delete an unused invitation; False if there was none (or it was used)."""
        return self._q("DELETE FROM invites WHERE token_id=? AND used=0", token_id).rowcount == 1

    def release_invite(self, token_id: bytes) -> None:
        self._q("UPDATE invites SET used=0 WHERE token_id=?", token_id)

    def put_peer(self, peer_key: bytes, sealed: bytes) -> None:
        self._q("INSERT OR REPLACE INTO peers VALUES (?, ?)", peer_key, sealed)

    def peers(self) -> list[bytes]:
        return [r[0] for r in self._q("SELECT sealed FROM peers")]
