"""Fixed costs of a command, two source trees alternating: `status`, `sync --once` with nothing
to fetch, and `sync --once` of a 10k catch-up.

    .venv/bin/python bench/fixed_cost.py --fixture DIR [--big DIR10K] [--runs 5]
                                         [--src OTHER/src ...] [--only status,sync0,sync10k]
                                         [--without-this]

DIR is a fixture of apply_bench.py made with `--n 0` (A with a cooperative, B joined: in sync),
DIR10K one made with `--n 10000` (A with 10,000 notes, B joined before they were written). Both
are made by the CLI, so the keystores have the real default Argon2id cost (KDF_DEFAULT, not the
tests' floor). A of each serves (this tree) for the whole run. Per round, every tree runs
`status` on DIR's B, `sync --peer A --once` on DIR's B (nothing to fetch) and, with `--big`,
`sync --peer A --once` on a fresh copy of DIR10K's B; the trees take turns A B B A (each `--src`
on `PYTHONPATH`; "this" = the tree the script runs from). Prints every run (wall seconds from
spawn to exit, CPU seconds user + sys of the process and its reaped children, i.e. its
signature worker, from os.wait4), then per case the medians and the ratio of each tree to the
first `--src` (the baseline), computed from the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _procs import Serve, argv, env

CASES = ("status", "sync0", "sync10k")


def one(cmd: list[str], src: str | None, expect: str) -> tuple[float, float]:
    """Wall seconds from spawn to exit and CPU seconds (user + sys, reaped children included)."""
    e = env()
    if src:
        e["PYTHONPATH"] = src
    else:
        e.pop("PYTHONPATH", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=e, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problem = out.read().decode(), err.read().decode()
    if proc.returncode != 0 or expect not in text:
        raise RuntimeError(f"{cmd[4:]}: {proc.returncode} {text!r} {problem[-500:]!r}")
    return wall, usage.ru_utime + usage.ru_stime


def run_case(
    case: str, src: str | None, fx: Path, big: Path | None, addr: dict[str, str]
) -> tuple[float, float]:
    if case == "status":
        return one(argv(fx / "b0", "status"), src, "cooperative:")
    if case == "sync0":
        return one(argv(fx / "b0", "sync", "--peer", addr["0"], "--once"), src, "received 0 ops")
    assert big is not None
    with tempfile.TemporaryDirectory(prefix="fixed-") as tmp:
        b = Path(tmp) / "b"
        shutil.copytree(big / "b0", b)
        return one(argv(b, "sync", "--peer", addr["big"], "--once"), src, "in sync with")


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    ap.add_argument("--fixture", type=Path, required=True, help="apply_bench.py --n 0 fixture")
    ap.add_argument("--big", type=Path, help="apply_bench.py --n 10000 fixture")
    ap.add_argument("--runs", type=int, default=5, help="rounds (each: every tree, every case)")
    ap.add_argument("--src", action="append", default=[], help="another tree's src folder")
    ap.add_argument("--only", default=",".join(CASES), help="cases, comma-separated")
    ap.add_argument("--without-this", action="store_true", help="only the --src trees")
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on the way out
    cases = [c for c in args.only.split(",") if c != "sync10k" or args.big]
    trees: list[str | None] = [*args.src, None]  # the first --src is the baseline
    if args.without_this:
        trees.remove(None)
    got: dict[tuple[str | None, str], list[tuple[float, float]]] = {
        (t, c): [] for t in trees for c in cases
    }
    with contextlib.ExitStack() as stack:
        srv = stack.enter_context(Serve(args.fixture / "a", log=args.fixture / "serve-fixed.log"))
        addr = {"0": srv.addr}
        if args.big:
            big = stack.enter_context(Serve(args.big / "a", log=args.big / "serve-fixed.log"))
            addr["big"] = big.addr
        for r in range(args.runs):
            order = trees if r % 2 == 0 else trees[::-1]  # A B, then B A: drift hits both
            for t in order:
                for c in cases:
                    wall, cpu = run_case(c, t, args.fixture, args.big, addr)
                    got[t, c].append((wall, cpu))
                    print(
                        f"round {r + 1} {_name(t):>10} {c:8} wall {wall:6.2f} s  CPU {cpu:5.2f} s"
                        f"  load {os.getloadavg()[0]:.1f}",
                        flush=True,
                    )
    base = trees[0]
    print("\ncase      tree        wall median (min-max)     CPU median (min-max)   vs baseline")
    for c in cases:
        for t in trees:
            walls = [w for w, _ in got[t, c]]
            cpus = [u for _, u in got[t, c]]
            bw = statistics.median(w for w, _ in got[base, c])
            bc = statistics.median(u for _, u in got[base, c])
            mw, mc = statistics.median(walls), statistics.median(cpus)
            print(
                f"{c:8} {_name(t):>10}  {mw:6.2f} s ({min(walls):.2f}-{max(walls):.2f})"
                f"   {mc:5.2f} s ({min(cpus):.2f}-{max(cpus):.2f})"
                f"   wall x{mw / bw:.2f}, CPU x{mc / bc:.2f}"
            )
    print(f"load average at the end: {'/'.join(f'{x:.1f}' for x in os.getloadavg())}")


def _name(tree: str | None) -> str:
    return "this tree" if tree is None else Path(tree).parent.name or tree


if __name__ == "__main__":
    main()
