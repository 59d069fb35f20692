"""Bringing a Node onto the network (listener, discovery, manual peers) and back off it.

Shared by ``coopshare serve``, the desktop app and the demo, so all three behave the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coopshare.service import liveinfo, node_lock
from coopshare.service.dialler import keep_dialing, start_discovery
from coopshare.service.listener import Listener
from coopshare.service.node import Node
from coopshare.store.faults import WRITE_FAULTS

if TYPE_CHECKING:  # zeroconf is imported only by a node that starts mDNS
    from coopshare.discovery.mdns import Discovery

DEFAULT_PORT = 47490
log = logging.getLogger("coopshare.node")


@dataclass
class NetworkOptions:
    host: str | None = None  # None: every address, IPv4 and IPv6
    port: int = DEFAULT_PORT
    port_fixed: bool = False  # False: fall back to any free port if `port` is taken
    peers: list[tuple[str, int]] = field(default_factory=list)
    mdns: bool = True
    meetup: bool = False
    interfaces: list[str] | None = (
        None  # mDNS interfaces; None: all (or $COOPSHARE_MDNS_INTERFACES)
    )


@dataclass
class Network:
    node: Node
    listener: Listener
    addr: tuple[str, int]
    discovery: Discovery | None
    options: NetworkOptions
    tasks: list[asyncio.Task[None]] = field(default_factory=list)  # dialling, live info
    lock: node_lock.NodeLock | None = None  # one syncing node per data folder

    async def close(self) -> None:
        try:
            await self._close()
        finally:
            if self.lock is not None:
                self.lock.release()

    async def _close(self) -> None:
        self.listener.close()
        if self.discovery is not None:
            await self.discovery.close()
            self.discovery.recognised.clear()  # ends the dialling of members it had found
        for t in self.tasks:
            t.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        with contextlib.suppress(*WRITE_FAULTS):  # a full disk must not stop the shutdown
            await self.node.db(liveinfo.clear)


async def start_network(node: Node, opts: NetworkOptions) -> Network:
    """Listen, discover and dial; AlreadySyncing if another process syncs this data folder."""
    lock = node_lock.acquire(node.home)
    try:
        return await _start(node, opts, lock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


async def _start(node: Node, opts: NetworkOptions, lock: node_lock.NodeLock | None) -> Network:
    listener = Listener(node)
    try:
        addr = await listener.start(opts.host, opts.port)
    except OSError:
        if opts.port_fixed:
            raise
        addr = await listener.start(opts.host, 0)  # the usual port is taken: any free port
    disc = None
    if opts.mdns:
        env = os.environ.get("COOPSHARE_MDNS_INTERFACES")
        interfaces = opts.interfaces or (env.split(",") if env else None)
        disc = await start_discovery(node, addr[1], meetup=opts.meetup, interfaces=interfaces)
    with contextlib.suppress(*WRITE_FAULTS):  # a node on a full disk still runs and retries
        await node.db(lambda c: liveinfo.write_listen(c, addr))
    tasks = []
    for host, port in opts.peers:
        dial = functools.partial(keep_dialing, node, host, port)
        tasks.append(node.spawn(survive(node, f"dialling {host}:{port}", dial)))
    tasks.append(node.spawn(survive(node, "live info", lambda: liveinfo.publish(node))))
    return Network(node, listener, addr, disc, opts, tasks, lock)


async def survive(node: Node, what: str, run: Callable[[], Awaitable[None]]) -> None:
    """Run a task of the node for as long as the node runs: whatever escapes it (a store that
    fails in a way nobody expected, a bug) is logged in one line and the task starts again
    after a pause (1 s, doubling to 60 s)."""
    pause = 1.0
    while not node.closing:
        try:
            await run()
            return
        except Exception as e:
            log.warning(
                "%s stopped (%s: %s); starting it again in %.0f s", what, type(e).__name__, e, pause
            )
            log.debug("%s stopped", what, exc_info=True)
        await asyncio.sleep(pause)
        pause = min(pause * 2, 60.0)
