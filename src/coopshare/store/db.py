"""The SQLite store of one data folder: the op log as received, plus derived tables.

One :class:`Store` is one connection, used from one thread (sqlite3 enforces it). Every write
happens inside :meth:`Store.tx`, so an op and what it changes land together or not at all.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path
from typing import Any

from coopshare.errors import StoreError
from coopshare.store import faults, files
from coopshare.store.checkpoint import BACKSTOP_PAGES, Checkpointer
from coopshare.store.lookahead import Lookahead
from coopshare.store.tables_local import LocalTables
from coopshare.store.tables_log import LogTables

DB_FILE = "coopshare.db"


def _schema_files() -> list[tuple[int, str]]:
    files = resources.files("coopshare.store").joinpath("schema")
    out = []
    for f in files.iterdir():
        if f.name.endswith(".sql"):
            out.append((int(f.name.split("_", 1)[0]), f.read_text()))
    return sorted(out)


class Store(LogTables, LocalTables):
    """SQLite-backed op log and derived tables; see schema/001_init.sql for the invariants."""

    def __init__(self, conn: sqlite3.Connection, folder: Path | None = None) -> None:
        self._c = conn
        self.folder = folder or Path()
        self.faults = faults.FaultLog()  # the node turns its reporting on
        self._any_purges: bool | None = None
        self._checkpointer: Checkpointer | None = None
        self._any_grants: bool | None = None
        self._ahead: Lookahead | None = None  # only inside a write transaction

    @classmethod
    def open(cls, home: Path, name: str = DB_FILE) -> Store:
        path = home / name
        try:
            files.prepare(path)  # mode 0600, before SQLite makes its -wal and -shm from it
            conn = sqlite3.connect(path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA cache_size=-65536")  # 64 MiB: op/item indexes are random-keyed
            store = cls(conn, home)
            store._migrate()  # reads the header and schema: not a database fails here
        except (sqlite3.DatabaseError, OSError) as e:
            raise faults.open_failed(e, path) from None
        return store

    @staticmethod
    def integrity_problem(home: Path) -> str | None:
        """Run SQLite's full integrity check on a connection of its own (read only; WAL lets
        writers go on); None if the file is sound, else what SQLite found. It reads every page
        (~1 s at 100k notes), so the node runs it in the background after start-up instead of
        every open paying for it; pages that are damaged also fail loudly when read.

        Raises StoreError if the check could not run at all (file gone, busy): no verdict."""
        try:
            uri = f"{(home / DB_FILE).resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=30)
            try:
                rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
            finally:
                conn.close()
        except sqlite3.OperationalError as e:
            raise StoreError(f"integrity check not run: {e}") from None
        except sqlite3.DatabaseError as e:  # "file is not a database", "malformed"
            return str(e)
        found = [str(r[0]) for r in rows]
        return None if found == ["ok"] else "; ".join(found)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self._c.close()

    def checkpoint_in_background(self) -> None:
        """Copy the log into the database on another thread (store/checkpoint.py); for the
        long-running node, where bulk syncs would otherwise pay for it inside commits."""
        if self._checkpointer is None:
            path = self._c.execute("PRAGMA database_list").fetchone()[2]
            self._c.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_PAGES}")
            self._checkpointer = Checkpointer(Path(path), self.faults)

    @contextmanager
    def tx(self, *, durable: bool = False) -> Iterator[None]:
        """One atomic write transaction (BEGIN IMMEDIATE takes the write lock up front).

        `durable` commits with ``synchronous=FULL`` (roster and keys: survives power loss);
        otherwise WAL with ``synchronous=NORMAL``, which survives a crash of the process.
        """
        try:
            self._c.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
            self._c.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise self.faults.failed(faults.classify(e, self.folder)) from None
        try:
            yield
            if durable and faults.ACTIVE:
                faults.hit("durable.before_commit")
            self._c.execute("COMMIT")
        except BaseException as e:
            self._ahead = None
            if self._c.in_transaction:  # SQLite may have rolled back itself (full, I/O error)
                with suppress(sqlite3.Error):  # a failed rollback leaves the journal to SQLite
                    self._c.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error):
                raise self.faults.failed(faults.classify(e, self.folder)) from None
            if isinstance(e, faults.WRITE_FAULTS):
                self.faults.failed(e)
            raise
        self._ahead = None
        self.faults.committed()
        if durable and faults.ACTIVE:
            faults.hit("durable.after_commit")
        if self._checkpointer is not None:
            self._checkpointer.poke()

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Inside a transaction: undo what the block wrote if it raises, keep the rest."""
        self._q("SAVEPOINT one_op")
        try:
            yield
        except BaseException:
            self._ahead = None  # it may hold what the savepoint undid
            if self._c.in_transaction:  # else SQLite already undid the whole transaction
                self._q("ROLLBACK TO one_op")
                self._q("RELEASE one_op")
            raise
        self._q("RELEASE one_op")

    def _migrate(self) -> None:
        version = self._c.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in _schema_files():
            if number > version:
                self._c.executescript(
                    f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version={number};\nCOMMIT;"
                )

    def _q(self, sql: str, *args: Any) -> sqlite3.Cursor:
        try:
            return self._c.execute(sql, args)
        except sqlite3.DatabaseError as e:
            raise faults.classify(e, self.folder) from None

    # --- meta ---------------------------------------------------------------------------------

    def meta(self, key: str) -> bytes | None:
        row = self._q("SELECT value FROM meta WHERE key=?", key).fetchone()
        return None if row is None else bytes(row[0])

    def set_meta(self, key: str, value: bytes) -> None:
        self._q("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", key, value)
