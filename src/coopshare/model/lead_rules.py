"""A lead's lifecycle, derived from its signed acts: who may move it, and what it is now.

Every replica computes a lead's state by replaying the same set of acts in the same total order
(``(hlc, op_id)``), so the result does not depend on the order in which ops arrived. An act that
breaks a rule stays in the log (others carry it, signed) but has no effect; it shows in the
lead's history with the reason, so the author is flagged on every replica.

The rules (docs/protocol.md §Lead lifecycle):

* **Giver** (the lead's creator): edits the coop-visible fields, withdraws an active lead,
  reopens a withdrawn or lost one, picks one of the interested members while the interest
  window is open, confirms "won".
* **Claimer**: claimed → contacted → proposal → won / lost (contacted → won and claimed → lost
  are allowed too), passes the lead on to another member, gives it back, accepts the terms.
* **Anyone else**: claims an open lead, or registers interest while the window is open.
  Nobody else moves a lead.
* **Concurrent claims**: the first claim in the total order wins; a later one has no effect
  and its author reads "also claimed by you — X was first".
* **Interest window** (``interest_until``, a UTC date, inclusive, set by the giver while the
  lead is open — it never reaches back over a claim made before it): while it is open members
  register interest and the giver picks; at its end the first interested member gets the lead;
  with nobody interested it opens for claims.
* **Claim lapse**: a lead still in *claimed* (not yet contacted) with no act of its claimer for
  :data:`LAPSE_WORKING_DAYS` working days reopens (weekends and Dutch public holidays skipped,
  :mod:`coopshare.model.working_days`). The lapse is applied before each later act and, for
  display, at the reader's ``now`` — the same on every replica that reads at the same time.
* **Backdating**: an act whose own device signed an earlier op (lower seq) with a later time
  has no effect (:data:`BACKDATED`): honest devices date their ops in increasing order, so such
  an act was written after it claims. A device that signed nothing since can still backdate
  (docs/security.md §4).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coopshare.model.hlc import COUNTER_BITS
from coopshare.model.items import Act, LeadStatus
from coopshare.model.working_days import add_working_days, end_of_day_ms

if TYPE_CHECKING:
    from coopshare.model.fold import ItemState

LAPSE_WORKING_DAYS = 2
# A lead keeps each member's first MAX_ACTS_PER_MEMBER acts in the total order (later ones are
# dropped): a member who floods a lead, even with backdated acts, fills only their own share.
MAX_ACTS_PER_MEMBER = 64

# (hlc, op_id, author member id, act, member argument or b"", terms hash or b"", late): `late`
# is True when the same device signed an earlier op (lower seq) with a later time, evidence that
# this act was backdated (service/content_open.py judges it from the stored log)
ActRecord = tuple[int, bytes, bytes, str, bytes, bytes, bool]

ACTIVE = frozenset({LeadStatus.CLAIMED, LeadStatus.CONTACTED, LeadStatus.PROPOSAL})
CLOSED = frozenset({LeadStatus.WON, LeadStatus.LOST, LeadStatus.WITHDRAWN})

# Claimer moves: from which statuses each act may be taken.
CLAIMER_MOVES: dict[Act, frozenset[LeadStatus]] = {
    Act.CONTACTED: frozenset({LeadStatus.CLAIMED}),
    Act.PROPOSAL: frozenset({LeadStatus.CONTACTED}),
    Act.WON: frozenset({LeadStatus.CONTACTED, LeadStatus.PROPOSAL}),
    Act.LOST: frozenset({LeadStatus.CLAIMED, LeadStatus.CONTACTED, LeadStatus.PROPOSAL}),
}
_MOVE_TO = {
    Act.CONTACTED: LeadStatus.CONTACTED,
    Act.PROPOSAL: LeadStatus.PROPOSAL,
    Act.WON: LeadStatus.WON,
    Act.LOST: LeadStatus.LOST,
}

# Why an act had no effect (stable codes: the GUI and CLI word them).
NOT_GIVER = "not-giver"
NOT_CLAIMER = "not-claimer"
GIVER_CANNOT_CLAIM = "giver-cannot-claim"
ALREADY_CLAIMED = "already-claimed"  # Step.member is the member who was first
WINDOW_OPEN = "window-open"
NO_WINDOW = "no-window"
NOT_INTERESTED = "not-interested"
ALREADY_INTERESTED = "already-interested"
WRONG_STATUS = "wrong-status"
CLOSED_LEAD = "closed"
BAD_MEMBER = "bad-member"
BEFORE_CREATION = "before-creation"  # dated before the lead existed (a backdated act)
BACKDATED = "backdated"  # dated before an earlier op of the same device: evidence of backdating
# Steps no member took: derived by the rules from signed times.
LAPSED = "lapsed"
WINDOW_ENDED = "window-ended"
# The giver's change that sets `interest_until` is kept as an act of this name (the date, ASCII,
# in the terms slot), so a window opens at the moment it was set and never reaches back.
WINDOW = "window"


@dataclass(frozen=True, slots=True)
class Step:
    """One entry of a lead's history."""

    hlc: int
    op_id: bytes  # b"" for a step the rules took (a lapse, the end of the window)
    author: bytes | None  # member id; None for a step the rules took
    act: str  # an Act value, or LAPSED / WINDOW_ENDED
    member: bytes | None  # the member picked, passed to, or (ALREADY_CLAIMED) who was first
    ok: bool
    reason: str = ""  # why it had no effect


@dataclass(frozen=True, slots=True)
class LeadState:
    status: LeadStatus
    giver: bytes  # member-id prefix of the giver (the item id's first 8 bytes)
    claimer: bytes | None
    claimed_hlc: int | None
    interested: tuple[bytes, ...]
    window_end_ms: int | None
    accepted_terms: bytes | None  # terms hash the current claimer accepted
    won_confirmed: bool
    closed_hlc: int | None
    lapse_ms: int | None  # when the current claim lapses (status claimed only)
    history: tuple[Step, ...]

    @property
    def closed(self) -> bool:
        return self.status in CLOSED

    def is_giver(self, member: bytes) -> bool:
        return member[:8] == self.giver


def ms_of(hlc: int) -> int:
    return hlc >> COUNTER_BITS


def lapse_deadline(last_hlc: int) -> int:
    return add_working_days(ms_of(last_hlc), LAPSE_WORKING_DAYS)


class _Replay:
    def __init__(self, giver: bytes, created_hlc: int) -> None:
        self.giver = giver
        self.created_hlc = created_hlc
        self.window_end: int | None = None
        self.status = LeadStatus.OPEN
        self.claimer: bytes | None = None
        self.claimed_hlc: int | None = None
        self.last_claimer_hlc = 0
        self.interested: list[bytes] = []
        self.accepted: bytes | None = None
        self.confirmed = False
        self.closed_hlc: int | None = None
        self.history: list[Step] = []

    # --- time-driven steps ---------------------------------------------------------------------

    def advance(self, ms: int) -> None:
        """Take the steps the rules take by themselves before moment `ms`."""
        end = self.window_end
        if self.status is LeadStatus.INTEREST and end is not None and ms >= end:
            hlc = end << COUNTER_BITS
            first = self.interested[0] if self.interested else None
            self.history.append(Step(hlc, b"", None, WINDOW_ENDED, first, True))
            if first is None:
                self.status = LeadStatus.OPEN
            else:
                self._give_to(first, hlc)
        if self.status is LeadStatus.CLAIMED and self.claimer is not None:
            deadline = lapse_deadline(self.last_claimer_hlc)
            if ms >= deadline:
                hlc = deadline << COUNTER_BITS
                self.history.append(Step(hlc, b"", None, LAPSED, self.claimer, True))
                self._reopen()

    def lapse_ms(self) -> int | None:
        if self.status is LeadStatus.CLAIMED and self.claimer is not None:
            return lapse_deadline(self.last_claimer_hlc)
        return None

    # --- acts ------------------------------------------------------------------------------------

    def act(self, rec: ActRecord) -> None:
        hlc, op_id, author, name, member_raw, terms, late = rec
        if late:  # its own device's log shows it was written later than it says
            self.history.append(
                Step(hlc, op_id, author, name, member_raw or None, False, BACKDATED)
            )
            return
        self.advance(ms_of(hlc))
        member = member_raw or None
        if name == WINDOW:
            reason = self._window(author, terms, hlc)
            if reason:  # an opened window shows as the lead's status, a refused one here
                self.history.append(Step(hlc, op_id, author, name, None, False, reason))
            return
        reason = self._check(author, Act(name), member, terms, hlc)
        shown = member
        if reason == ALREADY_CLAIMED:
            shown = self.claimer
        self.history.append(Step(hlc, op_id, author, name, shown, not reason, reason))

    def _window(self, author: bytes, until: bytes, hlc: int) -> str:
        """The giver opens (or moves) the interest window of a lead nobody has claimed yet.

        A window set later never reaches back: claims made before it stand.
        """
        if author[:8] != self.giver:
            return NOT_GIVER
        if hlc < self.created_hlc:
            return BEFORE_CREATION
        if self.status not in (LeadStatus.OPEN, LeadStatus.INTEREST):
            return WRONG_STATUS
        try:
            end = end_of_day_ms(until.decode("ascii"))
        except (UnicodeDecodeError, ValueError, OverflowError):
            return WRONG_STATUS
        self.window_end = end
        self.status = LeadStatus.INTEREST if ms_of(hlc) < end else LeadStatus.OPEN
        return ""

    def _check(self, author: bytes, act: Act, member: bytes | None, terms: bytes, hlc: int) -> str:
        """Apply the act if the rules allow it; otherwise return why not (nothing changes)."""
        giver = author[:8] == self.giver
        status = self.status
        if hlc < self.created_hlc:
            return BEFORE_CREATION
        if act is Act.INTEREST:
            if giver:
                return GIVER_CANNOT_CLAIM
            if status is not LeadStatus.INTEREST:
                return NO_WINDOW
            if author in self.interested:
                return ALREADY_INTERESTED
            self.interested.append(author)
            return ""
        if act is Act.CLAIM:
            if giver:
                return GIVER_CANNOT_CLAIM
            if status is LeadStatus.INTEREST:
                return WINDOW_OPEN
            if status in ACTIVE:
                return ALREADY_CLAIMED
            if status is not LeadStatus.OPEN:
                return CLOSED_LEAD if status in CLOSED else WRONG_STATUS
            self._give_to(author, hlc)
            if terms:
                self.accepted = terms
            return ""
        if act in (Act.PICK, Act.WITHDRAW, Act.REOPEN, Act.CONFIRM):
            return "" if giver and self._giver_act(act, member, hlc) else self._why_not_giver(giver)
        # the claimer's acts
        if status not in ACTIVE and not (act is Act.ACCEPT and status is LeadStatus.WON):
            return CLOSED_LEAD if status in CLOSED else WRONG_STATUS
        if author != self.claimer:
            return NOT_CLAIMER
        self.last_claimer_hlc = hlc
        if act is Act.ACCEPT:
            if not terms:
                return WRONG_STATUS
            self.accepted = terms
            return ""
        if act is Act.GIVE_BACK:
            self._reopen()
            return ""
        if act is Act.PASS_ON:
            if member is None or member[:8] == self.giver or member == author:
                return BAD_MEMBER
            self._give_to(member, hlc)
            return ""
        if status not in CLAIMER_MOVES[act]:
            return WRONG_STATUS
        self.status = _MOVE_TO[act]
        if self.status in CLOSED:
            self.closed_hlc = hlc
        return ""

    def _giver_act(self, act: Act, member: bytes | None, hlc: int) -> bool:
        status = self.status
        if act is Act.PICK:
            if status is not LeadStatus.INTEREST or member not in self.interested:
                return False
            assert member is not None
            self._give_to(member, hlc)
            return True
        if act is Act.WITHDRAW:
            if status in CLOSED:
                return False
            self.status, self.closed_hlc = LeadStatus.WITHDRAWN, hlc
            return True
        if act is Act.REOPEN:
            if status not in (LeadStatus.WITHDRAWN, LeadStatus.LOST):
                return False
            self._reopen()
            return True
        # CONFIRM: names the claimer it confirms, so it cannot credit someone else later
        if status is not LeadStatus.WON or self.confirmed or member != self.claimer:
            return False
        self.confirmed = True
        return True

    def _why_not_giver(self, giver: bool) -> str:
        return WRONG_STATUS if giver else NOT_GIVER

    def _give_to(self, member: bytes, hlc: int) -> None:
        self.status = LeadStatus.CLAIMED
        self.claimer, self.claimed_hlc, self.last_claimer_hlc = member, hlc, hlc
        self.accepted = None

    def _reopen(self) -> None:
        self.status = LeadStatus.OPEN
        self.claimer = self.claimed_hlc = self.accepted = self.closed_hlc = None
        self.confirmed = False

    def state(self) -> LeadState:
        return LeadState(
            status=self.status,
            giver=self.giver,
            claimer=self.claimer,
            claimed_hlc=self.claimed_hlc,
            interested=tuple(self.interested),
            window_end_ms=self.window_end,
            accepted_terms=self.accepted,
            won_confirmed=self.confirmed,
            closed_hlc=self.closed_hlc,
            lapse_ms=self.lapse_ms(),
            history=tuple(self.history),
        )


def replay(
    item_id: bytes, acts: list[ActRecord], *, created_hlc: int, now_ms: int | None = None
) -> LeadState:
    """The lead's state after `acts` (sorted by (hlc, op_id)) and, if given, at `now_ms`."""
    r = _Replay(item_id[:8], created_hlc)
    for rec in acts:
        r.act(rec)
    if now_ms is not None:
        r.advance(now_ms)
    return r.state()


def derive(st: ItemState, now_ms: int | None = None) -> LeadState:
    """The state of lead `st` from its acts; at `now_ms` if given (lapses, window end)."""
    return replay(st.item_id, st.acts, created_hlc=_created(st), now_ms=now_ms)


def _created(st: ItemState) -> int:
    """The giver's creating change (an act backdated by another member cannot move it)."""
    return st.origin[0] if st.origin is not None else st.created[0]


def would_refuse(
    st: ItemState,
    author: bytes,
    act: Act,
    *,
    member: bytes | None = None,
    terms: bytes = b"",
    hlc: int,
) -> tuple[str, LeadState]:
    """Why the rules would give `act` by `author` at `hlc` no effect ("" if they would not).

    The writer's check: it replays exactly what every replica will replay, so the writer and
    the fold can never disagree.
    """
    rec: ActRecord = (hlc, b"\xff" * 32, author, act.value, member or b"", terms, False)
    r = _Replay(st.item_id[:8], _created(st))
    for old in st.acts:
        r.act(old)
    before = r.state()
    r.act(rec)
    step = r.history[-1]
    return step.reason, before


_LEGACY_CLAIMER = {
    LeadStatus.CLAIMED: Act.CLAIM,
    LeadStatus.CONTACTED: Act.CONTACTED,
    LeadStatus.PROPOSAL: Act.PROPOSAL,
    LeadStatus.WON: Act.WON,
    LeadStatus.LOST: Act.LOST,
    LeadStatus.OPEN: Act.GIVE_BACK,
    LeadStatus.PASSED_ON: Act.GIVE_BACK,
}


def act_of(
    fields: dict[str, object],
    *,
    hlc: int,
    op_id: bytes,
    author: bytes,
    item_id: bytes,
    late: bool = False,
) -> ActRecord | None:
    """The act a (validated) lead change carries, or None.

    Ops written before acts existed set "status" (and "claimer"); they are read as the act
    that status change meant, so old logs fold under the same rules.
    """
    name = fields.get("act")
    if name is not None:
        if name not in _ACTS:
            return None
        return (
            hlc,
            op_id,
            author,
            str(name),
            _hex(fields.get("act_member")),
            _hex(fields.get("act_terms")),
            late,
        )
    until = fields.get("interest_until")
    if isinstance(until, str) and author[:8] == item_id[:8]:
        return (hlc, op_id, author, WINDOW, b"", until.encode("ascii", "replace"), late)
    status = fields.get("status")
    if status not in _STATUSES:
        return None
    old = LeadStatus(str(status))
    if author[:8] == item_id[:8]:  # the giver's own status changes
        act = {LeadStatus.WITHDRAWN: Act.WITHDRAW}.get(old)
        if act is None:
            return None  # "open" at creation, or moves that were never the giver's
    else:
        act = _LEGACY_CLAIMER.get(old)
        if act is None:
            return None
    return (hlc, op_id, author, act.value, b"", b"", late)


_ACTS = frozenset(a.value for a in Act)
_STATUSES = frozenset(s.value for s in LeadStatus)


def _hex(value: object) -> bytes:
    """Fields arrive validated; anything else (a hand-built change) counts as absent."""
    if not isinstance(value, str):
        return b""
    try:
        return bytes.fromhex(value)
    except ValueError:
        return b""


# The giver's terms a claimer accepts (their hash is what an ACCEPT or CLAIM act carries).
TERMS_FIELDS = ("referral_terms",)


def terms_hash(st: ItemState) -> bytes:
    """SHA-256 of the lead's current referral terms, canonical JSON of TERMS_FIELDS in order."""
    values = [st.value(name, "") for name in TERMS_FIELDS]
    canon = json.dumps(values, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(b"coopshare/v1/lead-terms\0" + canon.encode()).digest()
