"""A really full disk: a small tmpfs filled with a file (root only: mounting needs it).

The CLI says one line and exits 1; a `serve` node that cannot store a sync keeps running,
logs the fault, and completes the sync by itself once the filler file is deleted.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.netutil import PASS, cli, env, init, integrity_ok, op_count, op_ids, serving, wait_for

pytestmark = pytest.mark.slow


@contextmanager
def tmpfs(where: Path, size_mb: int) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, leave: int = 0) -> Path:
    """Write a filler file until at most `leave` bytes are free."""
    filler = folder / "filler"
    with filler.open("wb") as out:
        try:
            while (free := shutil.disk_usage(folder).free) > leave:
                out.write(b"\0" * max(4096, min(1 << 20, free - leave)))
                out.flush()
        except OSError:
            pass
    return filler


def test_cli_on_a_full_disk_says_one_line(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt", 8) as mnt:
        home = mnt / "home"
        init(home, "Anna")
        cli(home, "coop", "create", "--name", "C")
        before = op_count(home)
        filler = fill(mnt)
        assert shutil.disk_usage(mnt).free < 64 * 1024  # really full
        r = cli(home, "note", "add", "--title", "t", "--body", "x" * 20_000, check=False)
        assert r.returncode == 1
        assert r.stderr.splitlines() == [f"coopshare: error: disk full: free space in {home}"]
        assert op_count(home) == before  # nothing half-written
        filler.unlink()  # positive control: the same command works once there is room
        r = cli(home, "note", "add", "--title", "t", "--body", "x" * 20_000)
        assert op_count(home) == before + 1 and integrity_ok(home)


def test_serve_resumes_a_sync_by_itself_when_space_returns(tmp_path: Path) -> None:
    a = tmp_path / "a"
    init(a, "Anna")
    cli(a, "coop", "create", "--name", "C")
    with tmpfs(tmp_path / "mnt", 32) as mnt:
        b = mnt / "b"
        with serving(a) as srv:
            init(b, "Bram")
            cli(a, "invite", "create", "--out", str(tmp_path / "invite.txt"))
            cli(b, "join", str(tmp_path / "invite.txt"), "--peer", srv.addr)
        _notes(a, 600)  # ~9 KB each in the store: ~5 MB, far more than B has free
        want = op_ids(a)
        log = tmp_path / "serve-b.log"
        with serving(a) as srv_a:
            filler = fill(mnt, leave=400 * 1024)
            with log.open("w") as err:
                args = ["serve", "--listen", "127.0.0.1:0", "--no-mdns", "--peer", srv_a.addr]
                proc = subprocess.Popen(
                    [sys.executable, "-m", "coopshare", "--home", str(b), *args],
                    stdout=subprocess.DEVNULL,
                    stderr=err,
                    env=env(),
                    stdin=subprocess.DEVNULL,
                )
            try:
                assert wait_for(lambda: "disk full" in log.read_text(), 120), log.read_text()
                time.sleep(3)  # it keeps trying meanwhile
                stuck = op_count(b)
                assert stuck < len(want), "positive control: the ops did not fit"
                assert proc.poll() is None  # still running
                filler.unlink()
                assert wait_for(lambda: op_ids(b) == want, 180), (op_count(b), len(want))
                assert proc.poll() is None
            finally:
                proc.send_signal(signal.SIGTERM)
                try:
                    rc = proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    rc = proc.wait()
        text = log.read_text()
        assert rc == 0, text
        assert "Traceback" not in text, text
        assert 1 <= text.count("disk full") <= 3, text  # one line per fault kind a minute
        assert "writable again" in text
        assert integrity_ok(b)


def _notes(home: Path, n: int) -> None:
    from coopshare.service.home import open_coop

    coop = open_coop(home, PASS)
    try:
        with coop.transaction():
            for i in range(n):
                coop.add_note(f"note {i}", f"body {i} " + "lorem ipsum " * 170)
    finally:
        coop.store.close()
