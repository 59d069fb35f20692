"""The peer book: addresses this device has reached, sealed at rest.

Each row is ``AEAD(master, {addr, device, last_seen, how})`` under a keyed-hash lookup key, so
the data folder does not reveal members' addresses without the passphrase.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from coopshare.protocol.codec import pack, unpack
from coopshare.service import liveinfo

if TYPE_CHECKING:  # only for type hints: node imports this module
    from coopshare.service.coop import Coop
    from coopshare.service.node import Node

_PURPOSE = b"peer"


def record(coop: Coop, addr: str | None, device: bytes, how: str) -> None:
    key = coop.local_key(_PURPOSE, addr.encode() if addr else device)
    entry = {"addr": addr or "", "device": device, "last_seen": int(time.time()), "how": how}
    with coop.transaction():
        coop.store.put_peer(key, coop.seal_local(_PURPOSE, pack(entry)))


def load(coop: Coop) -> list[dict[str, Any]]:
    """One entry per device: the most recent way it was reached (and its address, if dialled)."""
    out: list[dict[str, Any]] = []
    for blob in coop.store.peers():
        e = unpack(coop.open_local(_PURPOSE, blob))
        out.append(
            {
                "addr": e["addr"],
                "device": e["device"].hex(),
                "last_seen": e["last_seen"],
                "how": e["how"],
            }
        )
    latest: dict[str, dict[str, Any]] = {}
    for e in sorted(out, key=lambda e: (e["last_seen"], bool(e["addr"]))):
        if e["addr"] or e["device"] not in latest:
            latest[e["device"]] = e
        else:
            latest[e["device"]] = {**e, "addr": latest[e["device"]]["addr"]}
    return sorted(latest.values(), key=lambda e: -e["last_seen"])


async def seen(node: Node, addr: str | None, device: bytes, how: str) -> None:
    await node.db(lambda c: record(c, addr, device, how))


def overview(coop: Coop) -> list[dict[str, Any]]:
    known = load(coop)
    live = liveinfo.read(coop)
    for entry in known:
        entry["connected"] = entry["device"] in live
    seen = {e["device"] for e in known}
    connected_hosts = {_host(info["addr"]) for info in live.values()}
    for addr in liveinfo.discovered(coop):
        if _host(addr) not in connected_hosts:  # seen on the LAN, no session (yet)
            known.append(
                {"addr": addr, "device": None, "last_seen": None, "how": "mdns", "connected": False}
            )
    for device, info in live.items():
        if device not in seen:
            known.append(
                {
                    "addr": info["addr"],
                    "device": device,
                    "last_seen": info["since"],
                    "how": info["how"],
                    "connected": True,
                }
            )
    return known


def _host(addr: str) -> str:
    return addr.rsplit(":", 1)[0].strip("[]")
