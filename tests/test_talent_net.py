"""The talent bank over real loopback sync between `coopshare` processes: an ended window is
purged from every replica's disk, and a window published without consent is ignored on every
replica, shown once the subject consents, and gone after the subject revokes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from coopshare.model.items import Kind
from coopshare.service.api import open_api
from tests.forge import coop_change, forge

from .netutil import PASS, cli, cli_json, init, new_member, serving

pytestmark = pytest.mark.slow
TODAY = dt.datetime.now(dt.UTC).date()
DAY_MS = 86_400_000


def day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def window_ops(home: Path, item_hex: str) -> list[bytes]:
    """The ids of the window's ops, from the raw database's op links."""
    with sqlite3.connect(f"file:{home / 'coopshare.db'}?mode=ro", uri=True, timeout=10) as c:
        rows = c.execute(
            "SELECT op_id FROM item_ops WHERE item_id = ?", (bytes.fromhex(item_hex),)
        ).fetchall()
    return [bytes(r[0]) for r in rows]


def bodies(home: Path, op_ids: list[bytes]) -> list[bytes]:
    """The stored bodies of these ops (None once purged), read from the raw database."""
    with sqlite3.connect(f"file:{home / 'coopshare.db'}?mode=ro", uri=True, timeout=10) as c:
        rows = [c.execute("SELECT body FROM ops WHERE op_id = ?", (o,)).fetchone() for o in op_ids]
    return [bytes(r[0]) for r in rows if r is not None and r[0] is not None]


def disk(home: Path) -> bytes:
    return b"".join(f.read_bytes() for f in sorted(home.glob("coopshare.db*")))


def shown(home: Path) -> set[str]:
    """The windows that count on this replica (read in-process: one process less per look)."""
    door = open_api(home, PASS)
    try:
        return {w.item_id for w in door.windows()}
    finally:
        door.close()


def sync_all(server_addr: str, *homes: Path) -> None:
    """Each home syncs once with the server, in this order: the first pushes, the rest pull."""
    for h in homes:
        cli(h, "sync", "--peer", server_addr, "--once")


@pytest.mark.timeout(900)
def test_ended_window_purged_on_every_replica_after_loopback_sync(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "Talentbank")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
        new_member(c, "Cor", a, server)
        item = cli(
            b,
            "profile",
            "window",
            "--from",
            day(0),
            "--to",
            day(1),
            "--hours",
            "32",
            "--region",
            "Brabant",
        ).stdout.strip()
        sync_all(server.addr, b, c)
        assert item in set(w["item_id"] for w in cli_json(c, "profile", "windows"))  # the CLI
        for h in (a, b, c):
            assert item in shown(h)
    ops = {h: window_ops(h, item) for h in (a, b, c)}
    markers = {h: bodies(h, ops[h]) for h in (a, b, c)}
    for h in (a, b, c):
        assert markers[h] and all(m in disk(h) for m in markers[h])  # control: on disk
    later = int(dt.datetime.now(dt.UTC).timestamp() * 1000) + 3 * DAY_MS  # the fake clock
    for h in (a, b, c):
        door = open_api(h, PASS)
        try:
            assert door.purge_expired_windows(later) == 1
        finally:
            door.close()
        assert bodies(h, ops[h]) == [] and window_ops(h, item) == []
        assert not any(m in disk(h) for m in markers[h])  # not in the db, not in the WAL


@pytest.mark.timeout(900)  # ~20 `coopshare` processes: minutes on a loaded machine
def test_consent_gates_a_window_on_every_replica(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "Talentbank")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
        new_member(c, "Cor", a, server)
        sync_all(server.addr, b, c)
        refused = cli(
            a, "profile", "window", "--from", day(0), "--to", day(20), "--for", "Cor", check=False
        )
        assert refused.returncode == 1 and "consented" in refused.stderr
        # Anna's device signs the window anyway (a hostile or buggy publisher)
        door = open_api(a, PASS)
        try:
            coop = door._coop
            cor = door.find_member("Cor")
            item = coop.new_item_id()
            fields = {"subject": cor.hex(), "start": day(0), "end": day(20), "hours": 16}
            assert coop.apply(
                forge(coop, coop_change(coop, Kind.WINDOW, item, fields)).encode()
            ).new
        finally:
            door.close()
        sync_all(server.addr, b, c)
        ops = {h: window_ops(h, item.hex()) for h in (a, b, c)}
        for h in (a, b, c):
            assert bodies(h, ops[h])  # control: the op reached every replica
            assert item.hex() not in shown(h)  # ignored: no consent
        cli(c, "profile", "consent", "Anna")
        sync_all(server.addr, c, b)
        for h in (a, b, c):  # a consent does not reach back to a window published before it
            assert item.hex() not in shown(h)
            assert bodies(h, ops[h]) == []  # purged: it can never count
        cli(a, "profile", "window", "--from", day(1), "--to", day(20), "--for", "Cor")
        [after] = shown(a)
        sync_all(server.addr, b, c)
        ops = {h: window_ops(h, after) for h in (a, b, c)}
        for h in (a, b, c):
            assert after in shown(h) and bodies(h, ops[h])  # consented first: shown everywhere
        cli(c, "profile", "consent", "Anna", "--revoke")
        sync_all(server.addr, c, b)
        for h in (a, b, c):
            assert after not in shown(h)
            assert bodies(h, ops[h]) == []  # gone from the database, not hidden
