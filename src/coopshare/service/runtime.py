"""Bringing a Node onto the network (listener, discovery, manual peers) and back off it.

Shared by ``coopshare serve``, the desktop app and the demo, so all three behave the same.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from coopshare.discovery.mdns import Discovery
from coopshare.service import liveinfo
from coopshare.service.dialler import keep_dialing, start_discovery
from coopshare.service.listener import Listener
from coopshare.service.node import Node

DEFAULT_PORT = 47490


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

    async def close(self) -> None:
        self.listener.close()
        if self.discovery is not None:
            await self.discovery.close()
        await self.node.db(liveinfo.clear)


async def start_network(node: Node, opts: NetworkOptions) -> Network:
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
    await node.db(lambda c: liveinfo.write_listen(c, addr))
    for host, port in opts.peers:
        node._spawn(keep_dialing(node, host, port))
    node._spawn(liveinfo.publish(node))
    return Network(node, listener, addr, disc, opts)
