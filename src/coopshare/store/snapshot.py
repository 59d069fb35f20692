"""A consistent copy of the database while it may be in use (for backups).

SQLite's online backup API on a read-only connection of its own copies into an in-memory
database (nothing is written to disk on the way); in WAL mode the copy is one snapshot of the
last commit, whatever a running node writes meanwhile.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coopshare.store import faults


def database_bytes(path: Path) -> bytes:
    """The bytes of a consistent copy of the SQLite database at `path` (a database file)."""
    try:
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        dst = sqlite3.connect(":memory:")
        try:
            src.backup(dst)
            return dst.serialize()
        finally:
            dst.close()
            src.close()
    except sqlite3.DatabaseError as e:
        raise faults.open_failed(e, path) from None
