"""`coopshare profile …` (talent profile, availability windows, consent, ESCO skills, private
conflict-of-interest names) and `coopshare lead fits ID [--json]`."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

COMMANDS = ("profile",)

if TYPE_CHECKING:  # the door loads when a command runs, not for --version or --help
    from coopshare.service.api import Api


def add_parsers(sub: Any) -> None:
    prof = sub.add_parser("profile", help="your talent profile, availability and consent")
    acts = prof.add_subparsers(dest="action", required=True)
    p = acts.add_parser("show", help="your skills, ambitions, windows and consents")
    p.add_argument("--json", action="store_true")
    p = acts.add_parser("set", help="set your skills (ESCO labels in English or Dutch) and more")
    p.add_argument("--skill", action="append", metavar="SKILL", help="repeat; replaces the list")
    p.add_argument("--ambitions", metavar="TEXT")
    p = acts.add_parser("window", help="publish an availability window (ends within 90 days)")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--hours", type=int, default=0, help="hours a week")
    p.add_argument("--region", default="")
    p.add_argument("--remote", action="store_true")
    p.add_argument("--for", dest="member", metavar="NAME", help="a member who consented")
    p = acts.add_parser("withdraw", help="take back a window you published (its id)")
    p.add_argument("id")
    p = acts.add_parser("windows", help="every current availability window in the cooperative")
    p.add_argument("--json", action="store_true")
    p = acts.add_parser("consent", help="let a member publish your availability (or --revoke)")
    p.add_argument("member", metavar="NAME")
    p.add_argument("--revoke", action="store_true")
    p = acts.add_parser("skills", help="search the bundled ESCO skills")
    p.add_argument("query")
    p.add_argument("--lang", choices=["en", "nl"], default="en")
    p.add_argument("--json", action="store_true")
    p = acts.add_parser("coi", help="your private conflict-of-interest clients (this device)")
    p.add_argument("--add", action="append", default=[], metavar="CLIENT")
    p.add_argument("--remove", action="append", default=[], metavar="CLIENT")


def add_lead_parser(lead: Any) -> None:
    p = lead.add_parser("fits", help="who fits this lead, with reasons (worked out here only)")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")


def run_lead_fits(args: argparse.Namespace, door: Api) -> None:
    rows = door.who_fits(door.find_item(args.id).hex()) or []
    if args.json:
        print(json.dumps([r.to_json() for r in rows], indent=2, ensure_ascii=False))
        return
    if not rows:
        print("nobody fits yet (skills, availability and region are matched)")
    for r in rows:
        print(f"{r.name}: {r.reason}")


def run(args: argparse.Namespace, door: Api) -> int:
    action = args.action
    if action == "show":
        _show(door, args.json)
    elif action == "set":
        prof = door.my_profile()
        skills = tuple(args.skill) if args.skill is not None else prof.skills
        ambitions = args.ambitions if args.ambitions is not None else prof.ambitions
        door.set_talent_profile(skills, ambitions)
        print("profile saved")
    elif action == "window":
        member = door.find_member(args.member) if args.member else None
        print(
            door.publish_window(args.start, args.end, args.hours, args.region, args.remote, member)
        )
    elif action == "withdraw":
        door.withdraw_window(door.find_item(args.id).hex())
        print("window withdrawn: every replica drops it")
    elif action == "windows":
        rows = door.windows()
        if args.json:
            print(json.dumps([w.to_json() for w in rows], indent=2, ensure_ascii=False))
        for w in [] if args.json else rows:
            by = "" if w.publisher == w.subject else f" (published by {w.publisher})"
            where = "remote" if w.remote else w.region
            print(f"{w.subject}: {w.start} to {w.end}, {w.hours} h/week, {where}{by}")
    elif action == "consent":
        door.set_consent(door.find_member(args.member), not args.revoke)
        print(f"consent {'revoked' if args.revoke else 'given'}: {args.member}")
    elif action == "skills":
        found = door.search_skills(args.query, args.lang)
        if args.json:
            print(json.dumps([[s.id, s.en, s.nl] for s in found], ensure_ascii=False))
        for s in [] if args.json else found:
            print(f"{s.id}  {s.label(args.lang)}")
    elif action == "coi":
        names = [n for n in door.coi_names() if n not in args.remove] + args.add
        if args.add or args.remove:
            names = list(door.set_coi_names(names))
        for n in names:
            print(n)
    return 0


def _show(door: Api, as_json: bool) -> None:
    prof = door.my_profile()
    skills = [door.skill_label(s) for s in prof.skills]
    consents = [(c.publisher, c.granted) for c in door.my_consents()]
    if as_json:
        out = {
            "name": prof.name,
            "skills": list(prof.skills),
            "skill_labels": skills,
            "ambitions": prof.ambitions,
            "availability": [w.to_field() for w in prof.availability],
            "consents": [{"publisher": n, "granted": g} for n, g in consents],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return
    print(f"{prof.name}: {', '.join(skills) or 'no skills yet'}")
    if prof.ambitions:
        print(f"ambitions: {prof.ambitions}")
    for w in prof.availability:
        print(f"available {w.start} to {w.end}, {w.hours} h/week, {w.region or '-'}")
    for name, granted in consents:
        print(f"consent to {name}: {'given' if granted else 'revoked'}")
