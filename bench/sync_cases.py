"""More cases for sync_bench.py: three peers, and a log written by many devices interleaved.

* three peers (`--three`): A holds N notes; B and C joined before they were written and start
  empty of them. A serves; B serves dialling A; C serves dialling A and B. Timed from starting
  B and C until both hold every op of A (net: minus the median start-up of `status`); then the
  ops B and C received and how many of them they already held (each logs both when it
  stops), and the CPU seconds of each process and of its signature worker.
* many devices (`--devices K`): A's log holds N notes written by K other members (one device
  each), interleaved op by op in A's arrival order, as a busy cooperative's log would be; B (joined before) runs `sync --peer A --once`, timed like the 2-peer case.
"""

from __future__ import annotations

import re
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from _common import TextMaker
from _procs import ODD, PASS, OpCounter, Serve, cli


def join_empty(base: Path, a: Path, *names: str) -> list[Path]:
    """init + coop create on A (if not done), and each name joined through an invitation."""
    if not (a / "coopshare.db").exists():
        cli(a, "init", "--name", "Anna")
        cli(a, "coop", "create", "--name", "Bench")
    homes = []
    with Serve(a, log=base / "serve-a-join.log") as srv:
        for name in names:
            home = base / name.lower()
            cli(home, "init", "--name", name)
            inv = base / f"invite-{name}.txt"
            cli(a, "invite", "create", "--out", str(inv))
            cli(home, "join", str(inv), "--peer", srv.addr)
            homes.append(home)
    return homes


def three_peer_step(base: Path, a: Path, b: Path, c: Path) -> dict[str, Any]:
    res: dict[str, Any] = {"startup": statistics.median(cli(b, "status")[1] for _ in range(3))}
    want = OpCounter(a)()
    count_b, count_c = OpCounter(b), OpCounter(c)
    sa = Serve(a, log=base / "serve-a-3.log")
    try:
        t0 = time.perf_counter()
        sb = Serve(b, "--peer", sa.addr, log=base / "serve-b-3.log")
        sc = Serve(c, "--peer", sa.addr, "--peer", sb.addr, log=base / "serve-c-3.log")
        try:
            deadline = t0 + 1800
            while count_b() < want or count_c() < want:
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"3 peers: B {count_b()}, C {count_c()} of {want} ops")
                time.sleep(0.01)
            res["raw"] = time.perf_counter() - t0
        finally:
            res["worker_cpu"] = [p.rss.children_mb_cpu()[1] for p in (sa, sb, sc)]
            res["rss_c"] = sc.stop()
            res["rss_b"] = sb.stop()
    finally:
        res["rss_a"] = sa.stop()
    res["net"] = res["raw"] - res["startup"]
    for name, log in (("b", sb.log), ("c", sc.log)):
        res[f"got_{name}"], res[f"held_{name}"] = received(log)
    return res


HELD = re.compile(r"ops received in sessions (\d+), already held (\d+)")


def received(log: Path) -> tuple[int, int]:
    """Ops a serve process received in sessions and, of them, ops it already held (it logs
    both when it stops; a tree without the counts gives (-1, -1))."""
    got = [tuple(map(int, m.groups())) for m in HELD.finditer(log.read_text())]
    return (sum(g for g, _ in got), sum(h for _, h in got)) if got else (-1, -1)


def fill_many(base: Path, a: Path, n: int, devices: int, maker: TextMaker) -> None:
    """N notes on A written by `devices` other members, interleaved op by op in A's log."""
    from coopshare.crypto import primitives as p
    from coopshare.identity.keys import Identity
    from coopshare.identity.keystore import Unlocked
    from coopshare.protocol.ops import decode_op
    from coopshare.service.coop import Coop
    from coopshare.service.home import open_coop
    from coopshare.store.db import Store

    admin = open_coop(a, PASS)
    writers: list[Coop] = []
    try:
        for i in range(devices):
            m = Coop(Unlocked(Identity.generate(f"M{i}"), p.random_bytes(32)),
                     Store.open(base / f"member-{i}"))  # fmt: skip
            writers.append(m)
            assert admin.coop_id is not None
            m.adopt_coop(admin.coop_id)
            admin.add_member(m.join_request())
        roster = list(admin.wire_ops())
        logs: list[list[bytes]] = []
        for k, writer in enumerate(writers):
            writer.apply_batch(roster)
            share = n // devices + (1 if k < n % devices else 0)
            with writer.transaction():
                for _ in range(share):
                    writer.add_note(maker.title(), maker.body(2048), ["bench"])
            own = writer.me.device_id
            logs.append([w for w in writer.wire_ops() if decode_op(w).header.device == own])
        longest = max(len(log) for log in logs)
        mixed = [log[i] for i in range(longest) for log in logs if i < len(log)]
        for i in range(0, len(mixed), 5000):
            admin.apply_batch(mixed[i : i + 5000])
        if admin.store.count_ops() != len(roster) + n:
            ODD.append(f"{devices} devices: A holds {admin.store.count_ops()} ops")
    finally:
        for m in writers:
            m.store.close()
        admin.store.close()


def make_many(base: Path, n: int, devices: int, maker: TextMaker) -> tuple[Path, Path]:
    a = base / "a"
    (b,) = join_empty(base, a, "Bram")
    t0 = time.perf_counter()
    fill_many(base, a, n, devices, maker)
    print(f"  [N={n:,}, {devices} devices] A filled in {time.perf_counter() - t0:.1f} s")
    for i in range(devices):
        shutil.rmtree(base / f"member-{i}", ignore_errors=True)
    return a, b
