"""Helpers for multi-process tests: real `coopshare` processes on 127.0.0.1 only."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PASS = "correct horse battery staple"


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith("COOPSHARE_")}
    e["COOPSHARE_PASSPHRASE"] = PASS
    return e


def cli(
    home: Path, *args: str, timeout: float = 120, check: bool = True
) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(
        [sys.executable, "-m", "coopshare", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env(),
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    if check and r.returncode != 0:
        raise AssertionError(f"coopshare {' '.join(args)} failed ({r.returncode}): {r.stderr}")
    return r


def cli_json(home: Path, *args: str) -> Any:
    return json.loads(cli(home, *args, "--json").stdout)


def talking(home: Path, *args: str) -> subprocess.Popen[str]:
    """`coopshare --home home ARGS` running, its stdin, stdout and stderr pipes (text) to talk
    to it (a pairing that asks to confirm the digits)."""
    return subprocess.Popen(
        [sys.executable, "-m", "coopshare", "--home", str(home), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env(),
    )  # fmt: skip


def read_until(proc: subprocess.Popen[str], prefix: str) -> str:
    """The first line of `proc`'s output that starts with `prefix` (stripped); AssertionError
    with its stderr if it ends before one."""
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"ended before {prefix!r}: {err}")
        if line.startswith(prefix):
            return line.strip()


def say_yes(*procs: subprocess.Popen[str]) -> None:
    """Answer y to each process's question (the same six digits)."""
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("y\n")
        proc.stdin.flush()


@contextmanager
def in_person(
    shows: Path, show: tuple[str, ...], types: Path, type_: tuple[str, ...]
) -> Iterator[tuple[subprocess.Popen[str], subprocess.Popen[str]]]:
    """Both sides of an in-person pairing run by the CLI, once both screens show the same six
    digits: in `shows`, `show` listens on loopback and prints the code; in `types`, `type_` gets
    that code and --peer. Yields (showing, typing), each still to answer; both killed after."""
    showing = talking(shows, *show, "--listen", "127.0.0.1:0")
    try:
        line = read_until(showing, "pairing code: ")
        code, where = line.split()[2], line.split()[-1]
        typing = talking(types, *type_, code, "--peer", where)
        try:
            digits_typed = read_until(typing, "compare: ")
            digits_shown = read_until(showing, "compare: ")
            assert digits_typed == digits_shown  # both screens show the same six digits
            yield showing, typing
        finally:
            typing.kill()
    finally:
        showing.kill()


class Server:
    def __init__(self, home: Path, *extra: str) -> None:
        self.home = home
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "coopshare",
                "--home",
                str(home),
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--no-mdns",
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
            stdin=subprocess.DEVNULL,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("listening on "):
            self.proc.kill()
            err = self.proc.stderr.read() if self.proc.stderr else ""
            raise AssertionError(f"serve did not start: {line!r} {err}")
        self.addr = line.split()[-1]
        self.port = int(self.addr.rsplit(":", 1)[1])

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def kill9(self) -> None:
        self.proc.kill()
        self.proc.wait()


@contextmanager
def serving(home: Path, *extra: str) -> Iterator[Server]:
    s = Server(home, *extra)
    try:
        yield s
    finally:
        s.stop()


def init(home: Path, name: str) -> None:
    """What `coopshare init --name NAME` does (tests/test_cli.py runs that command), made in
    this process: its keystore gets the suite's Argon2id cost (conftest._floor_kdf), so every
    `coopshare` process started on the folder afterwards unlocks it in a third of the time."""
    from coopshare.service import home as homes

    homes.init(home, name, PASS)


def new_member(home: Path, name: str, admin_home: Path, admin_server: Server) -> None:
    """init + invite + join through the running admin node."""
    init(home, name)
    token = home.parent / f"invite-{name}.txt"
    cli(admin_home, "invite", "create", "--out", str(token))
    cli(home, "join", str(token), "--peer", admin_server.addr)


def op_ids(home: Path) -> set[bytes]:
    with sqlite3.connect(f"file:{home / 'coopshare.db'}?mode=ro", uri=True) as c:
        return {r[0] for r in c.execute("SELECT op_id FROM ops")}


def op_count(home: Path) -> int:
    try:
        with sqlite3.connect(f"file:{home / 'coopshare.db'}?mode=ro", uri=True, timeout=5) as c:
            return int(c.execute("SELECT COUNT(*) FROM ops").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def integrity_ok(home: Path) -> bool:
    with sqlite3.connect(home / "coopshare.db") as c:
        return bool(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def wait_for(predicate: Any, timeout: float = 30.0, every: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return bool(predicate())
