"""Writing a lead's acts: the writer refuses what the fold would ignore, with a typed error.

The check replays the lead exactly as every replica will (``lead_rules.would_refuse``) with
this device's next clock value, so a refusal here and "no effect" in the fold are one rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopshare import errors as E
from coopshare.errors import NoSuchItem, NotAllowed, SchemaError
from coopshare.model import lead_rules as R
from coopshare.model.fold import ItemState
from coopshare.model.items import Act, Kind, LeadStatus

if TYPE_CHECKING:
    from coopshare.service.coop import Coop

_RULE_OF_REASON = {
    R.NOT_GIVER: E.RULE_LEAD_GIVER_ONLY,
    R.NOT_CLAIMER: E.RULE_LEAD_CLAIMER_ONLY,
    R.GIVER_CANNOT_CLAIM: E.RULE_LEAD_OWN,
    R.ALREADY_CLAIMED: E.RULE_LEAD_TAKEN,
    R.WINDOW_OPEN: E.RULE_LEAD_WINDOW,
    R.NO_WINDOW: E.RULE_LEAD_NO_WINDOW,
    R.NOT_INTERESTED: E.RULE_LEAD_MEMBER,
    R.ALREADY_INTERESTED: E.RULE_LEAD_STEP,
    R.WRONG_STATUS: E.RULE_LEAD_STEP,
    R.CLOSED_LEAD: E.RULE_LEAD_CLOSED,
    R.BAD_MEMBER: E.RULE_LEAD_MEMBER,
}

# `lead status ID STATUS`: the claimer's moves by status name
STATUS_ACTS = {
    "contacted": Act.CONTACTED,
    "proposal": Act.PROPOSAL,
    "won": Act.WON,
    "lost": Act.LOST,
    "withdrawn": Act.WITHDRAW,
    "open": Act.REOPEN,
}


def act(
    coop: Coop, item_id: bytes, what: Act, *, member: bytes | None = None, terms: bytes = b""
) -> None:
    """Sign `what` on lead `item_id`, or raise NotAllowed naming the rule it would break."""
    st = coop.item(item_id)
    if st is None:
        raise NoSuchItem(item=item_id.hex())
    if st.kind is not Kind.LEAD:
        raise NotAllowed(rule=E.RULE_NOT_A_LEAD)
    if what is Act.CONFIRM and member is None:
        member = R.derive(st, coop.clock.now_ms()).claimer  # the win confirmed is theirs
    if member is not None and not coop.roster.active_devices_of(member):
        raise NotAllowed(rule=E.RULE_LEAD_MEMBER)
    hlc = coop.clock.peek()
    if coop.store.hlc_before(coop.me.device_id, 1 << 62) > hlc:
        # an op of this device is dated later (its clock was fast, then corrected, and the app
        # restarted): every replica would read this act as backdated and give it no effect
        raise NotAllowed(rule=E.RULE_LEAD_CLOCK)
    reason, _ = R.would_refuse(st, coop.me.member_id, what, member=member, terms=terms, hlc=hlc)
    if reason:
        raise NotAllowed(rule=_RULE_OF_REASON.get(reason, E.RULE_LEAD_STEP))
    fields: dict[str, str] = {"act": what.value}
    if member is not None:
        fields["act_member"] = member.hex()
    if terms:
        fields["act_terms"] = terms.hex()
    coop.write_item(Kind.LEAD, item_id, fields)


def status_act(status: str) -> Act:
    """The act behind `lead status ID STATUS`; a status nobody can move to is a SchemaError."""
    found = STATUS_ACTS.get(status.strip().lower())
    if found is None:
        allowed = ", ".join(STATUS_ACTS)
        raise SchemaError(f"status: expected one of {allowed}")
    return found


def check_window(coop: Coop, st: ItemState) -> None:
    """An interest window opens only on a lead nobody has claimed (the fold ignores it else)."""
    state = R.derive(st, coop.clock.now_ms())
    if state.status not in (LeadStatus.OPEN, LeadStatus.INTEREST):
        raise NotAllowed(rule=E.RULE_LEAD_STEP)
