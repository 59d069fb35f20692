"""What the table mixins of :class:`coopshare.store.db.Store` need from it: the connection's
query helper and the per-transaction caches."""

from __future__ import annotations

import sqlite3
from typing import Any

from coopshare.store.lookahead import Lookahead

QUARANTINE_MAX = 10_000
ROSTER_KIND_NAMES = (
    "genesis",
    "add_member",
    "add_device",
    "remove_member",
    "revoke_device",
    "change_role",
    "rotate",
)


class TableBase:
    _c: sqlite3.Connection
    _any_purges: bool | None
    _any_grants: bool | None
    _ahead: Lookahead | None

    def _q(self, sql: str, *args: Any) -> sqlite3.Cursor:
        raise NotImplementedError
