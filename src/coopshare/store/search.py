"""Full-text search over decrypted items, kept in memory only.

A plaintext FTS index on disk would leak what the encrypted store protects, so the index is an
in-memory SQLite FTS5 table, filled after unlock (in steps, so it never blocks the store for
long) and dropped with the process. The table is *contentless* (it keeps the index, not the
text: half the memory) with prefix indexes for 2- and 3-letter prefixes, so search-as-you-type
stays fast. A contentless table cannot delete rows on this SQLite, so a replaced or removed
item's old row is marked stale here and filtered out of results.
"""

from __future__ import annotations

import re
import sqlite3

MIN_PREFIX = 2  # a single letter matches half the index: wait for the second


class SearchIndex:
    def __init__(self) -> None:
        self._c = sqlite3.connect(":memory:", check_same_thread=False)
        self._c.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(title, text, content='', prefix='2 3',"
            " tokenize='unicode61 remove_diacritics 2')"
        )
        self._item_of: dict[int, tuple[str, str]] = {}  # live rowid -> (item id, kind)
        self._rowid_of: dict[str, int] = {}
        self._next = 1

    def put(self, item_id: str, kind: str, title: str, text: str) -> None:
        self.put_many([(item_id, kind, title, text)])

    def put_many(self, rows: list[tuple[str, str, str, str]]) -> None:
        batch = []
        for item_id, kind, title, text in rows:
            self.remove(item_id)
            rowid = self._next
            self._next += 1
            self._item_of[rowid] = (item_id, kind)
            self._rowid_of[item_id] = rowid
            batch.append((rowid, title, text))
        with self._c:
            self._c.executemany("INSERT INTO fts(rowid, title, text) VALUES (?, ?, ?)", batch)

    def remove(self, item_id: str) -> None:
        old = self._rowid_of.pop(item_id, None)
        if old is not None:
            self._item_of.pop(old, None)  # the index row stays, but is never returned again

    def query(self, text: str, limit: int = 50) -> list[tuple[str, str]]:
        """(item id, kind) of the best matches; every word must match, the last as a prefix."""
        words = re.findall(r"\w+", text, flags=re.UNICODE)
        if not words or (len(words) == 1 and len(words[0]) < MIN_PREFIX):
            return []
        last = f'"{words[-1]}"*' if len(words[-1]) >= MIN_PREFIX else f'"{words[-1]}"'
        terms = [f'"{w}"' for w in words[:-1]] + [last]
        rows = self._c.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 5.0, 1.0) LIMIT ?",
            (" ".join(terms), limit + 20),
        )
        out = []
        for (rowid,) in rows:
            hit = self._item_of.get(rowid)
            if hit is not None:
                out.append(hit)
                if len(out) == limit:
                    break
        return out

    def __len__(self) -> int:
        return len(self._rowid_of)
