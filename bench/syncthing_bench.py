"""Syncthing 1.19 and CoopShare's sync_bench, side by side in one run, in a network namespace.

    sudo .venv/bin/python bench/syncthing_bench.py [--runs 3] [--n 10000] [--no-three |
        --three-runs K | --no-two]

Needs root, `ip` and `syncthing` (Debian: `apt-get install syncthing`); refuses otherwise. It
creates a network namespace with only `lo` up, re-runs itself inside it (`ip netns exec`) and
deletes the namespace at the end: every process of the benchmark, Syncthing and CoopShare
alike, runs in there and cannot reach any network; each Syncthing config also turns off
discovery, relays, NAT traversal, STUN, usage/crash reporting and upgrades
(syncthing_config.py). Rounds alternate, one right after the other:
  ST 2 peers, CS 2 peers, ST 3 peers, CS 3 peers, then again (--runs rounds).
* Syncthing: A holds N Markdown notes (the same titles and bodies as sync_bench.py's fill,
  written as `# title`, body, `#bench`), started and scanned first (untimed); then B (and C)
  start empty with static addresses of each other. Raw = B's spawn until all N files are in
  B's folder (C's too for 3 peers; then checked byte for byte against A's); start-up = spawn
  until B's REST API answers; "db" = until /rest/db/status says needFiles 0 (polled after).
* CoopShare: sync_bench.py's own functions (make_pair + sync_step; join_empty + fill +
  three_peer_step), the per-note limit of the first round (limit_step, --sample ops).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from _common import TextMaker, temp_home
from _procs import ODD, PeakRss, scan_logs
from syncthing_config import Peer, config_xml, device_id_from, leaks, only_loopback

FOLDER = "notes"
BASE_PORT, GUI_PORT = 22001, 18381
CASE_SENSITIVE_FS = [True]  # --st-case-check: Syncthing's default (false), see syncthing_config


def refuse_reason() -> str | None:
    """Why this script must not run here (None: it may)."""
    if os.geteuid() != 0:
        return "needs root (it creates a network namespace with `ip netns add`)"
    for tool in ("ip", "syncthing"):
        if shutil.which(tool) is None:
            return f"`{tool}` not found (Debian: apt-get install iproute2 syncthing)"
    return None


def outer(argv: list[str]) -> int:
    """Create the namespace, run this script inside it, delete the namespace."""
    why = refuse_reason()
    if why:
        print(f"syncthing_bench: refusing to run: {why}", file=sys.stderr)
        return 2
    ns = f"coopshare-stbench-{os.getpid()}"
    subprocess.run(["ip", "netns", "add", ns], check=True)
    try:
        subprocess.run(["ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up"], check=True)
        inner = [sys.executable, str(Path(__file__).resolve()), "--inside", ns, *argv]
        return subprocess.run(["ip", "netns", "exec", ns, *inner]).returncode
    finally:
        subprocess.run(["ip", "netns", "del", ns], check=False)


# ---------------------------------------------------------------- Syncthing instances


def write_notes(folder: Path, n: int, seed: int) -> None:
    """N notes with the titles and bodies sync_bench.fill writes (same TextMaker calls)."""
    maker = TextMaker(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        title, body = maker.title(), maker.body(2048)
        (folder / f"{title} {i}.md").write_text(f"# {title}\n\n{body}\n\n#bench\n")


def note_files(folder: Path) -> int:
    """Finished notes in a folder (Syncthing's temporaries are `.syncthing.*.tmp`)."""
    with os.scandir(folder) as it:
        return sum(1 for e in it if e.name.endswith(".md") and not e.name.startswith("."))


class Syncthing:
    """One `syncthing serve` with its own home, folder and ports on 127.0.0.1."""

    def __init__(self, base: Path, name: str, index: int) -> None:
        self.name, self.home = name, base / f"st-{name}"
        self.folder = base / f"folder-{name}"
        out = subprocess.run(
            ["syncthing", "generate", f"--home={self.home}", "--no-default-folder"],
            capture_output=True,
            text=True,
            env=self.env(),
            check=True,
        )
        self.peer = Peer(device_id_from(out.stdout + out.stderr), name, BASE_PORT + index)
        self.gui, self.key = GUI_PORT + index, secrets.token_hex(16)
        self.proc: subprocess.Popen[bytes] | None = None
        self.rss: PeakRss | None = None
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def env(self) -> dict[str, str]:
        keep = ("PATH", "LANG", "TZ")
        e = {k: v for k, v in os.environ.items() if k in keep}
        e.update(HOME=str(self.home), STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1")
        return e

    def configure(self, others: list[Syncthing]) -> None:
        self.folder.mkdir(exist_ok=True)
        (self.folder / ".stfolder").mkdir(exist_ok=True)
        xml = config_xml(
            self.peer,
            [o.peer for o in others],
            FOLDER,
            str(self.folder),
            self.gui,
            self.key,
            case_sensitive_fs=CASE_SENSITIVE_FS[0],
        )
        if leaks(xml):  # never start an instance that could reach beyond 127.0.0.1
            raise RuntimeError(f"syncthing {self.name} config: {leaks(xml)}")
        (self.home / "config.xml").write_text(xml)

    def start(self) -> float:
        """Spawn; returns perf_counter() at spawn."""
        args = [f"--home={self.home}", "--no-browser", "--no-restart", "--no-upgrade"]
        args += ["--no-default-folder", "--skip-port-probing", "--logflags=3"]
        log = (self.home / "serve.log").open("ab")
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            ["syncthing", "serve", *args], stdout=log, stderr=log, env=self.env()
        )
        self.rss = PeakRss(self.proc.pid, 0.1)
        return t0

    def rest(self, path: str) -> Any:
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.gui}{path}", headers={"X-API-Key": self.key}
        )
        with self.opener.open(req, timeout=30) as r:
            return json.loads(r.read() or b"null")

    def wait_api(self, deadline: float) -> float:
        """perf_counter() when the REST API first answers."""
        while time.perf_counter() < deadline:
            try:
                self.rest("/rest/system/ping")
                return time.perf_counter()
            except OSError as e:
                assert self.proc is not None
                if self.proc.poll() is not None:
                    log = self.home / "serve.log"
                    raise RuntimeError(f"syncthing {self.name} exited; see {log}") from e
                time.sleep(0.01)
        raise TimeoutError(f"syncthing {self.name}: no REST API")

    def status(self) -> dict[str, Any]:
        result: dict[str, Any] = self.rest(f"/rest/db/status?folder={FOLDER}")
        return result

    def wait_done(self, n: int, deadline: float, every: float = 0.1) -> float:
        """perf_counter() when Syncthing itself says the folder holds all N and needs nothing."""
        while time.perf_counter() < deadline:
            s = self.status()
            if (
                s["state"] == "idle"
                and s["needFiles"] == 0
                and s["localFiles"] == n == s["globalFiles"]
            ):
                return time.perf_counter()
            time.sleep(every)
        raise TimeoutError(f"syncthing {self.name}: folder not complete")

    def stop(self) -> tuple[float, float, float]:
        """(peak RSS MB, last RSS MB, CPU s), its child process included: `syncthing serve`
        runs the real Syncthing as a child of a small monitor process."""
        assert self.proc is not None and self.rss is not None
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            ODD.append(f"syncthing {self.name} ignored SIGTERM for 60 s (killed)")
            self.proc.kill()
            self.proc.wait()
        peak, last, cpu = self.rss.stop()
        kid_mb, kid_cpu = self.rss.children_mb_cpu()
        return peak + kid_mb, last, cpu + kid_cpu


def syncthing_case(template: Path, n: int, receivers: int) -> dict[str, Any]:
    """A holds the notes; `receivers` empty instances start together; timed until all hold N."""
    with temp_home("coopshare-stbench-") as base:
        names = ["a", "b", "c"][: 1 + receivers]
        nodes = [Syncthing(base, name, i) for i, name in enumerate(names)]
        shutil.copytree(template, nodes[0].folder)
        for node in nodes:
            node.configure([o for o in nodes if o is not node])
        a, rx = nodes[0], nodes[1:]
        res: dict[str, Any] = {}
        try:
            t_a = a.start()
            a.wait_done(n, a.wait_api(t_a + 1800) + 1800)
            res["scan_a"] = time.perf_counter() - t_a
            t0 = min(r.start() for r in rx)
            deadline = t0 + 1800
            res["startup"] = rx[0].wait_api(deadline) - t0
            for r in rx[1:]:
                r.wait_api(deadline)
            while any(note_files(r.folder) < n for r in rx):
                if time.perf_counter() > deadline:
                    raise TimeoutError(f"syncthing: {[note_files(r.folder) for r in rx]} of {n}")
                time.sleep(0.1)
            res["raw"] = time.perf_counter() - t0
            res["db"] = max(r.wait_done(n, deadline) for r in rx) - t0
        finally:
            for node in reversed(nodes):
                if node.proc is not None:
                    res[f"rss_{node.name}"] = node.stop()
        res["net"] = res["raw"] - res["startup"]
        want = {p.name: p.read_bytes() for p in template.iterdir() if p.suffix == ".md"}
        for r in rx:
            bad = sum(
                (r.folder / name).read_bytes() != data for name, data in want.items()
            )  # fmt: skip
            if bad:
                ODD.append(f"syncthing {r.name}: {bad} of {n} notes differ from A's")
        for node in nodes:  # root inside the namespace: Syncthing warns about that, expected
            log = node.home / "serve.log"
            text = log.read_text().replace("WARNING: Syncthing should not run as a privileged", "")
            log.write_text(text)
        scan_logs([node.home / "serve.log" for node in nodes])
        return res


# ---------------------------------------------------------------- CoopShare (sync_bench.py)


def coopshare_two(n: int, seed: int, sample: int, lim: dict[str, float]) -> dict[str, Any]:
    from sync_bench import limit_step, make_pair, sync_step

    with temp_home("coopshare-syncbench-") as base:
        a, b, b0 = make_pair(base, n, TextMaker(seed))
        res = sync_step(base, a, b, n, [])
        if not lim and sample:
            lim.update(limit_step(base, a, b0, sample))
        scan_logs(sorted(base.glob("*.log")))
    return res


def coopshare_three(n: int, seed: int) -> dict[str, Any]:
    from sync_bench import fill
    from sync_cases import join_empty, three_peer_step

    with temp_home("coopshare-syncbench3-") as base:
        a = base / "a"
        b, c = join_empty(base, a, "Bram", "Cato")
        fill(a, n, TextMaker(seed))
        os.sync()
        res = three_peer_step(base, a, b, c)
        scan_logs(sorted(base.glob("*.log")))
    return res


# ---------------------------------------------------------------- the run


def fmt(values: list[float]) -> str:
    return " / ".join(f"{v:.2f}" for v in values)


def median(rows: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in rows))


def report(res: dict[str, list[dict[str, Any]]], lim: dict[str, float], n: int) -> None:
    print(f"\nSide by side, N = {n:,} notes; per run in order, then the median (s):")
    for case, label in (("2", "2 peers"), ("3", "3 peers")):
        st, cs = res[f"st{case}"], res[f"cs{case}"]
        if not st or not cs:
            continue
        print(f"  {label}:")
        for name, rows in (("Syncthing", st), ("CoopShare", cs)):
            for key in ("raw", "startup", "net"):
                values = [r[key] for r in rows]
                print(f"    {name:<10} {key:<8} {fmt(values):<40} median {median(rows, key):6.2f}")
        db = [r["db"] for r in st]
        print(f"    Syncthing  db-done  {fmt(db):<40} median {statistics.median(db):6.2f}")
        for key in ("raw", "net"):
            ratio = median(st, key) / median(cs, key)
            print(f"    ratio Syncthing / CoopShare, {key}: {ratio:.1f}x")
        scan = [r["scan_a"] for r in st]
        print(f"    (Syncthing A's start + scan of its folder, untimed: {fmt(scan)} s)")
        for name, rows, who in (("Syncthing", st, "rss_b"), ("CoopShare", cs, "rss_b")):
            peak = statistics.median(r[who][0] for r in rows)
            cpu = statistics.median(r[who][2] for r in rows)
            print(f"    {name} B: peak RSS {peak:.0f} MB, CPU {cpu:.1f} s (median)")
    if lim:
        us = {k: lim[k] * 1e6 for k in ("verify", "decrypt", "decode", "sqlite", "limit")}
        parts = ", ".join(f"{k} {us[k]:.1f}" for k in ("verify", "decrypt", "decode", "sqlite"))
        print(
            f"\nCoopShare per-note limit ({int(lim['k'])} item ops): {us['limit']:.1f} us ({parts})"
        )
        print(f"  Replica.apply_batch in-process: {lim['apply'] * 1e6:.1f} us/op")
        cs2 = res["cs2"]
        if cs2:
            per = median(cs2, "net") / n * 1e6
            print(f"  sync --once net: {per:.0f} us/note = {per / us['limit']:.1f}x the limit")


def inside(args: argparse.Namespace) -> int:
    if not only_loopback(socket.if_nameindex()):
        print("syncthing_bench: refusing: this namespace has more than `lo`", file=sys.stderr)
        return 2
    print(f"Syncthing folders: caseSensitiveFS={str(CASE_SENSITIVE_FS[0]).lower()}", flush=True)
    res: dict[str, list[dict[str, Any]]] = {"st2": [], "cs2": [], "st3": [], "cs3": []}
    lim: dict[str, float] = {}
    with temp_home("coopshare-stnotes-") as base:
        template = base / "notes"
        write_notes(template, args.n, args.seed)
        for rnd in range(1, args.runs + 1):
            steps: list[tuple[str, Any]] = []
            if args.two:
                steps += [
                    ("st2", lambda: syncthing_case(template, args.n, 1)),
                    ("cs2", lambda: coopshare_two(args.n, args.seed, args.sample, lim)),
                ]
            if args.three and rnd <= (args.runs if args.three_runs is None else args.three_runs):
                steps += [
                    ("st3", lambda: syncthing_case(template, args.n, 2)),
                    ("cs3", lambda: coopshare_three(args.n, args.seed)),
                ]
            for key, step in steps:
                r = step()
                res[key].append(r)
                load = "/".join(f"{x:.1f}" for x in os.getloadavg())
                extra = f", db-done {r['db']:.2f}" if "db" in r else ""
                print(
                    f"round {rnd} {key}: raw {r['raw']:.2f} s, start-up {r['startup']:.2f} s,"
                    f" net {r['net']:.2f} s{extra}; load {load}",
                    flush=True,
                )
    report(res, lim, args.n)
    print("\nOdd behaviour seen:" if ODD else "\nNo odd behaviour seen.")
    for line in ODD:
        print(f"  - {line}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").strip().splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="notes (default 10000)")
    ap.add_argument("--runs", type=int, default=3, help="rounds (default 3)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=500, help="ops for the per-note limit (0: none)")
    ap.add_argument("--no-three", dest="three", action="store_false", help="2 peers only")
    ap.add_argument("--no-two", dest="two", action="store_false", help="3 peers only")
    ap.add_argument("--three-runs", type=int, help="rounds with the 3-peer cases (default: all)")
    ap.add_argument(
        "--st-case-check",
        action="store_true",
        help="keep Syncthing's default caseSensitiveFS=false (quadratic in one big folder)",
    )
    ap.add_argument("--inside", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inside is None:
        return outer(sys.argv[1:])
    CASE_SENSITIVE_FS[0] = not args.st_case_check
    return inside(args)


if __name__ == "__main__":
    sys.exit(main())
