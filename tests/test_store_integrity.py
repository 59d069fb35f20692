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


def _node_check(home: Path) -> tuple[str, list[ev.Event], bool]:
    """Start a node on `home`, wait for its integrity check: (verdict, events, still answering)."""

    async def run() -> tuple[str, list[ev.Event], bool]:
        node = Node(home, PASS)
        node.integrity_delay = 0
        seen: list[ev.Event] = []
        node.subscribe(seen.append)
        await node.open()
        try:
            for _ in range(200):
                if node.integrity:
                    break
                await asyncio.sleep(0.05)
            answering = await node.db(lambda c: c.coop_id) is not None
            return node.integrity, seen, answering
        finally:
            await node.close()

    return asyncio.run(run())


def test_node_reports_damage_as_an_event_and_keeps_running(tmp_path: Path) -> None:
    _home_with_notes(tmp_path, 200)
    _damage(tmp_path)
    verdict, seen, answering = _node_check(tmp_path)
    damaged = [e for e in seen if isinstance(e, ev.StoreDamaged)]
    assert len(damaged) == 1 and damaged[0].detail == verdict != "ok"
    assert answering


def test_node_on_a_sound_store_reports_ok(tmp_path: Path) -> None:
    _home_with_notes(tmp_path, 20)
    verdict, seen, _ = _node_check(Path(os.path.relpath(tmp_path)))  # a relative --home too
    assert verdict == "ok" and not any(isinstance(e, ev.StoreDamaged) for e in seen)
