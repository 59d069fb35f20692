"""What the sync engine needs from its surroundings (sync/engine.py): the connection, the
node's replica (the service layer implements :class:`Local`), and what they hand each other."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Protocol

from coopshare.protocol.codec import pack
from coopshare.sync.checker import Checked


@dataclass(frozen=True, slots=True)
class OutOp:
    n: int
    device: bytes
    seq: int
    wire: bytes


# what a batch's pre-check found, aligned with its wires (sync/checker.py); empty if the batch
# was too small to pre-check
Prechecked = list[Checked | None]


@dataclass
class ApplyReport:
    new: int = 0
    rejected: int = 0
    roster_changed: bool = False
    applied: list[tuple[bytes, int]] = field(default_factory=list)  # (device, seq) now held
    parked: list[bytes] = field(default_factory=list)  # op ids parked (unknown parents/author)
    refusals: list[str] = field(default_factory=list)  # why each refused op was refused
    held: list[tuple[bytes, int]] = field(default_factory=list)  # (device, seq) already stored


class Link(Protocol):
    """A framed, authenticated connection (transport.conn.Connection is one)."""

    async def read_frame(self, timeout: float) -> bytes: ...
    async def write_raw(self, data: bytes) -> None: ...
    def abort(self, data: bytes) -> None: ...
    async def close(self) -> None: ...


class Local(Protocol):
    """What the engine needs from this device's replica (all calls may hop threads)."""

    coop_id: bytes
    device_id: bytes

    async def roster_ids(self) -> list[bytes]: ...
    async def roster_wires(self, exclude: set[bytes]) -> list[bytes]: ...
    async def version_vector(self) -> dict[bytes, int]: ...
    async def ops_after(
        self, n: int, limit: int, have: dict[bytes, int]
    ) -> tuple[int, list[OutOp]]:
        """Up to `limit` ops stored after arrival number `n` that are not covered by `have`
        (device -> highest seq the peer holds), and the arrival number read up to."""
        ...

    async def preverify(self, wires: tuple[bytes, ...]) -> Prechecked: ...
    async def apply_ops(
        self, wires: tuple[bytes, ...], durable: bool, checked: Prechecked
    ) -> ApplyReport: ...
    async def caught_up(self, peer: bytes) -> None:
        """Every op `peer` held when the session started is stored here (before Converged)."""
        ...

    def peer_still_trusted(self, device: bytes) -> bool: ...
    def log_grew(self) -> asyncio.Event: ...


def wire_of(header: bytes, sig: bytes, body: bytes | None) -> bytes:
    return pack([header, sig, body])
