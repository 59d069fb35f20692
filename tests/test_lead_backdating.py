"""Backdated lead acts, caught by their own device's log (security.md §4, protocol.md §9a).

An honest device dates its ops in increasing order along its log (model/hlc.py: its clock
observes everything it stored). A hostile member's modified client can sign an act with any
past time, but if the same device signed an earlier op (lower seq) with a later time, its own
log proves the act was written after it claims: every replica gives it no effect and flags it
``backdated`` in the lead's history, whatever order the ops arrive in.

Each test's positive control replays the same acts with the evidence ignored and shows the
attack would have worked.
"""

from __future__ import annotations

import pytest

from coopshare import errors as E
from coopshare.errors import NotAllowed
from coopshare.model import lead_rules as R
from coopshare.model.fold import ItemState
from coopshare.model.hlc import COUNTER_BITS, HybridClock
from coopshare.model.items import Act, LeadStatus
from coopshare.protocol.ops import decode_op
from coopshare.service.coop import Coop

from .conftest import MakeCoop, clock_at, sync, synced_trio, utc_ms
from .forge import forged_lead


def _forged(c: Coop, lead: bytes, fields: dict[str, str], ms: int) -> bytes:
    """`c` signs a lead act dated `ms` (in the past) as the next op of its own log (forged_lead)."""
    return forged_lead(c, lead, fields, ms << COUNTER_BITS)


def _without_evidence(c: Coop, lead: bytes) -> R.LeadState:
    """The control: the same acts replayed as if no device's log showed a backdated act."""
    st = c.item(lead)
    assert st is not None
    acts = [(*a[:6], False) for a in st.acts]
    return R.replay(lead, acts, created_hlc=st.origin[0] if st.origin else st.created[0])


def _state(c: Coop, lead: bytes) -> R.LeadState:
    st = c.item(lead)
    assert st is not None
    return R.derive(st)


def _won_by_bob(make_replica: MakeCoop, title: str) -> tuple[Coop, Coop, Coop, bytes]:
    """Alice's lead (3 November 2025), claimed by Bob the next day and moved to won; Alice has
    his ops, Carol not yet: (alice, bob, carol, lead)."""
    alice, bob, carol = synced_trio(make_replica, utc_ms(2025, 11, 3))
    lead = alice.add_lead({"title": title})
    sync(alice, bob)
    clock_at(bob, utc_ms(2025, 11, 4))
    bob.claim_lead(lead)
    for s in ("contacted", "won"):
        bob.set_lead_status(lead, s)
    sync(bob, alice)
    return alice, bob, carol, lead


def test_giver_cannot_undo_a_confirmed_win_with_a_backdated_withdraw(
    make_replica: MakeCoop,
) -> None:
    """The review's attack: after confirming Bob's win, Alice signs a withdraw dated before
    Bob's claim. Her own confirmation (an earlier op of her device, dated later) proves it."""
    alice, bob, carol, lead = _won_by_bob(make_replica, "Interim CFO")
    clock_at(alice, utc_ms(2025, 11, 10))
    alice.lead_act(lead, Act.CONFIRM, member=bob.me.member_id)
    forged = _forged(alice, lead, {"act": "withdraw"}, utc_ms(2025, 11, 3, 12))  # before the claim
    for c in (bob, carol):
        sync(alice, c)
        assert c.apply(forged).new is False  # the sync carried it: processed, not skipped
    states = [_state(c, lead) for c in (alice, bob, carol)]
    assert states[0] == states[1] == states[2]
    assert states[0].status is LeadStatus.WON and states[0].won_confirmed
    flagged = [s for s in states[0].history if s.act == "withdraw"]
    assert [(s.ok, s.reason, s.author) for s in flagged] == [
        (False, R.BACKDATED, alice.me.member_id)
    ]
    # control: without the evidence the withdraw, ordered before the claim, wins
    undone = _without_evidence(carol, lead)
    assert undone.status is LeadStatus.WITHDRAWN and not undone.won_confirmed


def test_lapsed_claimer_cannot_backdate_a_step_after_writing_later(
    make_replica: MakeCoop,
) -> None:
    """Bob's claim of Monday lapses on Wednesday; Carol claims on Thursday. On Friday Bob
    writes a note, then signs "contacted" dated Tuesday to keep the lead. His note (earlier in
    his log, dated later) proves the step was backdated: Carol keeps the lead everywhere."""
    alice, bob, carol = synced_trio(make_replica, utc_ms(2025, 12, 1, 9))
    lead = alice.add_lead({"title": "Project lead"})
    for c in (bob, carol):
        sync(alice, c)
    clock_at(bob, utc_ms(2025, 12, 1))
    bob.claim_lead(lead)
    sync(bob, carol)
    clock_at(carol, utc_ms(2025, 12, 4))
    carol.claim_lead(lead)  # the claim lapsed on Wednesday 3 December
    clock_at(bob, utc_ms(2025, 12, 5))
    bob.add_note("Friday", "written after the lapse")
    forged = _forged(bob, lead, {"act": "contacted"}, utc_ms(2025, 12, 2))
    for x, y in ((bob, carol), (carol, alice), (bob, alice)):
        sync(x, y)
    states = [_state(c, lead) for c in (alice, bob, carol)]
    assert states[0] == states[1] == states[2]
    assert states[0].claimer == carol.me.member_id
    step = next(s for s in states[0].history if s.op_id == decode_op(forged).op_id)
    assert (step.ok, step.reason) == (False, R.BACKDATED)
    # control: without the evidence Bob's backdated step keeps his claim and Carol's fails
    kept = _without_evidence(alice, lead)
    assert kept.claimer == bob.me.member_id and kept.status is LeadStatus.CONTACTED


def _win_then_backdated_withdraw(
    make_replica: MakeCoop,
) -> tuple[Coop, Coop, bytes, bytes, bytes]:
    """Bob's won lead, confirmed by Alice (the proof), then Alice's withdraw dated before the
    claim (forged); Carol has everything but those two ops: (alice, carol, lead, proof, forged)."""
    alice, bob, carol, lead = _won_by_bob(make_replica, "Audit")
    sync(alice, carol)
    sync(bob, carol)
    clock_at(alice, utc_ms(2025, 11, 10))
    alice.lead_act(lead, Act.CONFIRM, member=bob.me.member_id)
    proof = list(alice.wire_ops())[-1]
    forged = _forged(alice, lead, {"act": "withdraw"}, utc_ms(2025, 11, 3, 12))
    return alice, carol, lead, proof, forged


def test_evidence_arriving_after_the_act_still_flags_it(make_replica: MakeCoop) -> None:
    """Delivery order does not matter: a replica that receives the backdated act before the
    earlier op that proves it first gives the act its effect, then folds the lead again when
    the proof arrives, and ends where every other replica ends."""
    alice, carol, lead, proof, forged = _win_then_backdated_withdraw(make_replica)
    carol.apply(forged)  # the act first, its predecessor in alice's log not yet here
    assert _state(carol, lead).status is LeadStatus.WITHDRAWN  # no evidence yet
    applied = carol.apply(proof)
    assert lead in applied.items  # the lead was folded again and reported as changed
    assert _state(carol, lead) == _state(alice, lead)
    assert _state(carol, lead).status is LeadStatus.WON


def test_an_honest_log_is_never_flagged(make_replica: MakeCoop) -> None:
    """Acts written by the app itself (the clock only moves forward) are never backdated, also
    when a device writes many ops in one millisecond."""
    alice, bob, _carol = synced_trio(make_replica, utc_ms(2025, 11, 3))
    lead = alice.add_lead({"title": "Same millisecond"})
    sync(alice, bob)
    bob.claim_lead(lead)
    for s in ("contacted", "proposal", "won"):
        bob.set_lead_status(lead, s)
    sync(bob, alice)
    alice.lead_act(lead, Act.CONFIRM, member=bob.me.member_id)
    sync(alice, bob)
    state = _state(bob, lead)
    assert state.status is LeadStatus.WON and state.won_confirmed
    assert all(s.ok for s in state.history), state.history
    assert not any(a[6] for a in bob.item(lead).acts)  # type: ignore[union-attr]


def test_old_item_rows_without_the_flag_still_load(make_replica: MakeCoop) -> None:
    """Item rows written before the flag existed hold six-element acts; they read as not late."""
    alice, bob, _carol = synced_trio(make_replica, utc_ms(2025, 11, 3))
    lead = alice.add_lead({"title": "Old row"})
    sync(alice, bob)
    bob.claim_lead(lead)
    st = bob.item(lead)
    assert st is not None and st.acts
    plain = st.to_plain()
    assert all(len(a) == 7 for a in plain["a"])
    plain["a"] = [a[:6] for a in plain["a"]]  # the shape of a row from before the flag
    old = ItemState.from_plain(plain)
    assert old.acts == st.acts and R.derive(old) == R.derive(st)


def test_evidence_in_the_same_batch_after_the_act_still_flags_it(make_replica: MakeCoop) -> None:
    """As above, in one batch (Replica.apply_batch, whose look-ahead answers "any op of this
    device above this seq?" without a query while a catch-up arrives in seq order): the proof
    applied after the act in the same transaction still finds it. Control: without the proof
    the act has its effect."""
    alice, carol, lead, proof, forged = _win_then_backdated_withdraw(make_replica)
    results = carol.apply_batch([forged, proof])
    assert all(not isinstance(r, Exception) and r.new for r in results)
    assert _state(carol, lead) == _state(alice, lead)
    assert _state(carol, lead).status is LeadStatus.WON
    assert _without_evidence(carol, lead).status is LeadStatus.WITHDRAWN


def test_the_writer_refuses_an_act_its_own_log_would_flag(make_replica: MakeCoop) -> None:
    """Review finding (session 5): a device whose clock was fast wrote a note, then the clock
    was corrected and the app restarted (its clock no longer knows that later op). The writer
    refuses a lead act with the clock rule instead of signing one every replica would flag."""
    alice, bob, _carol = synced_trio(make_replica, utc_ms(2025, 11, 3))
    lead = alice.add_lead({"title": "Clock"})
    sync(alice, bob)
    clock_at(bob, utc_ms(2025, 11, 6))  # three days fast
    bob.add_note("Fast", "written while the clock was ahead")
    bob.clock = HybridClock(0, now_ms=lambda: utc_ms(2025, 11, 3, 11))  # corrected, restarted
    with pytest.raises(NotAllowed) as refused:
        bob.claim_lead(lead)
    assert refused.value.fields["rule"] == E.RULE_LEAD_CLOCK
    # control: the same claim signed anyway is what every replica flags as backdated
    forged = _forged(bob, lead, {"act": "claim"}, utc_ms(2025, 11, 3, 11))
    sync(bob, alice)
    step = next(s for s in _state(alice, lead).history if s.op_id == decode_op(forged).op_id)
    assert (step.ok, step.reason) == (False, R.BACKDATED)
