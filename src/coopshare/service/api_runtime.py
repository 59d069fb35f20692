"""`Runtime`: a running node (re-exported by ``service/api.py``, the one door; see there)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from coopshare.protocol.pairing_link import LinkGrant, LinkRequest
from coopshare.service import device_link, events, views_people, views_typed
from coopshare.service.api_commands import Api
from coopshare.service.dialler import sync_once
from coopshare.service.node import Node
from coopshare.service.read_models import NearbyPeer, NewInvite, ThisDevice
from coopshare.service.runtime import Network, NetworkOptions, start_network

T = TypeVar("T")


@dataclass(frozen=True)
class SyncResult:
    sent: int
    received: int
    signature_checks: int = 0  # Ed25519 verifications of ops this process made
    opened_ahead: int = 0  # item ops whose changes its signature worker opened


class Runtime:
    """A running node of one data folder: its store thread, its events, its network."""

    def __init__(self, node: Node) -> None:
        self._node = node
        self._network: Network | None = None
        self._paused: NetworkOptions | None = None

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

    @property
    def paused(self) -> bool:
        return self._paused is not None

    async def pause_network(self) -> None:
        """Stop syncing until :meth:`resume_network`: no listening, no discovery, no dialling,
        and the open sessions end. Changes made meanwhile are kept and sync on resume."""
        network, self._network = self._network, None
        if network is None:
            return
        self._paused = network.options
        await network.close()
        for session in list(self._node.sessions.values()):
            session.engine.stop("sync paused")

    async def resume_network(self) -> tuple[str, int] | None:
        opts, self._paused = self._paused, None
        return None if opts is None else await self.start_network(opts)

    async def apply_network(
        self, *, mdns: bool, meetup: bool, peers: list[tuple[str, int]] | None = None
    ) -> bool:
        """Settings that apply at once: discovery, meetup mode, members by address (None: keep
        them). The listener starts again on the port it had; the dialling of addresses starts
        again (an outbound session may reconnect). Returns whether anything changed."""
        if self._paused is not None:  # paused: applies on resume
            old = self._paused
            self._paused = replace(old, mdns=mdns, meetup=meetup, peers=_or(peers, old.peers))
            return self._paused != old
        network = self._network
        if network is None:
            return False
        opts = replace(
            network.options, mdns=mdns, meetup=meetup, peers=_or(peers, network.options.peers)
        )
        if opts == network.options:
            return False
        if network.addr[1]:
            opts = replace(opts, port=network.addr[1])  # the same port: members know it
        self._network = None
        await network.close()
        self._network = await start_network(self._node, opts)
        return True

    async def sync_with(self, host: str, port: int, timeout: float) -> SyncResult:
        engine = await sync_once(self._node, host, port, timeout)
        checks = await self._node.signature_checks()
        ahead = await self._node.opened_ahead()
        return SyncResult(engine.sent, engine.received, checks, ahead)

    async def nearby(self) -> list[NearbyPeer]:
        """Connected sessions, members found on this network, and the peer book."""
        return [views_typed.nearby_peer(r) for r in await views_people.nearby(self._node)]

    async def this_device(self) -> ThisDevice:
        """My name, ids and the addresses members can reach this device at."""
        listen = self._node.listen_addr if self._network is not None else None
        return await self._node.db(lambda c: views_typed.this_device(c, listen))

    async def new_invite(self, role: str, ttl: int) -> NewInvite:
        """A new invitation with this node's listening address."""
        return views_typed.new_invite(await views_people.new_invite(self._node, role, ttl))

    async def link_grant(self, request: LinkRequest) -> LinkGrant:
        """:meth:`Api.link_grant` with this node's listening address."""
        listen = self._node.listen_addr
        return await self._node.db(lambda c: device_link.grant(c, request, listen))

    async def close(self) -> None:
        if self._network is not None:
            await self._network.close()
            self._network = None
        await self._node.close()


def _or(new: list[tuple[str, int]] | None, old: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return list(old) if new is None else list(new)
