"""Which thanks count: the rules of thanks as a pure fold over every thanks in the log.

A thanks is an item of kind ``thanks`` whose ``target`` field is either

* an **item id** (16 bytes, 32 hex digits) of a note or a lead: thanks for sharing it; the
  receiver is the item's creator (the member whose id starts with the item id's first 8 bytes);
* a **member id** (32 bytes, 64 hex digits): thanks for an introduction (that member put you in
  touch with someone, or passed a lead on to you); the receiver is that member.

The rules, applied to the set of thanks in stamp order ``(hlc, op id)``, so that every replica
holding the same ops reaches the same verdicts whatever the order they arrived in:

1. **Daily cap**: an author's thanks are ranked per UTC day (of the hlc's wall-clock part); the
   ones after the first :data:`MAX_THANKS_PER_DAY` are ``over-cap``. Every thanks takes a place
   in the day, whatever its target, so the cap never depends on what a replica can see.
2. **Not yourself**: a thanks to yourself (your own item, your own member id) is ``self``.
3. **Once per (author, target)**: a later thanks from the same author to the same target is
   ``duplicate``; a withdrawn (deleted) thanks does not hold the place.
4. **Known target**: a thanks to an item this replica does not hold (yet) is ``pending``: kept,
   and it counts once the item arrives; a target that is neither a note, a lead nor a member is
   ``bad-target``.

Only verdict ``counts`` adds to the receiver's ledger; every other verdict is shown as a flag on
the thanks.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coopshare.model.hlc import physical_ms

MAX_THANKS_PER_DAY = 10  # per author and UTC day; the writer refuses the 11th (RULE_THANKS_CAP)
DAY_MS = 86_400_000
ITEM_TARGET = 16  # bytes of an item id
MEMBER_TARGET = 32  # bytes of a member id


class Verdict(enum.StrEnum):
    COUNTS = "counts"
    OVER_CAP = "over-cap"
    SELF = "self"
    DUPLICATE = "duplicate"
    PENDING = "pending"
    BAD_TARGET = "bad-target"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class ThanksFact:
    """One thanks as its author wrote it to the whole cooperative."""

    item_id: bytes
    hlc: int
    op_id: bytes
    author: bytes  # member id (32 bytes)
    target: bytes  # item id (16 bytes) or member id (32 bytes); anything else is a bad target
    text: str = ""
    withdrawn: bool = False

    @property
    def stamp(self) -> tuple[int, bytes]:
        return (self.hlc, self.op_id)

    @property
    def day(self) -> int:
        return utc_day(self.hlc)

    @property
    def is_introduction(self) -> bool:
        return len(self.target) == MEMBER_TARGET


@dataclass(frozen=True, slots=True)
class Judged:
    fact: ThanksFact
    verdict: Verdict
    receiver: bytes | None  # member id, when known


# A resolver answers, for a target, the receiver's member id; None while the target is unknown
# to this replica; b"" when it is known but cannot be thanked (another kind, an unknown member).
Resolver = Callable[[bytes], bytes | None]


def utc_day(hlc: int) -> int:
    return physical_ms(hlc) // DAY_MS


def target_of(text: object) -> bytes:
    """The target bytes of a ``target`` field value; b"" for anything malformed."""
    if not isinstance(text, str) or len(text) not in (2 * ITEM_TARGET, 2 * MEMBER_TARGET):
        return b""
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        return b""
    return raw if raw.hex() == text else b""  # lowercase only: one spelling per target


def is_self(fact: ThanksFact) -> bool:
    if len(fact.target) == ITEM_TARGET:
        return fact.target[:8] == fact.author[:8]
    return fact.target == fact.author


def judge(facts: Iterable[ThanksFact], resolve: Resolver) -> list[Judged]:
    """Every thanks with its verdict, in stamp order (see the module docstring)."""
    out: list[Judged] = []
    per_day: dict[tuple[bytes, int], int] = {}
    taken: set[tuple[bytes, bytes]] = set()
    seen: set[bytes] = set()
    for fact in sorted(facts, key=lambda f: f.stamp):
        if fact.item_id in seen:  # one thanks per item: the earliest stamp
            continue
        seen.add(fact.item_id)
        key = (fact.author, fact.day)
        per_day[key] = per_day.get(key, 0) + 1
        receiver = resolve(fact.target) if fact.target else b""
        if per_day[key] > MAX_THANKS_PER_DAY:
            verdict = Verdict.OVER_CAP
        elif fact.withdrawn:
            verdict = Verdict.WITHDRAWN
        elif is_self(fact):
            verdict = Verdict.SELF
        elif (fact.author, fact.target) in taken:
            verdict = Verdict.DUPLICATE
        elif receiver is None:
            verdict = Verdict.PENDING
        elif not receiver or receiver == fact.author:
            verdict = Verdict.BAD_TARGET
        else:
            verdict = Verdict.COUNTS
        if verdict in (Verdict.COUNTS, Verdict.PENDING):
            taken.add((fact.author, fact.target))
        out.append(Judged(fact, verdict, receiver or None))
    return out


def mine_today(facts: Iterable[ThanksFact], author: bytes, hlc: int) -> int:
    """How many thanks `author` has written on the UTC day of `hlc` (the writer's cap check)."""
    day = utc_day(hlc)
    return len({f.item_id for f in facts if f.author == author and f.day == day})
