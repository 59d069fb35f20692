"""Sync over loopback with real processes: sync --once vs. the per-note limit, latency, peak RSS.

    .venv/bin/python bench/sync_bench.py [--n 10000 100000] [--runs 20] [--sample 2000]
        [--three] [--devices 50]

Per N, in a throwaway folder: A = init + coop create; B = init, `invite create` on A, `join --peer
A`; then N ~2 KB notes on A in-process (open_coop, 5,000 per transaction). Steps (see README.md):
1. `sync --peer A --once` on B, spawn to exit, A serving; net = raw - start-up (`status` on B);
2. (first N) per-note limit on A's first --sample item ops: verify + decrypt + decode_change +
   SQLite executemany; Replica.apply of the same wires into a copy of the just-joined B, profiled;
3. latency with B on `serve --peer A`: `note add` CLI on A / add_note in this process -> on B;
4. peak RSS (VmHWM, polled) of serve A and sync B, and of both serve processes in step 3;
5. with --three / --devices K: the cases of sync_cases.py (3 peers; K devices interleaved).
`sync --once` prints the signatures it checked (column "sigs"; "?" for a tree before session 5).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import shutil
import statistics
import time
from itertools import islice
from pathlib import Path
from typing import Any

from _common import TextMaker, Timer, percentile, row, temp_home
from _procs import ODD, PASS, OpCounter, Serve, cli, connected, scan_logs, sqlite_insert, timed
from sync_cases import join_empty, make_many, three_peer_step

BATCH = 5_000


def fill(home: Path, n: int, maker: TextMaker) -> None:
    from coopshare.service.home import open_coop

    coop = open_coop(home, PASS)
    try:
        for start in range(0, n, BATCH):
            notes = [(maker.title(), maker.body(2048)) for _ in range(min(BATCH, n - start))]
            with coop.transaction():
                for title, body in notes:
                    coop.add_note(title, body, ["bench"])
    finally:
        coop.store.close()


def make_pair(base: Path, n: int, maker: TextMaker) -> tuple[Path, Path, Path]:
    """A with N notes, B joined before they were written, and a copy of B as it was then."""
    a, b, b0 = base / "a", base / "b", base / "b-joined"
    cli(a, "init", "--name", "Anna")
    cli(a, "coop", "create", "--name", "Bench")
    cli(b, "init", "--name", "Bram")
    with Serve(a, log=base / "serve-a-join.log") as srv:
        cli(a, "invite", "create", "--out", str(base / "invite.txt"))
        cli(b, "join", str(base / "invite.txt"), "--peer", srv.addr)
    shutil.copytree(b, b0)
    with Timer() as t:
        fill(a, n, maker)
    print(f"  [N={n:,}] A filled in {t.seconds:.1f} s (incl. text generation)", flush=True)
    # the fill leaves ~1 GB of dirty pages at 100k: write them out now, so the kernel's
    # writeback of the bench's own set-up does not land inside the timed sync
    os.sync()
    return a, b, b0


def sync_step(
    base: Path, a: Path, b: Path, n: int, extra: list[str], *, roster_ops: int = 0
) -> dict[str, Any]:
    res: dict[str, Any] = {}
    res["version"] = statistics.median(cli(b, "--version")[1] for _ in range(3))
    res["startup"] = statistics.median(cli(b, "status")[1] for _ in range(3))
    srv = Serve(a, log=base / "serve-a-sync.log")
    try:
        out, res["raw"], res["rss_b"] = timed(
            b, "sync", "--peer", srv.addr, "--once", *extra, log=base / "sync-b.log"
        )
    finally:
        res["rss_a"] = srv.stop()
    got, want = OpCounter(b)(), OpCounter(a)()
    if got != want or f"received {n + roster_ops} " not in out:
        ODD.append(f"N={n}: after sync --once B holds {got} ops, A {want}; it said {out.strip()!r}")
    res["net"] = res["raw"] - res["startup"]
    res["sigs"] = sigs_of(out)
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"  [N={n:,}] sync --once {res['raw']:.2f} s raw; {out.strip()}; load {load}", flush=True)
    return res


def sigs_of(out: str) -> str:
    """The number of signatures `sync --once` says it checked ("?" before session 5)."""
    m = re.search(r"(\d+) signatures checked", out)
    return m.group(1) if m else "?"


def latency_step(base: Path, a: Path, b: Path, runs: int, maker: TextMaker) -> dict[str, Any]:
    from coopshare.service.home import open_coop

    rng = random.Random(7)
    res: dict[str, Any] = {"cli": [], "inproc": []}
    sa = Serve(a, log=base / "serve-a-live.log")
    sb = Serve(b, "--peer", sa.addr, log=base / "serve-b-live.log")
    try:
        deadline = time.monotonic() + 60
        while not connected(a):
            if time.monotonic() > deadline:
                raise TimeoutError("B never showed as connected in `list peers` on A")
            time.sleep(0.5)
        count = OpCounter(b)
        for i in range(runs):
            time.sleep(rng.uniform(0.05, 0.3))  # do not stay in phase with the node's poll
            before = count()
            cli(a, "note", "add", "--title", f"live {i}", "--body", maker.body(2048))
            t0 = time.perf_counter()  # the CLI has exited: the note is committed on A
            res["cli"].append(count.wait_above(before) - t0)
        coop = open_coop(a, PASS)
        try:
            for i in range(runs):
                title, body = f"in-process {i}", maker.body(2048)
                time.sleep(rng.uniform(0.05, 0.3))  # do not stay in phase with the node's poll
                before = count()
                coop.add_note(title, body, ["bench"])
                t0 = time.perf_counter()
                res["inproc"].append(count.wait_above(before) - t0)
        finally:
            coop.store.close()
    finally:
        res["rss_b"] = sb.stop()
        res["rss_a"] = sa.stop()
    return res


def limit_step(base: Path, a: Path, b0: Path, sample: int) -> dict[str, float]:
    """Per-note seconds of each limit component, and of Replica.apply (plus its profile)."""
    from coopshare.crypto import envelope
    from coopshare.protocol import content
    from coopshare.protocol.ops import OpKind, decode_op
    from coopshare.service.home import open_coop

    src = open_coop(a, PASS)
    try:
        items = (w for w in src.wire_ops() if decode_op(w).header.kind is OpKind.ITEM)
        wires = list(islice(items, sample))
    finally:
        src.store.close()
    k = len(wires)

    def fresh(tag: str):  # type: ignore[no-untyped-def]
        return open_coop(Path(shutil.copytree(b0, base / f"b-{tag}")), PASS)

    def med(fn: Any) -> float:
        return statistics.median(_seconds(fn) for _ in range(3)) / k

    res: dict[str, float] = {"k": k}
    rep = fresh("limit")
    ops = [decode_op(w) for w in wires]
    parts = [content.decode_parts(o.body or b"")[0] for o in ops]
    pks = [rep.roster.devices[o.header.device].sign_pk for o in ops]
    eks = [rep.epoch_keys[o.header.epoch] for o in ops]
    author, cid = rep.roster.member_of(ops[0].header.device) or b"", rep.coop_id or b""
    res["parse"] = med(lambda: [content.decode_parts(decode_op(w).body or b"") for w in wires])
    res["verify"] = med(lambda: [o.verify(pk) for o, pk in zip(ops, pks, strict=True)])

    def decrypt() -> list[bytes]:
        return [
            envelope.open_part(pt, envelope.part_key(pt, cid, ek, None) or b"", cid)
            for pt, ek in zip(parts, eks, strict=True)
        ]

    res["decrypt"], plains = med(decrypt), decrypt()
    res["decode"] = med(
        lambda: [
            content.decode_change(pl, op_id=o.op_id, hlc=o.header.hlc, author=author)
            for pl, o in zip(plains, ops, strict=True)
        ]
    )
    rows = [
        (
            o.op_id,
            o.header.device,
            o.header.seq,
            o.header.hlc,
            o.header.kind.value,
            o.header.epoch,
            o.header_bytes,
            o.signature,
            o.body,
        )
        for o in ops
    ]
    res["sqlite"] = (
        statistics.median(sqlite_insert(base / f"limit-{i}.db", rows) for i in range(3)) / k
    )
    rep.store.close()
    res["limit"] = res["verify"] + res["decrypt"] + res["decode"] + res["sqlite"]
    applied = []
    for tag in ("a1", "a2", "a3", "profile"):
        rep = fresh(tag)
        try:
            prof = cProfile.Profile() if tag == "profile" else None
            t0 = time.perf_counter()
            new = prof.runcall(apply_all, rep, wires) if prof else apply_all(rep, wires)
            applied.append((time.perf_counter() - t0) / k)
            if new != k or rep.unreadable:
                ODD.append(f"Replica.apply: {new} of {k} new, {rep.unreadable} unreadable")
        finally:
            rep.store.close()
    res["apply"], res["profile"] = statistics.median(applied[:3]), applied[3]
    for order, top in (("cumulative", 15), ("tottime", 10)):
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(order).print_stats(top)  # type: ignore[arg-type]
        print(f"\ncProfile of Replica.apply_batch, {k} item ops (top {top} {order}):")
        print("\n".join(ln for ln in out.getvalue().splitlines()[4:] if ln.strip()))
    return res


def apply_all(rep: Any, wires: list[bytes]) -> int:
    """One transaction, as a sync session's batch (signatures one per run where supported)."""
    return sum(not isinstance(r, Exception) and r.new for r in rep.apply_batch(wires))


def _seconds(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1e3:.0f} / {percentile(values, 90) * 1e3:.0f}"


def mb(rss: tuple[float, ...]) -> str:
    return f"{rss[0]:.0f} / {rss[1]:.0f}"


def two_peers(
    n: int, args: argparse.Namespace, extra: list[str], lim: dict[str, float]
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    with temp_home("coopshare-syncbench-") as base:
        a, b, b0 = make_pair(base, n, TextMaker(args.seed))
        sync = sync_step(base, a, b, n, extra)
        if not lim:
            lim.update(limit_step(base, a, b0, args.sample))
        lat = latency_step(base, a, b, args.runs, TextMaker(args.seed + 1)) if args.runs else None
        scan_logs(sorted(base.glob("*.log")))
    return sync, lat


def print_two(
    results: dict[int, tuple[dict[str, Any], dict[str, Any] | None]], lim: dict[str, float]
) -> None:
    print(f"\nPer-note limit, in-process, median of 3 over {int(lim['k'])} item ops (us/note):")
    for key in ("verify", "decrypt", "decode", "sqlite"):
        row(key, f"{lim[key] * 1e6:8.1f}")
    row("limit (sum of the four)", f"{lim['limit'] * 1e6:8.1f}  ({1 / lim['limit']:,.0f} notes/s)")
    row("(not in the limit) decode_op + decode_parts", f"{lim['parse'] * 1e6:8.1f}")
    x, prof = lim["apply"] / lim["limit"], lim["profile"] * 1e6
    row(
        "Replica.apply_batch, one transaction",
        f"{lim['apply'] * 1e6:8.1f}  ({x:.1f}x the limit; {prof:.0f} under cProfile)",
    )
    print(
        "\nsync --once (B from A, 127.0.0.1); RSS = peak (VmHWM) / last VmRSS before exit, MB;"
        " CPU = user+sys s of the whole process;\n  worker = B's signature-check process"
        " (sync/checker.py): peak RSS MB / CPU s:"
    )
    print(
        f"  {'N':>8} {'raw s':>7} {'start s':>7} {'net s':>7} {'notes/s':>8} {'us/note':>8}"
        f" {'x limit':>7} {'RSS serve A':>12} {'RSS sync B':>11} {'CPU A':>6} {'CPU B':>6}"
        f" {'worker RSS / CPU':>17} {'sigs':>7}"
    )
    for n, (s, _) in results.items():
        print(
            f"  {n:>8,} {s['raw']:7.2f} {s['startup']:7.2f} {s['net']:7.2f} {n / s['net']:8,.0f}"
            f" {s['net'] / n * 1e6:8.0f} {s['net'] / n / lim['limit']:7.1f}"
            f" {mb(s['rss_a']):>12} {mb(s['rss_b']):>11}"
            f" {s['rss_a'][2]:6.1f} {s['rss_b'][2]:6.1f}"
            f" {s['rss_b'][3]:9.0f} / {s['rss_b'][4]:4.1f} {s['sigs']:>7}"
        )
    print(
        f"  (start-up = median of 3 `status` on B before the sync; `--version` alone "
        f"{statistics.median(s['version'] for s, _ in results.values()):.2f} s)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    ap.add_argument(
        "--n",
        type=int,
        nargs="+",
        default=[10_000, 100_000],
        help="numbers of notes (default 10000 100000)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=20, help="latency runs of each kind")
    ap.add_argument("--sample", type=int, default=2000, help="ops for the per-note limit")
    ap.add_argument("--sync-timeout", help="pass --timeout to sync --once (default: its own)")
    ap.add_argument("--three", action="store_true", help="also 3 peers: A has N, B and C sync")
    ap.add_argument("--only-three", action="store_true", help="3 peers only (implies --three)")
    ap.add_argument("--devices", type=int, default=0, help="also N notes by K devices interleaved")
    args = ap.parse_args()
    args.three = args.three or args.only_three
    extra = ["--timeout", args.sync_timeout] if args.sync_timeout else []
    results: dict[int, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    three: dict[int, dict[str, Any]] = {}
    many: dict[int, dict[str, Any]] = {}
    lim: dict[str, float] = {}
    for n in args.n:
        if not args.only_three:
            results[n] = two_peers(n, args, extra, lim)
        if args.three:
            with temp_home("coopshare-syncbench3-") as base:
                a = base / "a"
                b, c = join_empty(base, a, "Bram", "Cato")
                fill(a, n, TextMaker(args.seed))
                os.sync()
                three[n] = three_peer_step(base, a, b, c)
                print(f"  [N={n:,}] 3 peers: {three[n]['raw']:.2f} s raw", flush=True)
                scan_logs(sorted(base.glob("*.log")))
        if args.devices:
            with temp_home("coopshare-syncbenchk-") as base:
                a, b = make_many(base, n, args.devices, TextMaker(args.seed))
                os.sync()
                many[n] = sync_step(base, a, b, n, extra, roster_ops=args.devices)
                scan_logs(sorted(base.glob("*.log")))

    if results:
        print_two(results, lim)
    if three:
        print(
            "\n3 peers (A serves N; B serves dialling A; C serves dialling A and B), until B and C"
        )
        print("  hold every op; net = raw - start-up; peak RSS MB and CPU s (serve) A / B / C:")
        for n, t in three.items():
            peaks = " / ".join(f"{t[k][0]:.0f}" for k in ("rss_a", "rss_b", "rss_c"))
            cpu = " / ".join(f"{t[k][2]:.1f}" for k in ("rss_a", "rss_b", "rss_c"))
            workers = " / ".join(f"{x:.1f}" for x in t["worker_cpu"])
            print(
                f"  {n:>8,} {t['raw']:7.2f} s raw {t['net']:7.2f} s net   RSS {peaks}   CPU s {cpu}"
                f"   workers' CPU s {workers}\n{'':11}ops received B {t['got_b']:,}"
                f" ({t['held_b']:,} already held), C {t['got_c']:,} ({t['held_c']:,} already held)"
            )
    if many:
        print(f"\nsync --once, N notes by {args.devices} devices interleaved in A's log:")
        for n, s in many.items():
            print(
                f"  {n:>8,} {s['raw']:7.2f} s raw {s['net']:7.2f} s net"
                f" {s['net'] / n * 1e6:6.0f} us/note  sigs {s['sigs']}"
                f"  RSS sync B {s['rss_b'][0]:.0f} MB  CPU s B {s['rss_b'][2]:.1f}"
                f" + worker {s['rss_b'][4]:.1f}"
            )
    lat_rows = {n: lat for n, (_, lat) in results.items() if lat is not None}
    if lat_rows:
        print(f"\nLatency A write -> stored on B, both serving, ms median / p90 of {args.runs}:")
        print(
            f"  {'N':>8} {'CLI note add':>13} {'in-process':>11} {'RSS serve A':>12}"
            f" {'RSS serve B':>12}"
        )
        for n, lat in lat_rows.items():
            print(
                f"  {n:>8,} {ms(lat['cli']):>13} {ms(lat['inproc']):>11} {mb(lat['rss_a']):>12}"
                f" {mb(lat['rss_b']):>12}"
            )
    print("\nload average at the end: " + "/".join(f"{x:.1f}" for x in os.getloadavg()))
    print("\nOdd behaviour seen:" if ODD else "\nNo odd behaviour seen.")
    for line in ODD:
        print(f"  - {line}")


if __name__ == "__main__":
    main()
