"""Read model of an idea's terms: where this member stands (owner, locked, waiting, open), the
acceptances (the owner's receipts), pending requests and the history with its flags. Built
from the fold (model/idea_rules.py), so it states exactly what every replica enforces."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from coopshare.model import idea_rules
from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms, wall_ms
from coopshare.model.items import Kind
from coopshare.service.coop import Coop

OWNER = "owner"  # I own it: I read the body and see the receipts
OPEN = "open"  # a valid release to me: the body is readable
WAITING = "waiting"  # I accepted the current terms: the owner's device has not released yet
LOCKED = "locked"  # I have not accepted the current terms


def when(hlc: int) -> str:
    """An op's signed time as UTC text (minutes)."""
    moment = dt.datetime.fromtimestamp(physical_ms(hlc) / 1000, dt.UTC)
    return moment.isoformat(timespec="minutes").replace("+00:00", "Z")


@dataclass(frozen=True, slots=True)
class Acceptance:
    member_id: str
    name: str
    when: str  # UTC, ISO 8601 to the minute
    ms: int  # the same moment in unix milliseconds (0: none)
    released: bool  # a valid release to this member exists


@dataclass(frozen=True, slots=True)
class Step:
    when: str
    member_id: str
    name: str
    what: str  # "accepted", "released", "refused"
    other_id: str  # a release's recipient
    other_name: str
    problem: str  # why this step does not count (flagged); empty when it counts


@dataclass(frozen=True, slots=True)
class IdeaTerms:
    item_id: str
    terms: str
    terms_hash: str
    access: str  # OWNER, OPEN, WAITING or LOCKED
    terms_changed: bool  # I accepted earlier terms than the current ones
    waits_for_owner: bool  # releases need the owner's approval (ask-before-use, private)
    embargo_until: str  # "" or the date no release may come before
    embargo_running: bool
    acceptances: tuple[Acceptance, ...]  # of the current terms (the owner's receipts)
    pending: tuple[Acceptance, ...]  # accepted, not released yet
    history: tuple[Step, ...]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def idea_terms(coop: Coop, item_id: bytes) -> IdeaTerms | None:
    st = coop.item(item_id)
    if st is None or st.kind is not Kind.IDEA or not st.has_creator:
        return None
    return terms_of(coop, st)


def terms_of(coop: Coop, st: ItemState) -> IdeaTerms:
    me = coop.me.member_id
    h = idea_rules.terms_hash(st)
    if idea_rules.is_owner(st, me):
        access = OWNER
    elif idea_rules.grants_usable(st, me):
        access = OPEN
    elif idea_rules.accepted(st, me) is not None:
        access = WAITING
    else:
        access = LOCKED
    mine = [a for a in st.acceptances if a[0] == me]
    auto = st.value("terms") in {t.value for t in idea_rules.AUTO_TERMS}

    def acceptance(member: bytes) -> Acceptance:
        stamp = idea_rules.accepted(st, member)
        return Acceptance(
            member.hex(),
            coop.member_name(member),
            when(stamp[0]) if stamp else "",
            physical_ms(stamp[0]) if stamp else 0,
            bool(idea_rules.valid_releases(st, member)),
        )

    history = tuple(
        Step(
            when(e.hlc),
            e.member.hex(),
            coop.member_name(e.member),
            e.what,
            e.other.hex(),
            coop.member_name(e.other) if e.other else "",
            e.problem,
        )
        for e in idea_rules.history(st)
    )
    return IdeaTerms(
        item_id=st.item_id.hex(),
        terms=str(st.value("terms", "")),
        terms_hash=h,
        access=access,
        terms_changed=access == LOCKED and any(a[1] != h for a in mine),
        waits_for_owner=not auto,
        embargo_until=str(st.value("embargo_until", "") or ""),
        embargo_running=idea_rules.waiting_for_date(st, wall_ms()),
        acceptances=tuple(acceptance(m) for m in idea_rules.readers(st)),
        pending=tuple(acceptance(m) for m in idea_rules.pending(st)),
        history=history,
    )
