"""Seconds from `serve` starting on a new host until it has converged with the others, found
through mDNS alone (no --peer), in a lab of network namespaces (root only; nothing leaves the
lab). For 2, 5 and 10 hosts: H-1 members already serve; a note is written on host 1; then
host H starts `serve`; the clock stops when host H stores that note.

    .venv/bin/python bench/discovery_bench.py [--hosts 2 5 10] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.lab import Lab, unavailable
from tests.netutil import cli, new_member, serving


def has_title_op_count(home: Path) -> int:
    with sqlite3.connect(f"file:{home / 'coopshare.db'}?mode=ro", uri=True, timeout=5) as c:
        return int(c.execute("SELECT COUNT(*) FROM ops").fetchone()[0])


def build_coop(root: Path, n: int) -> list[Path]:
    homes = [root / f"m{i}" for i in range(1, n + 1)]
    cli(homes[0], "init", "--name", "M1")
    cli(homes[0], "coop", "create", "--name", "Bench")
    with serving(homes[0], "--no-mdns") as server:
        for i, h in enumerate(homes[1:], start=2):
            new_member(h, f"M{i}", homes[0], server)
    with serving(homes[0], "--no-mdns") as server:  # everyone learns the full roster
        for h in homes[1:]:
            cli(h, "sync", "--peer", server.addr, "--once")
    return homes


def one_run(homes: list[Path], run: int) -> float:
    n = len(homes)
    world = Lab(n)
    try:
        world.up()
        for i in range(1, n):
            world.serve(i, homes[i - 1])
        deadline = time.monotonic() + 60
        world.cli(1, homes[0], "note", "add", "--title", f"bench {run}", "--body", "x")
        target = has_title_op_count(homes[0])
        while n > 2 and min(has_title_op_count(h) for h in homes[1:-1]) < target:
            if time.monotonic() > deadline:
                raise RuntimeError("the running hosts did not converge")
            time.sleep(0.05)
        start = time.monotonic()
        world.serve(n, homes[-1])
        while has_title_op_count(homes[-1]) < target:
            if time.monotonic() - start > 60:
                raise RuntimeError("the new host did not converge within 60 s")
            time.sleep(0.01)
        return time.monotonic() - start
    finally:
        world.down()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--hosts", type=int, nargs="+", default=[2, 5, 10])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    why = unavailable()
    if why:
        print(f"skipped: {why}")
        return 0
    rows = []
    for n in args.hosts:
        root = Path(tempfile.mkdtemp(prefix="cs-discbench-"))
        try:
            homes = build_coop(root, n)
            times = [one_run(homes, r) for r in range(args.runs)]
        finally:
            shutil.rmtree(root, ignore_errors=True)
        med, lo, hi = statistics.median(times), min(times), max(times)
        rows.append((n, med, lo, hi))
        print(f"{n:>3} hosts: median {med:.2f} s (min {lo:.2f}, max {hi:.2f})", flush=True)
    print("\nhosts  median_s  min_s  max_s   (serve start on a new host -> holds the newest note)")
    for n, med, lo, hi in rows:
        print(f"{n:>5}  {med:8.2f}  {lo:5.2f}  {hi:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
