"""A data folder's database belongs to its keystore; files are private (0600, folder 0700)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from coopshare.errors import AlreadyInitialised, DataFolderMismatch, StoreDamaged
from coopshare.service import datafolder
from coopshare.service import home as homes
from coopshare.store.db import DB_FILE
from tests.netutil import PASS, cli


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_file_is_private(tmp_path: Path) -> None:
    home = tmp_path / "h"
    old = os.umask(0o022)  # the usual umask: files would be 0644 by default
    try:
        control = tmp_path / "control.db"
        with sqlite3.connect(control) as c:  # positive control: SQLite's own default mode
            c.execute("CREATE TABLE t(x)")
        assert _mode(control) == 0o644
        homes.init(home, "Anna", PASS)
        coop = homes.open_coop(home, PASS)
        try:
            coop.create_coop("C")
            coop.add_note("n", "text")
            names = sorted(p.name for p in home.iterdir())
            assert names == [
                DB_FILE,
                DB_FILE + "-shm",
                DB_FILE + "-wal",
                "keystore.bak",
                "keystore.bin",
            ]
            assert {p.name: _mode(p) for p in home.iterdir()} == {n: 0o600 for n in names}
            assert _mode(home) == 0o700
        finally:
            coop.store.close()
    finally:
        os.umask(old)


def test_loose_modes_left_by_older_versions_are_tightened(tmp_path: Path) -> None:
    home = tmp_path / "h"
    homes.init(home, "Anna", PASS)
    (home / DB_FILE).chmod(0o644)
    homes.open_coop(home, PASS).store.close()
    assert _mode(home / DB_FILE) == 0o600


def test_a_zero_length_database_is_refused_not_recreated(tmp_path: Path) -> None:
    home = tmp_path / "h"
    homes.init(home, "Anna", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("C")
    coop.store.close()
    (home / DB_FILE).write_bytes(b"")  # truncated (a full disk, a bad copy)
    with pytest.raises(DataFolderMismatch):
        homes.open_coop(home, PASS)
    assert (home / DB_FILE).stat().st_size == 0  # left as found, not replaced by an empty store
    r = cli(home, "list", "notes", check=False)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        f"coopshare: error: the data in {home} does not belong to this identity; refusing to"
        " touch it (coopshare.db is empty)"
    ]


def test_a_database_of_another_identity_is_refused(tmp_path: Path) -> None:
    anna, bram = tmp_path / "anna", tmp_path / "bram"
    homes.init(anna, "Anna", PASS)
    homes.init(bram, "Bram", PASS)
    coop = homes.open_coop(bram, PASS)
    coop.create_coop("Bram's")
    coop.store.close()
    homes.open_coop(anna, PASS).store.close()  # positive control: Anna's own store opens
    shutil.copy(bram / DB_FILE, anna / DB_FILE)  # a real CoopShare store, of someone else
    with pytest.raises(DataFolderMismatch):
        homes.open_coop(anna, PASS)


def test_other_files_in_place_of_the_database(tmp_path: Path) -> None:
    home = tmp_path / "h"
    homes.init(home, "Anna", PASS)
    db = home / DB_FILE
    db.unlink()
    with sqlite3.connect(db) as c:  # an SQLite file, but not a CoopShare store
        c.execute("CREATE TABLE notes(x)")
    with pytest.raises(DataFolderMismatch):
        homes.open_coop(home, PASS)
    db.write_bytes(b"my shopping list\n" * 100)  # not SQLite at all
    with pytest.raises(DataFolderMismatch):
        homes.open_coop(home, PASS)
    db.write_bytes(b"SQLite format 3\0" + b"\xa5" * 4000)  # an SQLite header, then garbage
    with pytest.raises(StoreDamaged):
        homes.open_coop(home, PASS)


def test_a_missing_database_is_made_anew_and_an_unstamped_one_adopted(tmp_path: Path) -> None:
    home = tmp_path / "h"
    homes.init(home, "Anna", PASS)
    (home / DB_FILE).unlink()  # deleted on purpose: the log comes back from peers
    coop = homes.open_coop(home, PASS)
    coop.create_coop("C")
    coop.store._c.execute("DELETE FROM meta WHERE key='owner'")  # as made by older versions
    coop.store.close()
    coop = homes.open_coop(home, PASS)
    try:
        assert coop.coop_name() == "C"
        assert coop.store.meta(datafolder.OWNER_KEY) is not None  # stamped now
    finally:
        coop.store.close()


def test_init_refuses_a_folder_that_holds_a_database_or_keystore(tmp_path: Path) -> None:
    home = tmp_path / "h"
    homes.init(home, "Anna", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("C")
    coop.store.close()
    with pytest.raises(AlreadyInitialised):
        homes.init(home, "Anna again", PASS)
    for name in ("keystore.bin", "keystore.bak"):
        (home / name).unlink()  # keystore gone: the database is still someone's
    before = (home / DB_FILE).read_bytes()
    r = cli(home, "init", "--name", "Someone", check=False)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [f"coopshare: error: {home} already holds an identity"]
    assert (home / DB_FILE).read_bytes() == before and not (home / "keystore.bin").exists()
