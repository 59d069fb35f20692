"""Schema 3 repairs what older versions let in: unchecked purges, bodiless roster ops, grants."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

from coopshare.store.db import DB_FILE, Store


def _legacy_store(home: Path) -> None:
    """A data folder at schema 2, holding what the old purge and grant code could write."""
    home.mkdir()
    conn = sqlite3.connect(home / DB_FILE, isolation_level=None)
    schema = resources.files("coopshare.store").joinpath("schema")
    for name in ("001_init.sql", "002_peers_invites.sql"):
        conn.executescript(schema.joinpath(name).read_text())
    conn.execute("PRAGMA user_version=2")
    rows = [
        (b"i" * 32, b"d" * 32, 1, 5, "item", b"", b"h1", b"s", None),  # purged item op
        (b"r" * 32, b"d" * 32, 2, 6, "add_member", b"", b"h2", b"s", None),  # purged roster op
        (b"g" * 32, b"d" * 32, 3, 7, "genesis", b"", b"h3", b"s", b"body"),
    ]
    conn.executemany(
        "INSERT INTO ops(op_id, device, seq, hlc, kind, epoch, header, sig, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.executemany(
        "INSERT INTO purged VALUES (?)", [(b"i" * 32,), (b"r" * 32,), (b"x" * 32,)]
    )  # x: an op never received, purged without any check
    conn.execute("INSERT INTO grants VALUES (?, 0, ?)", (b"i" * 32, b"k"))
    conn.close()


def test_schema_3_drops_unchecked_purges_and_bodiless_roster_ops(tmp_path: Path) -> None:
    home = tmp_path / "old"
    _legacy_store(home)
    store = Store.open(home)
    try:
        assert store.is_purged(b"i" * 32)  # a checked purge of an item op stays
        assert not store.is_purged(b"x" * 32) and not store.is_purged(b"r" * 32)
        assert not store.has_op(b"r" * 32)  # can be received again, with its body
        assert store.has_op(b"g" * 32)
        assert store.grants_for(b"i" * 32, b"") == []
        assert store.purgers_of(b"x" * 32) == []
    finally:
        store.close()
