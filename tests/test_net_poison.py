"""A poison op sealed to one victim cuts nobody off (issue 10), with real processes on loopback.

Mallory, a member, seals to Bram's device alone an item change whose rate is a 5,000-digit
number, signed and sealed with the project's own code. Anna stores and relays it (she cannot
read it). Before the fix Bram's decoder raised ValueError, the whole batch rolled back and every
later sync of Bram failed; now Bram keeps the op, skips it, lists it in `coopshare diagnostics`
with the reason, and receives everything written after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coopshare.service import home as homes

from .forge import forge, sealed_raw_change
from .netutil import PASS, cli, cli_json, init, new_member, op_ids, serving

pytestmark = pytest.mark.slow


def _titles(home: Path) -> set[str]:
    return {n["title"] for n in cli_json(home, "list", "notes")}


def test_victim_keeps_syncing_past_a_poison_op(tmp_path: Path) -> None:
    a, b, mal = tmp_path / "anna", tmp_path / "bram", tmp_path / "mallory"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "C")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
        new_member(mal, "Mallory", a, server)

        victim = homes.open_coop(b, PASS)
        victim_kex = victim.me.kex_pk
        victim.store.close()
        m = homes.open_coop(mal, PASS)
        change = {
            "t": "lead",
            "id": m.new_item_id(),
            "set": {"title": "rate", "rate_min": "9" * 5000},
        }
        poison = forge(m, sealed_raw_change(m, [victim_kex], change))
        m.apply(poison)  # Mallory's own node would do the same with a crafted client
        m.store.close()
        cli(mal, "note", "add", "--title", "Mallory after", "--body", "next op in her log")
        cli(mal, "sync", "--peer", server.addr, "--once", timeout=90)
        assert poison.op_id in op_ids(a)  # Anna stored it: she relays it to everyone
        cli(a, "note", "add", "--title", "Anna after", "--body", "written after the poison")

        r = cli(b, "sync", "--peer", server.addr, "--once", timeout=90)
        assert "Traceback" not in r.stderr, r.stderr
        assert poison.op_id in op_ids(b)  # positive control: the op really reached the victim
        assert {"Mallory after", "Anna after"} <= _titles(b)
        held = cli_json(b, "diagnostics")["held_back"]
        assert [(h["op_id"], h["state"]) for h in held] == [(poison.op_id.hex(), "skipped")]
        assert held[0]["reason"] == "SchemaError (rate_min)"
        assert held[0]["author"] == m.me.member_id.hex()
        assert "9999" not in cli(b, "diagnostics").stdout  # reason and ids, no content

        cli(a, "note", "add", "--title", "Anna later", "--body", "and the next sync too")
        cli(b, "sync", "--peer", server.addr, "--once", timeout=90)
        assert "Anna later" in _titles(b)
        assert cli_json(a, "diagnostics")["held_back"] == []  # Anna cannot read it: no skip
