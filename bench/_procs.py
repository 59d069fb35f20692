"""Helpers for sync_bench.py: real `coopshare` processes on 127.0.0.1, peak RSS, op counts.

Every process gets `--home` and the passphrase the tests use (tests/netutil.PASS) through
COOPSHARE_PASSPHRASE; other COOPSHARE_* variables are removed, as in the tests.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.netutil import PASS  # the tests' passphrase constant

ODD: list[str] = []  # odd behaviour seen in the processes (stderr output, exit codes, log lines)


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith("COOPSHARE_")}
    e["COOPSHARE_PASSPHRASE"] = PASS
    return e


def argv(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "coopshare", "--home", str(home), *args]


def cli(home: Path, *args: str, timeout: float = 900) -> tuple[str, float]:
    """Run one command to completion; returns stdout and wall seconds from spawn to exit."""
    t0 = time.perf_counter()
    r = subprocess.run(
        argv(home, *args),
        capture_output=True,
        text=True,
        env=env(),
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    seconds = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError(f"coopshare {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    err = [
        ln
        for ln in r.stderr.splitlines()  # join/sync log INFO lines by design
        if ln.strip() and " INFO " not in ln and not ln.startswith("invitation written to")
    ]
    if err:
        ODD.append(f"`{' '.join(args[:2])}` wrote to stderr: {' | '.join(err)[:300]}")
    return r.stdout, seconds


class PeakRss:
    """Polls /proc/PID/status every `every` s until the process is gone; keeps the last VmHWM
    (peak RSS), the last VmRSS (what it held just before it exited) and the CPU seconds used;
    and the same of its child processes (the node's signature-check worker)."""

    def __init__(self, pid: int, every: float) -> None:
        self.pid, self.every, self.kb, self.rss_kb, self.cpu = pid, every, 0, 0, 0.0
        self.children: dict[int, tuple[int, float]] = {}  # pid -> (VmHWM kB, CPU s)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.is_set():
            try:
                text = Path(f"/proc/{self.pid}/status").read_text()
                stat = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return
            if stat[0] != "Z":  # utime + stime (fields 14 and 15)
                self.cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
            for line in text.splitlines():
                if line.startswith("VmHWM:"):  # absent once it is a zombie: keep the last
                    self.kb = int(line.split()[1])
                elif line.startswith("VmRSS:"):
                    self.rss_kb = int(line.split()[1])
            self._read_children()
            self._done.wait(self.every)

    def _read_children(self) -> None:
        kids: set[int] = set()  # children of every thread (Go forks from any of them)
        for task in Path(f"/proc/{self.pid}/task").glob("*"):
            try:
                kids.update(map(int, (task / "children").read_text().split()))
            except OSError:
                continue
        for kid in kids:
            try:
                text = Path(f"/proc/{kid}/status").read_text()
                stat = Path(f"/proc/{kid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            hwm, cpu = self.children.get(kid, (0, 0.0))
            if stat[0] != "Z":
                cpu = (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")
            for line in text.splitlines():
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
            self.children[kid] = (hwm, cpu)

    def children_mb_cpu(self) -> tuple[float, float]:
        """Peak RSS MB (summed over children) and CPU seconds of the child processes."""
        return (
            sum(h for h, _ in self.children.values()) / 1024,
            sum(c for _, c in self.children.values()),
        )

    def stop(self) -> tuple[float, float, float]:
        """(peak RSS MB, last RSS MB, CPU seconds)."""
        self._done.set()
        self._thread.join()
        return self.kb / 1024, self.rss_kb / 1024, self.cpu


def timed(home: Path, *args: str, log: Path, every: float = 0.02) -> tuple[str, float, Any]:
    """Spawn, wait for exit: (stdout, wall seconds spawn->exit, (peak MB, last MB, CPU s))."""
    t0 = time.perf_counter()
    with log.open("a") as err:
        proc = subprocess.Popen(
            argv(home, *args),
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            env=env(),
            stdin=subprocess.DEVNULL,
        )
        rss = PeakRss(proc.pid, every)
        out, _ = proc.communicate(timeout=3600)
    seconds = time.perf_counter() - t0
    mb = (*rss.stop(), *rss.children_mb_cpu())
    if proc.returncode != 0:
        raise RuntimeError(f"coopshare {' '.join(args)} exited {proc.returncode}; see {log}")
    return out, seconds, mb


class Serve:
    """`coopshare serve --listen 127.0.0.1:0 --no-mdns [extra]`, stderr to `log`."""

    def __init__(self, home: Path, *extra: str, log: Path) -> None:
        self.home, self.log = home, log
        with log.open("a") as err:
            self.proc = subprocess.Popen(
                argv(home, "serve", "--listen", "127.0.0.1:0", "--no-mdns", *extra),
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                env=env(),
                stdin=subprocess.DEVNULL,
            )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("listening on "):
            self.proc.kill()
            raise RuntimeError(f"serve did not start: {line!r}; see {log}")
        self.addr = line.split()[-1]
        self.rss = PeakRss(self.proc.pid, 0.1)

    def stop(self) -> tuple[float, float, float]:
        """SIGTERM, wait; (peak RSS MB, last RSS MB, CPU s) as read just before it exited."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(60)
        except subprocess.TimeoutExpired:
            ODD.append(f"serve {self.home.name} ignored SIGTERM for 60 s (killed)")
            self.proc.kill()
            rc = self.proc.wait()
        if rc != 0:
            ODD.append(f"serve {self.home.name} exited {rc} after SIGTERM")
        return self.rss.stop()

    def __enter__(self) -> Serve:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.stop()


def connected(home: Path) -> bool:
    peers: list[dict[str, Any]] = json.loads(cli(home, "list", "peers", "--json")[0])
    return any(p.get("connected") for p in peers)


class OpCounter:
    """Read-only view of a home's store: ops held (MAX(n): ops rows are never deleted)."""

    def __init__(self, home: Path) -> None:
        self.con = sqlite3.connect(f"file:{home / 'coopshare.db'}?mode=ro", uri=True, timeout=5)

    def __call__(self) -> int:
        return int(self.con.execute("SELECT COALESCE(MAX(n), 0) FROM ops").fetchone()[0])

    def wait_above(self, count: int, timeout: float = 30, every: float = 0.002) -> float:
        """perf_counter() when the count first exceeds `count` (polling every `every` s)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self() > count:
                return time.perf_counter()
            time.sleep(every)
        raise TimeoutError(f"op count stayed at {count} for {timeout} s")


def scan_logs(logs: list[Path]) -> None:
    """Warnings, errors and tracebacks in the serve/sync logs go to ODD."""
    for log in logs:
        if not log.exists():
            continue
        bad = [
            ln
            for ln in log.read_text().splitlines()
            if any(w in ln for w in ("WARNING", "ERROR", "Traceback", "refused", "rror:"))
        ]
        for ln in bad[:5]:
            ODD.append(f"{log.name}: {ln.strip()[:300]}")
        if len(bad) > 5:
            ODD.append(f"{log.name}: ... {len(bad) - 5} more such lines")


OPS_TABLE = """CREATE TABLE ops (n INTEGER PRIMARY KEY, op_id BLOB NOT NULL UNIQUE,
    device BLOB NOT NULL, seq INTEGER NOT NULL, hlc INTEGER NOT NULL, kind TEXT NOT NULL,
    epoch BLOB NOT NULL, header BLOB NOT NULL, sig BLOB NOT NULL, body BLOB);
CREATE INDEX ops_by_log ON ops (device, seq); CREATE INDEX ops_by_epoch ON ops (epoch, kind);"""


def sqlite_insert(path: Path, rows: list[tuple[Any, ...]]) -> float:
    """Seconds for one executemany of `rows` into a fresh ops-shaped table, commit included."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.executescript(OPS_TABLE)
    t0 = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    con.executemany(
        "INSERT INTO ops(op_id, device, seq, hlc, kind, epoch, header, sig, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    con.execute("COMMIT")
    seconds = time.perf_counter() - t0
    con.close()
    return seconds
