"""Full-text search over decrypted items, kept in memory only.

A plaintext FTS index on disk would leak what the encrypted store protects, so the index is an
in-memory SQLite FTS5 table, filled after unlock and dropped with the process.
"""

from __future__ import annotations

import re
import sqlite3


class SearchIndex:
    def __init__(self) -> None:
        self._c = sqlite3.connect(":memory:", check_same_thread=False)
        self._c.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(item_id UNINDEXED, kind UNINDEXED, title, text,"
            " tokenize='unicode61 remove_diacritics 2')"
        )

    def put(self, item_id: str, kind: str, title: str, text: str) -> None:
        self._c.execute("DELETE FROM fts WHERE item_id=?", (item_id,))
        self._c.execute("INSERT INTO fts VALUES (?, ?, ?, ?)", (item_id, kind, title, text))

    def put_many(self, rows: list[tuple[str, str, str, str]]) -> None:
        with self._c:
            self._c.executemany("INSERT INTO fts VALUES (?, ?, ?, ?)", rows)

    def remove(self, item_id: str) -> None:
        self._c.execute("DELETE FROM fts WHERE item_id=?", (item_id,))

    def query(self, text: str, limit: int = 50) -> list[tuple[str, str]]:
        """(item id, kind) of the best matches; every word must match, the last as a prefix."""
        words = re.findall(r"\w+", text, flags=re.UNICODE)
        if not words:
            return []
        terms = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
        rows = self._c.execute(
            "SELECT item_id, kind FROM fts WHERE fts MATCH ?"
            " ORDER BY bm25(fts, 0, 0, 5.0, 1.0) LIMIT ?",
            (" ".join(terms), limit),
        )
        return [(r[0], r[1]) for r in rows]

    def __len__(self) -> int:
        return int(self._c.execute("SELECT COUNT(*) FROM fts").fetchone()[0])
