"""The lead lifecycle is a rule of the log, not of the screen.

Hostile members sign forbidden acts with their own device keys through the project's signing
code (``tests/forge.py``), bypassing the writer's check. Every replica, whatever the delivery
order, ends in the same state, ignores the forbidden effect and flags it in the history. The
positive control of each test shows the forbidden op was processed (it is in the history) and
that it would have won under the old last-writer-wins fold (it carries the highest stamp).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopshare.errors import (
    RULE_LEAD_CLAIMER_ONLY,
    RULE_LEAD_GIVER_ONLY,
    RULE_LEAD_OWN,
    RULE_LEAD_TAKEN,
    RULE_LEAD_WINDOW,
    NotAllowed,
)
from coopshare.model import lead_record
from coopshare.model import lead_rules as R
from coopshare.model.hlc import COUNTER_BITS
from coopshare.model.items import Act, Kind, LeadStatus
from coopshare.model.working_days import add_working_days

from .conftest import MakeCoop, clock_at, sync, synced_trio, utc_ms
from .forge import forge, forged_lead


def _hlc(ms: int, n: int = 0) -> int:
    return (ms << COUNTER_BITS) + n


# --- the writer refuses, with the rule -----------------------------------------------------------


def _rule(fn) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(NotAllowed) as refused:
        fn()
    return str(refused.value.fields["rule"])


def test_writer_refuses_each_forbidden_act_with_its_rule(make_replica: MakeCoop) -> None:
    alice, bob, carol = synced_trio(make_replica)
    lead = alice.add_lead({"title": "Interim CFO"})
    for c in (bob, carol):
        sync(alice, c)
    assert _rule(lambda: alice.claim_lead(lead)) == RULE_LEAD_OWN
    bob.claim_lead(lead)
    sync(bob, carol)
    assert _rule(lambda: carol.claim_lead(lead)) == RULE_LEAD_TAKEN
    assert _rule(lambda: carol.set_lead_status(lead, "lost")) == RULE_LEAD_CLAIMER_ONLY
    assert _rule(lambda: carol.lead_act(lead, Act.WITHDRAW)) == RULE_LEAD_GIVER_ONLY
    sync(bob, alice)
    assert _rule(lambda: alice.set_lead_status(lead, "won")) == RULE_LEAD_CLAIMER_ONLY
    bob.set_lead_status(lead, "contacted")  # control: the claimer may
    assert R.derive(bob.item(lead)).status is LeadStatus.CONTACTED  # type: ignore[arg-type]


# --- hostile members, every delivery order -------------------------------------------------------


# make_replica makes new replicas (new folders) on every call: a fresh cooperative per example
@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(5)), carol_first=st.booleans())
def test_contested_lead_converges_in_every_delivery_order(
    make_replica: MakeCoop, order: list[int], carol_first: bool
) -> None:
    alice, bob, carol = synced_trio(make_replica)
    lead = alice.add_lead({"title": "Projectleider"})
    for c in (bob, carol):
        sync(alice, c)
    t = alice.clock.tick()
    bob_claim, carol_claim = (t + 20, t + 10) if carol_first else (t + 10, t + 20)
    winner, loser = (carol, bob) if carol_first else (bob, carol)
    ops = [
        forged_lead(bob, lead, {"act": "claim"}, bob_claim),
        forged_lead(carol, lead, {"act": "claim"}, carol_claim),
        forged_lead(loser, lead, {"act": "lost"}, t + 30),  # the loser tries to close it
        forged_lead(winner, lead, {"act": "contacted"}, t + 40),  # the real claimer's step
        forged_lead(alice, lead, {"act": "won"}, t + 50),  # the giver tries the claimer's step
    ]
    for c in (alice, bob, carol):
        for i in order:
            c.apply(ops[i])
    states = [R.derive(c.item(lead)) for c in (alice, bob, carol)]  # type: ignore[arg-type]
    assert states[0] == states[1] == states[2]
    s = states[0]
    assert s.status is LeadStatus.CONTACTED and s.claimer == winner.me.member_id
    steps = {(x.author, x.act): x for x in s.history}
    assert not steps[(loser.me.member_id, "claim")].ok
    assert steps[(loser.me.member_id, "claim")].reason == R.ALREADY_CLAIMED
    assert steps[(loser.me.member_id, "claim")].member == winner.me.member_id  # "X was first"
    assert steps[(loser.me.member_id, "lost")].reason == R.NOT_CLAIMER
    assert steps[(alice.me.member_id, "won")].reason == R.NOT_CLAIMER
    # positive control: the giver's forbidden "won" is the newest change of the lead, so a
    # last-writer-wins fold (what the fold was before) would show the lead as won
    assert max(a[0] for a in alice.item(lead).acts) == t + 50  # type: ignore[union-attr]
    assert s.history[-1].act == "won" and not s.history[-1].ok


def test_old_style_status_ops_fold_under_the_same_rules(make_replica: MakeCoop) -> None:
    """An op as earlier versions wrote it ({"status": "lost"}) by a member who is not the
    claimer has no effect either: old logs cannot carry around the rules."""
    alice, bob, carol = synced_trio(make_replica)
    lead = alice.add_lead({"title": "Architect"})
    for c in (bob, carol):
        sync(alice, c)
    t = alice.clock.tick()
    ops = [
        forged_lead(bob, lead, {"status": "claimed", "claimer": bob.me.member_id.hex()}, t + 1),
        forged_lead(carol, lead, {"status": "lost"}, t + 2),
        forged_lead(carol, lead, {"status": "claimed", "claimer": carol.me.member_id.hex()}, t + 3),
    ]
    for c in (alice, bob, carol):
        for w in ops:
            c.apply(w)
        st_ = c.item(lead)
        assert st_ is not None
        assert st_.value("status") == "claimed" and st_.value("claimer") == bob.me.member_id.hex()
    flagged = [x for x in R.derive(alice.item(lead)).history if not x.ok]  # type: ignore[arg-type]
    assert [(x.act, x.reason) for x in flagged] == [
        ("lost", R.NOT_CLAIMER),
        ("claim", R.ALREADY_CLAIMED),
    ]


def test_only_the_claimer_passes_on_and_gives_back(make_replica: MakeCoop) -> None:
    alice, bob, carol = synced_trio(make_replica)
    lead = alice.add_lead({"title": "Scrum master"})
    for c in (bob, carol):
        sync(alice, c)
    bob.claim_lead(lead)
    sync(bob, carol)
    t = carol.clock.tick()
    steal = forged_lead(
        carol, lead, {"act": "pass-on", "act_member": carol.me.member_id.hex()}, t + 5
    )
    bob.apply(steal)
    assert R.derive(bob.item(lead)).claimer == bob.me.member_id  # type: ignore[arg-type]
    bob.lead_act(lead, Act.PASS_ON, member=carol.me.member_id)  # control: the claimer may
    state = R.derive(bob.item(lead))  # type: ignore[arg-type]
    assert state.claimer == carol.me.member_id and state.accepted_terms is None
    with pytest.raises(NotAllowed):
        bob.lead_act(lead, Act.GIVE_BACK)  # no longer his
    sync(bob, carol)
    carol.lead_act(lead, Act.GIVE_BACK)
    assert R.derive(carol.item(lead)).status is LeadStatus.OPEN  # type: ignore[arg-type]


# --- won counts only with both signatures -------------------------------------------------


def test_won_needs_the_givers_confirmation(make_replica: MakeCoop) -> None:
    alice, bob, _carol = synced_trio(make_replica)
    lead = alice.add_lead({"title": "Interim HR"})
    sync(alice, bob)
    bob.claim_lead(lead)
    for s in ("contacted", "proposal", "won"):
        bob.set_lead_status(lead, s)
    with pytest.raises(NotAllowed):
        bob.lead_act(lead, Act.CONFIRM)  # the claimer cannot confirm his own win
    sync(alice, bob)
    assert not R.derive(alice.item(lead)).won_confirmed  # type: ignore[arg-type]
    alice.lead_act(lead, Act.CONFIRM)
    sync(alice, bob)
    assert R.derive(bob.item(lead)).won_confirmed  # type: ignore[arg-type]


# --- time: the interest window and the claim lapse -----------------------------------------------


def test_working_days_skip_weekends_and_dutch_holidays() -> None:
    # Thursday 24 December 2026: Christmas (Fri), Boxing Day (Sat), Sunday → Mon 28, Tue 29
    assert add_working_days(utc_ms(2026, 12, 24), 2) == utc_ms(2026, 12, 29)
    # Friday 23 April 2027: the weekend, King's Day on Tuesday 27 → Mon 26, Wed 28
    assert add_working_days(utc_ms(2027, 4, 23), 2) == utc_ms(2027, 4, 28)
    # control: an ordinary Monday → Wednesday
    assert add_working_days(utc_ms(2026, 11, 30), 2) == utc_ms(2026, 12, 2)


def test_claim_lapses_after_two_working_days_across_christmas(make_replica: MakeCoop) -> None:
    """Claimed on Wednesday 24 December 2025: Christmas, Boxing Day and the weekend do not
    count, so the claim lapses on Tuesday 30 December at the same time of day."""
    alice, bob, carol = synced_trio(make_replica, utc_ms(2025, 12, 23))
    lead = alice.add_lead({"title": "Interim controller"})
    for c in (bob, carol):
        sync(alice, c)
    clock_at(bob, utc_ms(2025, 12, 24))
    bob.claim_lead(lead)
    sync(bob, carol)
    sync(bob, alice)
    st_ = carol.item(lead)
    assert st_ is not None
    before = R.derive(st_, utc_ms(2025, 12, 30) - 1)
    assert before.status is LeadStatus.CLAIMED and before.lapse_ms == utc_ms(2025, 12, 30)
    clock_at(carol, utc_ms(2025, 12, 29))
    with pytest.raises(NotAllowed):
        carol.claim_lead(lead)  # Monday: still Bob's
    after = R.derive(st_, utc_ms(2025, 12, 30))
    assert after.status is LeadStatus.OPEN and after.history[-1].act == R.LAPSED
    clock_at(carol, utc_ms(2025, 12, 30, 11))
    carol.claim_lead(lead)  # Tuesday after 10:00: the claim lapsed, Carol may take it
    for c in (alice, bob):
        sync(carol, c)
    states = [R.derive(c.item(lead)) for c in (alice, bob, carol)]  # type: ignore[arg-type]
    assert states[0] == states[1] == states[2]
    assert states[0].claimer == carol.me.member_id
    assert [x.act for x in states[0].history] == ["claim", R.LAPSED, "claim"]


def test_a_claimer_step_keeps_the_claim(make_replica: MakeCoop) -> None:
    alice, bob, _carol = synced_trio(make_replica, utc_ms(2025, 12, 1))
    lead = alice.add_lead({"title": "Tester"})
    sync(alice, bob)
    bob.claim_lead(lead)
    assert R.derive(bob.item(lead), utc_ms(2025, 12, 3)).status is LeadStatus.OPEN  # type: ignore[arg-type]
    clock_at(bob, utc_ms(2025, 12, 2))
    bob.set_lead_status(lead, "contacted")  # within two working days
    st_ = bob.item(lead)
    assert st_ is not None
    assert (
        R.derive(st_, utc_ms(2025, 12, 20)).status is LeadStatus.CONTACTED
    )  # no lapse once moving
    assert R.derive(st_, utc_ms(2025, 12, 20)).lapse_ms is None


def test_interest_window_first_asker_gets_it_and_claims_wait(make_replica: MakeCoop) -> None:
    alice, bob, carol = synced_trio(make_replica, utc_ms(2025, 12, 1))
    lead = alice.add_lead({"title": "Adviseur", "interest_until": "2025-12-03"})
    for c in (bob, carol):
        sync(alice, c)
    with pytest.raises(NotAllowed) as refused:
        bob.claim_lead(lead)
    assert refused.value.fields["rule"] == RULE_LEAD_WINDOW
    clock_at(carol, utc_ms(2025, 12, 2))
    carol.lead_act(lead, Act.INTEREST)
    clock_at(bob, utc_ms(2025, 12, 3))
    bob.lead_act(lead, Act.INTEREST)
    for c in (alice, bob):
        sync(carol, c)
    sync(alice, bob)
    st_ = alice.item(lead)
    assert st_ is not None
    during = R.derive(st_, utc_ms(2025, 12, 3, 23))
    assert during.status is LeadStatus.INTEREST
    assert during.interested == (carol.me.member_id, bob.me.member_id)
    ended = R.derive(st_, utc_ms(2025, 12, 4, 0))
    assert ended.status is LeadStatus.CLAIMED and ended.claimer == carol.me.member_id
    assert ended.history[-1].act == R.WINDOW_ENDED


def test_giver_picks_during_the_window(make_replica: MakeCoop) -> None:
    alice, bob, carol = synced_trio(make_replica, utc_ms(2025, 12, 1))
    lead = alice.add_lead({"title": "Adviseur", "interest_until": "2025-12-10"})
    for c in (bob, carol):
        sync(alice, c)
    carol.lead_act(lead, Act.INTEREST)
    bob.lead_act(lead, Act.INTEREST)
    sync(carol, alice)
    sync(bob, alice)
    with pytest.raises(NotAllowed):
        carol.lead_act(lead, Act.PICK, member=carol.me.member_id)  # not the giver
    alice.lead_act(lead, Act.PICK, member=bob.me.member_id)
    sync(alice, bob)
    clock_at(bob, utc_ms(2025, 12, 2))
    bob.set_lead_status(lead, "contacted")
    state = R.derive(bob.item(lead), utc_ms(2025, 12, 11))  # type: ignore[arg-type]
    assert state.claimer == bob.me.member_id  # the pick holds after the window ends
    assert state.status is LeadStatus.CONTACTED
    assert R.WINDOW_ENDED not in [x.act for x in state.history]


def test_backdated_flood_fills_only_the_attackers_share(make_replica: MakeCoop) -> None:
    """Carol signs 80 claims dated before the lead existed: each member keeps only their first
    64 acts, and acts dated before the giver's creating change have no effect."""
    alice, bob, carol = synced_trio(make_replica)
    lead = alice.add_lead({"title": "Flooded"})
    for c in (bob, carol):
        sync(alice, c)
    created = alice.item(lead).origin[0]  # type: ignore[union-attr,index]
    bob.claim_lead(lead)
    bob.set_lead_status(lead, "contacted")
    flood = [forged_lead(carol, lead, {"act": "claim"}, created - 100 + i) for i in range(80)]
    for c in (alice, bob):
        for w in flood:
            c.apply(w)
        sync(bob, c)
    for c in (alice, bob):
        st_ = c.item(lead)
        assert st_ is not None
        theirs = [a for a in st_.acts if a[2] == carol.me.member_id]
        assert len(theirs) == R.MAX_ACTS_PER_MEMBER
        # control: her claims were processed and are the lead's oldest acts, so "first claim
        # wins" without the creation rule would hand her the lead
        assert st_.acts[0][2] == carol.me.member_id
        state = R.derive(st_)
        assert state.status is LeadStatus.CONTACTED and state.claimer == bob.me.member_id
        reasons = {x.reason for x in state.history if x.author == carol.me.member_id}
        assert reasons == {R.BEFORE_CREATION}
        assert st_.origin is not None and st_.origin[0] == created  # creation not moved


def test_list_rows_show_a_lapsed_claim_as_open(make_replica: MakeCoop) -> None:
    """The list and the detail agree: once the claim lapsed, the row says "open" too."""
    from coopshare.service import views

    alice, bob, _carol = synced_trio(make_replica, utc_ms(2025, 12, 1))
    lead = alice.add_lead({"title": "Row"})
    sync(alice, bob)
    bob.claim_lead(lead)
    sync(bob, alice)
    st_ = alice.item(lead)
    assert st_ is not None
    clock_at(alice, utc_ms(2025, 12, 2))
    assert views.row(alice, st_).status == "claimed"  # control: before the lapse
    clock_at(alice, utc_ms(2025, 12, 3, 11))
    assert views.row(alice, st_).status == "open"


def test_a_window_set_later_does_not_undo_an_earlier_claim(make_replica: MakeCoop) -> None:
    """The giver cannot take a lead back from its claimer by opening an interest window
    afterwards (signed with her own key, past the writer's check)."""
    alice, bob, _carol = synced_trio(make_replica, utc_ms(2025, 12, 1))
    lead = alice.add_lead({"title": "Window"})
    sync(alice, bob)
    bob.claim_lead(lead)
    sync(bob, alice)
    with pytest.raises(NotAllowed):
        alice.edit_item(lead, {"interest_until": "2025-12-20"})  # the writer refuses
    late = forged_lead(alice, lead, {"interest_until": "2025-12-20"}, alice.clock.tick())
    bob.apply(late)
    for c in (alice, bob):
        state = R.derive(c.item(lead), utc_ms(2025, 12, 2))  # type: ignore[arg-type]
        assert state.status is LeadStatus.CLAIMED and state.claimer == bob.me.member_id
        assert (state.history[-1].act, state.history[-1].reason) == (
            lead_record.WINDOW,
            R.WRONG_STATUS,
        )
    # control: on an open lead the same change opens the window
    other = alice.add_lead({"title": "Open one"})
    alice.edit_item(other, {"interest_until": "2025-12-20"})
    assert R.derive(alice.item(other), utc_ms(2025, 12, 2)).status is LeadStatus.INTEREST  # type: ignore[arg-type]


def test_a_confirmation_names_the_claimer_it_confirms(make_replica: MakeCoop) -> None:
    """Review finding F1: a confirmation that does not name the current claimer (or names
    someone else) has no effect, so it can never credit another member's win."""
    alice, bob, carol = synced_trio(make_replica)
    lead = alice.add_lead({"title": "Confirmed"})
    for c in (bob, carol):
        sync(alice, c)
    bob.claim_lead(lead)
    for s in ("contacted", "won"):
        bob.set_lead_status(lead, s)
    sync(bob, alice)
    t = alice.clock.tick()
    blank = forged_lead(alice, lead, {"act": "confirm-won"}, t)  # names nobody
    other = forged_lead(
        alice, lead, {"act": "confirm-won", "act_member": carol.me.member_id.hex()}, t + 1
    )
    for w in (blank, other):
        bob.apply(w)
    state = R.derive(bob.item(lead))  # type: ignore[arg-type]
    assert not state.won_confirmed
    assert [x.ok for x in state.history if x.act == "confirm-won"] == [False, False]
    alice.lead_act(lead, Act.CONFIRM)  # control: the writer names Bob, and it counts
    sync(alice, bob)
    assert R.derive(bob.item(lead)).won_confirmed  # type: ignore[arg-type]


def test_acts_sealed_to_a_few_members_have_no_effect(make_replica: MakeCoop) -> None:
    """Review finding F2: a claim sealed to the giver alone would make the giver's replica
    disagree with everyone else's; acts count only from a part every member reads."""
    from coopshare.crypto import envelope
    from coopshare.protocol import content

    alice, bob, carol = synced_trio(make_replica)
    lead = alice.add_lead({"title": "Sealed claim"})
    for c in (bob, carol):
        sync(alice, c)
    plain = content.encode_change(Kind.LEAD, lead, {"act": "claim"})
    keys = [
        d.kex_pk for m in (alice, carol) for d in carol.roster.active_devices_of(m.me.member_id)
    ]
    part, _ = envelope.seal_to(plain, keys, carol.coop_id)  # type: ignore[arg-type]
    op = forge(carol, content.encode_parts([part]))
    carol.apply(op.encode())
    alice.apply(op.encode())
    st_ = alice.item(lead)
    assert st_ is not None
    assert R.derive(st_).status is LeadStatus.OPEN and not st_.acts
    bob.claim_lead(lead)  # control: a coop-wide claim counts
    sync(bob, alice)
    assert R.derive(alice.item(lead)).claimer == bob.me.member_id  # type: ignore[arg-type]


def test_a_far_date_is_refused_and_never_breaks_a_lead(make_replica: MakeCoop) -> None:
    """Review finding F3: an interest window until 9999-12-31 is refused by the schema."""
    from coopshare.errors import SchemaError

    alice, _bob, _carol = synced_trio(make_replica)
    with pytest.raises(SchemaError):
        alice.add_lead({"title": "Far", "interest_until": "9999-12-31"})
    lead = alice.add_lead({"title": "Near", "interest_until": "2999-12-31"})  # control
    assert R.derive(alice.item(lead)).status is LeadStatus.INTEREST  # type: ignore[arg-type]
