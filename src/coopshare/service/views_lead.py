"""The read model of one lead: its fields, its state under the lifecycle rules at this moment,
what I may do next, and its history. Built on the store thread; frozen, so it crosses to the
GUI thread as is.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopshare.model import lead_release
from coopshare.model import lead_rules as R
from coopshare.model.fold import ItemState
from coopshare.model.items import FIELDS, Act, Kind, LeadStatus
from coopshare.service import views
from coopshare.service.coop import Coop
from coopshare.service.lead_sealed import has_sealed_details

SEALED_LEAD_FIELDS = tuple(name for name, f in FIELDS[Kind.LEAD].items() if f.sealed)

# Status reached by each of the claimer's moves (for the "next step" list).
MOVE_STATUS = {
    Act.CONTACTED: LeadStatus.CONTACTED,
    Act.PROPOSAL: LeadStatus.PROPOSAL,
    Act.WON: LeadStatus.WON,
    Act.LOST: LeadStatus.LOST,
}
_CANDIDATE_ACTS = (
    Act.INTEREST,
    Act.CLAIM,
    Act.PICK,
    Act.CONTACTED,
    Act.PROPOSAL,
    Act.WON,
    Act.LOST,
    Act.PASS_ON,
    Act.GIVE_BACK,
    Act.WITHDRAW,
    Act.REOPEN,
    Act.CONFIRM,
)


@dataclass(frozen=True, slots=True)
class LeadStep:
    """One line of a lead's history, with names filled in."""

    hlc: int
    ms: int
    act: str  # an Act value, or lead_rules.LAPSED / WINDOW_ENDED
    who: str  # member name; "" for a step the rules took
    who_is_me: bool
    member: str  # the member picked / passed to / who was first; "" if none
    member_is_me: bool
    ok: bool
    reason: str  # a lead_rules reason code when the step had no effect


@dataclass(frozen=True, slots=True)
class LeadSealed:
    org: str = ""
    contact: str = ""
    rate_min: int = 0
    rate_max: int = 0
    intermediary: str = ""
    fee: str = ""

    def __bool__(self) -> bool:
        return any(
            (self.org, self.contact, self.rate_min, self.rate_max, self.intermediary, self.fee)
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    member_id: str
    name: str


@dataclass(frozen=True, slots=True)
class LeadDetail:
    id: str
    title: str
    description: str
    role: str
    skills: tuple[str, ...]
    region: str
    remote: bool
    start: str
    duration_weeks: int
    extension: bool
    hours_per_week: int
    respond_by: str
    contract_form: str
    dba_assessment: str
    referral_terms: str
    interest_until: str
    author: str
    updated: int  # Unix ms
    status: str
    claimer: str  # member id (hex), "" if none
    claimer_name: str
    is_giver: bool
    is_claimer: bool
    closed: bool
    won_confirmed: bool
    terms_accepted: bool  # the current claimer accepted the current terms
    window_end_ms: int | None
    lapse_ms: int | None
    sealed: LeadSealed
    has_sealed: bool  # the giver sealed details (read or not): lead_sealed.py
    acts: tuple[str, ...]  # the acts I may take now (Act values)
    moves: tuple[str, ...]  # statuses my next claimer move may reach
    interested: tuple[Candidate, ...]
    pass_to: tuple[Candidate, ...]  # members I may pass the lead on to (claimer only)
    first_claimer: str  # when I also claimed and was not first: who was
    history: tuple[LeadStep, ...]


def lead_detail(coop: Coop, item_id: str) -> LeadDetail | None:
    key = views.id_from_hex(item_id, 16)
    st = None if key is None else coop.item(key)
    return None if st is None else lead_detail_of(coop, st)


def lead_detail_of(coop: Coop, st: ItemState) -> LeadDetail | None:
    if st.kind is not Kind.LEAD or st.is_deleted or not st.has_creator:
        return None
    me = coop.me.member_id
    now_ms = coop.clock.now_ms()
    lead = R.derive(st, now_ms)
    hlc = max(coop.clock.peek(), (now_ms << 16))
    acts = tuple(a.value for a in _CANDIDATE_ACTS if _allowed(st, me, a, lead, hlc))
    moves = tuple(MOVE_STATUS[Act(a)].value for a in acts if Act(a) in MOVE_STATUS)

    def text(name: str, limit: int = 20_000) -> str:
        v = st.value(name, "")
        return v[:limit] if isinstance(v, str) else ""

    def number(name: str) -> int:
        v = st.value(name, 0)
        return v if isinstance(v, int) and not isinstance(v, bool) else 0

    sealed = LeadSealed(
        org=text("org"),
        contact=text("contact"),
        rate_min=number("rate_min"),
        rate_max=number("rate_max"),
        intermediary=text("intermediary"),
        fee=text("fee"),
    )
    skills = st.value("skills", [])
    claimer = lead.claimer
    first = ""
    for step in lead.history:
        if step.author == me and step.reason == R.ALREADY_CLAIMED and step.member:
            first = coop.member_name(step.member)
    return LeadDetail(
        id=st.item_id.hex(),
        title=text("title", 300),
        description=text("description"),
        role=text("role"),
        skills=tuple(str(s) for s in skills) if isinstance(skills, list) else (),
        region=text("region"),
        remote=st.value("remote") is True,
        start=text("start"),
        duration_weeks=number("duration_weeks"),
        extension=st.value("extension") is True,
        hours_per_week=number("hours_per_week"),
        respond_by=text("respond_by"),
        contract_form=text("contract_form"),
        dba_assessment=text("dba_assessment"),
        referral_terms=text("referral_terms"),
        interest_until=text("interest_until"),
        author=views.author_name(coop, st),
        updated=st.updated >> 16,
        status=lead.status.value,
        claimer="" if claimer is None else claimer.hex(),
        claimer_name="" if claimer is None else coop.member_name(claimer),
        is_giver=lead.is_giver(me),
        is_claimer=claimer == me,
        closed=lead.closed,
        won_confirmed=lead.won_confirmed,
        terms_accepted=lead.accepted_terms is not None and lead.accepted_terms == R.terms_hash(st),
        window_end_ms=lead.window_end_ms,
        lapse_ms=lead.lapse_ms,
        sealed=sealed,
        has_sealed=bool(sealed) or has_sealed_details(coop, st),
        acts=acts,
        moves=moves,
        interested=tuple(Candidate(m.hex(), coop.member_name(m)) for m in lead.interested),
        pass_to=_pass_to(coop, lead) if Act.PASS_ON.value in acts else (),
        first_claimer=first if claimer != me else "",
        history=_with_releases(coop, st, tuple(step_of(coop, s) for s in lead.history)),
    )


def _with_releases(coop: Coop, st: ItemState, steps: tuple[LeadStep, ...]) -> tuple[LeadStep, ...]:
    """The lead's history with its key releases (model/lead_release.py), flagged or not."""
    me = coop.me.member_id
    for to, releaser, hlc, _op, _ops in st.releases:
        problem = lead_release.release_problem(st, (to, releaser, hlc, _op, _ops)) or ""
        who, member = coop.member_name(releaser), coop.member_name(to)
        step = LeadStep(hlc, hlc >> 16, lead_release.RELEASE, who, releaser == me, member,
                        to == me, not problem, problem)  # fmt: skip
        steps += (step,)
    return tuple(sorted(steps, key=lambda s: s.hlc))


def _allowed(st: ItemState, me: bytes, act: Act, lead: R.LeadState, hlc: int) -> bool:
    member: bytes | None = None
    if act is Act.PICK:
        if not lead.interested:
            return False
        member = lead.interested[0]
    elif act is Act.CONFIRM:
        member = lead.claimer
    elif act is Act.PASS_ON:
        member = b"\0" * 32  # any member other than the giver and me: checked when chosen
    reason, _ = R.would_refuse(st, me, act, member=member, hlc=hlc)
    return not reason


def _pass_to(coop: Coop, lead: R.LeadState) -> tuple[Candidate, ...]:
    me = coop.me.member_id
    out = [
        Candidate(m.hex(), coop.member_name(m))
        for m in coop.roster.members
        if m != me and m[:8] != lead.giver and coop.roster.active_devices_of(m)
    ]
    return tuple(sorted(out, key=lambda c: c.name.casefold()))


def step_of(coop: Coop, s: R.Step) -> LeadStep:
    me = coop.me.member_id
    return LeadStep(
        hlc=s.hlc,
        ms=s.hlc >> 16,
        act=s.act,
        who="" if s.author is None else coop.member_name(s.author),
        who_is_me=s.author == me,
        member="" if s.member is None else coop.member_name(s.member),
        member_is_me=s.member == me,
        ok=s.ok,
        reason=s.reason,
    )
