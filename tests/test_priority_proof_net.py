"""Priority proof between real processes on 127.0.0.1 (issue 14, items 1 and 2): the owner
commits, the running nodes of two other members return receipts by themselves, the evidence
bundle verifies with its own verify.py in a fresh venv that holds only `cryptography`, and the
idea's text is on no other member's disk."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coopshare import evidence_check as ev

from .netutil import cli, cli_json, init, new_member, serving, wait_for

pytestmark = pytest.mark.slow
MARKER = "OSPREY-PRIORITY-4417"
WHEELS = Path.home() / ".cache" / "coopshare-wheels"


def _disk(folder: Path) -> bytes:
    """Every byte of a data folder: database, WAL, keystore, everything."""
    return b"".join(f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file())


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv (no system site packages) with only `cryptography` (and what it needs)."""
    import cryptography

    WHEELS.mkdir(parents=True, exist_ok=True)
    want = f"cryptography=={cryptography.__version__}"
    if not any(WHEELS.glob(f"cryptography-{cryptography.__version__}-*.whl")):
        got = subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", want, "-d", str(WHEELS)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if got.returncode != 0:
            pytest.skip(f"cannot fetch the cryptography wheel: {got.stderr[-200:]}")
    venv = tmp_path_factory.mktemp("bare") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(WHEELS), want],
        check=True,
        timeout=300,
    )
    yield py


def _proofs(home: Path, idea: str) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = cli_json(home, "idea", "proofs", idea)
    return got


@pytest.mark.timeout(900)  # seven real processes and a venv on a shared machine
def test_receipts_from_two_members_and_the_bundle_verifies_standalone(
    tmp_path: Path, bare_python: Path
) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "Brabant Interim")
    with serving(a) as sa:
        new_member(b, "Bram", a, sa)
        new_member(c, "Cato", a, sa)
        with serving(b, "--peer", sa.addr), serving(c, "--peer", sa.addr):
            idea = cli(a, "idea", "add", "--title", "Tool library", "--body",
                       f"{MARKER} shared tools", "--terms", "private").stdout.strip()  # fmt: skip
            out = cli(a, "idea", "commit", idea).stdout
            assert "commitment" in out

            def two_receipts() -> bool:
                found = _proofs(a, idea)
                return len(found) == 1 and len(found[0]["receipts"]) == 2

            assert wait_for(two_receipts, 90, every=0.5)
        [proof] = _proofs(a, idea)
        assert {r["name"] for r in proof["receipts"]} == {"Bram", "Cato"}
        assert proof["earliest_ms"] >= proof["when_ms"] - 1000 and proof["text_matches"]
    # the committed text is on neither other member's disk (database, WAL, every file) ...
    for home in (b, c):
        assert (home / "coopshare.db").exists()
        assert MARKER.encode() not in _disk(home)
    zip_path = tmp_path / "evidence.zip"
    written = cli(a, "idea", "evidence", idea, "--out", str(zip_path))
    assert "plain text" in written.stderr and "leesbaar" in written.stderr
    # ... positive control: the same grep finds it in a deliberately plaintext export
    assert MARKER.encode() in zip_path.read_bytes()
    salt = bytes.fromhex(dict(ev.read_zip(zip_path.read_bytes()))["salt.txt"].decode().strip())
    for home in (b, c):
        assert salt not in _disk(home) and salt.hex().encode() not in _disk(home)
    # the CLI's verifier, which needs no data folder
    ok = cli(tmp_path / "nowhere", "verify-evidence", str(zip_path))
    assert "VALID" in ok.stdout and "Earliest proven time" in ok.stdout
    # the script inside the ZIP, in a fresh venv that has only `cryptography`
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    for name, data in ev.read_zip(zip_path.read_bytes()):
        (unpacked / name).parent.mkdir(parents=True, exist_ok=True)
        (unpacked / name).write_bytes(data)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "COOPSHARE"))}
    probe = subprocess.run(
        [str(bare_python), "-c", "import coopshare"], capture_output=True, env=clean, cwd=unpacked
    )
    assert probe.returncode != 0  # the venv really has no coopshare (nor msgpack)
    run = subprocess.run(
        [str(bare_python), "verify.py", str(zip_path)],
        capture_output=True,
        text=True,
        env=clean,
        cwd=unpacked,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Witness receipts: 2" in run.stdout and "Earliest proven time" in run.stdout
    # a tampered copy fails there too, with the reason
    data = zip_path.read_bytes()
    at = data.index(MARKER.encode())
    bad = tmp_path / "tampered.zip"
    bad.write_bytes(data[:at] + b"X" + data[at + 1 :])
    run = subprocess.run(
        [str(bare_python), "verify.py", str(bad)],
        capture_output=True,
        text=True,
        env=clean,
        cwd=unpacked,
        timeout=120,
    )
    assert run.returncode == 1 and "INVALID: idea.txt" in run.stdout
    refused = cli(tmp_path / "nowhere", "verify-evidence", str(bad), check=False)
    assert refused.returncode == 1 and "does not verify" in refused.stderr
