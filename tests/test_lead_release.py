"""Referral terms countersigned before a lead's sealed fields unlock (issue 11, item 2): the
claimer's acceptance carries the terms hash, the giver's device releases, and every replica
checks each release against the lead's acts (model/lead_release.py)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

from coopshare.model import idea_rules, lead_release, lead_rules
from coopshare.model.items import Act
from coopshare.protocol.ops import decode_op
from coopshare.service import releases
from coopshare.service.coop import Coop

from .conftest import MakeCoop, sync, three_members
from .forge import last_op
from .replay import deliveries, forged_release, replayed, sync_all
from .test_idea_terms import readable_plaintexts

ORG = "Zorggroep-MARKER-7719"


def _lead(alice: Coop) -> bytes:
    return alice.add_lead(
        {
            "title": "Interim CFO",
            "org": ORG,
            "rate_min": 120,
            "referral_terms": "percent-first-invoice: 5",
        }
    )


def _problems(c: Coop, lead: bytes) -> list[str]:
    st = c.item(lead)
    assert st is not None
    return sorted((lead_release.release_problem(st, r) or "") for r in st.releases)


def test_claimer_accepts_then_the_giver_releases(make_replica: MakeCoop, tmp_path: Path) -> None:
    alice, bob, carol = three_members(make_replica)
    lead = _lead(alice)
    sync_all(alice, bob, carol)
    bob.claim_lead(lead)  # claimed, terms not accepted yet
    sync_all(alice, bob, carol)
    assert releases.step(alice, [lead]) == 0
    folder = tmp_path / "Bob-1"
    on_disk = b"".join(f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file())
    assert ORG.encode() not in on_disk and any(folder.glob("*-wal"))
    assert bob.item(lead).value("org") is None  # type: ignore[union-attr]
    assert not any(ORG.encode() in t for t in readable_plaintexts(bob))
    st = bob.item(lead)
    assert st is not None
    bob.lead_act(lead, Act.ACCEPT, terms=lead_rules.terms_hash(st))
    sync_all(alice, bob, carol)
    assert releases.step(alice, [lead]) == 1  # the giver's device, by itself
    assert releases.step(alice, [lead]) == 0
    sync_all(alice, bob, carol)
    assert bob.item(lead).value("org") == ORG  # type: ignore[union-attr]
    assert any(ORG.encode() in t for t in readable_plaintexts(bob))  # positive control
    assert carol.item(lead).value("org") is None  # type: ignore[union-attr]
    for c in (alice, bob, carol):
        assert _problems(c, lead) == [""]
    # the claimer gives the lead back: the details are no longer for them
    bob.lead_act(lead, Act.GIVE_BACK)
    sync_all(alice, bob)
    assert bob.item(lead).value("org") is None  # type: ignore[union-attr]


def test_release_without_acceptance_or_to_another_is_flagged(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    lead = _lead(alice)
    sync_all(alice, bob, carol)
    bob.claim_lead(lead)
    sync_all(alice, bob, carol)
    try:
        alice.release(lead, bob.me.member_id)
        raise AssertionError("the writer released without an acceptance")
    except Exception as e:
        assert type(e).__name__ == "NotAllowed"
    forged_release(alice, lead, bob)  # a modified client: no acceptance yet
    forged_release(alice, lead, carol)  # and to a member who is not the claimer
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert _problems(c, lead) == sorted([idea_rules.NO_ACCEPTANCE, lead_release.NOT_CLAIMER])
    assert bob.item(lead).value("org") is None  # type: ignore[union-attr]
    assert carol.item(lead).value("org") is None  # type: ignore[union-attr]
    # positive control: the same keys count once bob accepts and the giver releases again
    st = bob.item(lead)
    assert st is not None
    bob.lead_act(lead, Act.ACCEPT, terms=lead_rules.terms_hash(st))
    sync_all(alice, bob, carol)
    releases.step(alice, [lead])
    sync_all(alice, bob, carol)
    assert bob.item(lead).value("org") == ORG  # type: ignore[union-attr]


def test_sealed_fields_are_dropped_weeks_after_the_lead_closed(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    lead = _lead(alice)
    sync(alice, bob)
    bob.claim_lead(lead, lead_rules.terms_hash(bob.item(lead)))  # type: ignore[arg-type]
    sync(alice, bob)
    releases.step(alice, [lead])
    sync(alice, bob)
    bob.lead_act(lead, Act.CONTACTED)
    bob.lead_act(lead, Act.LOST)
    sync(alice, bob)
    assert bob.item(lead).value("org") == ORG  # type: ignore[union-attr]
    closed = lead_rules.derive(bob.item(lead)).closed_hlc  # type: ignore[arg-type]
    assert closed is not None
    week = lead_release.WEEK_MS
    soon = (closed >> 16) + (lead_release.RETENTION_WEEKS * week) - 1
    assert releases.purge_expired(bob, soon) == []
    assert releases.purge_expired(bob, soon + 1) == [lead]
    assert bob.item(lead).value("org") is None  # type: ignore[union-attr]
    assert bob.item(lead).value("title") == "Interim CFO"  # type: ignore[union-attr]
    assert not any(ORG.encode() in t for t in readable_plaintexts(bob))


def test_every_delivery_order_gives_the_same_lead(make_replica: MakeCoop, tmp_path: Path) -> None:
    alice, bob, carol = three_members(make_replica)
    sync_all(alice, bob, carol)
    lead = _lead(alice)
    ops = [last_op(alice)]  # 0: the lead
    sync_all(alice, bob, carol)
    bob.claim_lead(lead, lead_rules.terms_hash(bob.item(lead)))  # type: ignore[arg-type]
    ops.append(last_op(bob))  # 1: bob claims and accepts
    sync_all(alice, bob, carol)
    assert releases.step(alice, [lead]) == 1
    ops.append(last_op(alice))  # 2: alice releases to bob
    forged_release(alice, lead, carol)
    ops.append(last_op(alice))  # 3: alice releases to carol, who never claimed
    bob.lead_act(lead, Act.GIVE_BACK)
    ops.append(last_op(bob))  # 4: bob gives the lead back
    roster = [w for w in alice.wire_ops() if decode_op(w).header.kind.is_roster]
    runs = iter(range(10**6))

    def state(c: Coop, order: list[int]) -> object:
        wires = [*roster, *(ops[i].encode() for i in order)]
        return replayed(c, alice.coop_id, wires, lead, tmp_path / f"l{next(runs)}")

    assert ORG in str(state(bob, [0, 1, 2]))  # the release counts before the give-back
    assert ORG not in str(state(bob, [0, 1, 2, 3, 4]))

    @settings(max_examples=30)
    @given(deliveries(5))
    def check(order: list[int]) -> None:
        for c in (alice, bob, carol):
            assert state(c, order) == state(c, sorted(order)), (c.me.name, order)

    check()
