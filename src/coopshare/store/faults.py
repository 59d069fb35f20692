"""Storage faults: what a failed write means, one log line per fault, and test failpoints.

:func:`classify` turns an SQLite or OS error into the typed error the user sees (``DiskFull``,
``StoreReadOnly``, ``StoreIOError``, ``StoreDamaged``, else a plain ``StoreError``); it decides
by SQLite's result code and the OS errno, never by message text.

:class:`FaultLog` is kept by every :class:`~coopshare.store.db.Store`: a long-running node turns
its reporting on, and then each kind of fault is logged once a minute at most (with how many
writes failed meanwhile), and "writable again" once, at the first commit after faults.

Failpoints (for ``bench/crash_harness.py`` and tests): ``COOPSHARE_FAILPOINTS="name=action,..."``
with action ``exit`` (``os._exit(FAILPOINT_EXIT)``: a crash at that point) or ``raise``
(``StoreIOError``), optionally ``@N`` to act at the N-th hit only. Names in use:
``roster.stored`` and ``epoch.stored`` (a roster op, or one opening a new epoch, is in the
transaction but not committed), ``durable.before_commit`` and ``durable.after_commit``. Unset,
a call site costs one test of an empty dict: ``if faults.ACTIVE: faults.hit(name)``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import time
from pathlib import Path

from coopshare.errors import (
    DiskFull,
    StoreDamaged,
    StoreError,
    StoreIOError,
    StoreReadOnly,
    os_fault,
)

log = logging.getLogger("coopshare.store")

# SQLite primary result codes (https://sqlite.org/rescode.html)
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 3, 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
LOW_SPACE = 1 << 20  # an I/O error with less free space than this is a full disk

WRITE_FAULTS = (DiskFull, StoreReadOnly, StoreIOError)
FAILPOINT_EXIT = 86
FAILPOINTS_ENV = "COOPSHARE_FAILPOINTS"


def classify(e: BaseException, where: Path | str) -> StoreError:
    """The typed error for a failed store or file write in the folder `where`."""
    if isinstance(e, StoreError):
        return e
    folder = str(where)
    if isinstance(e, sqlite3.Error):
        code = getattr(e, "sqlite_errorcode", -1) & 0xFF
        if code == _SQLITE_FULL:
            return DiskFull(path=folder)
        if code in (_SQLITE_READONLY, _SQLITE_PERM):
            return StoreReadOnly(path=folder)
        if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
            # ENOSPC surfaces as an I/O error on some paths (the -shm file, fsync)
            return DiskFull(path=folder) if _nearly_full(where) else StoreIOError(path=folder)
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return StoreDamaged(path=folder)
        return StoreError(f"store error: {e}")
    if isinstance(e, OSError):
        return os_fault(e, folder)
    return StoreError(f"store error: {e}")


def open_failed(e: BaseException, path: Path) -> StoreError:
    """Opening the database at `path` failed: a full or read-only disk, or a damaged file."""
    err = classify(e, path.parent)
    if type(err) in (StoreError, StoreDamaged):
        err = StoreDamaged(f"cannot open {path}: {e}", path=str(path.parent))
    return err


def _nearly_full(where: Path | str) -> bool:
    try:
        return shutil.disk_usage(where).free < LOW_SPACE
    except OSError:
        return False


class FaultLog:
    """Rate-limited reporting of storage faults (silent until :meth:`report` is set)."""

    EVERY = 60.0  # seconds between two lines about the same kind of fault

    def __init__(self) -> None:
        self.report = False
        self.failures = 0  # writes failed since the last successful commit
        self.total = 0
        self.last: StoreError | None = None
        self._logged: dict[type, float] = {}  # kept across commits: small writes may still fit
        self._suppressed = 0
        self._told = False  # a fault line was written and no "writable again" since

    @property
    def healthy(self) -> bool:
        return self.failures == 0

    def failed(self, e: StoreError) -> StoreError:
        """Count a failed write (and log it, rate-limited); returns `e` for raising."""
        self.failures += 1
        self.total += 1
        self.last = e
        if not self.report:
            return e
        now = time.monotonic()
        if now - self._logged.get(type(e), -self.EVERY) >= self.EVERY:
            self._logged[type(e)] = now
            more = f"; {self._suppressed} more failed writes" if self._suppressed else ""
            log.warning("%s (will keep retrying%s)", e, more)
            self._suppressed, self._told = 0, True
        else:
            self._suppressed += 1
        return e

    def committed(self) -> None:
        """A write transaction committed."""
        self.failures = 0

    def recovered(self) -> None:
        """A write that had failed before went through (a whole received batch): say so once."""
        self.failures = 0
        if self._told and self.report:
            log.warning("the store is writable again")
        self._told = False


# --- failpoints ----------------------------------------------------------------------------------


def _parse(spec: str) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    for part in filter(None, (x.strip() for x in spec.split(","))):
        name, _, action = part.partition("=")
        action, _, nth = action.partition("@")
        out[name.strip()] = (action.strip() or "exit", int(nth) if nth else 1)
    return out


ACTIVE: dict[str, tuple[str, int]] = _parse(os.environ.get(FAILPOINTS_ENV, ""))
_hits: dict[str, int] = {}


def hit(name: str) -> None:
    """A named point was reached: act if a failpoint is set on it (see the module text)."""
    point = ACTIVE.get(name)
    if point is None:
        return
    _hits[name] = _hits.get(name, 0) + 1
    action, nth = point
    if _hits[name] != nth:
        return
    if action == "exit":
        os._exit(FAILPOINT_EXIT)
    raise StoreIOError(f"failpoint {name}", path=name)
