"""`Runtime`: a running node (re-exported by ``service/api.py``, the one door; see there)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from coopshare.service import events, views_people, views_typed
from coopshare.service.api_commands import Api
from coopshare.service.dialler import sync_once
from coopshare.service.node import Node
from coopshare.service.read_models import NearbyPeer, NewInvite
from coopshare.service.runtime import Network, NetworkOptions, start_network

T = TypeVar("T")


@dataclass(frozen=True)
class SyncResult:
    sent: int
    received: int


class Runtime:
    """A running node of one data folder: its store thread, its events, its network."""

    def __init__(self, node: Node) -> None:
        self._node = node
        self._network: Network | None = None

    @property
    def home(self) -> Path:
        return self._node.home

    @property
    def has_coop(self) -> bool:
        return bool(self._node.coop_id)

    @property
    def session_count(self) -> int:
        return len(self._node.sessions)

    @property
    def listen_addr(self) -> tuple[str, int] | None:
        return self._node.listen_addr

    def subscribe(self, callback: Callable[[events.Event], None]) -> None:
        self._node.subscribe(callback)

    async def db(self, fn: Callable[[Api], T]) -> T:
        """Run a read on the store thread."""
        return await self._node.db(lambda c: fn(Api(c)))

    async def write(self, fn: Callable[[Api], T]) -> T:
        """Run a change on the store thread; peers are woken and ItemsChanged follows."""
        return await self._node.write(lambda c: fn(Api(c)))

    async def start_network(self, opts: NetworkOptions) -> tuple[str, int]:
        self._network = await start_network(self._node, opts)
        return self._network.addr

    async def sync_with(self, host: str, port: int, timeout: float) -> SyncResult:
        engine = await sync_once(self._node, host, port, timeout)
        return SyncResult(sent=engine.sent, received=engine.received)

    async def nearby(self) -> list[NearbyPeer]:
        """Connected sessions, members found on this network, and the peer book."""
        return [views_typed.nearby_peer(r) for r in await views_people.nearby(self._node)]

    async def new_invite(self, role: str, ttl: int) -> NewInvite:
        """A new invitation with this node's listening address."""
        return views_typed.new_invite(await views_people.new_invite(self._node, role, ttl))

    async def close(self) -> None:
        if self._network is not None:
            await self._network.close()
            self._network = None
        await self._node.close()
