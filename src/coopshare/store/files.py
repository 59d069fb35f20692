"""The database's files on disk: private modes, and what an existing file is.

SQLite creates the ``-wal`` and ``-shm`` files with the permissions of the database file, so a
database file made with mode 0600 keeps all three private; files left by older versions with a
looser mode are tightened when opened. The folder is made with mode 0700.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sqlite3
from pathlib import Path

PRIVATE = 0o600
SIDE_FILES = ("-wal", "-shm")


def private_folder(home: Path) -> None:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)


def prepare(path: Path) -> None:
    """Create `path` empty with mode 0600 if it is missing; tighten it and its side files."""
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            if p.stat().st_mode & 0o077:
                p.chmod(PRIVATE)


def remove(path: Path) -> None:
    """Delete a database file and its side files, if present."""
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


class Kind(enum.Enum):
    MISSING = "missing"
    EMPTY = "empty"  # zero length: truncated or made by something else
    FOREIGN = "foreign"  # not a CoopShare store: no SQLite header, or no schema
    DAMAGED = "damaged"  # an SQLite header, but SQLite cannot read it
    STORE = "store"


def inspect(path: Path) -> Kind:
    """What the file at `path` is, read without changing it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Kind.MISSING
    if size == 0:
        return Kind.EMPTY
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_meta = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        with path.open("rb") as f:
            return Kind.DAMAGED if f.read(16) == b"SQLite format 3\0" else Kind.FOREIGN
    return Kind.STORE if version > 0 and has_meta else Kind.FOREIGN
