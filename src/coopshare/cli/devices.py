"""`coopshare device list|rename|revoke|invite` (my devices) and `coopshare verify NAME`
(safety numbers, marked as verified on this device)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from coopshare.errors import NoSuchDevice

COMMANDS = ("device", "verify")

if TYPE_CHECKING:  # the door loads when a command runs, not for --version or --help
    from coopshare.service.api import Api


def add_parsers(sub: Any) -> None:
    dev = sub.add_parser("device", help="your own devices").add_subparsers(
        dest="action", required=True
    )
    p = dev.add_parser("list", help="your devices (this one first)")
    p.add_argument("--json", action="store_true")
    p = dev.add_parser("rename", help="a friendly name for one of your devices (kept here)")
    p.add_argument("id", help="device id (or a unique start of it)")
    p.add_argument("name")
    p = dev.add_parser("revoke", help="revoke a lost device of yours: a new key epoch follows")
    p.add_argument("id", help="device id (or a unique start of it)")
    p = dev.add_parser(
        "invite", help="invitation for another device of yours (it needs your recovery key)"
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--hours", type=float, default=1.0, help="valid for this many hours (1)")
    p = sub.add_parser("verify", help="a member's safety number and whether you verified it")
    p.add_argument("name")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--mark", action="store_true", help="you compared the digits: mark verified")
    g.add_argument("--forget", action="store_true", help="mark as not verified")


def _device(door: Api, prefix: str) -> bytes:
    want = prefix.replace(" ", "").lower()
    hits = [d.device_id for d in door.my_devices() if d.device_id.hex().startswith(want)]
    if len(hits) != 1 or not want:
        raise NoSuchDevice()
    return hits[0]


def run(args: argparse.Namespace, door: Api) -> int:
    if args.command == "verify":
        member = door.find_member(args.name)
        if args.mark:
            door.mark_verified(member)
        elif args.forget:
            door.forget_verified(member)
        card = next(c for c in door.member_cards() if c.member_id == member.hex())
        print(f"safety number: {card.safety}")
        print(f"state: {door.verification(member).state}")
        return 0
    if args.action == "list":
        rows = door.my_devices()
        if args.json:
            out = [
                {
                    "device_id": d.device_id.hex(),
                    "name": d.name,
                    "this_device": d.this_device,
                    "active": d.active,
                }
                for d in rows
            ]
            print(json.dumps(out, indent=2))
        for d in [] if args.json else rows:
            marks = ["this device"] if d.this_device else []
            marks += [] if d.active else ["revoked"]
            extra = f" ({', '.join(marks)})" if marks else ""
            print(f"{d.device_id.hex()[:16]}  {d.name or '-'}{extra}")
    elif args.action == "rename":
        door.rename_device(_device(door, args.id), args.name)
    elif args.action == "revoke":
        door.revoke_my_device(_device(door, args.id))
        print("revoked: a new key epoch was written")
    elif args.action == "invite":
        args.role = "device"
        from coopshare.cli import net

        return net.invite_create(args, door)
    return 0
