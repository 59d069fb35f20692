"""The engine's receive queue: a batch the store cannot save ends the session; it is never
reported as stored (the applier's last task_done used to wake the wait for an empty queue)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from coopshare.errors import StoreError
from coopshare.sync.engine import ApplyReport, SyncEngine


class _FullDisk:
    """The engine's view of a store whose writes fail (a full disk)."""

    coop_id = b"c" * 32
    device_id = b"d" * 32

    def __init__(self) -> None:
        self.calls = 0

    async def apply_ops(self, wires: tuple[bytes, ...], durable: bool, checked: Any) -> ApplyReport:
        self.calls += 1
        raise StoreError("could not save: database or disk is full")


class _Link:
    def __init__(self) -> None:
        self.aborted = False

    def abort(self, data: bytes) -> None:
        self.aborted = True


def test_a_failed_store_is_never_reported_as_stored() -> None:
    async def run() -> tuple[SyncEngine, _Link, _FullDisk]:
        store, link = _FullDisk(), _Link()
        engine = SyncEngine(store, link, b"p" * 32)  # type: ignore[arg-type]
        engine._applier = asyncio.ensure_future(engine._apply_loop())
        loop = asyncio.get_running_loop()
        checked: asyncio.Future[list[Any]] = loop.create_future()
        checked.set_result([])
        await engine._queue.put(((b"op",), False, checked))
        with pytest.raises(ConnectionError):
            await engine._applied()
        assert isinstance(engine._applier.exception(), StoreError)  # retrieved: no stray log
        return engine, link, store

    engine, link, store = asyncio.run(run())
    assert store.calls == 1 and engine.received == 0
    assert "disk is full" in engine.close_reason and link.aborted
