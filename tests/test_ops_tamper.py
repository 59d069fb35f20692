"""Integrity: tampering, replay, other coops, equivocation, quarantine (security.md §4 D)."""

from __future__ import annotations

import msgpack
import pytest

from coopshare.errors import BadSignature, HashMismatch, NonCanonical, Unauthorized, WrongCoop
from coopshare.protocol.codec import pack
from coopshare.protocol.ops import OpKind, decode_op, make_op

from .conftest import MakeCoop, sync


def _last_wire(c):  # type: ignore[no-untyped-def]
    return list(c.wire_ops())[-1]


def _resign_free_header_edit(wire: bytes, index: int, value: object) -> bytes:
    hb, sig, body = msgpack.unpackb(wire)
    fields = msgpack.unpackb(hb)
    fields[index] = value
    return pack([pack(fields), sig, body])


def test_tampered_header_fails_signature(coop_ab) -> None:
    alice, bob = coop_ab
    alice.add_note("n", "b")
    wire = _last_wire(alice)
    for index, value in ((5, 12345), (8, b"\x00" * 16)):  # hlc, epoch
        with pytest.raises(BadSignature):
            bob.apply(_resign_free_header_edit(wire, index, value))
    assert bob.store.count_ops() < alice.store.count_ops()


def test_mangled_signature_and_body(coop_ab) -> None:
    alice, bob = coop_ab
    alice.add_note("n", "b")
    hb, sig, body = msgpack.unpackb(_last_wire(alice))
    with pytest.raises(BadSignature):
        bob.apply(pack([hb, bytes([sig[0] ^ 1]) + sig[1:], body]))
    with pytest.raises(HashMismatch):
        bob.apply(pack([hb, sig, body[:-1] + bytes([body[-1] ^ 1])]))
    with pytest.raises(NonCanonical):
        bob.apply(pack([hb.replace(b"\xa4item", b"\xd9\x04item"), sig, body]))
    bob.apply(pack([hb, sig, body]))  # the genuine op still goes in
    assert bob.store.count_ops() == alice.store.count_ops()


def test_replayed_op_is_a_no_op(coop_ab) -> None:
    alice, bob = coop_ab
    item = alice.add_note("n", "first")
    wire = _last_wire(alice)
    sync(alice, bob)
    alice.edit_item(item, {}, body="second")
    sync(alice, bob)
    before = (bob.store.count_ops(), bob.item(item).view())  # type: ignore[union-attr]
    result = bob.apply(wire)
    assert result.new is False
    assert (bob.store.count_ops(), bob.item(item).view()) == before  # type: ignore[union-attr]
    assert bob.item(item).body == "second"  # type: ignore[union-attr]


def test_op_of_another_coop_is_refused(make_replica: MakeCoop, coop_ab) -> None:
    alice, _ = coop_ab
    mallory = make_replica("Mallory")
    mallory.create_coop("Other")
    mallory.add_note("n", "b")
    with pytest.raises(WrongCoop):
        alice.apply(_last_wire(mallory))
    with pytest.raises(WrongCoop):
        alice.apply(next(iter(mallory.wire_ops())))  # another genesis


def test_equivocation_is_recorded_and_sync_continues(coop_ab) -> None:
    alice, bob = coop_ab
    alice.add_note("n", "b")
    sync(alice, bob)
    last = alice.store.last_of(alice.me.device_id)
    assert last is not None
    twin = make_op(
        alice.me.device_key,
        coop_id=alice.coop_id,
        device=alice.me.device_id,
        seq=last[0],
        backlink=decode_op(_last_wire(alice)).header.backlink,
        hlc=alice.clock.tick(),
        parents=alice.roster.heads,
        kind=OpKind.ITEM,
        epoch=b"",
        body=b"\x90",
    )
    result = bob.apply(twin.encode())
    assert result.equivocation
    assert bob.status()["equivocating_devices"] == [alice.me.device_id.hex()]
    note = alice.add_note("after", "still syncing")
    sync(alice, bob)
    assert bob.item(note) is not None


def test_op_before_its_author_joins_is_quarantined_then_applied(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    from .conftest import join

    join(alice, bob)
    carol.adopt_coop(alice.coop_id)  # type: ignore[arg-type]
    note = bob.add_note("from bob", "hello carol")
    carol.apply(next(iter(alice.wire_ops())))  # genesis only
    result = carol.apply(_last_wire(bob))  # bob is unknown to carol so far
    assert result.quarantined
    assert carol.item(note) is None
    alice.add_member(carol.join_request())
    sync(alice, carol)
    assert carol.status()["quarantined"] == 0
    assert carol.item(note).body == "hello carol"  # type: ignore[union-attr]


def test_removed_members_later_op_is_unauthorized(coop_ab) -> None:
    alice, bob = coop_ab
    alice.remove_member(bob.me.member_id)
    sync(alice, bob)
    assert not bob.roster.members.get(bob.me.member_id)
    # bob forges a note citing the current roster (which has removed him)
    op = make_op(
        bob.me.device_key,
        coop_id=bob.coop_id,
        device=bob.me.device_id,
        seq=99,
        backlink=b"\x01" * 32,
        hlc=bob.clock.tick(),
        parents=bob.roster.heads,
        kind=OpKind.ITEM,
        epoch=b"",
        body=b"\x90",
    )
    with pytest.raises(Unauthorized):
        alice.apply(op.encode())


def test_preverified_pair_does_not_cover_a_copy_with_a_broken_signature(coop_ab) -> None:
    alice, bob = coop_ab
    alice.add_note("n", "b")
    hb, sig, body = msgpack.unpackb(_last_wire(alice))
    good = decode_op(pack([hb, sig, body]))
    bob.preverified.add((good.op_id, good.signature))  # as the node's parallel check would
    broken = pack([hb, bytes([sig[0] ^ 1]) + sig[1:], body])
    with pytest.raises(BadSignature):
        bob.apply(broken)  # same op id, other signature: checked here, refused
    assert not bob.store.has_op(good.op_id)
