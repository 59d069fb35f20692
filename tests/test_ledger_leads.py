"""Leads in the ledger: a won lead counts only with both signatures, on every replica.

The claimer's "won" and the giver's confirmation must both be in the log (model/lead_rules.py
derives `won_confirmed`). Hostile members sign confirmations and wins they may not give with
their own device keys (tests/forge.py); the positive controls show the same lead counting once
the right member signs.
"""

from __future__ import annotations

from coopshare.model.items import Act, Kind
from coopshare.service import ledger
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop, sync, three_members
from tests.forge import coop_change, forge


def forged_act(c: Coop, lead: bytes, act: Act) -> None:
    """`c` signs `act` on `lead` without the writer's check."""
    op = forge(c, coop_change(c, Kind.LEAD, lead, {"act": act.value}))
    assert c.apply(op.encode()).new


def sync_all(*cs: Coop) -> None:
    for _ in range(2):
        for a in cs:
            for b in cs:
                if a is not b:
                    sync(a, b)


def counts(c: Coop, member: Coop) -> tuple[int, int, int]:
    got = ledger.member_counts(c, member.me.member_id)
    return (got.leads_given, got.leads_received, got.leads_worked)


def won_lead(make_replica: MakeCoop) -> tuple[Coop, Coop, Coop, bytes]:
    """Alice gave a lead; Bob claimed it, contacted the client and marked it won."""
    alice, bob, carol = three_members(make_replica)
    lead = alice.add_lead({"title": "Interim CFO", "referral_terms": "thanks"})
    sync_all(alice, bob, carol)
    bob.claim_lead(lead)
    bob.lead_act(lead, Act.CONTACTED)
    bob.lead_act(lead, Act.WON)
    sync_all(alice, bob, carol)
    return alice, bob, carol, lead


def test_won_lead_counts_only_once_the_giver_confirms(make_replica: MakeCoop) -> None:
    alice, bob, carol, lead = won_lead(make_replica)
    for c in (alice, bob, carol):
        assert counts(c, alice) == (1, 0, 0)  # given, but not yet led to work
        assert counts(c, bob) == (0, 0, 0)  # Bob's "won" alone does not count
    alice.lead_act(lead, Act.CONFIRM)  # positive control: both signatures
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert counts(c, alice) == (1, 0, 1)
        assert counts(c, bob) == (0, 1, 0)
    mine = [(e.what, e.other) for e in ledger.ledger(bob).entries]
    assert (ledger.LEAD_RECEIVED, "Alice") in mine
    theirs = [(e.what, e.other) for e in ledger.ledger(alice).entries]
    assert (ledger.LEAD_WORKED, "Bob") in theirs and (ledger.LEAD_GIVEN, "") in theirs


def test_forged_confirmations_and_wins_do_not_count(make_replica: MakeCoop) -> None:
    alice, bob, carol, lead = won_lead(make_replica)
    forged_act(carol, lead, Act.CONFIRM)  # not the giver
    forged_act(bob, lead, Act.CONFIRM)  # the claimer confirming his own win
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert counts(c, bob) == (0, 0, 0)
        assert counts(c, alice) == (1, 0, 0)
        st = c.item(lead)
        assert st is not None
        flagged = [a for a in st.acts if a[3] == Act.CONFIRM.value]
        assert len(flagged) == 2  # positive control: both forged acts were read and kept
    alice.lead_act(lead, Act.CONFIRM)
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert counts(c, bob) == (0, 1, 0)


def test_a_giver_cannot_win_her_own_lead_for_someone(make_replica: MakeCoop) -> None:
    """Alice signs "won" herself on a lead Bob claimed, then confirms: no received lead."""
    alice, bob, carol = three_members(make_replica)
    lead = alice.add_lead({"title": "Programme manager"})
    sync_all(alice, bob, carol)
    bob.claim_lead(lead)
    bob.lead_act(lead, Act.CONTACTED)
    sync_all(alice, bob, carol)
    forged_act(alice, lead, Act.WON)
    forged_act(alice, lead, Act.CONFIRM)
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert counts(c, bob) == (0, 0, 0)
        assert counts(c, alice) == (1, 0, 0)
    bob.lead_act(lead, Act.WON)  # positive control: the claimer's won, then her confirmation
    sync_all(alice, bob, carol)
    alice.lead_act(lead, Act.CONFIRM)
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert counts(c, bob) == (0, 1, 0)


def test_leads_nudge_two_received_none_given(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    leads = [alice.add_lead({"title": f"Lead {i}"}) for i in range(2)]
    sync_all(alice, bob, carol)
    for lead in leads:
        bob.claim_lead(lead)
        bob.lead_act(lead, Act.CONTACTED)
        bob.lead_act(lead, Act.WON)
    sync_all(alice, bob, carol)
    assert ledger.ledger(bob).nudges == ()  # won but not confirmed: nothing received yet
    for lead in leads:
        alice.lead_act(lead, Act.CONFIRM)
    sync_all(alice, bob, carol)
    nudges = ledger.ledger(bob).nudges
    assert [(n.what, n.received, n.given) for n in nudges] == [("leads", 2, 0)]
    assert ledger.ledger(alice).nudges == ()
    assert ledger.ledger(carol).nudges == ()
    bob.add_lead({"title": "Bob gives one back"})
    assert ledger.ledger(bob).nudges == ()
