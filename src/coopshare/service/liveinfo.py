"""What a running node tells other processes on the same data folder (sealed in `meta`).

``serve`` records where it listens (so ``invite create`` can put addresses in a token) and,
every few seconds, which peers it is connected to (so ``list peers`` can say so). A record older
than :data:`STALE_S` is ignored: the node that wrote it is gone.
"""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING, Any

from coopshare.protocol.codec import pack, unpack
from coopshare.store.faults import WRITE_FAULTS

if TYPE_CHECKING:
    from coopshare.service.coop import Coop
    from coopshare.service.node import Node

STALE_S = 30
PUBLISH_EVERY = 5.0


def _put(coop: Coop, key: str, value: Any) -> None:
    with coop.transaction():
        coop.store.set_meta(key, coop.seal_local(key.encode(), pack(value)))


def _get(coop: Coop, key: str) -> Any:
    blob = coop.store.meta(key)
    if blob is None:
        return None
    with contextlib.suppress(Exception):
        return unpack(coop.open_local(key.encode(), blob))
    return None


def write_listen(coop: Coop, addr: tuple[str, int]) -> None:
    _put(coop, "listen", {"host": addr[0], "port": addr[1], "at": int(time.time())})


def clear(coop: Coop) -> None:
    _put(coop, "listen", None)
    _put(coop, "live", None)


def advertised(coop: Coop) -> list[tuple[str, int]]:
    """Addresses a joiner can dial: the serving node's, or [] if none is running."""
    rec = _get(coop, "listen")
    live = _get(coop, "live")
    if not rec or not live or time.time() - live.get("at", 0) > STALE_S:
        return []
    host, port = rec["host"], int(rec["port"])
    if host not in ("0.0.0.0", "::", ""):  # noqa: S104
        return [(host, port)]
    return [(ip, port) for ip in lan_addresses()]


def lan_addresses() -> list[str]:
    """IPv4 addresses of this machine's real interfaces (never loopback)."""
    import ifaddr  # shipped with zeroconf

    out = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str) and not ip.ip.startswith("127."):
                out.append(ip.ip)
    return out


def discovered(coop: Coop) -> list[str]:
    live = _get(coop, "live")
    if not live or time.time() - live.get("at", 0) > STALE_S:
        return []
    return list(live.get("discovered", []))


def read(coop: Coop) -> dict[str, dict[str, Any]]:
    live = _get(coop, "live")
    if not live or time.time() - live.get("at", 0) > STALE_S:
        return {}
    return dict(live.get("peers", {}))


async def publish(node: Node) -> None:
    while True:
        peers = {
            s.device.hex(): {"addr": s.addr, "since": int(s.started), "how": s.how}
            for s in node.sessions.values()
        }
        found = [f"{a[0][0]}:{a[0][1]}" for a in node.discovered.values() if a]
        record = {"at": int(time.time()), "peers": peers, "discovered": found}
        with contextlib.suppress(*WRITE_FAULTS):  # counted and logged by the store; next time
            await node.db(lambda c, r=record: _put(c, "live", r))  # type: ignore[misc]
        node.sessions_changed.clear()
        with contextlib.suppress(TimeoutError):
            import asyncio  # loaded by the running node anyway; `status` needs none of it

            async with asyncio.timeout(PUBLISH_EVERY):
                await node.sessions_changed.wait()
