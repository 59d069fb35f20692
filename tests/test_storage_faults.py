"""Storage faults without root: SQLite's page limit makes the store really full (SQLite's own
SQLITE_FULL, rolled back by SQLite itself), and failpoints stop a durable commit."""

from __future__ import annotations

import asyncio
import errno
import logging
import sqlite3
from pathlib import Path

import pytest

from coopshare.errors import DiskFull, StoreIOError, StoreReadOnly
from coopshare.service import home as homes
from coopshare.service import liveinfo
from coopshare.service.coop import Coop
from coopshare.service.node import Node
from coopshare.service.runtime import NetworkOptions, start_network
from coopshare.store import faults
from tests.conftest import MakeCoop, join
from tests.netutil import PASS


def _fill_up(coop: Coop, extra_pages: int = 2) -> None:
    pages = coop.store._c.execute("PRAGMA page_count").fetchone()[0]
    coop.store._c.execute(f"PRAGMA max_page_count={pages + extra_pages}")


def _room(coop: Coop) -> None:
    coop.store._c.execute("PRAGMA max_page_count=4294967294")


def _snapshot(coop: Coop) -> tuple[int, dict[str, int], list[bytes]]:
    return coop.store.count_ops(), coop.store.count_items(), coop.store.roster_op_ids()


def test_a_full_store_in_a_batch_is_disk_full_and_keeps_nothing(make_replica: MakeCoop) -> None:
    anna, bram = make_replica("Anna"), make_replica("Bram")
    anna.create_coop("C")
    join(anna, bram)
    with anna.transaction():
        for i in range(40):
            anna.add_note(f"n{i}", "text " * 400)
    wires = list(anna.wire_ops())
    before = _snapshot(bram)
    _fill_up(bram)
    with pytest.raises(DiskFull):  # the savepoint per op must not hide it ("no such savepoint")
        bram.apply_batch(wires)
    assert not bram.store._c.in_transaction  # SQLite rolled back; we did not roll back twice
    assert _snapshot(bram) == before  # nothing half-written
    assert bram.store.faults.failures == 1
    _room(bram)  # positive control: the same batch fits once there is room
    bram.apply_batch(wires)
    assert bram.store.count_ops() == len(wires) and bram.store.faults.healthy
    assert bram.store._c.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_local_write_on_a_full_store_is_disk_full(make_replica: MakeCoop) -> None:
    anna = make_replica("Anna")
    anna.create_coop("C")
    before = _snapshot(anna)
    _fill_up(anna, 0)
    with pytest.raises(DiskFull) as caught:
        anna.add_note("big", "x" * 50_000)
    assert str(caught.value) == f"disk full: free space in {anna.store.folder}"
    assert _snapshot(anna) == before
    _room(anna)
    anna.add_note("big", "x" * 50_000)
    assert anna.store.count_ops() == before[0] + 1


def test_a_failpoint_before_a_durable_commit_keeps_nothing(
    make_replica: MakeCoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    anna, bram = make_replica("Anna"), make_replica("Bram")
    anna.create_coop("C")
    bram.adopt_coop(anna.coop_id)  # type: ignore[arg-type]
    before = _snapshot(anna)
    monkeypatch.setattr(faults, "ACTIVE", {"durable.before_commit": ("raise", 1)})
    monkeypatch.setattr(faults, "_hits", {})
    with pytest.raises(StoreIOError):
        anna.add_member(bram.join_request())  # a roster op: a durable transaction
    assert _snapshot(anna) == before and not anna.store._c.in_transaction
    assert len(anna.roster.members) == 1  # the in-memory roster was rolled back too
    anna.add_member(bram.join_request())  # the failpoint acts once: the connection is usable
    assert len(anna.roster.members) == 2


def test_errors_are_classified_by_code_not_text(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with sqlite3.connect(db) as c:
        c.execute("CREATE TABLE t(x)")
    ro = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        ro.execute("INSERT INTO t VALUES (1)")
    ro.close()
    assert isinstance(faults.classify(caught.value, tmp_path), StoreReadOnly)
    assert isinstance(faults.classify(OSError(errno.ENOSPC, "x"), tmp_path), DiskFull)
    assert isinstance(faults.classify(OSError(errno.EROFS, "x"), tmp_path), StoreReadOnly)
    assert isinstance(faults.classify(OSError(errno.EIO, "x"), tmp_path), StoreIOError)


def test_the_fault_log_says_one_line_a_minute(caplog: pytest.LogCaptureFixture) -> None:
    log = faults.FaultLog()
    log.report = True
    with caplog.at_level(logging.WARNING, logger="coopshare.store"):
        for _ in range(100):
            log.failed(DiskFull(path="/x"))
            log.committed()  # small writes that still fit do not reset the limit
        log.recovered()
        log.recovered()
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "disk full: free space in /x (will keep retrying)",
        "the store is writable again",
    ]
    assert log.total == 100 and log.healthy


def test_a_running_node_keeps_its_tasks_on_a_read_only_store(tmp_path: Path) -> None:
    home = tmp_path / "h"
    homes.init(home, "Anna", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("C")
    coop.store.close()

    async def run() -> None:
        node = Node(home, PASS)
        await node.open()
        net = await start_network(
            node, NetworkOptions(host="127.0.0.1", port=0, mdns=False, peers=[("127.0.0.1", 9)])
        )
        tasks = set(node._tasks)  # watch, integrity, dialler, live info
        try:
            await node.db(lambda c: c.store._c.execute("DELETE FROM meta WHERE key='live'"))
            # SQLite refuses every write on this connection (SQLITE_READONLY), as on a
            # read-only mount (updating the small live row would still fit in a page limit)
            await node.db(lambda c: c.store._c.execute("PRAGMA query_only=1"))
            seen = node.coop.store.faults.total
            for _ in range(100):  # the live info is rewritten on every session change
                node.sessions_changed.set()
                await asyncio.sleep(0.05)
                if node.coop.store.faults.total > seen + 1:
                    break
            assert node.coop.store.faults.total > seen + 1  # it tried, failed, and tried again
            assert len(tasks) >= 4 and not any(t.done() for t in tasks)  # all still running
            assert await node.db(liveinfo.read) == {}  # no record: nothing could be written
            assert isinstance(node.coop.store.faults.last, StoreReadOnly)
            await node.db(lambda c: c.store._c.execute("PRAGMA query_only=0"))
            for _ in range(200):
                node.sessions_changed.set()
                await asyncio.sleep(0.05)
                if await node.db(lambda c: c.store.meta("live")) is not None:
                    break
            assert await node.db(lambda c: c.store.meta("live")) is not None  # resumed
        finally:
            await net.close()
            await node.close()

    asyncio.run(run())
