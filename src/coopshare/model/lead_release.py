"""Key releases of a lead's sealed fields (organisation, contact, rates, intermediary, fee),
judged from the signed log like an idea's (model/idea_rules.py), on every replica.

A release (the notice of a ``key_release``) to member M with stamp S counts only if the
releaser is the lead's giver and, replaying the lead's acts before S (model/lead_rules.py),
M is the claimer then and that claimer's accepted terms hash equals the hash of the lead's
current referral terms. Any other release is flagged. A device uses keys released to it only
while a counting release to it exists and it is the lead's claimer now; and not at all once the
lead has been closed for :data:`RETENTION_WEEKS` (service/releases.py then drops the keys).
"""

from __future__ import annotations

from coopshare.model import idea_rules, lead_rules
from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms

# Sealed fields of a closed lead are dropped on every peer this long after it closed (a constant:
# the cooperative has no settings mechanism yet).
RETENTION_WEEKS = 6
WEEK_MS = 7 * 24 * 3600 * 1000
NOT_CLAIMER = "to-non-claimer"  # released to a member who was not the claimer then
RELEASE = "release"  # the history entry of a release (views_lead)


def _state_before(st: ItemState, hlc: int, op_id: bytes) -> lead_rules.LeadState:
    acts = [a for a in st.acts if (a[0], a[1]) < (hlc, op_id)]
    created = st.origin[0] if st.origin is not None else st.created[0]  # as lead_rules.derive
    return lead_rules.replay(st.item_id, acts, created_hlc=created, now_ms=physical_ms(hlc))


def release_problem(st: ItemState, r: idea_rules.Release) -> str | None:
    to, releaser, hlc, op_id, _ops = r
    if releaser[:8] != st.creator:
        return idea_rules.NOT_BY_OWNER
    then = _state_before(st, hlc, op_id)
    if then.claimer != to:
        return NOT_CLAIMER
    if then.accepted_terms != lead_rules.terms_hash(st):
        return idea_rules.NO_ACCEPTANCE
    return None


def valid_releases(st: ItemState, member: bytes) -> list[idea_rules.Release]:
    return [r for r in st.releases if r[0] == member and release_problem(st, r) is None]


def grants_usable(st: ItemState, me: bytes) -> bool:
    if lead_rules.derive(st).claimer != me:
        return False
    return bool(valid_releases(st, me))


def expired(st: ItemState, now_ms: int) -> bool:
    """Closed for RETENTION_WEEKS or longer: its sealed fields are dropped everywhere."""
    closed = lead_rules.derive(st).closed_hlc
    return closed is not None and now_ms >= physical_ms(closed) + RETENTION_WEEKS * WEEK_MS


def may_be_due(st: ItemState) -> bool:
    """Cheap first look: the current claimer accepted the current terms."""
    lead = lead_rules.derive(st)
    return lead.claimer is not None and lead.accepted_terms == lead_rules.terms_hash(st)


def due(st: ItemState, sealed_ops: set[bytes], now_ms: int) -> list[tuple[bytes, list[bytes]]]:
    """For the giver's device: (claimer, ops to release) once the current claimer accepted the
    current terms; `sealed_ops` are the giver's ops of this lead that hold sealed fields.
    Judged at `now_ms`: a claim that lapsed meanwhile gets nothing."""
    lead = lead_rules.derive(st, now_ms)
    if lead.claimer is None or (lead.closed and expired(st, now_ms)):
        return []
    if lead.accepted_terms != lead_rules.terms_hash(st):
        return []
    covered = {o for r in valid_releases(st, lead.claimer) for o in r[4]}
    need = sorted(sealed_ops - covered)
    return [(lead.claimer, need)] if need else []
