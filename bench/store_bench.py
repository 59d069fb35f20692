"""A large store: build, time to first listing in a fresh process, search latency, size per note.

    .venv/bin/python bench/store_bench.py [--n 100000] [--queries 200] [--runs 3]

1. build: N notes (~2 KB) through Coop.add_note, one transaction per --batch notes;
2. close the store (checkpoints the WAL) and measure the data folder: bytes / N;
3. in a FRESH subprocess (median of --runs), wall time from spawn until the child has
   (a) unlocked + opened (open_coop) and (b) opened and listed: coop.items(Kind.NOTE)[:50];
4. search in this process after a fresh open_coop: the first coop.search builds the in-memory
   index (reported separately), then --queries queries of 1-2 words taken from note bodies.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import (
    PASSPHRASE,
    TextMaker,
    Timer,
    folder_bytes,
    make_coop,
    parser,
    percentile,
    row,
    table_bytes,
    temp_home,
)


def child(mode: str, home: Path) -> None:
    """Runs in the fresh subprocess: print one JSON line of phase times (seconds)."""
    t0 = time.perf_counter()
    from coopshare.identity import keystore
    from coopshare.model.items import Kind
    from coopshare.service.coop import Coop
    from coopshare.store.db import Store

    phases = {"imports": time.perf_counter() - t0}
    with Timer() as t:
        unlocked = keystore.unlock(home, PASSPHRASE)
    phases["unlock"] = t.seconds
    with Timer() as t:
        store = Store.open(home)
    phases["store_open"] = t.seconds
    with Timer() as t:
        coop = Coop(unlocked, store)  # the three steps above are exactly home.open_coop
    phases["replica_init"] = t.seconds
    if mode == "list":
        with Timer() as t:
            first = coop.items(Kind.NOTE)[:50]
        phases["items_first_50"] = t.seconds
        assert len(first) == 50 and all(st.view().get("title") for st in first)
    print(json.dumps(phases), flush=True)
    store.close()


def fresh_process(mode: str, home: Path) -> tuple[float, dict[str, float]]:
    """Wall seconds from spawning the child until its result line arrives, and its phases."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, "--home", str(home)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    wall = time.perf_counter() - start
    if proc.wait() != 0 or not line:
        sys.exit(f"child {mode} failed")
    return wall, json.loads(line)


def build(home: Path, n: int, batch: int, maker: TextMaker, keep: set[int]) -> list[str]:
    """Write n notes; returns the bodies of the notes whose index is in `keep`."""
    coop = make_coop(home)
    kept: list[str] = []
    with Timer() as total:
        for start in range(0, n, batch):
            notes = [
                (maker.title(), maker.body(), ["bench", *maker.sample(1)])
                for _ in range(min(batch, n - start))
            ]
            with Timer() as t, coop.transaction():
                for title, body, tags in notes:
                    coop.add_note(title, body, tags)
            kept += [b for i, (_, b, _) in enumerate(notes, start) if i in keep]
            print(
                f"    {start + len(notes):>8} notes, {len(notes) / t.seconds:,.0f} ops/s",
                file=sys.stderr,
            )
    coop.store.close()  # last connection: checkpoints the WAL and removes it
    print(f"  build: {n} notes in {total.seconds:.1f} s (incl. text generation)")
    return kept


def search_bench(home: Path, bodies: list[str], queries: int, rng: random.Random) -> None:
    from coopshare.service import home as homes

    coop = homes.open_coop(home, PASSPHRASE)
    with Timer() as t:
        coop.search("warmup")  # builds the in-memory index of every note
    row("search: index build (first search)", f"{t.seconds:.2f} s")
    times, hits = [], []
    for _ in range(queries):
        words = rng.choice(bodies).replace(".", "").split()
        k = rng.choice((1, 2))
        at = rng.randrange(len(words) - k)
        with Timer() as t:
            found = coop.search(" ".join(words[at : at + k]))
        times.append(t.seconds * 1e3)
        hits.append(len(found))
    row(
        f"search: {queries} queries p50 / p95 / max",
        f"{percentile(times, 50):.1f} / {percentile(times, 95):.1f} / {max(times):.1f} ms",
    )
    row("search: mean results per query (limit 50)", f"{statistics.mean(hits):.1f}")
    coop.store.close()


def main() -> None:
    ap = parser(__doc__, 100_000)
    ap.add_argument("--batch", type=int, default=5_000, help="notes per transaction")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3, help="fresh-process runs (median reported)")
    ap.add_argument("--child", choices=["open", "list"], help=argparse.SUPPRESS)
    ap.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.home)
        return
    rng = random.Random(args.seed)
    keep = set(rng.sample(range(args.n), min(args.n, 1000)))
    print(f"store_bench: {args.n} notes, batches of {args.batch}")
    with temp_home() as base:
        home = base / "data"
        bodies = build(home, args.n, args.batch, TextMaker(args.seed), keep)
        row("data folder per note (after close)", f"{folder_bytes(home) / args.n:,.0f} bytes")
        tables = sorted(table_bytes(home / "coopshare.db").items(), key=lambda kv: -kv[1])
        print(
            "      bytes per note by table: "
            + ", ".join(f"{k} {v / args.n:,.0f}" for k, v in tables[:3])
        )
        for mode, label in (("open", "unlock + open"), ("list", "open + first 50 of listing")):
            runs = [fresh_process(mode, home) for _ in range(args.runs)]
            walls = [w for w, _ in runs]
            row(
                f"fresh process to {label}",
                f"{statistics.median(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f})",
            )
            phases = runs[walls.index(statistics.median(walls))][1]
            print("      " + ", ".join(f"{k} {v:.3f}" for k, v in phases.items()))
        search_bench(home, bodies, args.queries, rng)


if __name__ == "__main__":
    main()
