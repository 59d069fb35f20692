"""Three real `serve` processes on 127.0.0.1: A holds the log, B and C start empty of it; B
dials A, C dials A and B (the `bench/sync_bench.py --three` case). Both end with every op of
A, and the ops each received although it already held them (counted by each session and
logged when it ends) stay few: a node asks one peer at a time for its catch-up
(sync/turns.py). The control runs the same three processes from the same folders with the
rule off (`COOPSHARE_SYNC_TURNS=off`, each session sends its Have at once, as before the
rule): the count is not blind, it shows much of the log arriving twice. The counts are kept
on the store thread as batches are applied and logged when the node stops."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coopshare.service import home as homes
from tests.netutil import PASS, cli, env, new_member, op_count, op_ids, serving, wait_for

pytestmark = pytest.mark.slow
NOTES = 400
_LOCAL = ["--listen", "127.0.0.1:0", "--no-mdns"]
HELD = re.compile(r"ops received in sessions (\d+), already held (\d+)")


class _Serve:
    """`serve` with its log in a file (a pipe nobody reads would fill and stall it)."""

    def __init__(self, home: Path, log: Path, *extra: str, turns: bool = True) -> None:
        e = env()
        if not turns:
            e["COOPSHARE_SYNC_TURNS"] = "off"
        self.log = log
        with log.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "coopshare", "--home", str(home), "serve", *_LOCAL, *extra],
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                env=e,
                stdin=subprocess.DEVNULL,
            )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line.startswith("listening on "), (line, log.read_text()[-2000:])
        self.addr = line.split()[-1]

    def stop(self) -> tuple[int, int]:
        """SIGTERM, wait; (ops received in sessions, of them already held), as it logs them."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        got = [tuple(map(int, m.groups())) for m in HELD.finditer(self.log.read_text())]
        return sum(g for g, _ in got), sum(h for _, h in got)


def _round(a: str, b: Path, c: Path, logs: Path, want: set[bytes], turns: bool) -> list[int]:
    """B and C from empty until both hold `want`: [received, held already] of B, then C."""
    before = op_count(b)
    sb = _Serve(b, logs / "b.log", "--peer", a, turns=turns)
    # as in the bench: B's catch-up from A has begun when C dials A and B (the case the rule
    # is for; two nodes that cross Haves while both are empty are not, protocol.md §16)
    assert wait_for(lambda: op_count(b) > before, timeout=120, every=0.05)
    sc = _Serve(c, logs / "c.log", "--peer", a, "--peer", sb.addr, turns=turns)
    try:
        assert wait_for(lambda: want <= op_ids(b) and want <= op_ids(c), timeout=240, every=0.2)
    finally:
        got_c, held_c = sc.stop()
        got_b, held_b = sb.stop()
    return [got_b, held_b, got_c, held_c]


def test_three_peers_receive_the_log_about_once(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    homes.init(a, "Anna", PASS)
    cli(a, "coop", "create", "--name", "Three")
    with serving(a) as sa:
        new_member(b, "Bram", a, sa)
        new_member(c, "Cato", a, sa)
    coop = homes.open_coop(a, PASS)
    try:
        with coop.transaction():
            for i in range(NOTES):
                coop.add_note(f"note {i}", "word " * 400, ["three"])
    finally:
        coop.store.close()
    want = op_ids(a)
    for home in (b, c):  # both start empty of the notes, in the round and in the control
        shutil.copytree(home, home.with_name(home.name + "-empty"))
    with serving(a) as sa:
        new = _round(sa.addr, b, c, tmp_path, want, turns=True)
        for home in (b, c):
            shutil.rmtree(home)
            shutil.copytree(home.with_name(home.name + "-empty"), home)
        os.sync()
        old = _round(sa.addr, b, c, tmp_path, want, turns=False)
    # each received at least the notes; only a few of them twice with the turns
    assert new[0] >= NOTES and new[2] >= NOTES, new
    assert new[1] + new[3] <= NOTES // 10, new
    # control: the counter sees duplicates when two peers stream the same log
    assert old[1] + old[3] > NOTES // 4, old
    assert old[1] + old[3] > 2 * (new[1] + new[3]), (old, new)
