"""The reciprocity ledger: what each member gave and received, from signed ops only.

* **Notes shared**: notes a member created for the whole cooperative (not sent to named
  members), not deleted.
* **Leads given**: leads a member created (not deleted). **Leads received**: won leads the member
  claimed, counted only once both sides signed: the claimer's "won" and the giver's
  confirmation. The giver's side of the same leads is **given that led to work**.
* **Thanks**: only thanks the rules count (``model/thanks_rules.py``): for the author as given,
  for the receiver (the thanked item's creator, or the member thanked for an introduction) as
  received.

Mine in full (each entry with its date); everyone else's as counts only, listed by name. There
is no score, no total across members and no ordering by counts; members' rates are never read.
Nudges are private to me: see :data:`NUDGE_RULES`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms, wall_ms
from coopshare.model.items import AUDIENCE, Kind
from coopshare.model.thanks_rules import Judged, Verdict
from coopshare.service import leads_ledger, ledger_memo, thanks
from coopshare.service.leads_ledger import LEAD_GIVEN, LEAD_RECEIVED, LEAD_WORKED
from coopshare.service.replica_base import ReplicaBase

__all__ = ["LEAD_GIVEN", "LEAD_RECEIVED", "LEAD_WORKED", "Counts", "Entry", "Ledger", "Nudge"]

# Entry kinds (the lead ones live with the lead rules in leads_ledger.py)
NOTE_SHARED = "note"
THANKS_GIVEN = "thanks-given"
THANKS_RECEIVED = "thanks-received"

# Nudges (mine only, never shown to others): in the current calendar quarter (UTC), at least
# `least` received and none given.
NUDGE_LEADS = "leads"
NUDGE_THANKS = "thanks"
NUDGE_RULES = {NUDGE_LEADS: 2, NUDGE_THANKS: 3}


@dataclass(frozen=True, slots=True)
class Entry:
    what: str  # one of the entry kinds above
    item_id: str  # the note, lead or thanks item (hex)
    title: str  # the note's or lead's title; for a thanks, what it was for
    other: str  # the other member's name, or ""
    when_ms: int  # Unix milliseconds (UTC)
    text: str = ""  # a thanks' text
    verdict: str = ""  # a thanks': "counts" or why it does not (thanks_rules.Verdict)

    @property
    def counts(self) -> bool:
        return self.verdict in ("", Verdict.COUNTS.value)


@dataclass(frozen=True, slots=True)
class Counts:
    member_id: str
    name: str
    me: bool
    leads_given: int
    leads_received: int
    leads_worked: int
    notes_shared: int
    thanks_given: int
    thanks_received: int


@dataclass(frozen=True, slots=True)
class Nudge:
    what: str  # NUDGE_LEADS or NUDGE_THANKS
    received: int
    given: int

    @property
    def text(self) -> str:
        return f"{self.received} {self.what} received this quarter, none given"


@dataclass(frozen=True, slots=True)
class Ledger:
    mine: Counts
    entries: tuple[Entry, ...]  # mine, newest first
    members: tuple[Counts, ...]  # every current member but me, by name
    nudges: tuple[Nudge, ...]


def ledger(c: ReplicaBase, now_ms: int | None = None) -> Ledger:
    now = wall_ms() if now_ms is None else now_ms
    me = c.me.member_id
    all_entries = _entries(c, now)
    by_member: dict[bytes, list[Entry]] = {}
    for member, entry in all_entries:
        by_member.setdefault(member, []).append(entry)
    others = [m for m in c.roster.members if m != me]
    names = {m: c.member_name(m) for m in others}
    members = tuple(
        _counts(m, names[m], False, by_member.get(m, []))
        for m in sorted(others, key=lambda m: (names[m].casefold(), m))
    )
    mine = sorted(by_member.get(me, []), key=lambda e: (e.when_ms, e.item_id), reverse=True)
    return Ledger(
        mine=_counts(me, c.member_name(me), True, mine),
        entries=tuple(mine),
        members=members,
        nudges=tuple(_nudges(mine, now)),
    )


def member_counts(c: ReplicaBase, member: bytes, now_ms: int | None = None) -> Counts:
    now = wall_ms() if now_ms is None else now_ms
    entries = [e for m, e in _entries(c, now) if m == member]
    return _counts(member, c.member_name(member), member == c.me.member_id, entries)


def _counts(member: bytes, name: str, me: bool, entries: Iterable[Entry]) -> Counts:
    n: dict[str, int] = {}
    for e in entries:
        if e.counts:
            n[e.what] = n.get(e.what, 0) + 1
    return Counts(
        member_id=member.hex(),
        name=name,
        me=me,
        leads_given=n.get(LEAD_GIVEN, 0),
        leads_received=n.get(LEAD_RECEIVED, 0),
        leads_worked=n.get(LEAD_WORKED, 0),
        notes_shared=n.get(NOTE_SHARED, 0),
        thanks_given=n.get(THANKS_GIVEN, 0),
        thanks_received=n.get(THANKS_RECEIVED, 0),
    )


def _entries(c: ReplicaBase, now_ms: int) -> list[tuple[bytes, Entry]]:
    """(member id, entry) for every member; thanks that do not count only for me (flags)."""
    members = thanks.known_members(c)
    names: dict[bytes, str] = {}

    def name(member: bytes | None) -> str:
        if member is None:
            return ""
        if member not in names:
            names[member] = c.member_name(member)
        return names[member]

    out: list[tuple[bytes, Entry]] = []
    titles: dict[bytes, str] = {}
    known: dict[bytes, Kind] = {}
    notes = ledger_memo.rows(c, Kind.NOTE.value, lambda i, b: _note(c._open_item(i, b)))
    for item_id, (shared, title, when) in notes.items():
        titles[item_id], known[item_id] = title, Kind.NOTE
        creator = members.get(item_id[:8])
        if shared and creator is not None:
            out.append((creator, Entry(NOTE_SHARED, item_id.hex(), title, "", when)))
    leads = leads_ledger.lead_states(c)
    for item_id, st in leads.items():
        titles[item_id], known[item_id] = _title(st), Kind.LEAD
    for member, what, st, other, when in leads_ledger.lead_entries(leads, members, now_ms):
        out.append((member, Entry(what, st.item_id.hex(), _title(st), name(other), when)))
    me = c.me.member_id
    for j in thanks.judged(c, known):
        out += _thanks_entries(j, me, name, titles)
    return out


def _note(st: ItemState) -> tuple[bool, str, int]:
    """(shared with the whole cooperative and not deleted, title, created ms) of a note."""
    return (not st.is_deleted and not st.value(AUDIENCE), _title(st), _ms(st.created[0]))


def _title(st: ItemState) -> str:
    return str(st.value("title", ""))


def _thanks_entries(
    j: Judged, me: bytes, name: Callable[[bytes | None], str], titles: dict[bytes, str]
) -> list[tuple[bytes, Entry]]:
    """A counted thanks for both sides; one that does not count only for me, flagged."""
    f = j.fact
    about = name(j.receiver) if f.is_introduction else titles.get(f.target, "")
    when = _ms(f.hlc)
    counts, tid, verdict = j.verdict is Verdict.COUNTS, f.item_id.hex(), j.verdict.value
    out = []
    if counts or f.author == me:
        given = Entry(THANKS_GIVEN, tid, about, name(j.receiver), when, f.text, verdict)
        out.append((f.author, given))
    if j.receiver not in (None, f.author) and (counts or j.receiver == me):
        got = Entry(THANKS_RECEIVED, tid, about, name(f.author), when, f.text, verdict)
        out.append((j.receiver, got))
    return out


def _nudges(mine: list[Entry], now_ms: int) -> list[Nudge]:
    start = _quarter_start(now_ms)
    recent = [e for e in mine if e.when_ms >= start and e.counts]

    def n(what: str) -> int:
        return sum(1 for e in recent if e.what == what)

    out = []
    leads_in, leads_out = n(LEAD_RECEIVED), n(LEAD_GIVEN)
    if leads_in >= NUDGE_RULES[NUDGE_LEADS] and leads_out == 0:
        out.append(Nudge(NUDGE_LEADS, leads_in, leads_out))
    thanks_in, thanks_out = n(THANKS_RECEIVED), n(THANKS_GIVEN)
    if thanks_in >= NUDGE_RULES[NUDGE_THANKS] and thanks_out == 0:
        out.append(Nudge(NUDGE_THANKS, thanks_in, thanks_out))
    return out


def _quarter_start(now_ms: int) -> int:
    now = dt.datetime.fromtimestamp(now_ms / 1000, tz=dt.UTC)
    start = dt.datetime(now.year, 3 * ((now.month - 1) // 3) + 1, 1, tzinfo=dt.UTC)
    return int(start.timestamp() * 1000)


def _ms(hlc: int) -> int:
    return physical_ms(hlc)
