"""`coopshare pair offer` and `coopshare pair join CODE --peer HOST:PORT`: in-person pairing
(protocol/pairing.py). Both print the same 6 digits; each person answers y only if the other
screen shows the same. The offer then hands over an invitation (sealed under the agreed key),
and `pair join` joins with it at once.

A new device of my own (protocol/pairing_link.py): `coopshare pair new-device` on the new
device (no `init` first) shows the code; `coopshare pair add-device CODE --peer HOST:PORT` on my
existing device (its `serve` running) certifies the new device's keys and hands over a device
invitation; the new device then joins. No admin and no recovery code are involved."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopshare.errors import InviteNoAddress, PassphraseRequired

if TYPE_CHECKING:  # the door loads when a command runs, not for --version or --help
    pass


def add_parsers(sub: Any) -> None:
    pair = sub.add_parser("pair", help="pair in person: compare 6 digits instead of a file")
    acts = pair.add_subparsers(dest="action", required=True)
    p = acts.add_parser("offer", help="show a pairing code; hands over an invitation")
    p.add_argument("--role", default="member", choices=["member", "admin", "device"])
    p.add_argument("--listen", default="0.0.0.0:0", metavar="HOST:PORT")
    p.add_argument("--minutes", type=float, default=2.0, help="the code's lifetime (2)")
    p = acts.add_parser("join", help="pair with a code shown on another screen, then join")
    p.add_argument("code", help="the pairing code, like K7QZ-2MXA")
    p.add_argument("--peer", required=True, metavar="HOST:PORT", help="the other screen's address")
    p.add_argument("--timeout", type=float, default=300.0)
    p = acts.add_parser("new-device", help="on a new device of yours: show a pairing code")
    p.add_argument("--listen", default="0.0.0.0:0", metavar="HOST:PORT")
    p.add_argument("--minutes", type=float, default=2.0, help="the code's lifetime (2)")
    p.add_argument("--timeout", type=float, default=300.0)
    p = acts.add_parser("add-device", help="on your device: add the new one showing a code")
    p.add_argument("code", help="the pairing code the new device shows")
    p.add_argument("--peer", required=True, metavar="HOST:PORT", help="the new device's address")


async def _line() -> str:
    """One line from stdin on a daemon thread (the process may end while it still waits)."""
    import asyncio  # here, not at the top: every command builds the parser with this module

    loop = asyncio.get_running_loop()
    got: asyncio.Future[str] = loop.create_future()

    def settle(line: str) -> None:
        if not got.done():
            got.set_result(line)

    def read() -> None:
        loop.call_soon_threadsafe(settle, sys.stdin.readline())

    threading.Thread(target=read, daemon=True).start()
    return await got


async def _ask(code: str) -> bool:
    print(f"compare: {code[:3]} {code[3:]}", flush=True)
    print("do both screens show these digits? [y/N]", flush=True)
    return (await _line()).strip().lower() in ("y", "yes", "j", "ja")


def run(args: argparse.Namespace, home: Path, passphrase: str | None) -> int:
    import asyncio

    if args.action == "offer":
        return asyncio.run(_offer(args, home, passphrase))
    if args.action == "new-device":
        assert passphrase is not None
        return asyncio.run(_new_device(args, home, passphrase))
    if args.action == "add-device":
        return asyncio.run(_add_device(args, home, passphrase))
    return asyncio.run(_join(args, home, passphrase))


async def _offer(args: argparse.Namespace, home: Path, passphrase: str | None) -> int:
    from coopshare.cli.net import parse_hostport
    from coopshare.service import api

    door = api.open_api(home, passphrase)
    try:
        secret = api.new_pairing_secret()
        ttl = max(10.0, args.minutes * 60)

        async def payload() -> bytes:
            made = door.create_invite(args.role, 3600, None)
            return made.text.encode()

        def listening(host: str, port: int) -> None:
            where = " or ".join(api.pairing_addresses(host, port))
            print(f"pairing code: {api.pairing_code_text(secret)} at {where}", flush=True)

        await api.pair_host(
            secret, parse_hostport(args.listen), _ask, payload, on_listening=listening, ttl=ttl
        )
        print("paired: the invitation was handed over", flush=True)
        return 0
    finally:
        door.close()


async def _join(args: argparse.Namespace, home: Path, passphrase: str | None) -> int:
    from coopshare.cli.net import parse_hostport
    from coopshare.service import api

    if passphrase is None:
        raise PassphraseRequired()
    secret = api.parse_pairing_code(args.code)
    text = (await api.pair_guest(secret, parse_hostport(args.peer, "127.0.0.1"), _ask)).decode()
    invitation = api.parse_invitation(text)
    targets = [parse_hostport(a) for a in invitation.addrs]
    if not targets:
        raise InviteNoAddress()
    print("paired: joining", flush=True)
    name, received = await api.join(home, passphrase, invitation, targets, args.timeout)
    print(f"joined {name!r}: received {received} ops", flush=True)
    return 0


async def _new_device(args: argparse.Namespace, home: Path, passphrase: str) -> int:
    from coopshare.cli.net import parse_hostport
    from coopshare.service import api

    secret = api.new_pairing_secret()

    def listening(host: str, port: int) -> None:
        where = " or ".join(api.pairing_addresses(host, port))
        print(f"pairing code: {api.pairing_code_text(secret)} at {where}", flush=True)

    name, received = await api.join_as_my_device(
        home, passphrase, secret, parse_hostport(args.listen), _ask,
        on_listening=listening, on_paired=lambda: print("paired: joining", flush=True),
        ttl=max(10.0, args.minutes * 60), timeout=args.timeout,
    )  # fmt: skip
    print(f"joined {name!r} as another device of yours: received {received} ops", flush=True)
    return 0


async def _add_device(args: argparse.Namespace, home: Path, passphrase: str | None) -> int:
    from coopshare.cli.net import parse_hostport
    from coopshare.service import api

    door = api.open_api(home, passphrase)
    try:
        secret = api.parse_pairing_code(args.code)

        async def grant(request: api.LinkRequest) -> api.LinkGrant:
            return door.link_grant(request, None)

        await api.add_my_device_in_person(
            secret, parse_hostport(args.peer, "127.0.0.1"), _ask, grant
        )
        print("paired: your new device is joining", flush=True)
        return 0
    finally:
        door.close()
