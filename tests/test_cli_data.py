"""`coopshare bundle`, `export` and `backup` as a user runs them: real processes, real keystores;
bundles go through a real join on loopback, then carry what the network did not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.netutil import cli, env, init, new_member, op_count, serving


def test_bundle_export_import_twice_and_a_truncated_copy(tmp_path: Path) -> None:
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    init(alice, "Alice")
    cli(alice, "coop", "create", "--name", "Brabant Interim")
    with serving(alice) as server:
        new_member(bob, "Bob", alice, server)
    # offline from here: Alice writes, Bob tells her what he holds, she hands him a file
    for i in range(3):
        cli(alice, "note", "add", "--title", f"Per USB {i}", "--body", "b")
    vector = cli(bob, "bundle", "vector").stdout.strip()
    assert vector.count(":") >= 1
    path = tmp_path / "voor-bob.coopbundle"
    r = cli(alice, "bundle", "export", "--since", vector, str(path))
    assert "wrote 3 ops" in r.stdout
    cut = tmp_path / "kapot.coopbundle"
    cut.write_bytes(path.read_bytes()[:-10])
    before = op_count(bob)
    r = cli(bob, "bundle", "import", str(cut), check=False)
    assert r.returncode == 1 and "damaged or incomplete" in r.stderr and "truncated" in r.stderr
    assert op_count(bob) == before
    r = cli(bob, "bundle", "import", str(path))
    assert "3 new, 0 known" in r.stdout
    r = cli(bob, "bundle", "import", str(path))
    assert "0 new, 3 known" in r.stdout
    titles = {n["title"] for n in json.loads(cli(bob, "list", "notes", "--json").stdout)}
    assert {"Per USB 0", "Per USB 1", "Per USB 2"} <= titles
    r = cli(alice, "bundle", "export", "--for", "Bob", str(tmp_path / "for.coopbundle"))
    assert r.returncode == 0 and "wrote" in r.stdout


def test_exports_warn_in_english_and_dutch(tmp_path: Path) -> None:
    home = tmp_path / "alice"
    init(home, "Alice")
    cli(home, "coop", "create", "--name", "Brabant Interim")
    cli(home, "note", "add", "--title", "Notitie", "--body", "tekst", "--tag", "t")
    cli(home, "lead", "add", "--title", "Klus", "--respond-by", "2027-03-01")
    for args, count in (
        (("notes", str(tmp_path / "notes")), 1),
        (("leads-csv", str(tmp_path / "leads.csv")), 1),
        (("leads-ics", str(tmp_path / "leads.ics")), 1),
        (("takeout", str(tmp_path / "mijn.zip")), 2),  # the note and the lead
    ):
        r = cli(home, "export", *args)
        assert "NOT encrypted" in r.stderr and "NIET versleuteld" in r.stderr
        assert f"wrote {count} items" in r.stdout
    assert (tmp_path / "notes" / "Notitie.md").read_text().startswith('---\ntitle: "Notitie"')
    assert (tmp_path / "leads.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_backup_and_restore_on_a_new_machine(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new-machine" / "home"
    init(old, "Alice")
    cli(old, "coop", "create", "--name", "Brabant Interim")
    cli(old, "note", "add", "--title", "Bewaren", "--body", "b")
    dest = tmp_path / "alice.coopbackup"
    assert "encrypted backup" in cli(old, "backup", "create", str(dest)).stdout
    r = cli(new, "backup", "restore", str(dest))
    assert "restored Alice" in r.stdout and "not beside it" in r.stdout
    titles = {n["title"] for n in json.loads(cli(new, "list", "notes", "--json").stdout)}
    assert titles == {"Bewaren"}
    r = cli(new, "backup", "restore", str(dest), check=False)
    assert r.returncode == 1 and "already holds an identity" in r.stderr


def test_restore_with_the_recovery_key_when_the_passphrase_is_forgotten(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new-machine" / "home"
    init(old, "Alice")
    cli(old, "coop", "create", "--name", "Brabant Interim")
    cli(old, "note", "add", "--title", "Bewaren", "--body", "b")
    code = cli(old, "recovery-key").stdout.strip()
    dest = tmp_path / "alice.coopbackup"
    cli(old, "backup", "create", str(dest))
    bert = tmp_path / "bert"
    init(bert, "Bert")
    other = cli(bert, "recovery-key").stdout.strip()

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "coopshare", "--home", str(new), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**env(), "COOPSHARE_PASSPHRASE": "een nieuw wachtwoord"},
            timeout=120,
        )

    r = run("backup", "restore", str(dest), "--recovery-key", stdin=other + "\n")
    assert r.returncode == 1 and "belongs to another member" in r.stderr
    assert not new.exists() or not any(new.iterdir())
    # positive control: the right key on the same file
    r = run("backup", "restore", str(dest), "--recovery-key", stdin=code + "\n")
    assert r.returncode == 0 and "restored Alice" in r.stdout, r.stderr
    titles = {n["title"] for n in json.loads(run("list", "notes", "--json").stdout)}
    assert titles == {"Bewaren"}
    with_old = cli(new, "list", "notes", check=False)  # cli() types the old passphrase
    assert with_old.returncode == 1 and "wrong passphrase" in with_old.stderr
