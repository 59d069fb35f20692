"""Every delivery order of thanks ops from three members gives every replica the same ledger.

A pool of signed ops (a note; thanks that count, a duplicate, a thanks to oneself, thanks over a
daily cap lowered to 2 so that 3-5 ops reach it, introductions) is written by Alice, Bob and
Carol with their own device keys. Hypothesis picks 3-5 of them and an order; a fresh replica of
one of the members receives the roster, then those ops in that order, and must reach exactly the
verdicts and counts of a replica that received them in stamp order.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from coopshare.crypto import primitives as p
from coopshare.identity.keystore import Unlocked
from coopshare.model import thanks_rules
from coopshare.model.hlc import COUNTER_BITS
from coopshare.model.items import Kind
from coopshare.model.thanks_rules import DAY_MS, Verdict
from coopshare.protocol.ops import decode_op
from coopshare.service import ledger, thanks
from coopshare.service.coop import Coop
from coopshare.store.db import Store
from tests.conftest import MakeCoop, sync, three_members
from tests.forge import coop_change, forge

NOON = (1_790_000_000_000 // DAY_MS * DAY_MS + DAY_MS // 2) << COUNTER_BITS


def _op(c: Coop, kind: Kind, item_id: bytes, fields: dict[str, Any], hlc: int) -> bytes:
    op = forge(
        c,
        coop_change(c, kind, item_id, fields, body="text" if kind is Kind.NOTE else None),
        hlc=hlc,
    )
    assert c.apply(op.encode()).new
    return op.encode()


@pytest.fixture
def world(make_replica: MakeCoop) -> dict[str, Any]:
    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    sync(alice, bob)
    roster = list(alice.wire_ops())
    a, b, c = (x.me.member_id for x in (alice, bob, carol))
    note = alice.new_item_id()
    pool: dict[str, bytes] = {}

    def thank(who: Coop, target: bytes, t: int) -> tuple[bytes, bytes]:
        item = who.new_item_id()
        fields = {"target": target.hex(), "text": ""}
        return item, _op(who, Kind.THANKS, item, fields, NOON + t)

    pool["note"] = _op(alice, Kind.NOTE, note, {"title": "Tip", "tags": []}, NOON)
    ids = {}
    for name, (who, target, t) in {
        "bob-note": (bob, note, 1),
        "carol-note": (carol, note, 2),
        "carol-note-again": (carol, note, 3),
        "bob-self": (bob, b, 4),
        "carol-intro-bob": (carol, b, 5),
        "bob-intro-carol": (bob, c, 6),
        "bob-intro-alice": (bob, a, 7),
        "alice-intro-bob": (alice, b, 8),
    }.items():
        ids[name], pool[name] = thank(who, target, t)
    return {
        "roster": roster,
        "pool": pool,
        "ids": ids,
        "members": (a, b, c),
        "identities": (alice.me, bob.me, carol.me),
        "coop_id": alice.coop_id,
    }


@contextmanager
def fresh_replica(world: dict[str, Any], who: int) -> Iterator[Coop]:
    with tempfile.TemporaryDirectory() as d:
        c = Coop(Unlocked(world["identities"][who], p.random_bytes(32)), Store.open(Path(d)))
        try:
            c.adopt_coop(world["coop_id"])
            for wire in world["roster"]:
                c.apply(wire)
            yield c
        finally:
            c.store.close()


def outcome(c: Coop, members: tuple[bytes, ...]) -> tuple[Any, ...]:
    judged = sorted((j.fact.item_id, j.verdict) for j in thanks.judged(c))
    counts = [dataclasses.replace(ledger.member_counts(c, m), me=False) for m in members]
    return (judged, counts)  # `me` says whose replica it is; everything else must agree


def test_all_ops_give_the_expected_verdicts(world: dict[str, Any]) -> None:
    """The rules are live in this pool (the property below would be empty otherwise)."""
    thanks_rules_cap = thanks_rules.MAX_THANKS_PER_DAY
    thanks_rules.MAX_THANKS_PER_DAY = 2
    try:
        with fresh_replica(world, 0) as c:
            for wire in world["pool"].values():
                c.apply(wire)
            v = {j.fact.item_id: j.verdict for j in thanks.judged(c)}
            a, b, cc = world["members"]
            counts = {m: ledger.member_counts(c, m) for m in world["members"]}
    finally:
        thanks_rules.MAX_THANKS_PER_DAY = thanks_rules_cap
    ids = world["ids"]
    assert v[ids["bob-note"]] is Verdict.COUNTS
    assert v[ids["carol-note"]] is Verdict.COUNTS
    assert v[ids["carol-note-again"]] is Verdict.DUPLICATE
    assert v[ids["bob-self"]] is Verdict.SELF
    assert v[ids["carol-intro-bob"]] is Verdict.OVER_CAP  # Carol's third that day
    assert v[ids["bob-intro-carol"]] is Verdict.OVER_CAP  # Bob's third (the self one counts too)
    assert v[ids["alice-intro-bob"]] is Verdict.COUNTS
    assert counts[a].thanks_received == 2 and counts[b].thanks_received == 1
    assert counts[cc].thanks_received == 0
    assert counts[a].notes_shared == 1


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=hs.data())
def test_every_order_gives_the_same_ledger(world: dict[str, Any], data: hs.DataObject) -> None:
    names = sorted(world["pool"])
    chosen = data.draw(hs.lists(hs.sampled_from(names), min_size=3, max_size=5, unique=True))
    order = data.draw(hs.permutations(chosen))
    who = data.draw(hs.integers(0, 2))
    wires = [world["pool"][n] for n in chosen]
    by_stamp = sorted(wires, key=lambda w: (decode_op(w).header.hlc, decode_op(w).op_id))
    cap = thanks_rules.MAX_THANKS_PER_DAY
    thanks_rules.MAX_THANKS_PER_DAY = 2
    try:
        with fresh_replica(world, 0) as ref, fresh_replica(world, who) as c:
            for wire in by_stamp:
                ref.apply(wire)
            for name in order:
                c.apply(world["pool"][name])
            assert outcome(c, world["members"]) == outcome(ref, world["members"])
    finally:
        thanks_rules.MAX_THANKS_PER_DAY = cap
