"""The verifier's output: the report in words, and the command line (`python verify.py
EVIDENCE.zip`; exit code 0: valid, 1: invalid with the reason, 2: usage)."""

from __future__ import annotations

import sys
from pathlib import Path

from .bundle import MAX_BUNDLE, Report, verify, when
from .wire import EvidenceInvalid


def render(r: Report) -> str:
    lines = [
        f"Cooperative {r.coop[:16]}",
        f"Idea text: idea.txt, {r.text_bytes} bytes, SHA-256 {r.text_sha256}",
        f"Commitment {r.commit_op[:16]} by member {r.committer[:16]} {r.committer_name!r}",
        f"  its own signed time: {when(r.commit_ms)} (the committer's claim, not a proof)",
        f"Witness receipts: {len(r.receipts)}",
    ]
    for x in r.receipts:
        lines.append(
            f"  {when(x.when_ms)}  member {x.member[:16]} {x.name!r} device {x.device[:16]}"
        )
    if r.stamp is not None:
        lines.append(f"RFC 3161 time-stamp: {when(r.stamp.when_ms)} by {r.stamp.tsa}")
        lines.append(f"  TSA certificate SHA-256 {r.stamp.fingerprint}")
        lines.append("  (whether to trust this time-stamping authority is for you to decide;")
        lines.append("  its time is not part of the earliest proven time below)")
    if r.earliest_ms is None:
        lines.append("No witness receipt: nothing proves a time beyond the committer's own claim.")
    else:
        lines.append(f"Earliest proven time: {when(r.earliest_ms)}")
        lines.append("  (this text existed no later than then, by a witness's signed clock)")
    if r.removed_later:
        lines.append(f"Members removed from the cooperative later: {len(r.removed_later)}")
    lines.append("VALID: every signature and hash checks out.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python verify.py EVIDENCE.zip\n")
        return 2
    try:
        with Path(args[0]).open("rb") as f:
            data = f.read(MAX_BUNDLE + 1)
        sys.stdout.write(render(verify(data)) + "\n")
    except OSError as e:
        sys.stdout.write(f"INVALID: cannot read {args[0]}: {e.strerror}\n")
        return 1
    except EvidenceInvalid as e:
        sys.stdout.write(f"INVALID: {e.reason}\n")
        return 1
    return 0
