"""The engine's receive queue on a store that is really full: SQLite's own "database or disk is
full" (a page limit on the node's connection, no root needed) ends the session as DiskFull; the
batch is never reported as stored, nothing of it is kept, the connection stays usable, and the
same ops are stored once there is room again (the positive control: they were valid ops)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from coopshare.errors import DiskFull
from coopshare.service import home as homes
from coopshare.service.coop import Coop
from coopshare.service.node import Node
from coopshare.sync.engine import SyncEngine
from tests.conftest import join

PASS = "correct horse battery staple"


class _Link:
    def __init__(self) -> None:
        self.aborted = False

    def abort(self, data: bytes) -> None:
        self.aborted = True


def _pair(tmp_path: Path, notes: int) -> tuple[list[bytes], bytes, Path]:
    """Anna's wire ops (roster first, then `notes` notes) and Bram's home, joined before them."""
    homes.init(tmp_path / "a", "Anna", PASS)
    homes.init(tmp_path / "b", "Bram", PASS)
    anna, bram = homes.open_coop(tmp_path / "a", PASS), homes.open_coop(tmp_path / "b", PASS)
    try:
        anna.create_coop("C")
        join(anna, bram)
        before = set(bram.store.roster_op_ids())
        with anna.transaction():
            for i in range(notes):
                anna.add_note(f"note {i}", "text " * 400)
        wires = [w for w in anna.wire_ops()]
        assert bram.store.count_ops() == len(before) and len(wires) == len(before) + notes
        return wires[len(before) :], anna.me.device_id, tmp_path / "b"
    finally:
        anna.store.close()
        bram.store.close()


async def _feed(engine: SyncEngine, wires: list[bytes]) -> None:
    engine._applier = asyncio.ensure_future(engine._apply_loop())
    checked: asyncio.Future[list[Any]] = asyncio.get_running_loop().create_future()
    checked.set_result([])
    await engine._queue.put((tuple(wires), False, checked))


def _limit_pages(extra: int | None) -> Any:
    def run(c: Coop) -> int:
        if extra is None:
            c.store._c.execute("PRAGMA max_page_count=4294967294")
        else:
            pages = c.store._c.execute("PRAGMA page_count").fetchone()[0]
            c.store._c.execute(f"PRAGMA max_page_count={pages + extra}")
        return c.store.count_ops()

    return run


def test_a_batch_the_full_store_cannot_save_ends_the_session_and_keeps_nothing(
    tmp_path: Path,
) -> None:
    wires, anna_device, bram_home = _pair(tmp_path, 60)  # ~2 KB each: far more than 4 pages

    async def run() -> None:
        node = Node(bram_home, PASS)
        await node.open()
        try:
            held = await node.db(_limit_pages(4))
            link = _Link()
            engine = SyncEngine(node, link, anna_device)  # type: ignore[arg-type]
            await _feed(engine, wires)
            with pytest.raises(ConnectionError):
                await engine._applied()
            assert isinstance(engine._applier.exception(), DiskFull)  # typed, not sqlite3's
            assert engine.received == 0 and link.aborted
            assert "disk full" in engine.close_reason
            assert await node.db(lambda c: c.store.count_ops()) == held  # nothing half-written
            assert not node.storage.ready() or node.coop.store.faults.failures == 1
            assert node.coop.store.faults.failures == 1 and not node.coop.store.faults.healthy

            # room again: the same connection stores the same batch (they were valid ops)
            assert await node.db(_limit_pages(None)) == held
            engine2 = SyncEngine(node, _Link(), anna_device)  # type: ignore[arg-type]
            await _feed(engine2, wires)
            await engine2._applied()
            engine2._applier.cancel()
            assert engine2.received == len(wires)
            assert await node.db(lambda c: c.store.count_ops()) == held + len(wires)
            assert node.coop.store.faults.healthy and node.storage.ready()
            ok = await node.db(lambda c: c.store._c.execute("PRAGMA integrity_check").fetchone())
            assert ok == ("ok",)
        finally:
            await node.close()

    asyncio.run(run())
