"""CLI commands that carry data by file: ``bundle``, ``export`` and ``backup``.

Added to the parser by :func:`add_parsers` and run by :func:`run`, so that ``cli/main.py`` and
``cli/commands.py`` only name this module.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from coopshare.errors import NotInitialised, RecoveryCodeInvalid

if TYPE_CHECKING:  # the door is imported when a command runs, not to build the parser
    from coopshare.service.api import Api

PassphraseReader = Callable[..., "str | None"]
COMMANDS = ("bundle", "export", "backup")
PLAINTEXT_WARNING = (
    "warning: these files are NOT encrypted: anyone who has them can read them.\n"
    "let op: deze bestanden zijn NIET versleuteld: iedereen die ze heeft, kan ze lezen."
)


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bundle = sub.add_parser(
        "bundle", help="carry ops by hand (USB stick): the ops a peer lacks, in one file"
    ).add_subparsers(dest="action", required=True)
    p = bundle.add_parser("export", help="write the ops a peer lacks to FILE")
    g = p.add_mutually_exclusive_group()
    g.add_argument(
        "--since", metavar="VECTOR", help="what the peer holds, as its 'bundle vector' prints"
    )
    g.add_argument(
        "--for", dest="for_member", metavar="MEMBER", help="leave out what MEMBER's devices wrote"
    )
    p.add_argument("file", type=Path)
    p = bundle.add_parser("import", help="verify and apply a bundle (all or nothing)")
    p.add_argument("file", type=Path)
    bundle.add_parser("vector", help="print what this device holds, for 'bundle export --since'")
    backup = sub.add_parser(
        "backup", help="encrypted backup of your identity and data, and restore"
    ).add_subparsers(dest="action", required=True)
    p = backup.add_parser("create", help="write an encrypted backup (your passphrase) to FILE")
    p.add_argument("file", type=Path)
    backup.add_parser(
        "resume-writing",
        help="after a restore: write before syncing (only if no other device has anything "
        "newer from this one)",
    )
    p = backup.add_parser("restore", help="restore FILE into a new data folder (--home)")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--recovery-key",
        action="store_true",
        help="forgot the passphrase: type your recovery key, then a new passphrase "
        "(not on a terminal: the key is read from standard input)",
    )
    export = sub.add_parser(
        "export", help="write what you can read to plain-text files (not encrypted)"
    ).add_subparsers(dest="action", required=True)
    p = export.add_parser("notes", help="notes as a folder of Markdown files")
    p.add_argument("dir", type=Path)
    p = export.add_parser("leads-csv", help="leads as CSV for Excel (Dutch settings)")
    p.add_argument("file", type=Path)
    p = export.add_parser("leads-ics", help="respond-by dates of leads as a calendar file")
    p.add_argument("file", type=Path)
    p = export.add_parser("takeout", help="everything you wrote yourself, as one ZIP")
    p.add_argument("file", type=Path)


def run(args: argparse.Namespace, home: Path, read_passphrase: PassphraseReader) -> int:
    from coopshare.service import api

    if args.command == "backup" and args.action == "restore":
        if args.recovery_key:
            code = _read_recovery_key()
            print("choose a new passphrase for this data folder", file=sys.stderr)
            name = api.restore_backup_by_recovery_key(
                args.file, home, code, read_passphrase(confirm=True)
            )
        else:
            name = api.restore_backup(args.file, home, read_passphrase())
        print(f"restored {name}'s identity and data into {home}")
        print("use this copy instead of the old computer, not beside it (same device key)")
        print(
            "it writes nothing until it has synced with another device of the cooperative, "
            "if there is one: what this device wrote after the backup comes back first"
        )
        return 0
    if not api.is_initialised(home):
        raise NotInitialised(path=str(home))
    if args.command == "backup" and args.action == "create":
        size = api.create_backup(home, read_passphrase(), args.file)
        print(f"wrote an encrypted backup of {home} ({size} bytes) to {args.file}")
        return 0
    door = api.open_api(home, read_passphrase())
    try:
        if args.command == "export":
            _export(args, door)
        elif args.command == "backup":  # resume-writing
            held = door.resume_writing()
            print("this device may write again" if held else "this device was not held")
        elif args.action == "export":
            out = door.export_bundle(args.file, since=args.since, for_member=args.for_member)
            print(f"wrote {out.ops} ops ({out.size} bytes) to {args.file}")
        elif args.action == "import":
            got = door.import_bundle(args.file)
            print(
                f"imported {got.total} ops from {args.file}: {got.new} new, {got.known} known"
                + (f", {got.parked} parked (waiting for their parents)" if got.parked else "")
            )
        else:
            print(door.bundle_vector())
    finally:
        door.close()
    sys.stdout.flush()
    return 0


def _read_recovery_key() -> str:
    """The recovery key: typed without echo on a terminal, else the first line of stdin."""
    code = getpass.getpass("Recovery key: ") if sys.stdin.isatty() else sys.stdin.readline()
    if not code.strip():
        raise RecoveryCodeInvalid("no recovery key was given")
    return code


def _export(args: argparse.Namespace, door: Api) -> None:
    print(PLAINTEXT_WARNING, file=sys.stderr)
    if args.action == "notes":
        out = door.export_notes(args.dir)
    elif args.action == "leads-csv":
        out = door.export_leads_csv(args.file)
    elif args.action == "leads-ics":
        out = door.export_leads_ics(args.file)
    else:
        out = door.take_out(args.file)
    print(f"wrote {out.items} items to {out.path} (plain text, not encrypted)")
