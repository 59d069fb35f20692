"""HLC limits: values SQLite cannot store, far-future claims, and a quarantine that must drain."""

from __future__ import annotations

import time

import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import SchemaError, ValidationError
from coopshare.identity.keystore import Unlocked
from coopshare.model.hlc import COUNTER_BITS, MAX_DRIFT_MS, wall_ms
from coopshare.model.items import Kind
from coopshare.protocol.ops import Header, OpKind, decode_op
from coopshare.service.coop import Coop

from .conftest import MakeCoop, join, sync
from .forge import coop_change, forge, next_seq, signed_raw

DAY = MAX_DRIFT_MS


def _hlc_at(ms: int) -> int:
    return ms << COUNTER_BITS


def test_hlc_of_2_63_or_more_is_refused_by_decode_and_make_op(coop_ab) -> None:
    _alice, bob = coop_ab
    seq, back = next_seq(bob)
    h = Header(
        bob.coop_id,
        bob.me.device_id,
        seq,
        back,
        1 << 63,
        bob.roster.heads,  # type: ignore[arg-type]
        OpKind.ITEM,
        b"",
        p.sha256(b""),
        0,
    )
    with pytest.raises(SchemaError):
        decode_op(signed_raw(bob, h, b""))
    with pytest.raises(SchemaError):
        forge(bob, b"\x90", hlc=1 << 63)
    forge(bob, b"\x90", hlc=(1 << 63) - 1)  # the largest storable value is still a valid header


def test_bad_quarantined_op_does_not_block_later_roster_ops(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    carol.adopt_coop(alice.coop_id)  # type: ignore[arg-type]
    carol.apply(next(iter(alice.wire_ops())))  # genesis only: bob is unknown to carol
    # an op parked by an older version, whose hlc overflows SQLite's INTEGER
    seq, back = next_seq(bob)
    body = coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "x"})
    assert bob.coop_id is not None and bob.roster.current_epoch is not None
    h = Header(
        bob.coop_id,
        bob.me.device_id,
        seq,
        back,
        1 << 63,
        bob.roster.heads,  # type: ignore[arg-type]
        OpKind.ITEM,
        bob.roster.current_epoch,
        p.sha256(body),
        len(body),
    )
    wire = signed_raw(bob, h, body)
    with carol.transaction():
        carol.store.quarantine(b"q" * 32, wire, "unknown author", int(time.time()))
    note = bob.add_note("later", "still arrives")
    alice.add_member(carol.join_request())
    sync(alice, carol)  # the roster ops behind it apply; the bad op is dropped
    sync(bob, carol)
    assert carol.status()["quarantined"] == 0
    assert bob.me.member_id in carol.roster.members
    assert carol.item(note).body == "still arrives"  # type: ignore[union-attr]


def test_quarantined_op_failing_for_good_is_dropped(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    carol.adopt_coop(alice.coop_id)  # type: ignore[arg-type]
    carol.apply(next(iter(alice.wire_ops())))
    good = forge(bob, coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "x"}))
    bad = good.encode().replace(good.signature, bytes(64))  # signature of zeros
    assert carol.apply(bad).quarantined
    sync(alice, carol)
    assert carol.status()["quarantined"] == 0
    assert not carol.store.has_op(good.op_id)


def test_far_future_op_is_refused_and_not_stored(coop_ab) -> None:
    alice, bob = coop_ab
    body = coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "pinned"})
    future = forge(bob, body, hlc=_hlc_at(wall_ms() + DAY + 60_000))
    with pytest.raises(ValidationError, match="ahead of this machine's clock"):
        alice.apply(future.encode())
    assert not alice.store.has_op(future.op_id)
    assert alice.clock.last < _hlc_at(wall_ms() + DAY)
    # a few hours ahead is tolerated (clock skew between laptops)
    near = forge(
        bob,
        body,
        hlc=_hlc_at(wall_ms() + 3_600_000),
        seq=future.header.seq,
        backlink=future.header.backlink,
    )
    assert alice.apply(near.encode()).new


def test_clock_ignores_far_future_hlc_stored_earlier(coop_ab) -> None:
    alice, _bob = coop_ab
    alice.add_note("n", "b")
    legit = alice.store.max_hlc()
    with alice.transaction():  # as an older version might have stored it
        alice.store.insert_op(
            b"f" * 32, b"d" * 32, 1, _hlc_at(wall_ms() + 30 * DAY), "item", b"", b"h", b"s", None
        )
    again = Coop(Unlocked(alice.me, alice._master), alice.store)
    assert again.clock.last == legit
    assert again.clock.tick() < _hlc_at(wall_ms() + DAY)
