"""Priority proof as rules over the set of commitments and receipts a replica holds.

Pure functions, so every replica that holds the same ops reaches the same counts whatever the
order they arrived in (a receipt that arrives before its commitment counts once the commitment
is there). protocol.md §11a.

* **Commitments**: a member's commitments are ranked per UTC day of their signed time by
  ``(hlc, op id)``; from the ``MAX_COMMITS_PER_DAY + 1``-th on they do not count, and no device
  witnesses them (every commitment makes every other device write a receipt: the cap bounds
  what one member can make everybody write).
* **Receipts** of a counted commitment: only those that name its op id *and* its hash, by a
  member other than the committer, dated after the commitment (a device's hybrid clock has
  observed the commit op before it can name it, so an earlier receipt is a forged time); the
  first per device by ``(hlc, op id)``; at most
  ``MAX_RECEIPT_DEVICES`` devices per member (their first).
* **Witnessing** (what a device writes by itself): one receipt per device for each counted
  commitment of another member dated at most ``WITNESS_WINDOW_MS`` before its clock (a newcomer
  does not witness the cooperative's whole history).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from coopshare.model.hlc import physical_ms

MAX_COMMITS_PER_DAY = 20
MAX_RECEIPT_DEVICES = 4
WITNESS_WINDOW_MS = 7 * 86_400_000
_DAY_MS = 86_400_000


@dataclass(frozen=True, slots=True)
class CommitRec:
    op_id: bytes
    member: bytes
    device: bytes
    hlc: int
    hash: bytes


@dataclass(frozen=True, slots=True)
class ReceiptRec:
    op_id: bytes
    member: bytes
    device: bytes
    hlc: int
    commit: bytes  # the commit op id it names
    hash: bytes


def counted_commits(commits: Iterable[CommitRec]) -> set[bytes]:
    """Op ids of the commitments within their author's daily cap."""
    per_day: dict[tuple[bytes, int], list[CommitRec]] = defaultdict(list)
    for c in commits:
        per_day[(c.member, physical_ms(c.hlc) // _DAY_MS)].append(c)
    out: set[bytes] = set()
    for day in per_day.values():
        day.sort(key=lambda c: (c.hlc, c.op_id))
        out.update(c.op_id for c in day[:MAX_COMMITS_PER_DAY])
    return out


def counted_receipts(commit: CommitRec, receipts: Iterable[ReceiptRec]) -> list[ReceiptRec]:
    """The receipts that count for `commit`, oldest first."""
    mine = sorted(
        (
            r
            for r in receipts
            if r.commit == commit.op_id
            and r.hash == commit.hash
            and r.member != commit.member
            and r.hlc > commit.hlc  # a witness's clock has seen the commit op: later, always
        ),
        key=lambda r: (r.hlc, r.op_id),
    )
    seen: set[bytes] = set()
    per_member: dict[bytes, int] = defaultdict(int)
    out = []
    for r in mine:
        if r.device in seen or per_member[r.member] >= MAX_RECEIPT_DEVICES:
            continue
        seen.add(r.device)
        per_member[r.member] += 1
        out.append(r)
    return out


def to_witness(
    commits: Iterable[CommitRec],
    receipts: Iterable[ReceiptRec],
    me: bytes,
    my_device: bytes,
    now_ms: int,
) -> list[CommitRec]:
    """The commitments this device should write a receipt for now, oldest first."""
    commits = list(commits)
    counted = counted_commits(commits)
    done = {r.commit for r in receipts if r.device == my_device}
    due = [
        c
        for c in commits
        if c.op_id in counted
        and c.member != me
        and c.op_id not in done
        and physical_ms(c.hlc) >= now_ms - WITNESS_WINDOW_MS
    ]
    return sorted(due, key=lambda c: (c.hlc, c.op_id))
