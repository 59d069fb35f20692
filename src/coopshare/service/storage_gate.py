"""How a running node lives through storage faults (disk full, read-only, I/O errors).

A session whose received ops cannot be stored ends (the engine aborts it; nothing of the failed
transaction is kept). The gate then spaces out new sessions while the store keeps failing:
inbound ones are closed at once until the pause is over, and an outbound one holds its dialler
for the pause, which doubles from 1 s to 30 s per failed session and is reset by a session in
which no write failed. Each attempt is the probe: once space returns, the next session stores
what it receives and the sync completes by itself. The store's FaultLog writes the log lines
(one per kind of fault a minute); the engine and node log these session ends at debug level.
"""

from __future__ import annotations

import asyncio
import time

from coopshare.store.faults import FaultLog

FIRST_PAUSE = 1.0
MAX_PAUSE = 30.0


class StorageGate:
    def __init__(self, faults: FaultLog) -> None:
        self.faults = faults
        self._pause = 0.0
        self._until = 0.0

    def ready(self) -> bool:
        """May a session start now? (False: a session failed to store lately; try later.)
        Time alone decides: small writes (the live info) can still fit on a full disk."""
        return time.monotonic() >= self._until

    def mark(self) -> int:
        """Taken when a session starts; give it to :meth:`session_ended`."""
        return self.faults.total

    def session_ended(self, mark: int) -> bool:
        """Call when a session ends; True if a write failed meanwhile (the pause grows)."""
        if self.faults.total == mark:
            self._pause, self._until = 0.0, 0.0
            return False
        self._pause = min(MAX_PAUSE, max(FIRST_PAUSE, self._pause * 2))
        self._until = time.monotonic() + self._pause
        return True

    async def wait(self) -> None:
        """Sleep out the pause."""
        while (left := self._until - time.monotonic()) > 0:
            await asyncio.sleep(min(1.0, left))
