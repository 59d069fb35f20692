"""Full-text search over decrypted items, kept in memory only.

A plaintext FTS index on disk would leak what the encrypted store protects, so the index is an
in-memory SQLite FTS5 table, filled after unlock (in steps, so it never blocks the store for
long) and dropped with the process. It keeps the index, not the texts, and to stay small it is
``detail=column``: it records in which column (title, text) a word occurs, not where or how
often, so a query is a set of words, not a phrase. Prefix indexes for 2-, 3- and 4-letter
prefixes keep search-as-you-type fast.

Ranking is bm25 over the titles, then newest first. FTS5 can rank a ``detail=column`` table only
by tokenizing the matched rows' text again; its content table (``ranked``) gives it each item's
title and an empty text, so an item ranks by how well its title matches and items that match in
the text only follow, most recently indexed first. A query that matches more than
``RANK_AT_MOST`` items (two letters typed often match nearly every note) ranks only its
``RANK_AT_MOST`` most recently indexed matches: ranking costs time for every match, and the next
keystroke narrows the query anyway.

A replaced or removed item's old index row stays (removing it would need its old text) and is
skipped: its ``docs`` row loses the item id and title.
"""

from __future__ import annotations

import re
import sqlite3

MIN_PREFIX = 2  # a single letter matches half the index: wait for the second
RANK_AT_MOST = 5000  # matches ranked per query, at most (the most recently indexed)
_WORD = re.compile(r"[^\W_]+")  # runs of letters and digits: one token each for unicode61


class SearchIndex:
    def __init__(self, rank_at_most: int = RANK_AT_MOST) -> None:
        self.rank_at_most = rank_at_most
        self._c = sqlite3.connect(":memory:", check_same_thread=False)
        # one row per index row: the item (NULL once stale) and its title, for ranking
        self._c.execute(
            "CREATE TABLE docs(rowid INTEGER PRIMARY KEY, item_id BLOB UNIQUE,"
            " kind TEXT NOT NULL, title TEXT NOT NULL)"
        )
        self._c.execute("CREATE VIEW ranked AS SELECT rowid, title, '' AS text FROM docs")
        self._c.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(title, text, content='ranked',"
            " content_rowid='rowid', detail=column, prefix='2 3 4',"
            " tokenize='unicode61 remove_diacritics 2')"
        )
        self._c.create_function("fold", 1, str.casefold, deterministic=True)
        self._next = 1
        self._stale = 0  # index rows no longer live

    def put(self, item_id: str, kind: str, title: str, text: str) -> None:
        self.put_many([(item_id, kind, title, text)])

    def put_many(self, rows: list[tuple[str, str, str, str]]) -> None:
        docs, texts = [], []
        for item_id, kind, title, text in rows:
            rowid = self._next
            self._next += 1
            docs.append((bytes.fromhex(item_id), rowid, kind, title))
            texts.append((rowid, title, text))
        with self._c:
            for doc in docs:
                self._forget(doc[0])
            self._c.executemany(
                "INSERT INTO docs(item_id, rowid, kind, title) VALUES (?, ?, ?, ?)", docs
            )
            self._c.executemany("INSERT INTO fts(rowid, title, text) VALUES (?, ?, ?)", texts)

    def remove(self, item_id: str) -> None:
        with self._c:
            self._forget(bytes.fromhex(item_id))

    def _forget(self, raw_id: bytes) -> None:
        # the index row stays, but is never returned again (FTS5 needs its docs row)
        q = "UPDATE docs SET item_id=NULL, title='' WHERE item_id=?"
        self._stale += self._c.execute(q, (raw_id,)).rowcount

    def query(self, text: str, limit: int = 50) -> list[tuple[str, str]]:
        """(item id, kind) of the best matches; every word must match, the last as a prefix."""
        words = _WORD.findall(text)
        if not words or (len(words) == 1 and len(words[0]) < MIN_PREFIX):
            return []
        last = f'"{words[-1]}"*' if len(words[-1]) >= MIN_PREFIX else f'"{words[-1]}"'
        match = " ".join([f'"{w}"' for w in words[:-1]] + [last])
        want = limit + self._stale  # stale rows may come first
        edge = self._c.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (match, self.rank_at_most - 1),
        ).fetchone()
        if edge is None:  # few enough matches: rank them all
            rows = self._c.execute(
                "SELECT rowid FROM fts WHERE fts MATCH ?"
                " ORDER BY bm25(fts, 5.0, 1.0), rowid DESC LIMIT ?",
                (match, want),
            )
        else:
            rows = self._c.execute(
                "SELECT rowid FROM fts WHERE fts MATCH ? AND rowid >= ?"
                " ORDER BY bm25(fts, 5.0, 1.0), rowid DESC LIMIT ?",
                (match, edge[0], want),
            )
        out = []
        for (rowid,) in rows:
            hit = self._c.execute(
                "SELECT item_id, kind FROM docs WHERE rowid=? AND item_id IS NOT NULL", (rowid,)
            )
            for raw, kind in hit:
                out.append((bytes(raw).hex(), str(kind)))
            if len(out) == limit:
                break
        return out

    def titles(self, text: str, limit: int = 30) -> list[tuple[str, str]]:
        """(item id, kind) of the items whose title holds `text` (any case), those whose title
        starts with it first, newest first; with no text, the newest (the quick switcher)."""
        needle = text.strip().casefold()
        if not needle:
            rows = self._c.execute(
                "SELECT item_id, kind FROM docs WHERE item_id IS NOT NULL"
                " ORDER BY rowid DESC LIMIT ?",
                (limit,),
            )
        else:
            rows = self._c.execute(
                "SELECT item_id, kind FROM docs WHERE item_id IS NOT NULL"
                " AND instr(fold(title), ?1) > 0"
                " ORDER BY instr(fold(title), ?1) = 1 DESC, rowid DESC LIMIT ?2",
                (needle, limit),
            )
        return [(bytes(raw).hex(), str(kind)) for raw, kind in rows]

    def __len__(self) -> int:
        return int(self._c.execute("SELECT count(item_id) FROM docs").fetchone()[0])
