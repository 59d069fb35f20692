"""The CLI starts the Argon2id unlock before it imports the door (service/api_unlock.py), and
keeps what the unlock promised: the typed error and one line for a wrong passphrase, nothing
written to the data folder, no signature worker left running. Real processes throughout."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coopshare.errors import WrongPassphrase
from coopshare.service import api
from coopshare.service.api_unlock import Unlocking

from .netutil import PASS, cli, env

WRONG_LINE = "coopshare: error: wrong passphrase: the keystore could not be unlocked"

# Runs the CLI in a fresh interpreter. A spy on keystore.unlock (it runs on the unlock's
# thread) sets an event when the unlock starts; an import hook holds the first import of the
# door (service/api.py) until that event is set, at most HOLD seconds, and prints whether it
# was. With the unlock started ahead the event comes at once; with the unlock after the
# imports (the order before, `serial`) the hook waits out HOLD and prints False.
HARNESS = textwrap.dedent(
    """
    import importlib.abc, sys, threading
    from coopshare.identity import keystore
    started = threading.Event()
    real_unlock = keystore.unlock

    def spy(home, passphrase):
        started.set()
        return real_unlock(home, passphrase)

    keystore.unlock = spy

    class HoldTheDoor(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name == "coopshare.service.api":
                sys.meta_path.remove(self)
                print("unlock started before the door:", started.wait(HOLD), flush=True)
            return None

    sys.meta_path.insert(0, HoldTheDoor())
    if SERIAL:
        import coopshare.cli.main as m
        m._unlock_ahead = lambda args, home: None
    from coopshare.launcher import main
    raise SystemExit(main(ARGV))
    """
)


def _harness(argv: list[str], *, serial: bool, hold: float) -> subprocess.CompletedProcess[str]:
    code = f"HOLD = {hold!r}\nSERIAL = {serial!r}\nARGV = {argv!r}\n" + HARNESS
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env(),
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    h = tmp_path_factory.mktemp("ahead") / "home"
    cli(h, "init", "--name", "Anna")
    cli(h, "coop", "create", "--name", "Brabant Interim")
    return h


@pytest.mark.parametrize(
    "argv", [["status"], ["note", "add", "--title", "t", "--body", "b"]], ids=["status", "note"]
)
def test_the_unlock_starts_before_the_door_is_imported(home: Path, argv: list[str]) -> None:
    r = _harness(["--home", str(home), *argv], serial=False, hold=120.0)
    assert r.returncode == 0, r.stderr
    assert "unlock started before the door: True" in r.stdout


def test_sync_unlocks_ahead_too_and_the_check_sees_the_old_order(home: Path) -> None:
    """`sync` (to a closed port: it fails after the unlock, with its own line); and the
    positive control: with the unlock left to the door, as before, the hook waits in vain."""
    argv = ["--home", str(home), "sync", "--peer", "127.0.0.1:9", "--once", "--timeout", "5"]
    r = _harness(argv, serial=False, hold=120.0)
    assert "unlock started before the door: True" in r.stdout, r.stderr
    assert r.returncode == 1 and "127.0.0.1:9" in r.stderr
    serial = _harness(["--home", str(home), "status"], serial=True, hold=2.0)
    assert serial.returncode == 0, serial.stderr
    assert "unlock started before the door: False" in serial.stdout


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _group(pgid: int) -> list[str]:
    """Command lines of the live processes in process group `pgid`."""
    found = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text().rsplit(")", 1)[1].split()
            if int(stat[2]) == pgid and stat[0] != "Z":
                found.append((d / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def _wait_group_empty(pgid: int, timeout: float = 60.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while (left := _group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("command", ["sync", "status"])
def test_wrong_passphrase_one_line_nothing_written_no_worker_left(home: Path, command: str) -> None:
    before = _snapshot(home)
    argv = ["status"] if command == "status" else ["sync", "--peer", "127.0.0.1:9", "--once"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "coopshare", "--home", str(home), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**env(), "COOPSHARE_PASSPHRASE": "not " + PASS},
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # its process group: the signature worker would be in it
    )
    out, err = proc.communicate(timeout=300)
    workers = [c for c in _group(proc.pid) if "spawn_main" in c]  # right as it exited
    assert proc.returncode == 1
    assert err.strip() == WRONG_LINE and not out
    assert workers == []
    assert _wait_group_empty(proc.pid) == []  # the resource tracker ends on its own
    assert _snapshot(home) == before


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_the_process_check_sees_a_worker_and_the_snapshot_a_write(home: Path) -> None:
    """Positive controls: the same reading lists a live signature-worker-like child (a spawn
    process pool's worker); and the snapshot sees a command's write to the store (`note add`
    with the right passphrase)."""
    code = (
        "import multiprocessing as mp, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(1, mp_context=mp.get_context('spawn'))\n"
        "    pool.submit(int).result()\n"
        "    print('up', flush=True)\n"
        "    time.sleep(300)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "up"
        assert [c for c in _group(proc.pid) if "spawn_main" in c]
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert _wait_group_empty(proc.pid) == []
    before = _snapshot(home)
    cli(home, "note", "add", "--title", "written", "--body", "after the unlock")
    assert _snapshot(home) != before


def test_the_door_takes_an_unlock_under_way(home: Path) -> None:
    """In-process: the door opens with an Unlocking as with its passphrase, and a wrong one is
    the typed error from the door's opener (not from another thread's traceback)."""
    door = api.open_api(home, Unlocking(home, PASS))
    try:
        assert door.status().coop_name == "Brabant Interim"
    finally:
        door.close()
    with pytest.raises(WrongPassphrase):
        api.open_api(home, Unlocking(home, "not " + PASS))
    with pytest.raises(ValueError, match="another data folder"):
        api.open_api(home.parent, Unlocking(home, PASS))
