"""Idea terms are rules of the fold (issue 11, item 3): a reader signs the terms hash, the
owner's device releases the body key, and every replica checks each release against the
acceptances. Hostile members sign their ops with the project's own code (tests/forge.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings

from coopshare.crypto import envelope
from coopshare.errors import (
    RULE_EMBARGO,
    RULE_NO_ACCEPTANCE,
    RULE_OWN_IDEA,
    RULE_OWNER_ONLY,
    NotAllowed,
)
from coopshare.model import idea_rules
from coopshare.model.hlc import COUNTER_BITS
from coopshare.model.items import ACCEPT, Kind
from coopshare.protocol import content
from coopshare.protocol.ops import OpKind, decode_op
from coopshare.service import content_open, coop_terms, releases
from coopshare.service.coop import Coop

from .conftest import MakeCoop, sync, three_members
from .forge import coop_change, forge, last_op
from .replay import deliveries, forged_release, replayed, sync_all

SECRET = "WALRUS-BODY-5531"


def _idea(alice: Coop, terms: str = "view-only", **kw: object) -> bytes:
    return alice.add_idea("Shared tool", f"How it works: {SECRET}", terms, **kw)  # type: ignore[arg-type]


def _events(c: Coop, idea: bytes) -> list[tuple[str, str]]:
    st = c.item(idea)
    assert st is not None
    return [(e.what, e.problem) for e in idea_rules.history(st)]


def readable_plaintexts(c: Coop) -> list[bytes]:
    """Every part of every stored item op that some key this device holds opens (its own
    wraps and slots, its epoch keys, the keys granted to it): all it could ever show."""
    assert c.coop_id is not None
    out = []
    for wire in c.wire_ops():
        op = decode_op(wire)
        if op.body is None or op.header.kind is not OpKind.ITEM:
            continue
        granted = c._grants(op.op_id, c.roster.member_of(op.header.device) or b"")
        epoch_key = c.epoch_keys.get(op.header.epoch)
        for i, part in enumerate(content.decode_parts(op.body)):
            got = content_open.open_part(
                part, granted.get(i, []), c.coop_id, epoch_key, c.me.kex_key
            )
            if got is not None:
                out.append(got[0])
    return out


def test_reader_sees_terms_then_body_after_acceptance_and_release(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    idea = _idea(alice)
    sync_all(alice, bob, carol)
    st = bob.item(idea)
    assert (
        st is not None and st.value("title") == "Shared tool" and st.value("terms") == "view-only"
    )
    assert st.body == "" and not any(SECRET.encode() in t for t in readable_plaintexts(bob))
    h = bob.accept_terms(idea)
    assert h == idea_rules.terms_hash(st)
    sync(bob, alice)
    assert releases.step(alice, [idea]) == 1  # view-only: released at once
    assert releases.step(alice, [idea]) == 0  # and only once
    sync_all(alice, bob, carol)
    assert bob.item(idea).body == f"How it works: {SECRET}"  # type: ignore[union-attr]
    assert carol.item(idea).body == ""  # type: ignore[union-attr]
    assert any(SECRET.encode() in t for t in readable_plaintexts(bob))  # positive control
    assert not any(SECRET.encode() in t for t in readable_plaintexts(carol))
    for c in (alice, bob, carol):
        assert _events(c, idea) == [("accepted", ""), ("released", "")]
    # a later edit of the body reaches the accepted reader without a click
    alice.edit_item(idea, {}, body="Version 2")
    assert releases.step(alice, [idea]) == 1
    sync_all(alice, bob)
    assert bob.item(idea).body == "Version 2"  # type: ignore[union-attr]


def test_ask_before_use_waits_for_the_owner(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    idea = _idea(alice, "ask-before-use")
    sync(alice, bob)
    bob.accept_terms(idea)
    sync(bob, alice)
    assert releases.step(alice, [idea]) == 0
    st = alice.item(idea)
    assert st is not None and idea_rules.pending(st) == [bob.me.member_id]
    sync(alice, bob)
    assert bob.item(idea).body == ""  # type: ignore[union-attr]
    alice.release(idea, bob.me.member_id)  # the owner's click
    sync(alice, bob)
    assert bob.item(idea).body.endswith(SECRET)  # type: ignore[union-attr]
    assert idea_rules.pending(alice.item(idea)) == []  # type: ignore[arg-type]
    alice.edit_item(idea, {}, body="Edited after approval")  # approved once: edits follow
    assert releases.step(alice, [idea]) == 1
    sync(alice, bob)
    assert bob.item(idea).body == "Edited after approval"  # type: ignore[union-attr]


def test_writer_refuses_releases_the_fold_would_flag(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    idea = _idea(alice, "ask-before-use")
    sync(alice, bob)
    with pytest.raises(NotAllowed) as e:
        alice.release(idea, bob.me.member_id)
    assert e.value.fields["rule"] == RULE_NO_ACCEPTANCE
    with pytest.raises(NotAllowed) as e:
        alice.accept_terms(idea)
    assert e.value.fields["rule"] == RULE_OWN_IDEA
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2)).isoformat()
    later = _idea(alice, "embargo", embargo_until=tomorrow)
    sync(alice, bob)
    bob.accept_terms(later)
    sync(bob, alice)
    assert releases.step(alice, [later]) == 0  # not before the date
    with pytest.raises(NotAllowed) as e:
        alice.release(later, bob.me.member_id)
    assert e.value.fields["rule"] == RULE_EMBARGO


def test_private_without_readers_is_owner_only(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    idea = _idea(alice, "private")
    sync_all(alice, bob, carol)
    assert alice.item(idea).body.endswith(SECRET)  # type: ignore[union-attr]
    assert bob.item(idea) is None and carol.item(idea) is None  # not even the title
    with pytest.raises(NotAllowed) as e:
        alice.release(idea, bob.me.member_id)
    assert e.value.fields["rule"] == RULE_OWNER_ONLY
    # a modified client releases anyway: bob's replica does not use the keys
    body, n = coop_terms.release_body(alice, idea, bob.me.member_id, alice.store.ops_of_item(idea))
    assert n == 2  # the title part and the body part, both sealed to alice only
    alice.apply(forge(alice, body, kind=OpKind.KEY_RELEASE).encode())
    sync_all(alice, bob, carol)
    assert bob.item(idea) is None
    assert ("released", idea_rules.OWNER_ONLY_IDEA) in _events(alice, idea)


def test_release_without_acceptance_is_flagged_and_unused(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    idea = _idea(alice)
    sync_all(alice, bob, carol)
    forged_release(alice, idea, bob)
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert _events(c, idea) == [("released", idea_rules.NO_ACCEPTANCE)]
    assert bob.item(idea).body == ""  # type: ignore[union-attr]
    # positive control: the keys were delivered; once bob accepts and alice releases, he reads
    bob.accept_terms(idea)
    sync(bob, alice)
    assert releases.step(alice, [idea]) == 1
    sync_all(alice, bob, carol)
    assert bob.item(idea).body.endswith(SECRET)  # type: ignore[union-attr]


def test_acceptance_of_other_terms_does_not_count(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    idea = _idea(alice)
    sync_all(alice, bob, carol)
    other = coop_change(bob, Kind.IDEA, idea, {ACCEPT: "ab" * 32})
    bob.apply(forge(bob, other).encode())
    sync_all(alice, bob, carol)
    assert releases.step(alice, [idea]) == 0
    forged_release(alice, idea, bob)
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert _events(c, idea) == [
            ("accepted", idea_rules.OTHER_TERMS),
            ("released", idea_rules.NO_ACCEPTANCE),
        ]
    assert bob.item(idea).body == ""  # type: ignore[union-attr]
    # terms changed after a valid acceptance: the old acceptance no longer counts either
    bob.accept_terms(idea)
    sync(bob, alice)
    releases.step(alice, [idea])
    sync_all(alice, bob)
    assert bob.item(idea).body.endswith(SECRET)  # type: ignore[union-attr]
    alice.edit_item(idea, {"terms": "ask-before-use"})
    sync_all(alice, bob)
    assert bob.item(idea).body == ""  # type: ignore[union-attr]  # accept the new terms first
    assert idea_rules.accepted(alice.item(idea), bob.me.member_id) is None  # type: ignore[arg-type]


def test_non_owner_release_and_body_edit_are_flagged(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    idea = _idea(alice)
    sync_all(alice, bob, carol)
    bob.accept_terms(idea)
    carol.accept_terms(idea)
    sync_all(alice, bob, carol)
    releases.step(alice, [idea])  # both accepted: both released
    sync_all(alice, bob, carol)
    assert carol.item(idea).body.endswith(SECRET)  # type: ignore[union-attr]
    # bob edits alice's body and passes "his" release of her keys on to carol
    edit = coop_change(bob, Kind.IDEA, idea, {}, body="bob's version")
    bob.apply(forge(bob, edit).encode())
    body, _ = coop_terms.release_body(bob, idea, carol.me.member_id, [])
    assert body == b""  # bob's own writer grants only his ops: forge the notice by hand
    notice = content.encode_notice(content.Notice(idea, carol.me.member_id, ()))
    eid = bob.roster.current_epoch
    assert eid is not None and bob.coop_id is not None
    vis, _ = envelope.seal_coop(notice, bob.epoch_keys[eid], bob.coop_id)
    grants, _ = envelope.seal_to(
        content.encode_grants([]), bob._devices_of([carol.me.member_id]), bob.coop_id
    )
    bob.apply(forge(bob, content.encode_parts([grants, vis]), kind=OpKind.KEY_RELEASE).encode())
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        st = c.item(idea)
        assert st is not None
        assert st.body.endswith(SECRET) and not st.in_conflict
        ev = _events(c, idea)
        assert ("refused", idea_rules.REFUSED_CHANGE) in ev
        assert ("released", idea_rules.NOT_BY_OWNER) in ev


def test_release_before_the_embargo_is_flagged(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    until = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    idea = _idea(alice, "embargo", embargo_until=until)
    sync_all(alice, bob, carol)
    bob.accept_terms(idea)
    sync_all(alice, bob, carol)
    forged_release(alice, idea, bob)  # signed now: before the date
    sync_all(alice, bob, carol)
    for c in (alice, bob, carol):
        assert ("released", idea_rules.BEFORE_EMBARGO) in _events(c, idea)
    assert bob.item(idea).body == ""  # type: ignore[union-attr]
    # positive control: the same release signed at the date counts (within the 24 h window)
    end = idea_rules.embargo_ms(alice.item(idea))  # type: ignore[arg-type]
    assert end is not None
    forged_release(alice, idea, bob, hlc=(end + 1) << COUNTER_BITS)
    sync_all(alice, bob, carol)
    assert bob.item(idea).body.endswith(SECRET)  # type: ignore[union-attr]


def test_every_delivery_order_gives_the_same_state(make_replica: MakeCoop, tmp_path: Path) -> None:
    """Six ops from three members (honest and forged); any 3-5 of them, in any order, give
    every member's replica the same idea state as the order they were written in."""
    alice, bob, carol = three_members(make_replica)
    sync_all(alice, bob, carol)
    idea = _idea(alice)
    ops = [last_op(alice)]  # 0: the idea
    sync_all(alice, bob, carol)
    bob.accept_terms(idea)
    ops.append(last_op(bob))  # 1: bob's acceptance
    edit = forge(carol, coop_change(carol, Kind.IDEA, idea, {}, body="carol's"))
    carol.apply(edit.encode())
    ops.append(edit)  # 2: carol edits alice's body
    other = forge(carol, coop_change(carol, Kind.IDEA, idea, {ACCEPT: "cd" * 32}))
    carol.apply(other.encode())
    ops.append(other)  # 3: carol accepts terms that are not the idea's
    sync_all(alice, bob, carol)
    assert releases.step(alice, [idea]) == 1
    ops.append(last_op(alice))  # 4: alice releases to bob
    forged_release(alice, idea, carol)
    ops.append(last_op(alice))  # 5: alice releases to carol, who accepted other terms
    roster = [w for w in alice.wire_ops() if decode_op(w).header.kind.is_roster]
    who = [alice, bob, carol]
    runs = iter(range(10**6))

    def state(c: Coop, order: list[int]) -> dict[str, object] | None:
        wires = [*roster, *(ops[i].encode() for i in order)]
        return replayed(c, alice.coop_id, wires, idea, tmp_path / f"r{next(runs)}")

    full = {c.me.name: state(c, list(range(6))) for c in who}
    bob_view = full["Bob"]
    assert bob_view is not None and f"How it works: {SECRET}" in str(bob_view["h"])
    assert "How it works" not in str(full["Carol"]["h"])  # type: ignore[index]

    @settings(max_examples=40)
    @given(deliveries(6))
    def check(order: list[int]) -> None:
        for c in who:
            assert state(c, order) == state(c, sorted(order)), (c.me.name, order)

    check()


def test_reader_folder_and_views_hold_no_body_before_release(
    make_replica: MakeCoop, tmp_path: Path
) -> None:
    alice, bob, _carol = three_members(make_replica)
    idea = _idea(alice)
    sync(alice, bob)
    folder = tmp_path / "Bob-1"  # make_replica's folder for the second replica made
    assert (folder / "coopshare.db").exists() and any(folder.glob("*-wal"))  # WAL read too

    def on_disk() -> bytes:
        return b"".join(f.read_bytes() for f in sorted(folder.rglob("*")) if f.is_file())

    assert SECRET.encode() not in on_disk()
    assert not bob.search(SECRET.split("-")[0])  # the in-memory search index
    assert SECRET not in str(bob.item(idea).view())  # type: ignore[union-attr]
    assert not any(SECRET.encode() in t for t in readable_plaintexts(bob))
    bob.accept_terms(idea)
    sync(alice, bob)
    releases.step(alice, [idea])
    sync(alice, bob)
    assert SECRET in str(bob.item(idea).view())  # type: ignore[union-attr]  # positive control
    assert [s.item_id for s in bob.search(SECRET.split("-")[0])] == [idea]
    assert SECRET.encode() not in on_disk()  # still only encrypted at rest
