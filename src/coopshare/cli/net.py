"""Networked CLI commands: serve, sync, join, invite. Each runs one Node on an asyncio loop."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from pathlib import Path

from coopshare.errors import AddressInvalid, InviteNoAddress, NoCoop, PortOutOfRange
from coopshare.service import api
from coopshare.service.api import DEFAULT_PORT, Api, NetworkOptions
from coopshare.service.api_unlock import Key


def parse_hostport(text: str, default_host: str = "0.0.0.0") -> tuple[str, int]:  # noqa: S104
    host, sep, port = text.rpartition(":")
    if not sep:
        host, port = text, str(DEFAULT_PORT)
    host = host.strip("[]") or default_host
    try:
        value = int(port)
    except ValueError:
        raise AddressInvalid(address=text) from None
    if not 0 <= value <= 65535:
        raise PortOutOfRange(address=text)
    return host, value


def _logging(verbosity: int) -> None:
    """0: warnings only, 1: what the node does, 2: debugging detail."""
    logging.basicConfig(
        level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbosity, 2)],
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
    )


def serve(args: argparse.Namespace, home: Path, passphrase: Key) -> int:
    _logging(2 if args.verbose else 1)
    return asyncio.run(_serve(args, home, passphrase))


async def _serve(args: argparse.Namespace, home: Path, passphrase: Key) -> int:
    rt = await api.open_runtime(home, passphrase)
    if not rt.has_coop:
        await rt.close()
        raise NoCoop()
    opts = NetworkOptions(
        mdns=not args.no_mdns,
        meetup=args.meetup,
        peers=[parse_hostport(p, "127.0.0.1") for p in args.peer],
    )
    if args.listen:
        host, opts.port = parse_hostport(args.listen)
        opts.host = None if host in ("*", "") else host
        opts.port_fixed = True
    addr = await rt.start_network(opts)
    print(f"listening on {addr[0]}:{addr[1]}", flush=True)
    if args.meetup:
        print("meetup mode: looking for members, not announcing this device", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    logging.getLogger("coopshare.node").info("shutting down")
    await rt.close()
    return 0


def sync(args: argparse.Namespace, home: Path, passphrase: Key) -> int:
    _logging(1 if args.verbose else 0)

    async def run() -> int:
        rt = await api.open_runtime(home, passphrase, bulk_receiver=True)
        try:
            if not rt.has_coop:
                raise NoCoop()
            host, port = parse_hostport(args.peer, "127.0.0.1")
            result = await rt.sync_with(host, port, args.timeout)
            print(
                f"in sync with {host}:{port}: received {result.received} ops, sent {result.sent}"
                f"; {result.signature_checks} signatures checked"
                f"; {result.opened_ahead} opened by the signature worker"
            )
            return 0
        finally:
            await rt.close()

    return asyncio.run(run())


def join_cmd(args: argparse.Namespace, home: Path, passphrase: str | None) -> int:
    _logging(1 if args.verbose else 0)
    source = Path(args.file)
    text = source.read_text(encoding="utf-8") if source.is_file() else args.file
    invitation = api.parse_invitation(text)
    targets = (
        [parse_hostport(args.peer, "127.0.0.1")]
        if args.peer
        else [parse_hostport(a) for a in invitation.addrs]
    )
    if not targets:
        raise InviteNoAddress()

    name, received = asyncio.run(api.join(home, passphrase, invitation, targets, args.timeout))
    print(f"joined {name!r}: received {received} ops")
    return 0


def invite_create(args: argparse.Namespace, door: Api) -> int:
    made = door.create_invite(args.role, int(args.hours * 3600), None)
    text, addrs = made.text, made.addrs
    out = Path(args.out)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(made.file_text or text + "\n")
    print(text)
    if sys.stdout.isatty():
        with contextlib.suppress(Exception):
            import segno

            segno.make(text, error="m").terminal(compact=True)
    if not addrs:
        print(
            "note: no running 'coopshare serve' was found; the joiner needs --peer HOST:PORT",
            file=sys.stderr,
        )
    print(f"invitation written to {out} (single use, valid {args.hours:g} h)", file=sys.stderr)
    return 0
