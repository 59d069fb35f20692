"""A damaged or foreign database file: one clear error at open, or a StoreDamaged event from
the node's background integrity check, never a crash."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path

import pytest

from coopshare.errors import StoreError
from coopshare.service import events as ev
from coopshare.service import home as homes
from coopshare.service.node import Node
from coopshare.store.db import DB_FILE, Store

PASS = "correct horse battery staple"


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / DB_FILE).write_bytes(b"this is a note, not a database" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(tmp_path)


def _damage(home: Path) -> None:
    """Overwrite one page in the middle of the ops table with garbage."""
    conn = sqlite3.connect(home / DB_FILE)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with (home / DB_FILE).open("r+b") as f:
        f.seek(page * (pages // 2))
        f.write(b"\xa5" * page)


def _home_with_notes(home: Path, n: int) -> None:
    homes.init(home, "Anna", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("C")
    with coop.transaction():
        for i in range(n):
            coop.add_note(f"note {i}", "some text " * 50)
    coop.store.close()


def test_integrity_problem_finds_a_damaged_page(tmp_path: Path) -> None:
    _home_with_notes(tmp_path, 200)
    assert Store.integrity_problem(tmp_path) is None
    _damage(tmp_path)
    problem = Store.integrity_problem(tmp_path)
    assert problem and problem != "ok"


def test_node_reports_damage_as_an_event_and_keeps_running(tmp_path: Path) -> None:
    _home_with_notes(tmp_path, 200)
    _damage(tmp_path)

    async def run() -> list[ev.Event]:
        node = Node(tmp_path, PASS)
        node.integrity_delay = 0
        seen: list[ev.Event] = []
        node.subscribe(seen.append)
        await node.open()
        try:
            for _ in range(200):
                if node.integrity:
                    break
                await asyncio.sleep(0.05)
            assert await node.db(lambda c: c.coop_id) is not None  # still answering
        finally:
            await node.close()
        return seen

    seen = asyncio.run(run())
    damaged = [e for e in seen if isinstance(e, ev.StoreDamaged)]
    assert len(damaged) == 1 and damaged[0].detail


def test_node_on_a_sound_store_reports_ok(tmp_path: Path) -> None:
    _home_with_notes(tmp_path, 20)

    async def run() -> str:
        node = Node(Path(os.path.relpath(tmp_path)), PASS)  # a relative --home works too
        node.integrity_delay = 0
        await node.open()
        try:
            for _ in range(200):
                if node.integrity:
                    break
                await asyncio.sleep(0.05)
            return node.integrity
        finally:
            await node.close()

    assert asyncio.run(run()) == "ok"
