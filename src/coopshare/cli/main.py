"""`coopshare` command line. Exit codes: 0 ok, 1 error (one line on stderr), 2 usage."""

from __future__ import annotations

import argparse
import errno
import getpass
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coopshare import __version__
from coopshare.cli import data, devices, leads, ledger_cmd, pair, proof_cmd, talent_cmd
from coopshare.errors import CoopShareError, PassphrasesDiffer, os_fault

if TYPE_CHECKING:
    from coopshare.service.api_unlock import Unlocking


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="coopshare",
        description="Share leads, notes and ideas with your cooperative, peer to peer.",
    )
    ap.add_argument(
        "--home", type=Path, help="data folder (default: $COOPSHARE_HOME or the user data dir)"
    )
    ap.add_argument("--version", action="version", version=f"coopshare {__version__}")
    ap.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a throwaway sample cooperative with simulated members",
    )
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="create your member and device keys")
    p.add_argument("--name", required=True)
    p.add_argument("--recovery-key", help="restore your member key from its recovery code")
    p.add_argument(
        "--keyring", action="store_true", help="also keep the unlock key in the OS keyring"
    )

    coop = sub.add_parser("coop", help="the cooperative").add_subparsers(
        dest="action", required=True
    )
    p = coop.add_parser("create", help="create a cooperative; you become its admin")
    p.add_argument("--name", required=True)

    note = sub.add_parser("note", help="knowledge notes").add_subparsers(
        dest="action", required=True
    )
    p = note.add_parser("add", help="write a note")
    p.add_argument("--title", required=True)
    p.add_argument("--tag", action="append", default=[])
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--body")
    g.add_argument("--body-file", type=Path)
    p.add_argument(
        "--to", action="append", default=[], metavar="NAME", help="only for these members"
    )
    p = note.add_parser("import", help="import a folder of Markdown files")
    p.add_argument("dir", type=Path)
    p = note.add_parser("edit", help="change a note")
    p.add_argument("id")
    p.add_argument("--title")
    p.add_argument("--tag", action="append")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--body")
    g.add_argument("--body-file", type=Path)

    lead = sub.add_parser("lead", help="opportunity leads").add_subparsers(
        dest="action", required=True
    )
    p = lead.add_parser("add", help="give a lead to the cooperative")
    p.add_argument("--title", required=True)
    for flag in (
        "description",
        "role",
        "region",
        "start",
        "respond-by",
        "contract-form",
        "referral-terms",
        "contact",
        "intermediary",
        "fee",
    ):
        p.add_argument(f"--{flag}")
    p.add_argument("--org", help="hiring organisation (sealed: only you, then the claimer)")
    p.add_argument("--skills", help="comma-separated")
    p.add_argument("--rate-min", type=int)
    p.add_argument("--rate-max", type=int)
    p.add_argument("--hours-per-week", type=int)
    p.add_argument("--duration-weeks", type=int)
    p.add_argument("--remote", action="store_true", default=None)
    p.add_argument(
        "--coop-share", type=int, metavar="PERCENT", help="part of the referral fee for the coop"
    )
    p.add_argument("--interest-until", metavar="YYYY-MM-DD", help="interest window's last day")
    leads.add_parsers(lead)
    talent_cmd.add_lead_parser(lead)
    p = lead.add_parser("release", help="release your lead's sealed details to its claimer")
    p.add_argument("id")

    idea = sub.add_parser("idea", help="ownership-tagged ideas").add_subparsers(
        dest="action", required=True
    )
    p = idea.add_parser("add", help="record an idea with its owner and usage terms")
    p.add_argument("--title", required=True)
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--body")
    g.add_argument("--body-file", type=Path)
    p.add_argument("--terms", required=True)
    p.add_argument("--tag", action="append", default=[])
    p.add_argument("--to", action="append", default=[], metavar="NAME")
    p.add_argument("--derived-from", action="append", default=[], metavar="ID")
    p.add_argument("--embargo-until", metavar="YYYY-MM-DD")
    p = idea.add_parser("accept", help="sign your acceptance of an idea's terms, to read it")
    p.add_argument("id")
    p = idea.add_parser("release", help="release your idea's text to a member who accepted")
    p.add_argument("id")
    p.add_argument("member", metavar="MEMBER", help="the member's name")
    p = idea.add_parser("show", help="an idea, its terms and who accepted them")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    proof_cmd.add_parsers(idea, sub)

    p = sub.add_parser("delete", help="delete a note, lead or idea (others see it removed)")
    p.add_argument("id")

    p = sub.add_parser("list", help="list notes, leads, ideas, members or peers")
    p.add_argument("what", choices=["notes", "leads", "ideas", "members", "peers"])
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("search", help="search notes, leads and ideas")
    p.add_argument("query")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("status", help="counts, version vector, roster head")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser(
        "diagnostics", help="ops held back here: skipped (unusable content) or parked"
    )
    p.add_argument("--json", action="store_true")

    member = sub.add_parser("member", help="the roster").add_subparsers(
        dest="action", required=True
    )
    p = member.add_parser("remove", help="remove a member (admins): a new key epoch follows")
    p.add_argument("name")
    sub.add_parser("recovery-key", help="print your member key's recovery code")
    ledger_cmd.add_parsers(sub)
    talent_cmd.add_parsers(sub)
    devices.add_parsers(sub)
    pair.add_parsers(sub)

    p = sub.add_parser("serve", help="run this device as a node: accept and keep peer connections")
    p.add_argument(
        "--listen", metavar="HOST:PORT", help="address to listen on (port 0: any free port)"
    )
    p.add_argument(
        "--peer", action="append", default=[], metavar="HOST:PORT", help="stay connected to"
    )
    p.add_argument("--no-mdns", action="store_true", help="do not use local network discovery")
    p.add_argument(
        "--meetup", action="store_true", help="find members but do not announce this device"
    )
    p.add_argument("-v", "--verbose", action="store_true")
    p = sub.add_parser("sync", help="sync with one peer until both sides have the same ops")
    p.add_argument("--peer", required=True, metavar="HOST:PORT")
    p.add_argument("--once", action="store_true", help="exit once converged (the default)")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds (default 300)")
    p.add_argument("-v", "--verbose", action="store_true")
    p = sub.add_parser("join", help="join a cooperative with an invitation")
    p.add_argument("file", help="invitation file (or the invitation text itself)")
    p.add_argument(
        "--peer", metavar="HOST:PORT", help="the inviter's address, if not in the invitation"
    )
    p.add_argument("--timeout", type=float, default=300.0)
    p.add_argument("-v", "--verbose", action="store_true")
    inv = sub.add_parser("invite", help="invitations").add_subparsers(dest="action", required=True)
    p = inv.add_parser("create", help="write a single-use invitation (text and QR code)")
    p.add_argument("--role", default="member", choices=["member", "admin"])
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument(
        "--hours", type=float, default=24.0, help="valid for this many hours (default 24)"
    )
    data.add_parsers(sub)
    return ap


def read_passphrase(*, confirm: bool = False) -> str | None:
    from coopshare.service.api_unlock import env_passphrase

    env = env_passphrase()
    if env is not None:
        return env
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Repeat passphrase: ") != first:
        raise PassphrasesDiffer()
    return first


AppOpener = Callable[[Path, bool], int]

# commands that do not unlock the data folder with its passphrase first (commands.run): they
# make keys (init, pair), join, read or write files of their own (cli/data.py) or need no keys
NO_UNLOCK_AHEAD = frozenset({"init", "pair", "join", "verify-evidence", *data.COMMANDS})


def _unlock_ahead(args: argparse.Namespace, home: Path) -> Unlocking | None:
    """Start the Argon2id unlock on a thread now, so that the door is imported meanwhile
    (service/api_unlock.py); None for a command that unlocks otherwise or not at all."""
    from coopshare.service.api_unlock import Unlocking, is_initialised

    if args.command in NO_UNLOCK_AHEAD or not is_initialised(home):
        return None  # a folder without keys: commands.run says so, as before
    return Unlocking(home, read_passphrase())


def main(argv: Sequence[str] | None = None, open_app: AppOpener | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # `--version` and `--help` end here: the door is not loaded
    from coopshare.service import api_unlock  # the door's light entry (the keystore)

    home = args.home or api_unlock.default_home()
    if args.command is None:
        if open_app is None:
            parser.print_help()
            return 0
        try:
            return open_app(home, args.demo)
        except CoopShareError as e:
            print(f"coopshare: error: {e}", file=sys.stderr)
            return 1
    try:
        ahead = _unlock_ahead(args, home)
        from coopshare.cli import commands  # the door, imported while Argon2id runs

        return commands.run(args, home, read_passphrase, ahead)
    except CoopShareError as e:
        print(f"coopshare: error: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):  # disk full, read-only
            print(f"coopshare: error: {os_fault(e, str(home))}", file=sys.stderr)
            return 1
        print(
            f"coopshare: error: {e.strerror or e}: {e.filename or ''}".rstrip(": "), file=sys.stderr
        )
        return 1
    except KeyboardInterrupt:
        print("coopshare: interrupted", file=sys.stderr)
        return 130
