"""Events the Node publishes to the GUI bridge: frozen plain data, safe across threads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ItemsChanged:
    """These items changed (None: unknown which, e.g. another process wrote: reload)."""

    item_ids: tuple[bytes, ...] | None


@dataclass(frozen=True, slots=True)
class RosterChanged:
    pass


@dataclass(frozen=True, slots=True)
class PeersChanged:
    peers: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class SyncProgress:
    device: bytes
    received: int
    expected: int  # what the peer said we lack when catch-up began
    converged: bool


@dataclass(frozen=True, slots=True)
class StoreDamaged:
    """The background integrity check found damage in the data folder's database."""

    detail: str


Event = ItemsChanged | RosterChanged | PeersChanged | SyncProgress | StoreDamaged
