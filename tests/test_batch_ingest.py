"""Batch ingest (Replica.apply_batch with the store's look-ahead) ends exactly where applying
the same ops one at a time ends, however messy the batch: replays, duplicates, equivocating
twins, broken backlinks, stripped bodies, ops from two devices, any order."""

from __future__ import annotations

import random
import sqlite3
import time

import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import StoreError, ValidationError
from coopshare.model.items import Kind
from coopshare.protocol.ops import decode_op
from coopshare.service.coop import Coop
from coopshare.store.db import DB_FILE, Store

from .conftest import MakeCoop, join, sync
from .forge import coop_change, forge, header_only, last_op


def _state(c: Coop) -> tuple[object, ...]:
    ops = sorted(bytes(r[0]) for r in c.store._q("SELECT op_id FROM ops"))
    bodies = sorted(bytes(r[0]) for r in c.store._q("SELECT op_id FROM ops WHERE body IS NOT NULL"))
    eqv = sorted(tuple(r) for r in c.store._q("SELECT device, seq, op_a, op_b FROM equivocations"))
    items = sorted((st.item_id, repr(st.view())) for st in c.items(include_deleted=True))
    return ops, bodies, eqv, items


def _messy_batch(alice: Coop, bob: Coop) -> list[bytes]:
    """Wires as a hostile or confused relay might send them, in log order."""
    wires: list[bytes] = []
    for i in range(4):
        bob.add_note(f"note {i}", f"body {i}")
    alice.add_note("from alice", "text")
    note = bob.add_note("edited", "v1")
    bob.edit_item(note, {"title": "edited twice"}, body="v2")
    bob_log = [w for w in bob.wire_ops() if decode_op(w).header.device == bob.me.device_id]
    wires += bob_log
    wires.append(last_op(alice).encode())
    wires.append(bob_log[-1])  # a duplicate inside the batch
    wires.insert(0, header_only(bob_log[1]))  # a stripped copy before the full one
    # an equivocating twin at an existing seq, and a successor naming another predecessor
    at, before = decode_op(bob_log[2]).header.seq, decode_op(bob_log[1]).op_id
    twin = forge(bob, coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "twin"}),
                 seq=at, backlink=before)  # fmt: skip
    wires.append(twin.encode())
    beyond = decode_op(bob_log[-1]).header.seq + 2
    succ = forge(bob, coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "succ"}),
                 seq=beyond, backlink=p.random_bytes(32))  # fmt: skip
    wires.append(succ.encode())
    wires.append(b"\x93\xc4\x01x")  # junk: refused, the rest goes on
    return wires


@pytest.mark.parametrize("order", ["log", "reversed", "shuffle-1", "shuffle-2", "shuffle-3"])
def test_batch_equals_one_by_one(make_replica: MakeCoop, order: str) -> None:
    alice, bob = make_replica("Alice"), make_replica("Bob")
    alice.create_coop("C")
    join(alice, bob)
    carol, dave = make_replica("Carol"), make_replica("Dave")
    join(alice, carol)
    join(alice, dave)
    sync(alice, carol)  # carol learns of dave's admission too: same starting point
    wires = _messy_batch(alice, bob)
    carol.apply(wires[3])  # both already hold one of them
    dave.apply(wires[3])
    if order == "reversed":
        wires.reverse()
    elif order.startswith("shuffle"):
        random.Random(order).shuffle(wires)
    refused_one_by_one = 0
    for w in wires:
        try:
            carol.apply(w)
        except ValidationError:
            refused_one_by_one += 1
    decoded = []
    for w in wires:  # as the node hands them over: decoded where they decode
        try:
            decoded.append(decode_op(w))
        except ValidationError:
            decoded.append(w)  # type: ignore[arg-type]
    results = dave.apply_batch(decoded)
    assert len(results) == len(wires)
    assert sum(isinstance(r, ValidationError) for r in results) == refused_one_by_one >= 1
    assert _state(dave) == _state(carol)
    assert _state(dave)[2], "the twin was recorded as equivocation"


def test_look_ahead_only_inside_a_transaction(make_replica: MakeCoop) -> None:
    c = make_replica("Solo")
    with pytest.raises(StoreError):
        c.store.look_ahead([(b"\x00" * 32, b"\x01" * 32, 1)])


def test_rolled_back_savepoint_forgets_the_look_ahead(coop_ab) -> None:
    alice, bob = coop_ab
    bob.add_note("n", "b")
    op = last_op(bob)
    with alice.transaction():
        alice.store.look_ahead([(op.op_id, op.header.device, op.header.seq)])
        with pytest.raises(RuntimeError), alice.store.savepoint():
            alice.apply(op)
            raise RuntimeError("undo this op")
        assert not alice.store.has_op(op.op_id)
        assert alice.apply(op).new  # not taken for a replay of the undone insert
    assert alice.store.has_op(op.op_id)


def test_background_checkpoints_copy_the_log_into_the_database(tmp_path) -> None:
    store = Store.open(tmp_path)
    store.checkpoint_in_background()
    db = tmp_path / DB_FILE
    before = db.stat().st_size
    for i in range(20):  # ~2.5 MB: far below the writer's own backstop (32 MiB)
        with store.tx():
            store.set_meta(f"k{i}", p.random_bytes(128 * 1024))
    deadline = time.monotonic() + 20
    while db.stat().st_size < before + 2_000_000 and time.monotonic() < deadline:
        time.sleep(0.05)
    grown = db.stat().st_size - before
    store.close()
    assert grown >= 2_000_000, "nothing was checkpointed in the background"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
