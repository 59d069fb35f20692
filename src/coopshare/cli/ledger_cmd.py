"""`coopshare thanks ID [--note TEXT]` and `coopshare ledger [--member NAME] [--json]`."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the door is imported when a command runs, not to build the parser
    from coopshare.service.api import Api, Counts, Ledger

COMMANDS = ("thanks", "ledger")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "thanks", help="thank for a note or a lead (its id) or an introduction (a member's name)"
    )
    p.add_argument("id", help="item id (or a unique start of it), or a member's name")
    p.add_argument("--note", default="", metavar="TEXT", help="a short word of thanks")
    p = sub.add_parser("ledger", help="given and received: yours in full, others' as counts")
    p.add_argument("--member", metavar="NAME", help="another member's counts")
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, door: Api) -> int:
    if args.command == "thanks":
        print(door.thank(door.thanks_target(args.id), args.note))
        return 0
    if args.member is not None:
        counts = door.member_ledger(door.find_member(args.member))
        if args.json:
            print(json.dumps(dataclasses.asdict(counts), indent=2))
        else:
            print(_counts_line(counts))
        return 0
    ledger = door.ledger()
    if args.json:
        print(json.dumps(dataclasses.asdict(ledger), indent=2))
    else:
        _print_ledger(ledger)
    return 0


def _counts_line(c: Counts) -> str:
    return (
        f"{c.name}: leads given {c.leads_given} (led to work {c.leads_worked}), "
        f"leads received {c.leads_received}, notes shared {c.notes_shared}, "
        f"thanks given {c.thanks_given}, thanks received {c.thanks_received}"
    )


def _print_ledger(ledger: Ledger) -> None:
    print(_counts_line(ledger.mine))
    for nudge in ledger.nudges:
        print(f"  note to self: {nudge.text}")
    for e in ledger.entries:
        day = dt.datetime.fromtimestamp(e.when_ms / 1000, tz=dt.UTC).date().isoformat()
        with_whom = f" ({e.other})" if e.other else ""
        flag = "" if e.counts else f" [does not count: {e.verdict}]"
        text = f" — {e.text}" if e.text else ""
        print(f"{day}  {e.what:<16} {e.title}{with_whom}{text}{flag}")
    if ledger.members:
        print("other members (counts only):")
        for c in ledger.members:
            print("  " + _counts_line(c))
