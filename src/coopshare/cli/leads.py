"""`coopshare lead …`: the lifecycle acts, one line each; `lead show`/`history` with --json."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the door is imported when a command runs, not to build the parser
    from coopshare.service.api import Api, LeadDetail, LeadStep

# subcommand (an Act value) -> (takes a MEMBER argument, what to print when it worked)
ACTS: dict[str, tuple[bool, str]] = {
    "interest": (False, "interest registered: the giver picks, or the first to ask gets it"),
    "accept-terms": (False, "referral terms accepted"),
    "pick": (True, "lead given to {member}"),
    "pass-on": (True, "lead passed on to {member}"),
    "give-back": (False, "lead given back: it is open again"),
    "withdraw": (False, "lead withdrawn"),
    "reopen": (False, "lead reopened"),
    "confirm-won": (False, "won confirmed"),
}


def add_parsers(lead: Any) -> None:
    """The lifecycle subcommands under `coopshare lead`."""
    p = lead.add_parser("claim", help="claim an open lead (see its terms with `lead show`)")
    p.add_argument("id")
    p.add_argument(
        "--accept-terms", action="store_true", help="also accept the giver's referral terms"
    )
    p = lead.add_parser("status", help="move your claimed lead: contacted, proposal, won, lost")
    p.add_argument("id")
    p.add_argument("status")
    for name, (member, _done) in ACTS.items():
        p = lead.add_parser(name, help=f"{name.replace('-', ' ')} (see `lead show` for rules)")
        p.add_argument("id")
        if member:
            p.add_argument("member", metavar="MEMBER", help="member name")
    for name in ("show", "history"):
        p = lead.add_parser(name, help=f"a lead's {'state' if name == 'show' else 'history'}")
        p.add_argument("id")
        p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, coop: Api) -> bool:
    """Carry out a lifecycle subcommand; False if `args.action` is not one of them."""
    action = args.action
    if action == "claim":
        item = coop.find_item(args.id)
        coop.claim_lead(item, accept_terms=args.accept_terms)
        print("lead claimed" + (" and its referral terms accepted" if args.accept_terms else ""))
    elif action == "status":
        coop.set_lead_status(coop.find_item(args.id), args.status)
        print(f"lead is now {args.status.strip().lower()}")
    elif action in ACTS:
        from coopshare.service.api import Act

        takes_member, done = ACTS[action]
        item = coop.find_item(args.id)
        member = coop.find_member(args.member) if takes_member else None
        coop.lead_act(item, Act(action), member)
        print(done.format(member=getattr(args, "member", "")))
    elif action in ("show", "history"):
        d = coop.lead_detail(coop.find_item(args.id).hex())
        if d is None:
            print("not a lead")
            return True
        if action == "history":
            _history(d, args.json)
        else:
            _show(d, args.json)
    else:
        return False
    return True


def _when(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def step_json(s: LeadStep) -> dict[str, str | bool]:
    return {
        "time": _when(s.ms),
        "act": s.act,
        "by": s.who,
        "member": s.member,
        "effect": s.ok,
        "reason": s.reason,
    }


def _history(d: LeadDetail, as_json: bool) -> None:
    from coopshare.service.api import lead_rules

    if as_json:
        print(json.dumps([step_json(s) for s in d.history], indent=2, ensure_ascii=False))
        return
    if not d.history:
        print("nothing has happened to this lead yet")
    for s in d.history:
        who = s.who or "(rules)"
        extra = f" {s.member}" if s.member else ""
        flag = "" if s.ok else f"  — no effect: {s.reason}"
        if s.reason == lead_rules.ALREADY_CLAIMED:
            flag = f"  — no effect: {s.member} was first"
            extra = ""
        print(f"{_when(s.ms)}  {who}: {s.act}{extra}{flag}")


def _show(d: LeadDetail, as_json: bool) -> None:
    out = {
        "id": d.id,
        "title": d.title,
        "status": d.status,
        "giver": d.author,
        "claimer": d.claimer_name,
        "referral_terms": d.referral_terms,
        "terms_accepted": d.terms_accepted,
        "won_confirmed": d.won_confirmed,
        "interested": [c.name for c in d.interested],
        "you_can": list(d.acts),
    }
    if d.interest_until:
        out["interest_window_until"] = f"{d.interest_until} (inclusive, UTC)"
    if d.lapse_ms:
        out["claim_lapses"] = _when(d.lapse_ms)
    if d.first_claimer:
        out["first_claimer"] = d.first_claimer
    if as_json:
        out["history"] = [step_json(s) for s in d.history]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    for k, v in out.items():
        if v not in ("", [], None):
            print(f"{k.replace('_', ' ')}: {', '.join(v) if isinstance(v, list) else v}")
