"""Where a `coopshare` command spends its wall time before (and after) the first byte: one run
with timestamps at phase boundaries, for one source tree.

    .venv/bin/python bench/startup_phases.py [--src TREE/src] -- --home H status
    .venv/bin/python bench/startup_phases.py [--src TREE/src] -- --home H sync --peer A --once

Spawns a fresh interpreter (this script again, with TREE/src on PYTHONPATH) that runs the
command in-process with an import hook: the hook marks when each watched module starts and
ends importing and wraps the watched functions as their modules load (the keystore's unlock,
the store's open, the TLS contexts, the roster refresh, the dial, the session, the signature
worker's start and close), so the import order is the command's own. Prints each mark: ms since
spawn, the process's CPU ms so far (all threads), and the thread. The passphrase is the tests'
(COOPSHARE_PASSPHRASE), as in the other scripts.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import inspect
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any

WATCH = (
    "coopshare.cli.main",
    "coopshare.service.api_unlock",
    "coopshare.identity.keystore",
    "coopshare.cli.commands",
    "coopshare.service.api",
    "coopshare.cli.net",
    "coopshare.transport.tls",
    "coopshare.sync.checker",
    "coopshare.service.node",
    "coopshare.service.api_runtime",
)
PATCH = {  # module: (class or "", function, label)
    "coopshare.identity.keystore": [("", "unlock", "unlock (Argon2id)")],
    "coopshare.service.datafolder": [("", "open_store", "open store")],
    "coopshare.service.coop": [("Coop", "__init__", "Coop (roster fold)")],
    "coopshare.transport.tls": [
        ("", "client_context", "TLS client context"),
        ("", "join_server_context", "TLS join context"),
        ("", "server_context", "TLS members' context"),
    ],
    "coopshare.service.node": [
        ("Node", "open", "Node.open"),
        ("Node", "refresh_roster", "roster refresh"),
        ("Node", "close", "Node.close"),
    ],
    "coopshare.service.dialler": [("", "connect", "dial + knock + TLS handshake")],
    "coopshare.service.api_runtime": [("", "sync_once", "session (sync_once)")],
    "coopshare.sync.checker": [
        ("Checker", "warm", "signature worker spawn"),
        ("Checker", "close", "signature worker close"),
    ],
    "coopshare.service.api_commands": [("Api", "status", "Api.status")],
}
MARKS: list[tuple[str, float, float, str]] = []
SPAWN = 0.0


def mark(name: str) -> None:
    MARKS.append((name, time.time() - SPAWN, time.process_time(), threading.current_thread().name))


def _wrap(f: Any, label: str) -> Any:
    if inspect.iscoroutinefunction(f):

        @functools.wraps(f)
        async def wrapped_async(*a: Any, **k: Any) -> Any:
            mark(label + " start")
            try:
                return await f(*a, **k)
            finally:
                mark(label + " end")

        return wrapped_async

    @functools.wraps(f)
    def wrapped(*a: Any, **k: Any) -> Any:
        mark(label + " start")
        try:
            return f(*a, **k)
        finally:
            mark(label + " end")

    return wrapped


class _Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name not in PATCH and name not in WATCH:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        real = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            if name in WATCH:
                mark(f"import {name} begins")
            real(module)
            if name in WATCH:
                mark(f"import {name} done")
            for cls, fn, label in PATCH.get(name, []):
                owner = getattr(module, cls) if cls else module
                setattr(owner, fn, _wrap(getattr(owner, fn), label))

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def child(args: list[str]) -> int:
    global SPAWN
    SPAWN = float(os.environ.pop("PHASES_SPAWN"))
    mark("interpreter ready")
    sys.meta_path.insert(0, _Hook())
    from coopshare.launcher import main

    try:
        return main(args)
    finally:
        mark("command returned")
        for n, t, c, th in sorted(MARKS, key=lambda m: m[1]):
            print(f"{t * 1000:8.0f} ms  CPU {c * 1000:6.0f} ms  {th[:16]:16}  {n}", file=sys.stderr)


def main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["--child"]:
        return child(argv[1:])
    src = None
    if argv[:1] == ["--src"]:
        src, argv = argv[1], argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _procs import env

    e = env()
    if src:
        e["PYTHONPATH"] = src
    e["PHASES_SPAWN"] = repr(time.time())
    return subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *argv], env=e, check=False
    ).returncode


if __name__ == "__main__":
    raise SystemExit(main())
