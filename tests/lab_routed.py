"""Two routed subnets of network namespaces for the carrier test (root only; skipped elsewhere).

    members  10.214.1.0/24   hosts "a", "b" (…1.2, …1.3) on a bridge in the router namespace
    servers  10.214.2.0/24   host "c" (…2.2), the carrier, on its own link to the router
    router   10.214.1.1 and 10.214.2.1, ip_forward on, no multicast routing (mDNS stays on the
             members' link, as behind a real router or a VPN)

Every namespace is new and connected to nothing else, so no packet reaches the machine's real
network. ``isolate`` turns on bridge port isolation: members on the same subnet can then reach
the router (and through it the carrier) but not each other.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .lab import _ip, unavailable
from .netutil import env

HOSTS = {"a": "10.214.1.2", "b": "10.214.1.3", "c": "10.214.2.2"}
GATEWAY = {"a": "10.214.1.1", "b": "10.214.1.1", "c": "10.214.2.1"}


class RoutedLab:
    def __init__(self) -> None:
        self.prefix = "cr" + secrets.token_hex(3)
        self.procs: list[subprocess.Popen[str]] = []

    def ns(self, host: str) -> str:
        return f"{self.prefix}-{host}"

    def addr(self, host: str) -> str:
        return HOSTS[host]

    def _veth(self, host: str) -> str:
        return f"{self.prefix}v{host}"

    def up(self) -> None:
        r = self.ns("r")
        _ip("netns", "add", r)
        _ip("-n", r, "link", "set", "lo", "up")
        subprocess.run(
            ["ip", "netns", "exec", r, "sysctl", "-qw", "net.ipv4.ip_forward=1"], check=True
        )
        _ip("-n", r, "link", "add", "br0", "type", "bridge", "stp_state", "0")
        _ip("-n", r, "addr", "add", "10.214.1.1/24", "dev", "br0")
        _ip("-n", r, "link", "set", "br0", "up")
        for host, address in HOSTS.items():
            ns = self.ns(host)
            _ip("netns", "add", ns)
            _ip("-n", ns, "link", "set", "lo", "up")
            veth = self._veth(host)
            _ip("-n", r, "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns)
            if host == "c":
                _ip("-n", r, "addr", "add", "10.214.2.1/24", "dev", veth)
            else:
                _ip("-n", r, "link", "set", veth, "master", "br0")
            _ip("-n", r, "link", "set", veth, "up")
            _ip("-n", ns, "addr", "add", f"{address}/24", "dev", "eth0")
            _ip("-n", ns, "link", "set", "eth0", "up")
            _ip("-n", ns, "route", "add", "default", "via", GATEWAY[host])

    def isolate(self, *hosts: str) -> None:
        """Bridge port isolation: these members can no longer reach each other directly."""
        for host in hosts:
            _ip(
                "-n",
                self.ns("r"),
                "link",
                "set",
                "dev",
                self._veth(host),
                "type",
                "bridge_slave",
                "isolated",
                "on",
            )

    def can_connect(self, host: str, address: str, port: int) -> bool:
        """Whether a TCP connection from `host` ("r" for the router) to address:port opens."""
        code = (
            "import socket,sys\n"
            "try:\n"
            f"    socket.create_connection(({address!r}, {port}), timeout=5).close()\n"
            "except OSError:\n"
            "    sys.exit(1)\n"
        )
        r = subprocess.run(
            ["ip", "netns", "exec", self.ns(host), sys.executable, "-c", code],
            capture_output=True,
            timeout=60,
        )
        return r.returncode == 0

    def cli(
        self,
        host: str,
        home: Path,
        *args: str,
        env_override: dict[str, str] | None = None,
        check: bool = True,
        timeout: float = 180,
    ) -> subprocess.CompletedProcess[str]:
        e = env() if env_override is None else env_override
        r = subprocess.run(
            [
                "ip",
                "netns",
                "exec",
                self.ns(host),
                sys.executable,
                "-m",
                "coopshare",
                "--home",
                str(home),
                *args,
            ],
            capture_output=True,
            text=True,
            env=e,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )
        if check and r.returncode != 0:
            raise AssertionError(f"{host}: coopshare {' '.join(args)}: {r.stderr}")
        return r

    def serve(
        self, host: str, home: Path, *args: str, env_override: dict[str, str] | None = None
    ) -> subprocess.Popen[str]:
        """`coopshare serve ARGS` as a real process in `host`; returns once it listens."""
        e = env() if env_override is None else env_override
        p = subprocess.Popen(
            [
                "ip",
                "netns",
                "exec",
                self.ns(host),
                sys.executable,
                "-m",
                "coopshare",
                "--home",
                str(home),
                "serve",
                *args,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=e,
            stdin=subprocess.DEVNULL,
        )
        self.procs.append(p)
        assert p.stdout is not None
        line = p.stdout.readline()
        if not line.startswith("listening on"):
            p.kill()
            raise AssertionError(f"{host}: serve did not start: {line!r} {p.communicate()[1]}")
        return p

    @staticmethod
    def stop(p: subprocess.Popen[str]) -> str:
        """SIGTERM, wait, and return what it wrote on stderr."""
        if p.poll() is None:
            p.terminate()
        try:
            _, err = p.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            _, err = p.communicate()
        return err or ""

    def down(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                self.stop(p)
        for host in (*HOSTS, "r"):
            _ip("netns", "del", self.ns(host), check=False)


@contextmanager
def routed_lab() -> Iterator[RoutedLab]:
    why = unavailable()
    if why is not None:
        import pytest

        pytest.skip(f"namespace lab unavailable: {why}")
    world = RoutedLab()
    try:
        world.up()
        yield world
    finally:
        world.down()
