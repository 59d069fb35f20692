"""`coopshare thanks` and `coopshare ledger` as a user runs them (real processes, keystore)."""

from __future__ import annotations

import json
from pathlib import Path

from coopshare.crypto import primitives as p
from coopshare.identity.keys import Identity
from coopshare.identity.keystore import Unlocked
from coopshare.service.api import open_api
from coopshare.service.coop import Coop
from coopshare.store.db import Store
from tests.conftest import join, sync
from tests.test_cli import PASS, home, run

__all__ = ["home"]  # the fixture


def _with_bob(home: Path, tmp_path: Path) -> tuple[str, str]:
    """Bob joins Alice's cooperative (in-process) and shares a note; (note id, bob's id)."""
    door = open_api(home, PASS)
    alice = door._coop
    bob = Coop(Unlocked(Identity.generate("Bob"), p.random_bytes(32)), Store.open(tmp_path / "b"))
    try:
        join(alice, bob)
        note = bob.add_note("Model contract", "Use the DBA model")
        sync(alice, bob)
        return note.hex(), bob.me.member_id.hex()
    finally:
        bob.store.close()
        door.close()


def test_thanks_a_note_and_an_introduction_then_the_ledger(home: Path, tmp_path: Path) -> None:
    note, _bob = _with_bob(home, tmp_path)
    r = run(home, "thanks", note[:12], "--note", "Saved me a day")
    assert r.returncode == 0, r.stderr
    r = run(home, "thanks", "bob")  # by name: an introduction
    assert r.returncode == 0, r.stderr
    r = run(home, "ledger", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["mine"]["thanks_given"] == 2
    assert [(e["what"], e["other"], e["verdict"]) for e in out["entries"]] == [
        ("thanks-given", "Bob", "counts")
    ] * 2
    assert [m["name"] for m in out["members"]] == ["Bob"]
    assert out["members"][0]["thanks_received"] == 2
    assert out["members"][0]["notes_shared"] == 1
    r = run(home, "ledger", "--member", "Bob")
    assert r.returncode == 0 and "thanks received 2" in r.stdout
    r = run(home, "ledger")
    assert r.returncode == 0 and "Saved me a day" in r.stdout


def test_refusals_are_one_line_exit_1(home: Path, tmp_path: Path) -> None:
    note, _ = _with_bob(home, tmp_path)
    assert run(home, "thanks", note).returncode == 0
    cases = {
        ("thanks", note): "you already thanked for this",
        ("thanks", "Alice"): "you cannot thank yourself",
        ("thanks", "nobody-here"): "no member called",
        ("ledger", "--member", "Nobody"): "no member called",
    }
    for args, says in cases.items():
        r = run(home, *args)
        assert r.returncode == 1, (args, r.stdout)
        assert says in r.stderr and r.stderr.count("\n") == 1, r.stderr
        assert "Traceback" not in r.stderr
