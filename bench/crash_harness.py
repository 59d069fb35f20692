"""Crash harness: the receiving process dies during a 10k-note sync; nothing is lost or doubled.

    .venv/bin/python bench/crash_harness.py [--n 10000] [--runs 100] [--seed 1] [--writer 12]

Set-up (once, in a throwaway folder): A = `init` + `coop create`; B = `init` + `join` while A
serves; then on A: Cor is invited and joins, N/2 notes, `member remove Cor` (a new epoch), N/2
notes. B, as it was right after joining, is kept; it lacks two roster ops (Cor's admission and
removal, the latter opening an epoch) and N notes.

Each run starts from a fresh copy of that B, A serving throughout, and runs
`coopshare sync --peer A --once` on B, which dies one of two ways:
- a **failpoint** (`COOPSHARE_FAILPOINTS`, store/faults.py): `os._exit` at `roster.stored`,
  `epoch.stored` (the op is in the open transaction), `durable.before_commit` or
  `durable.after_commit` (the transaction that stores the roster ops B lacks);
- **SIGKILL** at a random moment between spawn and the end of a clean sync (measured first).
Then a clean `sync --peer A --once` on B, and the checks: B holds exactly A's op ids (none lost),
no op id twice and no (device, seq) twice (none doubled), the same number of items of each kind
as A (derived state rebuilt right), and `PRAGMA integrity_check` says ok.

`--writer K`: K more runs on the writing side: `member remove` on a copy of a small coop with an
`exit` failpoint in its roster/epoch write; afterwards the store must be sound, the removal
either fully there or fully absent, and a retry must succeed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import TextMaker, temp_home
from _procs import PASS, Serve, argv, cli, env

FAILPOINTS = ("roster.stored", "epoch.stored", "durable.before_commit", "durable.after_commit")
WRITER_POINTS = FAILPOINTS[1:]  # a removal is an epoch op: roster.stored is not on its path
FAILPOINT_EXIT = 86  # store/faults.FAILPOINT_EXIT


def fill(home: Path, n: int, maker: TextMaker) -> None:
    from coopshare.service.home import open_coop

    coop = open_coop(home, PASS)
    try:
        for start in range(0, n, 5000):
            with coop.transaction():
                for _ in range(min(5000, n - start)):
                    coop.add_note(maker.title(), maker.body(2048), ["crash"])
    finally:
        coop.store.close()


def setup(base: Path, n: int, maker: TextMaker) -> tuple[Path, Path]:
    a, b, c = base / "a", base / "b0", base / "c"
    cli(a, "init", "--name", "Anna")
    cli(a, "coop", "create", "--name", "Crash")
    cli(b, "init", "--name", "Bram")
    cli(c, "init", "--name", "Cor")
    with Serve(a, log=base / "serve-a-setup.log") as srv:
        cli(a, "invite", "create", "--out", str(base / "inv-b.txt"))
        cli(b, "join", str(base / "inv-b.txt"), "--peer", srv.addr)
    shutil.copytree(b, base / "b-small")  # for the writer runs: a member before any notes
    with Serve(a, log=base / "serve-a-setup.log") as srv:
        cli(a, "invite", "create", "--out", str(base / "inv-c.txt"))
        cli(c, "join", str(base / "inv-c.txt"), "--peer", srv.addr)
    fill(a, n // 2, maker)
    cli(a, "member", "remove", "Cor")
    fill(a, n - n // 2, maker)
    os.sync()
    return a, b


def read(home: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"file:{home / 'coopshare.db'}?mode=ro", uri=True, timeout=30)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def check(a: Path, b: Path) -> list[str]:
    """What is wrong with B after its final sync (empty: nothing)."""
    problems = []
    ids_a = {r[0] for r in read(a, "SELECT op_id FROM ops")}
    rows_b = read(b, "SELECT op_id, device, seq FROM ops")
    ids_b = [r[0] for r in rows_b]
    if len(ids_b) != len(set(ids_b)):
        problems.append(f"{len(ids_b) - len(set(ids_b))} op ids stored twice")
    doubled = [k for k, v in Counter((r[1], r[2]) for r in rows_b).items() if v > 1]
    if doubled:
        problems.append(f"{len(doubled)} (device, seq) stored twice")
    if set(ids_b) != ids_a:
        problems.append(f"lost {len(ids_a - set(ids_b))}, extra {len(set(ids_b) - ids_a)}")
    items = "SELECT kind, COUNT(*) FROM items GROUP BY kind ORDER BY kind"
    if read(a, items) != read(b, items):
        problems.append(f"items differ: A {read(a, items)} B {read(b, items)}")
    ok = read(b, "PRAGMA integrity_check")
    if ok != [("ok",)]:
        problems.append(f"integrity_check: {ok[:3]}")
    return problems


def op_count(home: Path) -> int:
    try:
        return int(read(home, "SELECT COUNT(*) FROM ops")[0][0])
    except sqlite3.Error:
        return -1


def spawn_sync(b: Path, addr: str, log: Path, failpoint: str | None) -> subprocess.Popen[str]:
    e = env()
    if failpoint:
        e["COOPSHARE_FAILPOINTS"] = failpoint
    with log.open("a") as err:
        return subprocess.Popen(
            argv(b, "sync", "--peer", addr, "--once"),
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
            env=e,
            stdin=subprocess.DEVNULL,
        )


def reader_runs(base: Path, a: Path, b0: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    rng = random.Random(args.seed)
    results: list[dict[str, Any]] = []
    with Serve(a, log=base / "serve-a.log") as srv:
        clean = []
        for _ in range(2):  # how long a clean sync takes, spawn to exit
            b = base / "b"
            shutil.rmtree(b, ignore_errors=True)
            shutil.copytree(b0, b)
            t0 = time.perf_counter()
            p = spawn_sync(b, srv.addr, base / "sync-b.log", None)
            if p.wait(900) != 0:
                raise RuntimeError(f"clean sync failed; see {base / 'sync-b.log'}")
            clean.append(time.perf_counter() - t0)
            if problems := check(a, b):
                raise RuntimeError(f"clean sync already wrong: {problems}")
        duration = statistics.median(clean)
        print(f"clean sync of B: {duration:.1f} s (spawn to exit)", flush=True)
        total = op_count(a)
        for i in range(args.runs):
            b = base / "b"
            shutil.rmtree(b, ignore_errors=True)
            shutil.copytree(b0, b)
            start = op_count(b)
            res: dict[str, Any] = {"run": i}
            if rng.random() < args.failpoint_share:
                fp = f"{rng.choice(FAILPOINTS)}=exit"
                res["how"] = fp
                p = spawn_sync(b, srv.addr, base / "sync-b.log", fp)
                rc = p.wait(900)
                res["died"] = rc == FAILPOINT_EXIT
                res["rc"] = rc
            else:
                delay = rng.uniform(0.3, duration)
                res["how"] = f"SIGKILL at {delay:.2f} s"
                p = spawn_sync(b, srv.addr, base / "sync-b.log", None)
                try:
                    p.wait(delay)
                    res["died"] = False  # finished before the kill
                except subprocess.TimeoutExpired:
                    p.send_signal(signal.SIGKILL)
                    p.wait()
                    res["died"] = True
                res["rc"] = p.returncode
            res["held"] = op_count(b) - start  # ops B kept when it died
            t0 = time.perf_counter()
            p = spawn_sync(b, srv.addr, base / "sync-b.log", None)
            res["final_rc"] = p.wait(900)
            res["final_s"] = time.perf_counter() - t0
            res["problems"] = check(a, b) if res["final_rc"] == 0 else ["final sync failed"]
            results.append(res)
            mark = "ok" if not res["problems"] else "FAIL " + "; ".join(res["problems"])
            print(
                f"run {i + 1:3d}/{args.runs}: {res['how']:<34} died={res['died']!s:<5} "
                f"kept {res['held']:>5}/{total - start} ops, then clean sync {res['final_s']:.1f} s:"
                f" {mark}",
                flush=True,
            )
    return results


def writer_runs(base: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    """`member remove` dying inside its roster/epoch write, on copies of a small coop."""
    small = base / "w0"
    cli(small, "init", "--name", "Wil")
    cli(small, "coop", "create", "--name", "W")
    other = base / "w-other"
    cli(other, "init", "--name", "Xan")
    with Serve(small, log=base / "serve-w.log") as srv:
        cli(small, "invite", "create", "--out", str(base / "inv-x.txt"))
        cli(other, "join", str(base / "inv-x.txt"), "--peer", srv.addr)
    results = []
    for i in range(args.writer):
        w = base / "w"
        shutil.rmtree(w, ignore_errors=True)
        shutil.copytree(small, w)
        before = read(w, "SELECT COUNT(*) FROM ops")[0][0]
        fp = f"{WRITER_POINTS[i % len(WRITER_POINTS)]}=exit"
        e = env()
        e["COOPSHARE_FAILPOINTS"] = fp
        r = subprocess.run(
            argv(w, "member", "remove", "Xan"),
            capture_output=True,
            text=True,
            env=e,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )
        after = read(w, "SELECT COUNT(*) FROM ops")[0][0]
        sound = read(w, "PRAGMA integrity_check") == [("ok",)]
        members = cli(w, "list", "members")[0]
        removed = "Xan" not in members
        whole = (after == before) != removed  # either both the op and its effect, or neither
        retry = subprocess.run(
            argv(w, "member", "remove", "Xan"),
            capture_output=True,
            text=True,
            env=env(),
            stdin=subprocess.DEVNULL,
            timeout=300,
        )
        retried = retry.returncode == 0 or removed
        ok = r.returncode == FAILPOINT_EXIT and sound and whole and retried
        results.append({"how": fp, "ok": ok, "stored": after - before, "removed": removed})
        print(
            f"writer {i + 1:2d}/{args.writer}: {fp:<28} rc={r.returncode} ops +{after - before}"
            f" removed={removed} sound={sound} retry={retried}: {'ok' if ok else 'FAIL'}",
            flush=True,
        )
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--failpoint-share", type=float, default=0.3)
    ap.add_argument("--writer", type=int, default=12)
    args = ap.parse_args()
    with temp_home("coopshare-crash-") as base:
        t0 = time.perf_counter()
        a, b0 = setup(base, args.n, TextMaker(args.seed))
        print(
            f"set-up: A holds {op_count(a)} ops, B {op_count(b0)} ({time.perf_counter() - t0:.0f} s)",
            flush=True,
        )
        res = reader_runs(base, a, b0, args)
        w = writer_runs(base, args) if args.writer else []
        bad = [r for r in res if r["problems"]]
        died = [r for r in res if r["died"]]
        mid = [r for r in died if r["held"] > 0]
        fps = [r for r in res if not r["how"].startswith("SIGKILL")]
        print("\nsummary")
        print(
            f"  receiver runs: {len(res)}; died mid-sync {len(died)} (of them {len(mid)} after "
            f"storing some ops); failpoint runs {len(fps)} ({sum(r['died'] for r in fps)} hit)"
        )
        held = sorted(r["held"] for r in died)
        if held:
            print(
                f"  ops kept at death: min {held[0]}, median {held[len(held) // 2]}, max {held[-1]}"
            )
        print(f"  runs with ops lost/doubled, items wrong or integrity_check not ok: {len(bad)}")
        for r in bad:
            print(f"    run {r['run']}: {r['how']}: {r['problems']}")
        if w:
            print(
                f"  writer runs: {len(w)}, all-or-nothing and retried ok: {sum(x['ok'] for x in w)}"
            )


if __name__ == "__main__":
    sys.exit(main())
