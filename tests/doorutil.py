"""Helpers for tests of the door: real data folders (keystores, SQLite), real nodes in-process
listening with real TLS on 127.0.0.1, attackers from other loopback addresses."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from coopshare.service import home as homes
from coopshare.service.coop import Coop
from coopshare.service.listener import Listener
from coopshare.service.node import Node

T = TypeVar("T")

PASS = "correct horse battery staple"
ATTACKERS = ("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5")


def everything(src: Coop, dst: Coop) -> None:
    """Apply every op of `src` to `dst` (as a sync session would, in arrival order)."""
    if dst.coop_id is None and src.coop_id is not None:
        dst.adopt_coop(src.coop_id)
    for wire in list(src.wire_ops()):
        dst.apply(wire)


def make_coop(root: Path, names: list[str]) -> list[Path]:
    """Data folders of a cooperative: the first name creates it and admits the others."""
    homes_ = [root / n.lower() for n in names]
    coops = []
    for name, h in zip(names, homes_, strict=True):
        homes.init(h, name, PASS)
        coops.append(homes.open_coop(h, PASS))
    admin = coops[0]
    admin.create_coop("Door test")
    for c in coops[1:]:
        c.adopt_coop(admin.coop_id)  # type: ignore[arg-type]
        admin.add_member(c.join_request())
    for c in coops[1:]:
        everything(admin, c)
    for c in coops:
        c.store.close()
    return homes_


def edit(home: Path, fn: Callable[[Coop], T]) -> T:
    c = homes.open_coop(home, PASS)
    try:
        return fn(c)
    finally:
        c.store.close()


@asynccontextmanager
async def running(home: Path, listener: Listener | None = None) -> AsyncIterator[Node]:
    node = Node(home, PASS)
    await node.open()
    try:
        yield node
    finally:
        if listener is not None:
            listener.close()
        await node.close()


@asynccontextmanager
async def listening(
    home: Path, make: Callable[[Node], Listener] = Listener
) -> AsyncIterator[tuple[Node, Listener, int]]:
    node = Node(home, PASS)
    await node.open()
    listener = make(node)
    _, port = await listener.start("127.0.0.1", 0)
    try:
        yield node, listener, port
    finally:
        listener.close()
        await node.close()


@dataclass
class Attack:
    """Sockets that connect from other loopback addresses, send nothing (or drip one byte now
    and then) and reconnect a second after the server closes them."""

    port: int
    sockets: int = 200
    drip: float = 0.0  # > 0: send one byte this often (slowloris), else stay silent
    opened: int = 0
    closed_by_server: int = 0
    open_now: int = 0
    lifetimes: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        for i in range(self.sockets):
            source = ATTACKERS[i % len(ATTACKERS)]
            self._tasks.append(asyncio.ensure_future(self._hold(source)))

    async def stop(self) -> None:
        self._stop.set()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _hold(self, source: str) -> None:
        loop = asyncio.get_running_loop()
        while not self._stop.is_set():
            try:
                reader, writer = await asyncio.open_connection(
                    "127.0.0.1", self.port, local_addr=(source, 0)
                )
            except OSError:
                await asyncio.sleep(1.0)
                continue
            self.opened += 1
            self.open_now += 1
            began = loop.time()
            try:
                if await self._until_closed(reader, writer):
                    self.closed_by_server += 1
                    self.lifetimes.append(loop.time() - began)
            finally:
                self.open_now -= 1
                writer.close()
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(1.0):
                    await self._stop.wait()

    async def _until_closed(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Hold the socket; True when the server closed it, False when the attack ended."""
        stop = asyncio.ensure_future(self._stop.wait())
        try:
            while True:
                read = asyncio.ensure_future(reader.read(1))
                waits: set[asyncio.Future[Any]] = {read, stop}
                done, _ = await asyncio.wait(
                    waits, timeout=self.drip or None, return_when=asyncio.FIRST_COMPLETED
                )
                if read in done:
                    try:
                        return read.result() == b""  # closed (the server never sends here)
                    except (ConnectionError, OSError):
                        return True
                read.cancel()
                if stop in done:
                    return False
                try:
                    writer.write(b"\x00")  # a slowloris byte: never a whole knock
                    await writer.drain()
                except (ConnectionError, OSError):
                    return True
        finally:
            stop.cancel()
