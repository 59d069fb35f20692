"""A throwaway LAN of network namespaces for discovery tests (root only; skipped elsewhere).

Each host is a namespace with one ``eth0`` on a bridge that lives in its own namespace and is
connected to nothing else, so no packet can reach the machine's real network. Modelled on
shared/tools/netns_lab.sh, rewritten here so the project depends on nothing outside its repo.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .netutil import env


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=check)


def unavailable() -> str | None:
    """Why a lab cannot be built here, or None if it can."""
    if os.geteuid() != 0:
        return "network namespaces need root"
    if shutil.which("ip") is None:
        return "iproute2 ('ip') is not installed"
    probe = f"csp{secrets.token_hex(3)}"
    if _ip("netns", "add", probe, check=False).returncode != 0:
        return "'ip netns add' is not permitted here"
    try:
        if _ip("-n", probe, "link", "add", "br0", "type", "bridge", check=False).returncode != 0:
            return "cannot create a bridge in a namespace"
    finally:
        _ip("netns", "del", probe, check=False)
    return None


class Lab:
    def __init__(self, n: int, ipv4: bool = True) -> None:
        self.prefix = "cs" + secrets.token_hex(3)
        self.n = n
        self.ipv4 = ipv4
        self.procs: list[subprocess.Popen[str]] = []

    def ns(self, i: int) -> str:
        return f"{self.prefix}-h{i}"

    def addr(self, i: int) -> str:
        return f"10.213.0.{i}"

    def up(self) -> None:
        br = f"{self.prefix}-br"
        _ip("netns", "add", br)
        _ip("-n", br, "link", "set", "lo", "up")
        _ip(
            "-n",
            br,
            "link",
            "add",
            "br0",
            "type",
            "bridge",
            "mcast_snooping",
            "0",
            "stp_state",
            "0",
        )
        _ip("-n", br, "link", "set", "br0", "up")
        for i in range(1, self.n + 1):
            ns = self.ns(i)
            _ip("netns", "add", ns)
            subprocess.run(
                [
                    "ip",
                    "netns",
                    "exec",
                    ns,
                    "sysctl",
                    "-qw",
                    "net.ipv6.conf.all.accept_dad=0",
                    "net.ipv6.conf.default.accept_dad=0",
                ],
                check=True,
            )
            _ip("-n", ns, "link", "set", "lo", "up")
            _ip(
                "-n",
                br,
                "link",
                "add",
                f"{self.prefix}v{i}",
                "type",
                "veth",
                "peer",
                "name",
                "eth0",
                "netns",
                ns,
            )
            _ip("-n", br, "link", "set", f"{self.prefix}v{i}", "master", "br0", "up")
            _ip(
                "-n",
                ns,
                "link",
                "set",
                "eth0",
                "address",
                f"02:00:00:00:00:{i:02x}",
                "multicast",
                "on",
            )
            if self.ipv4:
                _ip("-n", ns, "addr", "add", f"{self.addr(i)}/24", "dev", "eth0")
            _ip("-n", ns, "link", "set", "eth0", "up")
            if self.ipv4:
                _ip("-n", ns, "route", "add", "224.0.0.0/4", "dev", "eth0")

    def link(self, i: int, state: str) -> None:
        _ip("-n", f"{self.prefix}-br", "link", "set", f"{self.prefix}v{i}", state)

    def run(self, i: int, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
        done: subprocess.CompletedProcess[str] = subprocess.run(  # type: ignore[call-overload]
            ["ip", "netns", "exec", self.ns(i), *args],
            capture_output=True,
            text=True,
            env=env(),
            stdin=subprocess.DEVNULL,
            **kw,
        )
        return done

    def cli(self, i: int, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
        r = self.run(i, sys.executable, "-m", "coopshare", "--home", str(home), *args, timeout=120)
        if r.returncode != 0:
            raise AssertionError(f"host {i}: coopshare {' '.join(args)}: {r.stderr}")
        return r

    def spawn(
        self, i: int, *args: str, extra_env: dict[str, str] | None = None
    ) -> subprocess.Popen[str]:
        e = env()
        e.update(extra_env or {})
        p = subprocess.Popen(
            ["ip", "netns", "exec", self.ns(i), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=e,
            stdin=subprocess.DEVNULL,
        )
        self.procs.append(p)
        return p

    def serve(
        self, i: int, home: Path, *extra: str, extra_env: dict[str, str] | None = None
    ) -> subprocess.Popen[str]:
        p = self.spawn(
            i,
            sys.executable,
            "-m",
            "coopshare",
            "--home",
            str(home),
            "serve",
            "--listen",
            "*:0",
            *extra,
            extra_env=extra_env,
        )
        assert p.stdout is not None
        line = p.stdout.readline()
        assert line.startswith("listening on"), (line, p.stderr.read() if p.stderr else "")
        return p

    def down(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        for i in range(1, self.n + 1):
            _ip("netns", "del", self.ns(i), check=False)
        _ip("netns", "del", f"{self.prefix}-br", check=False)


@contextmanager
def lab(n: int, ipv4: bool = True) -> Iterator[Lab]:
    why = unavailable()
    if why is not None:
        import pytest

        pytest.skip(f"namespace lab unavailable: {why}")
    world = Lab(n, ipv4)
    try:
        world.up()
        yield world
    finally:
        world.down()
