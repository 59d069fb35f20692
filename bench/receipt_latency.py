"""Time from "the owner publishes a commitment" to "receipts from both other members are in
the owner's store", all online on 127.0.0.1 (issue 14; target: within 1 s on a connected LAN).

Three members. B and C are real processes (``coopshare serve --listen 127.0.0.1:0 --no-mdns
--peer A``); their nodes write receipts by themselves (service/proofs.py ``witness_step``, run
after every applied batch). The owner A is a running node in this process, as the desktop app
runs it (``api.open_runtime`` + ``start_network`` listening on 127.0.0.1, no mDNS). Per run A
adds a private idea (not timed), then the clock starts, A commits (``Runtime.write``: the op is
stored and pushed) and it stops when A's own store counts both receipts
(``Api.idea_proofs``, polled every 2 ms). At most 20 runs: the 21st commitment of a member in
one UTC day is not witnessed (model/proof_rules.py ``MAX_COMMITS_PER_DAY``).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _procs import PASS, cli
from release_latency import serve, wait_until

from coopshare.service import api


async def one(rt: api.Runtime, i: int) -> float:
    idea = await rt.write(lambda d: d.add_idea(f"Idea {i}", f"text {i}", "private"))
    raw = bytes.fromhex(idea)

    def both(d: api.Api) -> bool:
        found = d.idea_proofs(raw)
        return bool(found) and len(found[-1].receipts) == 2

    t0 = time.perf_counter()
    await rt.write(lambda d: d.commit_idea(raw))
    await wait_until(lambda: rt.db(both))
    return time.perf_counter() - t0


async def measure(a: Path, runs: int, members: list[Path]) -> list[float]:
    rt = await api.open_runtime(a, PASS)
    host, port = await rt.start_network(api.NetworkOptions(host="127.0.0.1", port=0, mdns=False))
    procs: list[subprocess.Popen[str]] = []
    try:
        for home in members:
            procs.append(serve(home, "--peer", f"{host}:{port}")[0])
        deadline = time.perf_counter() + 60
        while rt.session_count < len(members) and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        return [await one(rt, i) for i in range(runs)]
    finally:
        await rt.close()
        for p in procs:
            p.terminate()
            p.wait(15)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=20, choices=range(1, 21), metavar="1..20")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="coopshare-bench-") as tmp:
        a, b, c = (Path(tmp) / n for n in "abc")
        cli(a, "init", "--name", "Anna")
        cli(a, "coop", "create", "--name", "Bench")
        proc, addr = serve(a)
        try:
            for home, name in ((b, "Bram"), (c, "Cato")):
                cli(home, "init", "--name", name)
                cli(a, "invite", "create", "--out", str(Path(tmp) / f"invite-{name}.txt"))
                cli(home, "join", str(Path(tmp) / f"invite-{name}.txt"), "--peer", addr)
        finally:
            proc.terminate()
            proc.wait(15)
        times = asyncio.run(measure(a, args.runs, [b, c]))
    ms = sorted(t * 1000 for t in times)
    print(f"commit -> both receipts in the owner's store, {len(ms)} runs (ms)")
    print(f"  median {statistics.median(ms):.0f}  min {ms[0]:.0f}  max {ms[-1]:.0f}"
          f"  p95 {ms[round(0.95 * (len(ms) - 1))]:.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
