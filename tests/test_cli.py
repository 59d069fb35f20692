"""The command line as a user runs it: real processes, real keystore, exit codes and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "correct horse battery staple"


def run(home: Path, *args: str, passphrase: str | None = PASS) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COOPSHARE_")}
    if passphrase is not None:
        env["COOPSHARE_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "coopshare", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    assert run(h, "init", "--name", "Alice").returncode == 0
    assert run(h, "coop", "create", "--name", "Brabant Interim").returncode == 0
    return h


def test_notes_leads_ideas_list_search_status(home: Path, tmp_path: Path) -> None:
    r = run(
        home,
        "note",
        "add",
        "--title",
        "Aanbesteding",
        "--body",
        "Sluit 12 december",
        "--tag",
        "tender",
    )
    assert r.returncode == 0, r.stderr
    body = tmp_path / "idea.md"
    body.write_text("Een coöperatieve inkoopdienst", encoding="utf-8")
    assert (
        run(
            home,
            "idea",
            "add",
            "--title",
            "Inkoop",
            "--body-file",
            str(body),
            "--terms",
            "ask-before-use",
        ).returncode
        == 0
    )
    r = run(
        home,
        "lead",
        "add",
        "--title",
        "Interim CFO",
        "--org",
        "Achmea",
        "--skills",
        "finance,ERP",
        "--rate-min",
        "110",
        "--rate-max",
        "130",
    )
    assert r.returncode == 0, r.stderr
    notes = json.loads(run(home, "list", "notes", "--json").stdout)
    assert [n["title"] for n in notes] == ["Aanbesteding"]
    assert notes[0]["tags"] == ["tender"] and notes[0]["author"] == "Alice"
    leads = json.loads(run(home, "list", "leads", "--json").stdout)
    assert leads[0]["org"] == "Achmea" and leads[0]["status"] == "open"
    ideas = json.loads(run(home, "list", "ideas", "--json").stdout)
    assert ideas[0]["terms"] == "ask-before-use"
    hits = json.loads(run(home, "search", "decem", "--json").stdout)
    assert [h["title"] for h in hits] == ["Aanbesteding"]
    assert {h["kind"] for h in json.loads(run(home, "search", "finance", "--json").stdout)} == {
        "lead"
    }
    status = json.loads(run(home, "status", "--json").stdout)
    assert status["items"]["note"] == 1 and status["members"] == 1 and status["ops"] == 4
    members = json.loads(run(home, "list", "members", "--json").stdout)
    assert members[0]["name"] == "Alice" and members[0]["role"] == "admin"


def test_wrong_passphrase_is_one_clear_line(home: Path) -> None:
    r = run(home, "list", "notes", passphrase="wrong")
    assert r.returncode == 1
    assert (
        r.stderr.strip() == "coopshare: error: wrong passphrase: the keystore could not be unlocked"
    )
    assert "Traceback" not in r.stderr


def test_missing_passphrase_without_terminal(home: Path) -> None:
    r = run(home, "status", passphrase=None)
    assert r.returncode == 1
    assert "COOPSHARE_PASSPHRASE" in r.stderr and "Traceback" not in r.stderr


def test_usage_errors_exit_2(home: Path) -> None:
    assert run(home, "bogus").returncode == 2
    assert run(home, "note", "add", "--title", "x").returncode == 2  # no body
    assert run(home, "list", "everything").returncode == 2


def test_bad_input_exits_1_and_saves_nothing(home: Path) -> None:
    before = json.loads(run(home, "status", "--json").stdout)["ops"]
    for args in (
        ("lead", "add", "--title", "X", "--rate-min", "200", "--rate-max", "100"),
        ("lead", "add", "--title", "X", "--start", "next tuesday"),
        ("idea", "add", "--title", "X", "--body", "b", "--terms", "anything-goes"),
        ("note", "add", "--title", "  ", "--body", "b"),
        ("note", "add", "--title", "X", "--body", "b", "--to", "Nobody"),
    ):
        r = run(home, *args)
        assert r.returncode == 1, args
        assert r.stderr.count("\n") == 1 and r.stderr.startswith("coopshare: error: "), r.stderr
    assert json.loads(run(home, "status", "--json").stdout)["ops"] == before


def test_uninitialised_home_is_a_clear_error(tmp_path: Path) -> None:
    r = run(tmp_path / "empty", "list", "notes")
    assert r.returncode == 1 and "init --name" in r.stderr


def test_import_folder_with_a_broken_file(home: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "sub").mkdir(parents=True)
    (vault / "a.md").write_text(
        "---\ntitle: Eerste notitie\ntags: [dba, zzp]\n---\nTekst met #inkoop\n"
    )
    (vault / "sub" / "b.md").write_text("# Tweede\n\nZie [[Eerste notitie]]\n")
    (vault / "c.md").write_text("---\ntags:\n  - lijst\n---\nzonder titel\n")
    (vault / "broken.md").write_bytes(b"\xff\xfe\x00 not utf-8 \xc3\x28")
    (vault / "unterminated.md").write_text("---\ntitle: nooit gesloten\n")
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "skip.md").write_text("config")
    r = run(home, "note", "import", str(vault))
    assert r.returncode == 0, r.stderr
    assert "imported 3 notes, updated 0, unchanged 0, skipped 2 files" in r.stdout
    assert "broken.md: not UTF-8 text" in r.stderr
    assert "unterminated.md: front matter" in r.stderr
    notes = {n["title"]: n for n in json.loads(run(home, "list", "notes", "--json").stdout)}
    assert set(notes) == {"Eerste notitie", "Tweede", "c"}
    assert notes["Eerste notitie"]["tags"] == ["dba", "zzp", "inkoop"]
    assert notes["c"]["tags"] == ["lijst"]


def test_recovery_key_prints_a_code(home: Path) -> None:
    r = run(home, "recovery-key")
    assert r.returncode == 0
    groups = r.stdout.strip().split("-")
    assert len(groups) == 15 and all(g.isalnum() for g in groups)
