"""CLI commands of priority proof: ``idea commit``, ``idea proofs``, ``idea evidence`` and
``verify-evidence`` (the last needs no data folder)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopshare.errors import TimestampFailed

IDEA_ACTIONS = ("commit", "proofs", "evidence")
PLAIN_WARNING = (
    "coopshare: the evidence ZIP holds the idea's text in plain text: share it only with whoever"
    " needs to check it / het bewijs-ZIP bevat de tekst van het idee leesbaar: deel het alleen"
    " met wie het moet controleren"
)

if TYPE_CHECKING:  # the door loads when a command runs, not for --version or --help
    from coopshare.service.api import Api


def add_parsers(idea: Any, sub: Any) -> None:
    p = idea.add_parser("commit", help="publish a salted hash of your idea's text (priority proof)")
    p.add_argument("id")
    p = idea.add_parser("proofs", help="your commitments of an idea and their witness receipts")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = idea.add_parser("evidence", help="write the evidence ZIP of your idea's commitment")
    p.add_argument("id")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.zip")
    p.add_argument(
        "--commit", metavar="OP", help="which commitment (op id prefix; default: the earliest)"
    )
    p = sub.add_parser("verify-evidence", help="check an evidence ZIP (needs no data folder)")
    p.add_argument("file", type=Path)
    p = sub.add_parser("tsa", help="show or set the RFC 3161 time-stamping authority (off: none)")
    p.add_argument("url", nargs="?", help="http(s) URL of the TSA, or 'off'")


def run_tsa(args: argparse.Namespace, coop: Api) -> int:
    if args.url is not None:
        coop.set_tsa_url(None if args.url == "off" else args.url)
    url = coop.tsa_url()
    print(f"time-stamping authority: {url}" if url else "time-stamping authority: off")
    return 0


def _when(ms: int | None) -> str:
    if ms is None:
        return "-"
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).isoformat(timespec="milliseconds")


def run_idea(args: argparse.Namespace, coop: Api, item_id: bytes) -> None:
    if args.action == "commit":
        op = coop.commit_idea(item_id)
        print(f"commitment {op[:16]} published; members' devices return receipts when they sync")
        try:
            stamped = coop.timestamp_commit(op)
        except TimestampFailed as e:  # the commitment stands; the stamp can be taken later
            print(f"coopshare: {e}", file=sys.stderr)
            return
        if stamped is not None:
            print(f"time-stamped by the TSA at {_when(stamped)}")
    elif args.action == "proofs":
        found = coop.idea_proofs(item_id)
        if args.json:
            print(json.dumps([c.to_json() for c in found], indent=2, ensure_ascii=False))
            return
        if not found:
            print("no commitment yet: coopshare idea commit ID")
        for c in found:
            same = "" if c.text_matches else "  (the text changed since)"
            print(f"{c.op_id[:16]}  committed {_when(c.when_ms)}  receipts {len(c.receipts)}"
                  f"  earliest {_when(c.earliest_ms)}{same}")  # fmt: skip
            for w in c.receipts:
                print(f"    {_when(w.when_ms)}  {w.name}")
    else:
        out = coop.export_evidence(item_id, args.out, args.commit)
        print(PLAIN_WARNING, file=sys.stderr)
        print(
            f"wrote {out.path}: commitment {out.commit_op[:16]}, {out.receipts} receipt(s), "
            f"earliest {_when(out.earliest_ms)}"
        )


def verify(args: argparse.Namespace) -> int:
    """Exit 0 and the report when valid; EvidenceRejected (exit 1, one line) otherwise."""
    from coopshare.service import api

    print(api.render_evidence(api.verify_evidence(args.file)))
    return 0
