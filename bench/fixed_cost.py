"""The fixed cost of `sync --once`: a pair already in sync (nothing to transfer), two trees.

    .venv/bin/python bench/fixed_cost.py --fixture DIR [--runs 10] [--src OTHER/src ...]

DIR is a fixture of apply_bench.py made with `--n 0` (A with a cooperative, B joined: in sync).
A serves (this tree); B runs `sync --peer A --once` `--runs` times per tree, the trees taking
turns run by run (each `--src` on `PYTHONPATH`; "this" = the tree the script runs from). Prints
the median and spread of wall seconds (spawn to exit) and the CPU seconds of the process
(user + sys, its signature worker included: the children's times after it was reaped).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import time
from pathlib import Path

from _procs import Serve, argv, env


def one(home: Path, addr: str, src: str | None) -> tuple[float, float]:
    e = env()
    if src:
        e["PYTHONPATH"] = src
    else:
        e.pop("PYTHONPATH", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(
        argv(home, "sync", "--peer", addr, "--once"),
        capture_output=True,
        text=True,
        env=e,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0 or "received 0 ops" not in r.stdout:
        raise RuntimeError(f"sync --once: {r.returncode} {r.stdout!r} {r.stderr[-500:]!r}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    ap.add_argument("--fixture", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--src", action="append", default=[], help="another tree's src folder")
    args = ap.parse_args()
    trees: list[str | None] = [None, *args.src]
    got: dict[str | None, list[tuple[float, float]]] = {t: [] for t in trees}
    with Serve(args.fixture / "a", log=args.fixture / "serve-fixed.log") as srv:
        for _ in range(args.runs):
            for t in trees:
                got[t].append(one(args.fixture / "b0", srv.addr, t))
    for t in trees:
        walls, cpus = [w for w, _ in got[t]], [c for _, c in got[t]]
        print(
            f"{t or 'this tree'}: wall median {statistics.median(walls):.2f} s"
            f" (min {min(walls):.2f}, max {max(walls):.2f}); CPU median"
            f" {statistics.median(cpus):.2f} s (min {min(cpus):.2f}, max {max(cpus):.2f})"
        )
    print(f"load average at the end: {'/'.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
