"""Who may change an item: only its creator decides what it is; others claim or tombstone.

Each test has a member sign, with its own device key, a change that Coop would refuse to write.
"""

from __future__ import annotations

from coopshare.crypto import envelope
from coopshare.model.items import Kind
from coopshare.protocol import content
from coopshare.service.coop import Coop

from .conftest import MakeCoop, join, sync
from .forge import coop_change, forge, last_op


def _send(src: Coop, body: bytes, *dsts: Coop) -> None:
    op = forge(src, body)
    src.apply(op.encode())
    for d in dsts:
        d.apply(op.encode())


def test_member_cannot_wipe_another_members_note(coop_ab) -> None:
    alice, bob = coop_ab
    note = alice.add_note("Plan", "v1", ["tag"])
    sync(alice, bob)
    _send(bob, coop_change(bob, Kind.LEAD, note, {}), alice)  # "claim" with nothing in it
    _send(bob, coop_change(bob, Kind.LEAD, note, {"status": "claimed"}), alice)
    for c in (alice, bob):
        st = c.item(note)
        assert st is not None and st.kind is Kind.NOTE
        assert st.value("title") == "Plan" and st.body == "v1"
        assert "status" not in st.view() and st.value("status") is None


def test_wipe_arriving_before_the_item_changes_nothing(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    sync(alice, bob)
    note = alice.add_note("Plan", "v1")
    wire = list(alice.wire_ops())[-1]
    _send(bob, coop_change(bob, Kind.LEAD, note, {"status": "won", "claimer": "bob"}), carol)
    assert carol.item(note) is None  # only a stranger's change so far: nothing to list
    assert carol.items(include_deleted=True) == []
    carol.apply(wire)
    st = carol.item(note)
    assert st is not None and st.kind is Kind.NOTE and st.body == "v1"
    theirs = alice.item(note).view()  # type: ignore[union-attr]
    assert {**st.view(), "updated_hlc": 0} == {**theirs, "updated_hlc": 0}


def test_claim_still_works_in_any_order(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    sync(alice, bob)
    lead = alice.add_lead({"title": "Interim CFO"})
    lead_wire = list(alice.wire_ops())[-1]
    sync(alice, bob)
    bob.claim_lead(lead)
    carol.apply(last_op(bob).encode())  # the claim first, the lead after
    carol.apply(lead_wire)
    st = carol.item(lead)
    assert st is not None and st.value("status") == "claimed"
    assert st.value("claimer") == bob.me.member_id.hex()
    assert st.value("title") == "Interim CFO"


def test_admin_tombstone_cannot_rewrite_a_body(coop_ab) -> None:
    alice, bob = coop_ab  # alice is an admin, bob wrote the note
    note = bob.add_note("Mine", "original")
    sync(alice, bob)
    heads = tuple(alice.item(note).heads)  # type: ignore[union-attr]
    _send(alice, coop_change(alice, Kind.NOTE, note, {}, body="rewritten", prev=heads,
                             deleted=False), bob)  # fmt: skip
    _send(alice, coop_change(alice, Kind.NOTE, note, {"title": "Renamed"}, deleted=True), bob)
    for c in (alice, bob):
        st = c.item(note)
        assert st is not None and st.body == "original" and st.value("title") == "Mine"
        assert not st.is_deleted
    alice.delete_item(note)  # a plain tombstone is still an admin's right
    sync(alice, bob)
    assert bob.item(note).is_deleted  # type: ignore[union-attr]


def test_edit_and_delete_of_a_sealed_note_stay_sealed(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    sync(alice, bob)
    note = alice.add_note("For Carol", "draft", to=[carol.me.member_id])
    alice.edit_item(note, {"title": "For Carol, v2"}, body="final text")
    edit = last_op(alice)
    alice.delete_item(note)
    delete = last_op(alice)
    for op in (edit, delete):
        assert op.body is not None
        parts = content.decode_parts(op.body)
        assert [pt.mode for pt in parts] == [envelope.MODE_SEALED]
    sync(alice, bob)
    sync(alice, carol)
    assert bob.item(note) is None  # neither the edit nor the deletion reached bob
    assert bob.items(include_deleted=True) == []
    st = carol.item(note)
    assert st is not None and st.is_deleted and st.body == "final text"
    assert st.value("title") == "For Carol, v2"
    audience = sorted(m.hex() for m in (alice.me.member_id, carol.me.member_id))
    assert st.value("to") == audience  # recorded inside the sealed part


def test_sealed_idea_edit_stays_sealed(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    idea = alice.add_idea("Tool", "an idea", "private", to=[carol.me.member_id])
    alice.edit_item(idea, {}, body="a better idea")
    sync(alice, bob)
    sync(alice, carol)
    assert bob.item(idea) is None
    st = carol.item(idea)
    assert st is not None and st.value("title") == "Tool" and st.body == ""  # terms first
    carol.accept_terms(idea)
    sync(alice, carol)
    alice.release(idea, carol.me.member_id)  # private: the owner's own decision
    sync(alice, carol)
    assert bob.item(idea) is None
    assert carol.item(idea).body == "a better idea"  # type: ignore[union-attr]
