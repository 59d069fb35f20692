"""The verifier an evidence ZIP carries (`verify.py` and the package `evidence_check/`, from
src/coopshare/evidence_check) runs from the unpacked ZIP with no CoopShare and no msgpack
importable. The slow test in test_priority_proof_net.py runs it in a fresh venv; this one blocks
the two imports in the test's own interpreter, so it runs in every quick pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coopshare import evidence_check as ev
from coopshare.service import evidence

from .conftest import MakeCoop
from .test_priority_proof import TEXT, _setup, _witness_all

BLOCK = "import sys; sys.modules.update(coopshare=None, msgpack=None); "
RUN = "import runpy; runpy.run_path('verify.py', run_name='__main__')"


def _python(folder: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-I", "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
    )


def _bundle(make_replica: MakeCoop, tmp_path: Path) -> Path:
    """Alice's bundle of her idea, witnessed by Bob and Carol."""
    alice, bob, carol, idea, _commit = _setup(make_replica)
    _witness_all(alice, bob, carol)
    dest = tmp_path / "evidence.zip"
    evidence.export(alice, idea, dest)
    return dest


def _unpack(data: bytes, folder: Path) -> list[str]:
    names = []
    for name, body in ev.read_zip(data):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(body)
        names.append(name)
    return names


def test_the_zips_verifier_runs_without_coopshare(make_replica: MakeCoop, tmp_path: Path) -> None:
    zip_path = _bundle(make_replica, tmp_path)
    unpacked = tmp_path / "unpacked"
    names = _unpack(zip_path.read_bytes(), unpacked)
    package = sorted(f.name for f in Path(ev.__file__).parent.glob("*.py") if f.name != "script.py")
    assert "verify.py" in names and {f"evidence_check/{m}" for m in package} <= set(names)
    # positive control: the interpreter has CoopShare, and the block takes it away
    assert _python(unpacked, "import coopshare, msgpack").returncode == 0
    blocked = _python(unpacked, BLOCK + "import coopshare")
    assert blocked.returncode != 0 and "import of coopshare halted" in blocked.stderr
    run = _python(unpacked, BLOCK + RUN, str(zip_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "VALID: every signature and hash checks out." in run.stdout
    assert "Witness receipts: 2" in run.stdout
    assert run.stdout.startswith(f"Cooperative {ev.verify(zip_path.read_bytes()).coop[:16]}")
    # the same script finds a changed byte of the idea's text
    data = zip_path.read_bytes()
    at = data.index(TEXT.encode())
    bad = tmp_path / "tampered.zip"
    bad.write_bytes(data[:at] + b"X" + data[at + 1 :])
    run = _python(unpacked, BLOCK + RUN, str(bad))
    assert run.returncode == 1 and run.stdout.startswith("INVALID: idea.txt"), run.stdout
    usage = _python(unpacked, BLOCK + RUN)
    assert usage.returncode == 2 and "usage: python verify.py" in usage.stderr


def test_the_bundle_lists_every_verifier_file_in_its_manifest(
    make_replica: MakeCoop, tmp_path: Path
) -> None:
    """The verifier's own files are signed like the rest: a changed module fails the bundle."""
    data = _bundle(make_replica, tmp_path).read_bytes()
    files = dict(ev.read_zip(data))
    changed = "evidence_check/ops.py"
    entries = [(n, b + b"# changed\n" if n == changed else b) for n, b in ev.read_zip(data)]
    assert b"# changed" not in files[changed] and changed in files
    with pytest.raises(
        ev.EvidenceInvalid, match=r"evidence_check/ops\.py: its hash does not match"
    ):
        ev.verify(ev.write_zip(entries))
    assert ev.verify(data).text_bytes > 0
