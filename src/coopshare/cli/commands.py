"""One function per CLI command; each returns the exit code."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from coopshare.cli import data, devices, leads, ledger_cmd, proof_cmd, talent_cmd
from coopshare.errors import NoSuchItem, NotInitialised, NotUtf8, PassphraseRequired
from coopshare.service import api
from coopshare.service.api import Api, ItemEdit, ItemState, Kind, NewLead
from coopshare.service.api_unlock import Unlocking

PassphraseReader = Callable[..., "str | None"]


def run(
    args: argparse.Namespace,
    home: Path,
    read_passphrase: PassphraseReader,
    ahead: Unlocking | None = None,
) -> int:
    """Run the command; `ahead`: its data folder's unlock, started before the door was imported
    (cli/main.py), used instead of reading the passphrase."""
    if args.command == "verify-evidence":
        return proof_cmd.verify(args)
    if args.command in data.COMMANDS:
        return data.run(args, home, read_passphrase)
    if args.command == "init":
        passphrase = read_passphrase(confirm=True)
        if passphrase is None:
            raise PassphraseRequired()
        ident = api.init_identity(
            home, args.name, passphrase, recovery_code=args.recovery_key, use_keyring=args.keyring
        )
        print(f"identity created for {ident.name} in {home}")
        print(f"member id {ident.member_id.hex()[:16]}  device id {ident.device_id.hex()[:16]}")
        print("write down your recovery code: coopshare recovery-key")
        return 0
    if args.command == "pair" and args.action == "new-device":  # makes the keys, like init
        from coopshare.cli import pair

        passphrase = read_passphrase(confirm=True)
        if passphrase is None:
            raise PassphraseRequired()
        return pair.run(args, home, passphrase)
    if not api.is_initialised(home):
        raise NotInitialised(path=str(home))
    if args.command == "pair":
        from coopshare.cli import pair

        return pair.run(args, home, read_passphrase())
    if args.command in ("serve", "sync", "join"):
        from coopshare.cli import net

        if args.command == "join":
            return net.join_cmd(args, home, read_passphrase())
        runner = net.serve if args.command == "serve" else net.sync
        return runner(args, home, read_passphrase() if ahead is None else ahead)
    door = api.open_api(home, read_passphrase() if ahead is None else ahead)
    try:
        return _dispatch(args, door)
    finally:
        door.close()


def _dispatch(args: argparse.Namespace, coop: Api) -> int:
    cmd, action = args.command, getattr(args, "action", None)
    if cmd in ledger_cmd.COMMANDS:
        return ledger_cmd.run(args, coop)
    if cmd == "tsa":
        return proof_cmd.run_tsa(args, coop)
    if cmd in talent_cmd.COMMANDS:
        return talent_cmd.run(args, coop)
    if cmd == "lead" and action == "fits":
        talent_cmd.run_lead_fits(args, coop)
        return 0
    if cmd in devices.COMMANDS:
        return devices.run(args, coop)
    if cmd == "coop":
        coop_id = coop.create_coop(args.name)
        print(f"cooperative {args.name!r} created: {coop_id}")
    elif cmd == "note" and action == "add":
        to = [coop.find_member(n) for n in args.to]
        print(coop.add_note(args.title, _body(args), args.tag, to))
    elif cmd == "note" and action == "import":
        report = coop.import_markdown(args.dir)
        for path, reason in report.failed:
            print(f"coopshare: skipped {path}: {reason}", file=sys.stderr)
        for path, skip in report.skipped:
            print(f"coopshare: {path}: {api.SKIP_TEXT[skip]}", file=sys.stderr)
        print(
            f"imported {report.imported} notes, updated {report.updated}, unchanged "
            f"{report.unchanged}, skipped {len(report.failed) + len(report.skipped)} files"
            + (f"; {report.attached} attachments written" if report.attached else "")
        )
        return 1 if report.failed and not (report.imported or report.updated) else 0
    elif cmd == "note" and action == "edit":
        body = _body(args) if (args.body is not None or args.body_file) else None
        tags = None if args.tag is None else tuple(args.tag)
        coop.edit_item(coop.find_item(args.id), ItemEdit(args.title, tags, body))
    elif cmd == "lead":
        _lead(args, coop)
    elif cmd == "idea" and action == "add":
        item = coop.add_idea(
            args.title,
            _body(args),
            args.terms,
            tags=args.tag,
            to=[coop.find_member(n) for n in args.to],
            derived_from=[coop.find_item(i) for i in args.derived_from],
            embargo_until=args.embargo_until,
        )
        print(item)
    elif cmd == "idea":
        _idea(args, coop)
    elif cmd == "delete":
        coop.delete_item(coop.find_item(args.id))
    elif cmd == "list":
        _list(args, coop)
    elif cmd == "search":
        _items_out(coop.search_items(args.query), args.json, coop)
    elif cmd == "status":
        st = coop.status()
        if args.json:
            print(json.dumps(st.to_json(), indent=2))
        else:
            print(
                f"cooperative: {st.coop_name or '(none yet)'}  members: {st.members}  ops: {st.ops}"
            )
            print("items: " + ", ".join(f"{k} {v}" for k, v in st.items.items()))
    elif cmd == "diagnostics":
        _diagnostics(coop, args.json)
    elif cmd == "member":
        coop.remove_member(coop.find_member(args.name))
        print(f"removed {args.name}; a new key epoch now protects what is written next")
    elif cmd == "invite":
        from coopshare.cli import net

        return net.invite_create(args, coop)
    elif cmd == "recovery-key":
        print(coop.recovery_code())
    return 0


def _diagnostics(coop: Api, as_json: bool) -> None:
    held = coop.diagnostics()
    if as_json:
        print(json.dumps({"held_back": [h.to_json() for h in held]}, indent=2))
        return
    if not held:
        print("no op is held back")
    for h in held:
        print(
            f"{h.state:8} op {h.op_id[:16]}  {h.kind or '?':12}"
            f" by {h.author[:16] or '?'}  since {h.since}: {h.reason}"
        )


def _body(args: argparse.Namespace) -> str:
    if args.body_file is not None:
        try:
            return Path(args.body_file).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise NotUtf8(path=str(args.body_file)) from None
    return str(args.body)


def _lead(args: argparse.Namespace, coop: Api) -> None:
    if args.action == "add":
        names = (
            "title",
            "description",
            "role",
            "region",
            "start",
            "respond_by",
            "contract_form",
            "referral_terms",
            "contact",
            "intermediary",
            "fee",
            "org",
            "rate_min",
            "rate_max",
            "hours_per_week",
            "duration_weeks",
            "remote",
            "interest_until",
        )
        given = {n: getattr(args, n) for n in names if getattr(args, n) is not None}
        if args.skills:
            # ESCO labels (English or Dutch) become ids; other words stay free text
            given["skills"] = tuple(
                coop.resolve_skill(s.strip()) for s in args.skills.split(",") if s.strip()
            )
        if args.coop_share:  # inside the terms text the claimer signs (lead form: COOP_SHARE)
            terms = given.get("referral_terms") or "none"
            given["referral_terms"] = f"{terms}; coop-share: {args.coop_share}%"
        print(coop.add_lead(NewLead(**given)))
    elif args.action == "release":  # the giver's node does this by itself once terms are signed
        print(f"released {coop.release_lead(coop.find_item(args.id))} key(s) to the claimer")
    elif leads.run(args, coop):
        return


def _idea(args: argparse.Namespace, coop: Api) -> None:
    item_id = coop.find_item(args.id)
    if args.action in proof_cmd.IDEA_ACTIONS:
        proof_cmd.run_idea(args, coop, item_id)
    elif args.action == "accept":
        h = coop.accept_terms(item_id)
        print(
            f"terms accepted (hash {h[:16]}); the text unlocks when the owner's device releases it"
        )
    elif args.action == "release":
        n = coop.release(item_id, coop.find_member(args.member))
        print(f"released {n} key(s) to {args.member}")
    elif args.action == "show":
        st = coop.item(item_id)
        terms = coop.idea_terms(item_id)
        if st is None or terms is None:
            raise NoSuchItem(item=args.id)
        v = st.view()
        v["author"] = coop.author_name(st) or "(former member)"
        v["terms_status"] = terms.to_json()
        if args.json:
            print(json.dumps(v, indent=2, ensure_ascii=False))
            return
        print(f"{v.get('title', '')}  — {v['author']}  [{terms.terms}: {terms.access}]")
        if terms.embargo_until:
            print(f"embargo until {terms.embargo_until}")
        print(v.get("body") or "(text locked: accept the terms with `coopshare idea accept`)")
        for a in terms.acceptances:
            state = "released" if a.released else "waiting for release"
            print(f"accepted by {a.name} at {a.when} ({state})")
        for s in terms.history:
            if s.problem:
                why = api.IDEA_FLAGS.get(s.problem, s.problem)
                print(f"flagged: {s.name} {s.what} at {s.when}: {why}")


def _list(args: argparse.Namespace, coop: Api) -> None:
    what = args.what
    if what == "members":
        rows = coop.members()
        if args.json:
            print(json.dumps([m.to_json() for m in rows], indent=2))
        else:
            for m in rows:
                print(f"{m.name:<30} {m.role:<7} {m.member_id[:16]}" + ("  (you)" if m.me else ""))
        return
    if what == "peers":
        peers = coop.peer_list()
        if args.json:
            print(json.dumps([e.to_json() for e in peers], indent=2))
        elif not peers:
            print("no peers known yet")
        for e in [] if args.json else peers:
            state = "connected" if e.connected else "not connected"
            device = (e.device or "(not yet known)")[:15]
            print(f"{device:<15}  {e.addr or '-':<22} {e.how:<8} {state}")
        return
    kind = {"notes": Kind.NOTE, "leads": Kind.LEAD, "ideas": Kind.IDEA}[what]
    _items_out(coop.items(kind), args.json, coop)


def _items_out(items: list[ItemState], as_json: bool, coop: Api) -> None:
    views = []
    for st in items:
        v = st.view()
        v["author"] = coop.author_name(st) or "(former member)"
        if st.kind is Kind.IDEA and (terms := coop.idea_terms(st.item_id)) is not None:
            v["terms_status"] = terms.to_json()
        views.append(v)
    if as_json:
        print(json.dumps(views, indent=2, ensure_ascii=False))
        return
    if not views:
        print("nothing here yet")
    short = unique_prefixes([st.item_id.hex() for st in coop.items()])
    width = max((len(short.get(v["id"], v["id"])) for v in views), default=12)
    for v in views:
        extra = f" [{v['status']}]" if "status" in v else ""
        shown = short.get(v["id"], v["id"]).ljust(width)
        print(f"{shown}  {v['kind']:<5} {v.get('title', '')}{extra}  — {v['author']}")


def unique_prefixes(ids: list[str], shortest: int = 8) -> dict[str, str]:
    """The shortest prefix of each id (at least `shortest` characters) that no other id shares.

    Every item id starts with its author's member id, so a fixed width would show one author's
    items alike; the prefixes printed by `list` are what `lead claim ID` and friends accept.
    """
    ordered = sorted(set(ids))
    out = {}
    for i, this in enumerate(ordered):
        need = shortest
        for j in (i - 1, i + 1):
            if 0 <= j < len(ordered):
                other = ordered[j]
                common = next(
                    (k for k, (a, b) in enumerate(zip(this, other, strict=False)) if a != b),
                    min(len(this), len(other)),
                )
                need = max(need, common + 1)
        out[this] = this[:need]
    return out
