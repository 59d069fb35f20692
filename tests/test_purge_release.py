"""Purges and key releases act only for the author of their target (or, for purges, an admin)."""

from __future__ import annotations

import pytest

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.errors import NotAllowed, StoreError
from coopshare.identity.keystore import Unlocked
from coopshare.model import lead_rules
from coopshare.protocol import content
from coopshare.protocol.ops import Op, OpKind, decode_op
from coopshare.service import coop_terms
from coopshare.service.coop import Coop

from .conftest import MakeCoop, join, sync, three_members
from .forge import forge, last_op


def _own(c: Coop, body: bytes, kind: OpKind, **kw: object) -> Op:
    """An op `c` signs and applies to its own replica (so its log stays consistent)."""
    op = forge(c, body, kind=kind, **kw)  # type: ignore[arg-type]
    c.apply(op.encode())
    return op


def _reopen(c: Coop) -> Coop:
    return Coop(Unlocked(c.me, c._master), c.store)


def test_early_purge_by_another_member_is_not_applied(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    note = alice.add_note("Mine", "keep me")
    target = last_op(alice)
    sync(alice, bob)
    purge = _own(bob, content.encode_purge([target.op_id]), OpKind.PURGE)
    carol.apply(purge.encode())  # carol hears of bob's purge before the note itself
    carol.apply(target.encode())
    assert carol.store.op_row(target.op_id)[2] is not None  # type: ignore[index]
    assert carol.item(note).body == "keep me"  # type: ignore[union-attr]


@pytest.mark.parametrize("purger", ["author", "admin"])
def test_early_purge_by_author_or_admin_applies(make_replica: MakeCoop, purger: str) -> None:
    alice, bob, carol = three_members(make_replica)
    note = bob.add_note("Bob's", "to be purged")
    target = last_op(bob)
    sync(alice, bob)
    who = bob if purger == "author" else alice
    purge = _own(who, content.encode_purge([target.op_id]), OpKind.PURGE)
    carol.apply(purge.encode())
    carol.apply(target.encode())
    assert carol.store.op_row(target.op_id)[2] is None  # type: ignore[index]
    assert carol.item(note) is None
    assert carol.apply(target.encode()).new is False  # the full copy does not bring it back


def test_roster_ops_are_never_purged(make_replica: MakeCoop) -> None:
    alice, _bob, carol = three_members(make_replica)
    roster_ids = list(alice.roster.valid)
    genesis = alice.coop_id
    assert genesis is not None
    # an admin purges every roster op: those carol holds, and (with old parents) those dave
    # will only receive afterwards
    purge = _own(alice, content.encode_purge(roster_ids), OpKind.PURGE, parents=(genesis,))
    sync(alice, carol)
    dave = make_replica("Dave")
    dave.adopt_coop(genesis)
    dave.apply(next(iter(alice.wire_ops())))
    dave.apply(purge.encode())
    join(alice, dave)
    for c in (alice, carol, dave):
        for o in roster_ids:
            assert c.store.op_row(o)[2] is not None  # type: ignore[index]
        again = _reopen(c)  # the data folder still opens
        assert again.roster.heads == c.roster.heads and again.roster.valid == c.roster.valid


def test_store_refuses_a_roster_op_without_body(coop_ab) -> None:
    alice, _bob = coop_ab
    with pytest.raises(StoreError), alice.transaction():
        alice.store.insert_op(b"r" * 32, b"d" * 32, 1, 1, "rotate", b"", b"h", b"s", None)


def _grant_op(c: Coop, to: Coop, grants: list[content.Grant]) -> Op:
    assert c.coop_id is not None
    part, _ = envelope.seal_to(content.encode_grants(grants), c._devices_of([to.me.member_id]),
                               c.coop_id)  # fmt: skip
    return _own(c, content.encode_parts([part]), OpKind.KEY_RELEASE)


@pytest.mark.parametrize("grant_first", [False, True])
def test_only_the_author_of_an_op_can_release_its_keys(
    make_replica: MakeCoop, grant_first: bool
) -> None:
    alice, bob, carol = three_members(make_replica)
    lead = alice.add_lead({"title": "Interim CFO", "org": "Achmea"})
    lead_op = last_op(alice)
    sync(alice, bob)
    bob.claim_lead(lead, lead_rules.terms_hash(bob.item(lead)))  # type: ignore[arg-type]
    sync(alice, bob)
    alice.release(lead, bob.me.member_id)
    sync(alice, bob)
    assert bob.item(lead).value("org") == "Achmea"  # type: ignore[union-attr]
    # bob passes alice's key on to carol, which only alice may do
    assert lead_op.body is not None and alice.coop_id is not None
    sealed = content.decode_parts(lead_op.body)[1]  # the part with org, which bob now holds
    key = envelope.part_key(sealed, alice.coop_id, None, alice.me.kex_key)
    assert key is not None
    regrant = _grant_op(bob, carol, [content.Grant(lead_op.op_id, 1, key)])
    order = [regrant, lead_op] if grant_first else [lead_op, regrant]
    for op in order:
        carol.apply(op.encode())
    st = carol.item(lead)
    assert st is not None and st.value("title") == "Interim CFO"
    assert st.value("org") is None


def test_a_wrong_grant_does_not_hide_a_part(make_replica: MakeCoop) -> None:
    alice, _bob, carol = three_members(make_replica)
    note = alice.add_note("For Carol", "sealed text", to=[carol.me.member_id])
    note_op = last_op(alice)
    bogus = content.Grant(note_op.op_id, 0, p.random_bytes(32))
    carol.apply(_grant_op(alice, carol, [bogus]).encode())  # from the author, but wrong
    carol.apply(note_op.encode())
    assert carol.item(note).body == "sealed text"  # type: ignore[union-attr]
    carol.apply(_grant_op(alice, carol, [bogus]).encode())  # and after it: still readable
    assert carol.item(note).body == "sealed text"  # type: ignore[union-attr]


def test_release_grants_only_my_own_ops(coop_ab) -> None:
    alice, bob = coop_ab
    lead = alice.add_lead({"title": "T", "org": "O"})
    sync(alice, bob)
    bob.claim_lead(lead, lead_rules.terms_hash(bob.item(lead)))  # type: ignore[arg-type]
    sync(alice, bob)
    with pytest.raises(NotAllowed):  # only the giver releases a lead
        bob.release(lead, alice.me.member_id)
    # bypassing that check, bob's writer still grants only his own ops: here none
    assert coop_terms.write_release(bob, lead, alice.me.member_id, bob.store.ops_of_item(lead)) == 0
    assert decode_op(list(bob.wire_ops())[-1]).header.kind is not OpKind.KEY_RELEASE
