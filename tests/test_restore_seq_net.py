"""A member restores a backup after the device wrote more that a peer received (real processes,
real TLS on loopback): the restored copy must not reuse seq numbers it already used.

Without the guard (service/restored.py) the restored device signs a new note at the seq of the
note written after the backup: Bob, who holds that older op, never asks for the new one (his
version vector already covers that seq) and the restored device never gets the older note back
(its own vector covers it too): a note hidden on each side, without a trace (with further
ops, the backlinks then flag an honest member as equivocating).
`test_resume_writing_before_sync_hides_a_note` is that control, through the explicit override."""

from __future__ import annotations

import json
from pathlib import Path

from tests.netutil import cli, new_member, serving


def _titles(home: Path) -> set[str]:
    return {n["title"] for n in json.loads(cli(home, "list", "notes", "--json").stdout)}


def _equivocating(home: Path) -> list[str]:
    return list(json.loads(cli(home, "status", "--json").stdout)["equivocating_devices"])


def _setup(tmp_path: Path) -> tuple[Path, Path, str]:
    """Anna (admin) and Bob; Anna backs up after one note, writes a second that Bob receives,
    then restores it on a new computer. Returns (Anna's new folder, Bob's folder, what restore
    printed)."""
    anna, bob = tmp_path / "anna", tmp_path / "bob"
    cli(anna, "init", "--name", "Anna")
    cli(anna, "coop", "create", "--name", "Brabant Interim")
    with serving(anna) as server:
        new_member(bob, "Bob", anna, server)
    cli(anna, "note", "add", "--title", "Voor de backup", "--body", "een")
    dest = tmp_path / "anna.coopbackup"
    cli(anna, "backup", "create", str(dest))
    cli(anna, "note", "add", "--title", "Na de backup", "--body", "twee")
    with serving(bob) as server:
        cli(anna, "sync", "--peer", server.addr)
    assert _titles(bob) == {"Voor de backup", "Na de backup"}
    restored = tmp_path / "nieuwe-computer" / "anna"
    said = cli(restored, "backup", "restore", str(dest)).stdout
    assert _titles(restored) == {"Voor de backup"}  # the backup's moment
    return restored, bob, said


def test_restored_device_catches_up_its_own_log_before_writing(tmp_path: Path) -> None:
    restored, bob, said = _setup(tmp_path)
    r = cli(restored, "note", "add", "--title", "Na het herstel", "--body", "drie", check=False)
    assert r.returncode == 1 and "restored from a backup" in r.stderr  # main: written at seq 3
    assert "writes nothing until it has synced" in said
    assert _titles(restored) == {"Voor de backup"}  # refused: nothing was written
    with serving(bob) as server:
        cli(restored, "sync", "--peer", server.addr)  # converged: Anna's later note is back
        assert _titles(restored) == {"Voor de backup", "Na de backup"}
        cli(restored, "note", "add", "--title", "Na het herstel", "--body", "drie")
        cli(restored, "sync", "--peer", server.addr)
    everything = {"Voor de backup", "Na de backup", "Na het herstel"}
    assert _titles(restored) == everything and _titles(bob) == everything
    assert _equivocating(restored) == [] and _equivocating(bob) == []


def test_resume_writing_before_sync_hides_a_note(tmp_path: Path) -> None:
    """Positive control: the override lets the restored device write at a seq it already used;
    what the guard prevents then happens (this is main's behaviour after every restore)."""
    restored, bob, _ = _setup(tmp_path)
    assert "may write again" in cli(restored, "backup", "resume-writing").stdout
    cli(restored, "note", "add", "--title", "Na het herstel", "--body", "drie")
    with serving(bob) as server:
        cli(restored, "sync", "--peer", server.addr)
        cli(restored, "sync", "--peer", server.addr)
    assert "Na het herstel" not in _titles(bob)  # hidden from Bob
    assert "Na de backup" not in _titles(restored)  # and the later note from the restored copy
    # silently: each side holds one op at that seq and never sees the other, so nothing is
    # even recorded (with more ops on either side the backlinks would flag Anna as equivocating)
    assert _equivocating(restored) == [] and _equivocating(bob) == []
