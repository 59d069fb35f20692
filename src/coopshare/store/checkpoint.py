"""Copy the write-ahead log back into the database on a thread of its own.

In WAL mode every committed page is written twice: once to the log at commit, once to the
database file by a *checkpoint*. By default SQLite checkpoints inside the commit that pushes the
log past 1,000 pages, so a bulk sync spends a third of its commit time copying pages on the one
thread that applies ops. A running node instead lets this thread do passive checkpoints (they
never block the writer or readers) after commits, on a second connection that reads and writes
no rows. The writer keeps a high automatic checkpoint as a backstop, so the log cannot grow
without bound if this thread falls behind.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from coopshare.store import faults

log = logging.getLogger(__name__)

BACKSTOP_PAGES = 8192  # the writer checkpoints itself past this many log pages (32 MiB)


class Checkpointer:
    def __init__(self, path: Path, fault_log: faults.FaultLog | None = None) -> None:
        self._path = path
        self.faults = fault_log
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="coopshare-ckpt", daemon=True)
        self._thread.start()

    def poke(self) -> None:
        """A transaction committed: there may be log pages to copy."""
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path, timeout=0, isolation_level=None)
        except sqlite3.Error as e:  # the writer's own backstop still checkpoints
            log.warning("background checkpoints are off: %s", e)
            return
        try:
            while not self._stop.is_set():
                self._wake.wait()  # a commit (poke) or stop()
                self._wake.clear()
                if self._stop.is_set():
                    break
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error as e:  # busy or gone: try again after the next commit
                    err = faults.classify(e, self._path.parent)
                    if isinstance(err, faults.WRITE_FAULTS) and self.faults is not None:
                        self.faults.failed(err)  # a full disk: one line a minute, as for commits
                    log.debug("checkpoint skipped: %s", e)
        finally:
            conn.close()
