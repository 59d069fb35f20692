"""One syncing node per data folder.

The app and ``coopshare serve`` each bring a node onto the network (service/runtime.py): they
listen, announce themselves by mDNS and dial members, all as this data folder's device. Two of
them on one folder would do all of that twice as the same device, and each would overwrite the
other's address for ``status``. So bringing a node onto the network takes an exclusive lock on
``node.lock`` in the data folder, and a second one is refused with :class:`AlreadySyncing`
(naming the process that holds it). The store itself is shared safely: one-shot commands
(``note add``, ``status``, ``sync --once``, a backup) run beside a syncing node as before.

The lock is an advisory ``flock``: the kernel drops it when its process ends, however it ends
(``kill -9`` too), so a crash never leaves a stale lock. The file holds the holder's process id
and nothing else. Where ``fcntl`` does not exist (Windows), there is no lock.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from coopshare.errors import AlreadySyncing

LOCK_FILE = "node.lock"


class NodeLock:
    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is None:
            return
        import fcntl

        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def acquire(home: Path) -> NodeLock | None:
    """Lock `home` for this process's syncing node; AlreadySyncing if another process holds
    it. None where the platform has no ``flock``."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux or macOS
        return None
    fd = os.open(home / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
        os.close(fd)
        raise AlreadySyncing(pid=holder) from None
    except OSError:  # a file system without locks: run as before
        os.close(fd)
        return None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
    return NodeLock(fd)
