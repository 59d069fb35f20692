"""A removed member or revoked device may only add content dated before it was cut off;
a re-added member is a member again, for content and for roster ops."""

from __future__ import annotations

import pytest

from coopshare.errors import Unauthorized
from coopshare.identity.keys import Identity
from coopshare.model.items import Kind
from coopshare.service.coop import Coop

from .conftest import MakeCoop, sync, three_members
from .forge import coop_change, forge, last_op


def _note(c: Coop, title: str) -> tuple[bytes, bytes]:
    item = c.new_item_id()
    return item, coop_change(c, Kind.NOTE, item, {"title": title}, body="text")


@pytest.mark.parametrize("how", ["remove_member", "revoke_device"])
def test_cut_off_device_cannot_write_after_its_removal(make_replica: MakeCoop, how: str) -> None:
    alice, bob, carol = three_members(make_replica)
    if how == "remove_member":
        alice.remove_member(bob.me.member_id)
    else:
        alice.revoke_device(bob.me.device_id)
    cut_hlc = last_op(alice).header.hlc
    sync(alice, carol)
    # bob has not heard of it: he cites the roster heads from before, as he legitimately would
    late_item, late_body = _note(bob, "written after the removal")
    late = forge(bob, late_body, hlc=cut_hlc + 1)
    with pytest.raises(Unauthorized):
        carol.apply(late.encode())
    assert not carol.store.has_op(late.op_id)
    assert carol.item(late_item) is None
    # what bob wrote before the removal (by its date) still comes in
    early_item, early_body = _note(bob, "written before the removal")
    early = forge(bob, early_body, hlc=cut_hlc - 1)
    assert carol.apply(early.encode()).new
    assert carol.item(early_item) is not None


def test_re_added_member_writes_again(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    old_heads = bob.roster.heads
    alice.remove_member(bob.me.member_id)
    cut_hlc = last_op(alice).header.hlc
    alice.add_member(bob.join_request())  # the same device comes back
    sync(alice, bob)
    sync(alice, carol)
    assert bob.me.device_id in carol.roster.active
    note = bob.add_note("back again", "hello")
    sync(bob, carol)
    assert carol.item(note).body == "hello"  # type: ignore[union-attr]
    between, body = _note(bob, "written while away")
    op = forge(bob, body, hlc=cut_hlc + 1, parents=old_heads)
    assert carol.apply(op.encode()).new  # active again: unaffected by the old removal
    assert carol.item(between) is not None


def test_re_added_member_adds_its_own_device(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    alice.remove_member(bob.me.member_id)
    alice.add_member(bob.join_request())
    sync(alice, bob)
    laptop = make_replica("Bob")
    laptop.me = Identity("Bob", bob.me.member_key, laptop.me.device_key, laptop.me.kex_key,
                         laptop.me.cert)  # fmt: skip
    laptop.adopt_coop(bob.coop_id)  # type: ignore[arg-type]
    bob.add_device(laptop.join_request())  # refused before: every op by bob "after his removal"
    sync(bob, alice)
    sync(alice, carol)
    for c in (alice, bob, carol):
        assert laptop.me.device_id in c.roster.active
        assert last_op(bob).op_id in c.roster.valid
