"""Advertise and browse ``_coopshare._tcp.local.`` with python-zeroconf's asyncio API.

Discovery results are hints: :class:`Discovery` hands candidate addresses to a callback, and
the caller's knock and TLS handshake decide. Random instance and host labels are drawn again
whenever this machine's set of addresses changes (it joined another network). In meetup mode it
browses without advertising. Bounded: at most :data:`MAX_SERVICES` services are tracked and at
most :data:`MAX_RESOLVING` lookups run at once, so a LAN full of (fake) services costs little.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
from collections.abc import Awaitable, Callable, Sequence

import ifaddr
from zeroconf import IPVersion, ServiceStateChange, Zeroconf
from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf

from coopshare.discovery import beacon as bc

log = logging.getLogger("coopshare.mdns")
MAX_SERVICES = 2000
MAX_RESOLVING = 8
RESOLVE_MS = 3000
RESOLVE_ATTEMPTS = 4
CHECK_NETWORK_EVERY = min(5.0, bc.WINDOW_S / 2)

Candidate = Callable[[str, list[tuple[str, int]]], Awaitable[None]]


def local_addresses(loopback_only: bool) -> list[str]:
    """Addresses to advertise: the real interfaces' (never loopback), or 127.0.0.1 in tests."""
    if loopback_only:
        return ["127.0.0.1"]
    out = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            addr = ip.ip if isinstance(ip.ip, str) else ip.ip[0]
            with contextlib.suppress(ValueError):
                parsed = ipaddress.ip_address(addr)
                if not parsed.is_loopback and not parsed.is_multicast:
                    out.append(addr)
    return sorted(out)


class Discovery:
    def __init__(
        self,
        port: int,
        network_keys: Callable[[], Sequence[bytes]],
        on_candidate: Candidate,
        *,
        advertise: bool = True,
        interfaces: list[str] | None = None,
    ) -> None:
        self.port = port
        self.advertise = advertise
        self._keys = network_keys
        self._on_candidate = on_candidate
        self._interfaces = interfaces
        self._loopback_only = interfaces is not None and all(
            i.startswith("127.") for i in interfaces
        )
        self._azc: AsyncZeroconf | None = None
        self._browser: AsyncServiceBrowser | None = None
        self._info: AsyncServiceInfo | None = None
        self._addresses: list[str] = []
        self._resolving = asyncio.Semaphore(MAX_RESOLVING)
        self._seen: dict[str, float] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self.instance = ""
        self.recognised: dict[str, list[tuple[str, int]]] = {}
        self.key_of: dict[str, bytes] = {}  # the network key a recognised beacon was made with
        self.ignored = 0

    async def start(self) -> None:
        kwargs: dict[str, object] = {"ip_version": IPVersion.All}
        if self._interfaces is not None:
            kwargs = {"interfaces": self._interfaces, "ip_version": IPVersion.V4Only}
        self._azc = AsyncZeroconf(**kwargs)  # type: ignore[arg-type]
        if self.advertise:
            await self._register()
        self._browser = AsyncServiceBrowser(
            self._azc.zeroconf, bc.SERVICE_TYPE, handlers=[self._on_change]
        )
        self._spawn(self._maintain())

    async def close(self) -> None:
        for t in list(self._tasks):
            t.cancel()
        if self._azc is not None:
            with contextlib.suppress(Exception):
                if self._browser is not None:
                    await self._browser.async_cancel()
                await self._azc.async_unregister_all_services()
                await self._azc.async_close()

    # --- advertising --------------------------------------------------------------------------

    def _make_info(self) -> AsyncServiceInfo | None:
        keys = list(self._keys())
        if not keys or not self._addresses:
            return None
        props = {b"v": bc.TXT_VERSION, b"b": bc.beacon(keys[0], bc.window()).hex().encode()}
        return AsyncServiceInfo(
            bc.SERVICE_TYPE,
            f"{self.instance}.{bc.SERVICE_TYPE}",
            port=self.port,
            properties=props,
            server=f"{bc.random_label()}.local.",
            parsed_addresses=self._addresses,
        )

    async def _register(self) -> None:
        assert self._azc is not None
        self._addresses = local_addresses(self._loopback_only)
        self.instance = bc.random_label()
        self._info = self._make_info()
        if self._info is not None:
            await self._azc.async_register_service(self._info, cooperating_responders=True)
            log.info("advertising on %d address(es)", len(self._addresses))

    async def _maintain(self) -> None:
        """Rotate the beacon each window; re-draw labels when the network changes."""
        last_window = bc.window()
        while True:
            await asyncio.sleep(CHECK_NETWORK_EVERY)
            if not self.advertise or self._azc is None:
                continue
            addresses = local_addresses(self._loopback_only)
            if addresses != self._addresses or self._info is None:
                if self._info is not None:
                    with contextlib.suppress(Exception):
                        await self._azc.async_unregister_service(self._info)
                await self._register()  # new network: new random labels
            elif bc.window() != last_window:
                info = self._make_info()
                if info is not None:
                    info.name = self._info.name
                    info.server = self._info.server
                    await self._azc.async_update_service(info)
                    self._info = info
            last_window = bc.window()

    # --- browsing -----------------------------------------------------------------------------

    def _on_change(
        self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        # python-zeroconf calls handlers with exactly these keyword names
        if state_change is ServiceStateChange.Removed:
            self.recognised.pop(name, None)
            self.key_of.pop(name, None)
            self._seen.pop(name, None)
            return
        if self.instance and name.startswith(self.instance + "."):
            return
        now = asyncio.get_running_loop().time()
        if len(self._seen) >= MAX_SERVICES and name not in self._seen:
            # forget names not recognised as ours, oldest first, so a flood of fakes cannot
            # lock members out; members already recognised are kept
            stale = sorted((t, n) for n, t in self._seen.items() if n not in self.recognised)
            for _, old in stale[: max(1, len(stale) // 4)]:
                del self._seen[old]
            self.ignored += 1
        self._seen[name] = now
        self._spawn(self._resolve(name))

    async def _resolve(self, name: str) -> None:
        info = None
        for attempt in range(RESOLVE_ATTEMPTS):  # a busy or lossy network may drop answers
            if self._azc is None:
                return
            async with self._resolving:
                candidate_info = AsyncServiceInfo(bc.SERVICE_TYPE, name)
                if await candidate_info.async_request(self._azc.zeroconf, RESOLVE_MS):
                    info = candidate_info
                    break
            await asyncio.sleep(2**attempt)
        if info is None:
            return
        candidate = bc.parse_txt(dict(info.properties or {}))
        key = None if candidate is None else bc.matching_key(candidate, self._keys())
        if key is None or info.port is None:
            self.ignored += 1
            return
        addrs = [(a, int(info.port)) for a in _ordered(info.parsed_scoped_addresses(IPVersion.All))]
        if not addrs:
            return
        self.recognised[name] = addrs
        self.key_of[name] = key
        await self._on_candidate(name, addrs)

    def _spawn(self, coro: Awaitable[None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def _ordered(addresses: list[str]) -> list[str]:
    """IPv4 first, then global IPv6, then link-local (scoped) IPv6."""

    def rank(a: str) -> int:
        return 0 if ":" not in a else (2 if a.lower().startswith("fe80") else 1)

    return sorted(addresses, key=rank)
