"""What a batch of incoming ops will ask the log, fetched up front in a few queries.

Applying one received op asks the log three questions: is this op id stored already (a replay),
which ops does its device have at seq-1, seq and seq+1 (equivocation and backlinks), and does
its device have ops above its seq (backdating evidence, lead_rules): a catch-up arrives in seq
order, so the highest stored seq per device answers the last one without a query. For a
batch of 256 ops that is 512 small queries; a :class:`Lookahead` answers them from two queries
per batch (one per device for the logs: the exact seqs asked about) and is kept exact as the
batch's own ops are inserted. Given the item ids the batch will fold (known when the ops were
opened ahead, protocol/preopen.py), it also knows which items are new, and answers their first
"row and link count?" without a query, kept exact as links and rows are written.

It only ever answers from what it fetched inside the current write transaction, where no other
connection can write; the store drops it when the transaction or a savepoint ends.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

ID_CHUNK = 500  # op ids per IN (...) query, well under SQLite's variable limit


class Lookahead:
    def __init__(
        self,
        conn: sqlite3.Connection,
        ops: Iterable[tuple[bytes, bytes, int]],
        items: Iterable[bytes] = (),
    ) -> None:
        """`ops`: (op id, device, seq) of the batch about to be applied; `items`: item ids its
        ops will fold, where known ahead (ops opened in the signature worker)."""
        ids: set[bytes] = set()
        # per device, the exact seqs whose rows are held: each op's seq and its two neighbours
        # (never a range: two ops at seq 1 and 2^53 must not pull in the whole log between)
        self.held: dict[bytes, set[int]] = {}
        for op_id, device, seq in ops:
            ids.add(op_id)
            self.held.setdefault(device, set()).update((seq - 1, seq, seq + 1))
        stored: set[bytes] = set()
        id_list = list(ids)
        for i in range(0, len(id_list), ID_CHUNK):
            chunk = id_list[i : i + ID_CHUNK]
            marks = ",".join("?" * len(chunk))
            q = f"SELECT op_id FROM ops WHERE op_id IN ({marks})"  # noqa: S608 - only marks
            stored.update(r[0] for r in conn.execute(q, chunk))
        self.absent = ids - stored
        self.rows: dict[tuple[bytes, int], list[tuple[bytes, bytes]]] = {}
        # per device, the highest seq stored (0: none): an op above it has no stored successor
        self.top: dict[bytes, int] = {}
        for device, seqs in self.held.items():
            row = conn.execute("SELECT COALESCE(MAX(seq), 0) FROM ops WHERE device=?", (device,))
            self.top[device] = int(row.fetchone()[0])
            wanted = sorted(seqs)
            for i in range(0, len(wanted), ID_CHUNK):
                seq_chunk = wanted[i : i + ID_CHUNK]
                marks = ",".join("?" * len(seq_chunk))
                q = (
                    "SELECT seq, op_id, header FROM ops"  # noqa: S608 - only marks
                    f" WHERE device=? AND seq IN ({marks})"
                )
                for seq, op_id, header in conn.execute(q, (device, *seq_chunk)):
                    self.rows.setdefault((device, seq), []).append((op_id, header))
        # items with neither a row nor a linked op before the batch: a new note's first fold
        # asks for its row and link count, which are then (none, the links made since)
        wanted_items = list(set(items))
        present: set[bytes] = set()
        for i in range(0, len(wanted_items), ID_CHUNK):
            item_chunk = wanted_items[i : i + ID_CHUNK]
            marks = ",".join("?" * len(item_chunk))
            for table in ("items", "item_ops"):
                q = f"SELECT item_id FROM {table} WHERE item_id IN ({marks})"  # noqa: S608
                present.update(r[0] for r in conn.execute(q, item_chunk))
        self.fresh_items = set(wanted_items) - present
        self.links: dict[bytes, int] = {}  # links made in the batch to fresh items

    def known_absent(self, op_id: bytes) -> bool:
        return op_id in self.absent

    def neighbours(self, device: bytes, seq: int) -> list[tuple[int, bytes, bytes]] | None:
        """Like Store.log_neighbours, or None if those seqs were not fetched."""
        held = self.held.get(device)
        if held is None or not {seq - 1, seq, seq + 1} <= held:
            return None
        return [
            (s, op_id, header)
            for s in (seq - 1, seq, seq + 1)
            for op_id, header in self.rows.get((device, s), ())
        ]

    def none_above(self, device: bytes, seq: int) -> bool:
        """True if it is known that no op of `device` with a seq above `seq` is stored."""
        top = self.top.get(device)
        return top is not None and top <= seq

    def item_and_links(self, item_id: bytes) -> tuple[None, int] | None:
        """Like Store.item_and_links for an item that had nothing before the batch and has
        had no row written since; None if that is not known."""
        if item_id not in self.fresh_items:
            return None
        return None, self.links.get(item_id, 0)

    def linked(self, item_id: bytes) -> None:
        """An item_ops row for this item was inserted."""
        if item_id in self.fresh_items:
            self.links[item_id] = self.links.get(item_id, 0) + 1

    def item_written(self, item_id: bytes) -> None:
        """Its row was written or deleted, or its links were: ask the store from now on."""
        self.fresh_items.discard(item_id)

    def inserted(self, op_id: bytes, device: bytes, seq: int, header: bytes) -> None:
        self.absent.discard(op_id)
        if device in self.top:
            self.top[device] = max(self.top[device], seq)
        held = self.held.get(device)
        if held is not None and seq in held:
            self.rows.setdefault((device, seq), []).append((op_id, header))
