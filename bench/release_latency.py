"""Time from "the reader accepts the terms" to "the sealed text is readable on the reader's
desktop", both online (issue 11; target at most 1 s).

Two real processes on 127.0.0.1: the owner A runs ``coopshare serve --listen 127.0.0.1:0
--no-mdns`` (its node runs the release policy, service/releases.py); the reader B is a running
node in this process, as the desktop app runs it (``api.open_runtime`` + ``start_network``
dialling A, no mDNS). For each of ``--runs`` items written by A through the CLI: once B holds
it, the clock starts, B signs the acceptance (``Runtime.write``: the op is stored and pushed),
and stops when B's own store shows the sealed text (``Runtime.db``, polled every 2 ms).

``--kind idea`` (default): a view-only idea; its body is sealed to A until A's node releases
it. ``--kind lead``: a lead with sealed fields; B claims it first (not timed), then accepts
the referral terms (timed) until the sealed ``org`` is readable.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _procs import PASS, argv, cli, env

from coopshare.service import api

MARKER = "RELEASE-BENCH"


def serve(home: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    """`coopshare serve` on 127.0.0.1 without mDNS (plus `extra` flags); the process and its
    address, once it listens."""
    proc = subprocess.Popen(
        argv(home, "serve", "--listen", "127.0.0.1:0", "--no-mdns", *extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env(),
        stdin=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("listening on "):
        proc.kill()
        raise RuntimeError(f"serve did not start: {line!r}")
    return proc, line.split()[-1]


async def wait_until(
    probe: Callable[[], Awaitable[bool]], timeout: float = 30.0, every: float = 0.002
) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if await probe():
            return
        await asyncio.sleep(every)
    raise TimeoutError("condition not reached")


async def one(rt: api.Runtime, a: Path, kind: str, i: int) -> float:
    """One item written by A; seconds from B's acceptance to B reading its sealed text."""
    if kind == "idea":
        args = ["idea", "add", "--body", f"{MARKER} {i}", "--terms", "view-only"]
    else:
        args = ["lead", "add", "--org", f"{MARKER} {i}", "--referral-terms", "5% of the fee"]
    raw = bytes.fromhex(cli(a, *args, "--title", f"Item {i}")[0].strip())
    await wait_until(lambda: rt.db(lambda d: d.item(raw) is not None))
    if kind == "lead":
        await rt.write(lambda d: d.claim_lead(raw))

    def readable(d: api.Api) -> bool:
        st = d.item(raw)
        text = "" if st is None else (st.body if kind == "idea" else st.value("org", ""))
        return MARKER in str(text)

    t0 = time.perf_counter()
    if kind == "idea":
        await rt.write(lambda d: d.accept_terms(raw))
    else:
        await rt.write(lambda d: d.lead_act(raw, api.Act.ACCEPT))
    await wait_until(lambda: rt.db(readable))
    return time.perf_counter() - t0


async def measure(kind: str, runs: int, a: Path, b: Path, addr: str) -> list[float]:
    rt = await api.open_runtime(b, PASS)
    host, port = addr.rsplit(":", 1)
    peers = [(host, int(port))]
    await rt.start_network(api.NetworkOptions(host="127.0.0.1", port=0, peers=peers, mdns=False))
    try:
        deadline = time.perf_counter() + 30
        while rt.session_count == 0 and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        return [await one(rt, a, kind, i) for i in range(runs)]
    finally:
        await rt.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kind", choices=["idea", "lead"], default="idea")
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="coopshare-bench-") as tmp:
        a, b = Path(tmp) / "a", Path(tmp) / "b"
        cli(a, "init", "--name", "Anna")
        cli(a, "coop", "create", "--name", "Bench")
        proc, addr = serve(a)
        try:
            cli(b, "init", "--name", "Bram")
            cli(a, "invite", "create", "--out", str(Path(tmp) / "invite.txt"))
            cli(b, "join", str(Path(tmp) / "invite.txt"), "--peer", addr)
            times = asyncio.run(measure(args.kind, args.runs, a, b, addr))
        finally:
            proc.terminate()
            proc.wait(15)
    ms = sorted(t * 1000 for t in times)
    print(f"{args.kind}: accept -> readable on the reader's side, {len(ms)} runs (ms)")
    print(f"  median {statistics.median(ms):.0f}  min {ms[0]:.0f}  max {ms[-1]:.0f}"
          f"  p90 {ms[int(0.9 * (len(ms) - 1))]:.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
