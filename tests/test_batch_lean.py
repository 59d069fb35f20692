"""The lean batch path (service/batch_ingest.py): while no op fails, a batch has no savepoint per
op and writes each item's row once; an op whose content fails makes the batch run again guarded,
ending exactly where applying the ops one at a time ends."""

from __future__ import annotations

from typing import Any

import pytest

from coopshare.errors import ValidationError
from coopshare.protocol.ops import Op, decode_op
from coopshare.service import batch_ingest, quarantine
from coopshare.service.coop import Coop
from coopshare.store.db import Store

from .conftest import MakeCoop, join, sync, three_members
from .test_quarantine import _poison_ops


def _new_wires(src: Coop, dst: Coop) -> list[bytes]:
    return [w for w in src.wire_ops() if not dst.store.has_op(decode_op(w).op_id)]


def _edited_note(alice: Coop, edits: int) -> bytes:
    note = alice.add_note("v0", "body 0")
    for i in range(1, edits):
        alice.edit_item(note, {"title": f"v{i}"}, body=f"body {i}")
    return note


def _count_calls(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[int]:
    calls = [0]
    real = getattr(cls, name)

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(cls, name, counted)
    return calls


def _attempts(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    real = batch_ingest._attempt

    def attempt(replica: Any, decoded: Any, durable: bool, *, guarded: bool) -> Any:
        seen.append(guarded)
        return real(replica, decoded, durable, guarded=guarded)

    monkeypatch.setattr(batch_ingest, "_attempt", attempt)
    return seen


def test_an_item_edited_in_one_batch_is_written_once(
    make_replica: MakeCoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice, bob, carol = three_members(make_replica)
    note = _edited_note(alice, 5)
    wires = _new_wires(alice, bob)
    assert len(wires) == 5
    puts = _count_calls(monkeypatch, Store, "put_item")
    savepoints = _count_calls(monkeypatch, Store, "savepoint")
    attempts = _attempts(monkeypatch)
    results = bob.apply_batch(wires)
    assert all(not isinstance(r, Exception) and r.new for r in results)
    assert (puts[0], savepoints[0], attempts) == (1, 0, [False])
    for w in wires:  # positive control: one at a time, a row and a savepoint per op
        carol.apply(w)
    assert (puts[0], savepoints[0]) == (1 + 5, 5)
    mine, theirs = bob.item(note), carol.item(note)
    assert mine is not None and theirs is not None
    assert mine.view() == theirs.view() and mine.view()["title"] == "v4"
    assert mine.to_plain() == theirs.to_plain()


def test_an_item_read_inside_a_batch_sees_the_rows_held_open(
    make_replica: MakeCoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever reads items while a batch runs (priority proofs, talent purges) gets the
    state folded so far, not the row written before the batch."""
    alice, bob, _ = three_members(make_replica)
    note = _edited_note(alice, 4)
    wires = _new_wires(alice, bob)
    seen: list[str] = []
    real = type(bob)._apply_content

    def apply_content(self: Coop, op: Op) -> tuple[bytes, ...]:
        items = real(self, op)
        state = self.item(note)
        seen.append("" if state is None else state.view()["title"])
        return items

    monkeypatch.setattr(type(bob), "_apply_content", apply_content)
    bob.apply_batch(wires)
    assert seen == ["v0", "v1", "v2", "v3"]


def test_a_bad_op_makes_the_batch_run_again_guarded(
    make_replica: MakeCoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice, bob, carol = three_members(make_replica)
    dave = make_replica("Dave")
    join(alice, dave)
    sync(alice, bob)
    sync(alice, carol)
    before = _edited_note(alice, 3)
    poison = _poison_ops(alice, bob)
    after = _edited_note(alice, 3)
    wires = _new_wires(alice, bob)
    for w in wires:
        carol.apply(w)  # one at a time (Carol cannot read the poison: sealed to Bob)
    attempts = _attempts(monkeypatch)
    checks = bob.sig_checks
    results = bob.apply_batch(wires)
    assert attempts == [False, True]  # the unguarded attempt met the poison and was redone
    assert all(not isinstance(r, ValidationError) for r in results)
    held = quarantine.diagnostics(bob)
    assert {h["op_id"] for h in held} == {decode_op(w).op_id.hex() for w in poison}
    assert bob.unreadable == 2  # counted once, by the guarded attempt
    assert bob.sig_checks - checks <= len(wires)  # not counted twice over
    for item in (before, after):
        mine, theirs = bob.item(item), carol.item(item)
        assert mine is not None and theirs is not None and mine.view() == theirs.view()
    assert bob.store.count_ops() == carol.store.count_ops()
    # positive control: without the poison the batch stays in its first attempt
    del attempts[:]
    clean = [w for w in wires if w not in poison]
    assert len(clean) == 6 and all(not dave.store.has_op(decode_op(w).op_id) for w in clean)
    assert all(not isinstance(r, Exception) and r.new for r in dave.apply_batch(clean))
    assert attempts == [False]


def test_a_batch_holds_a_bounded_number_of_rows_open(
    make_replica: MakeCoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long catch-up (the engine groups up to 4,096 ops in one transaction) does not keep
    every item it folds in memory: past HOLD_MAX the held rows are written."""
    from coopshare.service import replica_content

    alice, bob, _ = three_members(make_replica)
    notes = [_edited_note(alice, 1) for _ in range(5)] + [_edited_note(alice, 3)]
    wires = _new_wires(alice, bob)
    monkeypatch.setattr(replica_content, "HOLD_MAX", 2)
    sizes: list[int] = []
    real = Store.put_item

    def put_item(self: Store, *args: Any) -> None:
        sizes.append(len(bob._held or {}))
        real(self, *args)

    monkeypatch.setattr(Store, "put_item", put_item)
    assert all(not isinstance(r, Exception) and r.new for r in bob.apply_batch(wires))
    assert max(sizes) <= 3  # never more than HOLD_MAX + 1 rows held
    assert len(sizes) >= 6  # each item written at least once, the edited one maybe twice
    for note in notes:
        mine, theirs = bob.item(note), alice.item(note)
        assert mine is not None and theirs is not None and mine.view() == theirs.view()
