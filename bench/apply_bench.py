"""Replica.apply_batch in-process on a catch-up: µs/op, CPU seconds, SQL statements per op.

    .venv/bin/python bench/apply_bench.py --make DIR [--n 10000] [--edits 1]
    .venv/bin/python bench/apply_bench.py --run DIR [--reps 3] [--batch 256] [--profile] [--worker]

`--make` builds DIR/a (N notes of ~2 KB, each with K ops: written, then edited K-1 times right
after, as an autosave makes versions) and DIR/b0 (a member joined before they were written),
with the `coopshare` CLI and the tests' passphrase. `--run` copies DIR/b0 for each repetition
and applies A's ops to it with `apply_batch`, `--batch` ops per transaction (a sync session's
batch size), as the store thread of `sync --once` does; with `--worker` it first (untimed) runs
the signature worker's `check_batch` on each batch and hands the store thread the decoded ops,
the checked signatures and the opened changes, as a sync does. It prints wall and CPU (process_time)
seconds, µs per applied op and SQL statements per applied op (calls of execute and executemany). The
fixture is plain data: one made by one tree can be applied by another (`PYTHONPATH`), which is
how bench/README.md compares two trees one right after the other.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import TextMaker
from _procs import PASS, Serve, cli

FILL = 2_000  # notes per transaction while filling A


def make(base: Path, n: int, edits: int, seed: int) -> None:
    from coopshare.service.home import open_coop

    a, b0 = base / "a", base / "b0"
    cli(a, "init", "--name", "Anna")
    cli(a, "coop", "create", "--name", "Bench")
    cli(b0, "init", "--name", "Bram")
    with Serve(a, log=base / "serve-a-join.log") as srv:
        cli(a, "invite", "create", "--out", str(base / "invite.txt"))
        cli(b0, "join", str(base / "invite.txt"), "--peer", srv.addr)
    maker = TextMaker(seed)
    coop = open_coop(a, PASS)
    try:
        for start in range(0, n, FILL):
            with coop.transaction():
                for _ in range(min(FILL, n - start)):
                    item = coop.add_note(maker.title(), maker.body(2048), ["bench"])
                    for _k in range(edits - 1):
                        coop.edit_item(item, {"title": maker.title()}, body=maker.body(2048))
    finally:
        coop.store.close()
    print(f"made {base}: {n:,} notes x {edits} ops", flush=True)


def wires_of(a: Path) -> list[bytes]:
    from coopshare.service.home import open_coop

    src = open_coop(a, PASS)
    try:
        return list(src.wire_ops())
    finally:
        src.store.close()


def one_run(
    base: Path, wires: list[bytes], batch: int, prof: cProfile.Profile | None, worker: bool
) -> dict[str, Any]:
    from coopshare.service.home import open_coop
    from coopshare.service.node_local import _prebuilt, roster_snapshot
    from coopshare.sync.checker import check_batch

    work = Path(tempfile.mkdtemp(prefix="apply-", dir=base))
    shutil.copytree(base / "b0", work / "b")
    rep = open_coop(work / "b", PASS)
    counted = _Counting(rep.store._c)
    rep.store._c = counted  # type: ignore[assignment]
    chunks: list[Any] = [wires[i : i + batch] for i in range(0, len(wires), batch)]
    if worker:  # what the signature worker hands the store thread, made here untimed
        snap = roster_snapshot(rep)
        checked = [check_batch(tuple(ch), snap.pks, snap.opener)[0] for ch in chunks]
        chunks = [
            (
                list(_prebuilt(tuple(ch), ck)),
                {(c[0], c[3]) for c in ck if c is not None and c[4]},
                {c[0]: c[6] for c in ck if c is not None and c[6] is not None},
            )
            for ch, ck in zip(chunks, checked, strict=True)
        ]
    try:
        new = refused = 0
        c0, t0 = time.process_time(), time.perf_counter()
        if prof is not None:
            prof.enable()
        for chunk in chunks:
            if worker:  # as service/node_local.py's apply_ops does
                chunk, verified, opened = chunk
                rep.preverified.update(verified)
                rep.preopened = opened
            results = rep.apply_batch(chunk)
            rep.preverified.clear()
            rep.preopened = {}
            for r in results:
                if isinstance(r, Exception):
                    refused += 1
                elif r.new:
                    new += 1
        if prof is not None:
            prof.disable()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        rep.store._c = counted.conn
        sigs = getattr(rep, "sig_checks", -1)
        bad = rep.unreadable
    finally:
        rep.store.close()
        shutil.rmtree(work)
    return {
        "new": new,
        "refused": refused,
        "unreadable": bad,
        "wall": wall,
        "cpu": cpu,
        "stmts": counted.calls,
        "sigs": sigs,
    }


class _Counting:
    """The store's connection, counting execute and executemany calls (a trace callback
    would expand every statement's blobs to text and cost more than the statements)."""

    def __init__(self, conn: Any) -> None:
        self.conn, self.calls = conn, 0

    def execute(self, *args: Any) -> Any:
        self.calls += 1
        return self.conn.execute(*args)

    def executemany(self, *args: Any) -> Any:
        self.calls += 1
        return self.conn.executemany(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    ap.add_argument("--make", type=Path, help="build the fixture in this (new) folder")
    ap.add_argument("--run", type=Path, help="apply the fixture in this folder")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--edits", type=int, default=1, help="ops per note (1: written once)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--profile", action="store_true", help="one more run under cProfile")
    ap.add_argument(
        "--worker",
        action="store_true",
        help="hand the store thread what the signature worker makes (checked, decoded, opened"
        " ops; made untimed beforehand), as in a sync",
    )
    args = ap.parse_args()
    if args.make:
        make(args.make, args.n, args.edits, args.seed)
    if not args.run:
        return
    wires = wires_of(args.run / "a")
    runs = [one_run(args.run, wires, args.batch, None, args.worker) for _ in range(args.reps)]
    for r in runs:
        n = max(r["new"], 1)
        print(
            f"  new {r['new']:,} refused {r['refused']} unreadable {r['unreadable']}"
            f"  wall {r['wall']:.2f} s ({r['wall'] / n * 1e6:.0f} us/op)"
            f"  CPU {r['cpu']:.2f} s ({r['cpu'] / n * 1e6:.0f} us/op)"
            f"  {r['stmts'] / n:.2f} statements/op  sigs {r['sigs']}",
            flush=True,
        )
    n = max(runs[0]["new"], 1) if runs else 1
    if runs:
        print(
            f"median of {len(runs)}: wall {statistics.median(r['wall'] for r in runs) / n * 1e6:.0f}"
            f" us/op, CPU {statistics.median(r['cpu'] for r in runs):.2f} s"
            f" ({statistics.median(r['cpu'] for r in runs) / n * 1e6:.0f} us/op),"
            f" {runs[0]['stmts'] / n:.2f} statements/op; load {os.getloadavg()[0]:.1f}"
        )
    if args.profile:
        prof = cProfile.Profile(time.process_time)  # CPU, not wall: the machine is shared
        one_run(args.run, wires, args.batch, prof, args.worker)
        for order, top in (("cumulative", 40), ("tottime", 25)):
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats(order).print_stats(top)
            print(f"\ncProfile of apply_batch (top {top} {order}):")
            print("\n".join(ln for ln in out.getvalue().splitlines()[4:] if ln.strip()))


if __name__ == "__main__":
    main()
