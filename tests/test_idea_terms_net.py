"""Idea terms between real processes: the reader accepts with the CLI, the owner's running
node releases on its own (view-only) or on the owner's command (ask-before-use)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .netutil import cli, cli_json, init, new_member, serving, wait_for

pytestmark = pytest.mark.slow
MARKER = "NARWHAL-IDEA-8812"


def _every_byte(folder: Path) -> bytes:
    return b"".join(f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file())


def _show(home: Path, item: str) -> dict[str, Any]:
    shown: dict[str, Any] = cli_json(home, "idea", "show", item)
    return shown


def test_accept_then_the_owners_node_releases(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "Brabant Interim")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
        auto = cli(a, "idea", "add", "--title", "Open", "--body", f"{MARKER} one",
                   "--terms", "view-only").stdout.strip()  # fmt: skip
        ask = cli(a, "idea", "add", "--title", "Ask", "--body", f"{MARKER} two",
                  "--terms", "ask-before-use").stdout.strip()  # fmt: skip
        cli(b, "sync", "--peer", server.addr, "--once")
        shown = _show(b, auto)
        assert shown["title"] == "Open" and shown["body"] == ""
        assert shown["terms_status"]["access"] == "locked"
        assert MARKER.encode() not in _every_byte(b)
        cli(b, "idea", "accept", auto)
        cli(b, "idea", "accept", ask)
        assert _show(b, auto)["terms_status"]["access"] == "waiting"

        def released() -> bool:
            cli(b, "sync", "--peer", server.addr, "--once")
            return bool(_show(b, auto)["body"] == f"{MARKER} one")

        assert wait_for(released, 60, every=0.5)  # the owner's node released by itself
        assert _show(b, ask)["body"] == ""  # ask-before-use: waits for the owner
        owner_view = _show(a, ask)["terms_status"]
        assert [p["name"] for p in owner_view["pending"]] == ["Bram"]
        assert [r["name"] for r in _show(a, auto)["terms_status"]["acceptances"]] == ["Bram"]
        out = cli(a, "idea", "release", ask, "Bram").stdout
        assert "released" in out

        def approved() -> bool:
            cli(b, "sync", "--peer", server.addr, "--once")
            return bool(_show(b, ask)["body"] == f"{MARKER} two")

        assert wait_for(approved, 60, every=0.5)
        bad = cli(a, "idea", "release", auto, "Anna", check=False)
        assert bad.returncode == 1 and "not allowed" in bad.stderr and "Traceback" not in bad.stderr


def _org(home: Path, item: str) -> object:
    leads = {v["id"]: v for v in cli_json(home, "list", "leads")}
    return leads[item].get("org")


def test_claimer_accepts_then_the_givers_node_releases_the_lead(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    org = "KESTREL-ORG-6620"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "Brabant Interim")
    with serving(a) as server:
        new_member(b, "Bram", a, server)
        lead = cli(a, "lead", "add", "--title", "Interim HR", "--org", org, "--referral-terms",
                   "percent-first-invoice: 5%", "--coop-share", "10").stdout.strip()  # fmt: skip
        cli(b, "sync", "--peer", server.addr, "--once")
        assert "coop-share: 10%" in cli_json(b, "lead", "show", lead)["referral_terms"]
        cli(b, "lead", "claim", lead)  # claimed; terms not signed yet
        cli(b, "sync", "--peer", server.addr, "--once")
        cli(b, "sync", "--peer", server.addr, "--once")
        assert _org(b, lead) is None
        assert org.encode() not in _every_byte(b)
        refused = cli(a, "lead", "release", lead, check=False)
        assert refused.returncode == 1 and "not accepted" in refused.stderr
        cli(b, "lead", "accept-terms", lead)

        def released() -> bool:
            cli(b, "sync", "--peer", server.addr, "--once")
            return _org(b, lead) == org

        assert wait_for(released, 60, every=0.5)  # the giver's node released by itself
        steps = cli_json(b, "lead", "history", lead)
        assert any(s["act"] == "release" and s["effect"] for s in steps)
