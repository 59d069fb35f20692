"""Concurrent claims by two real processes on loopback: every replica agrees on the winner."""

from __future__ import annotations

from pathlib import Path

import pytest

from .netutil import cli, cli_json, new_member, serving

pytestmark = pytest.mark.slow


def test_two_offline_claims_resolve_to_the_same_first_claimer(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    cli(a, "init", "--name", "Anna")
    cli(a, "coop", "create", "--name", "Brabant Interim")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
        new_member(c, "Cor", a, server)
        lead = cli(a, "lead", "add", "--title", "Interim HR", "--referral-terms", "thanks")
        lead_id = lead.stdout.strip()
        for home in (b, c):
            cli(home, "sync", "--peer", server.addr, "--once")
        # both claim while not connected to each other: each one's own replica accepts it
        for home in (b, c):
            out = cli(home, "lead", "claim", lead_id[:20], "--accept-terms").stdout
            assert out.startswith("lead claimed")
        for home in (b, c, b):
            cli(home, "sync", "--peer", server.addr, "--once")
    shows = [cli_json(home, "lead", "show", lead_id[:20]) for home in (a, b, c)]
    claimers = {s["claimer"] for s in shows}
    assert len(claimers) == 1  # one winner, the same everywhere
    winner = claimers.pop()
    assert winner in ("Bram", "Cor")
    loser_home = c if winner == "Bram" else b
    loser = cli_json(loser_home, "lead", "show", lead_id[:20])
    assert loser["first_claimer"] == winner  # "also claimed by you — X was first"
    history = cli_json(a, "lead", "history", lead_id[:20])
    claims = [h for h in history if h["act"] == "claim"]
    assert [h["effect"] for h in claims] == [True, False]  # the second claim is flagged
    assert claims[0]["by"] == winner
