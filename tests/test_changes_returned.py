"""Which items changed travels as return values (issue 9, item 3): each applied op's
``Applied.items`` (with the parked ops a roster op lets in), collected for a write on the store
thread and announced by the node as one ``ItemsChanged`` event. No shared field is drained.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from coopshare.errors import SchemaError
from coopshare.protocol.ops import decode_op
from coopshare.service import api
from coopshare.service import home as homes
from coopshare.service.api import ItemEdit, events
from tests.conftest import MakeCoop, join
from tests.netutil import PASS


def test_a_roster_op_returns_the_items_of_the_parked_ops_it_lets_in(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, carol)
    carol_has = set(carol.wire_ops())
    join(alice, bob)  # Carol has not heard of Bob yet
    note = bob.add_note("Inkoop", "Bob's note")
    note_wire = [w for w in bob.wire_ops() if decode_op(w).header.device == bob.me.device_id][-1]
    parked = carol.apply(note_wire)
    assert parked.quarantined and parked.items == ()  # its author is unknown to Carol
    assert carol.item(note) is None
    roster = [w for w in alice.wire_ops() if w not in carol_has]
    got = [carol.apply(w) for w in roster]
    assert carol.item(note) is not None  # the parked note was let in...
    assert any(note in a.items for a in got)  # ...and the roster op that did it says so


def test_recording_collects_what_each_write_returns(make_replica: MakeCoop) -> None:
    alice = make_replica("Alice")
    alice.create_coop("C")
    outside = alice.add_note("Before", "not recorded")
    got: list[bytes] = []
    with alice.recording(got):
        first = alice.add_note("One", "a")
        alice.edit_item(first, {"title": "One, edited"})
        second = alice.add_note("Two", "b")
    after = alice.add_note("After", "not recorded either")
    assert got == [first, first, second]
    assert outside not in got and after not in got


def test_the_node_announces_what_a_write_changed_even_when_it_fails(tmp_path: Path) -> None:
    home = tmp_path / "anna"
    homes.init(home, "Anna", PASS)
    api.create_coop(home, PASS, "Kempen")

    async def run() -> tuple[str, list[events.ItemsChanged]]:
        runtime = await api.open_runtime(home, PASS)
        seen: list[events.ItemsChanged] = []
        runtime.subscribe(lambda e: seen.append(e) if isinstance(e, events.ItemsChanged) else None)
        try:
            made = await runtime.write(lambda a: a.add_note("Inkoop", "tekst"))

            def half(a: api.Api) -> None:  # writes one note, then fails on the second
                a.edit_item(bytes.fromhex(made), ItemEdit(title="Inkoop 2"))
                a.add_note("", "no title: refused")

            with pytest.raises(SchemaError):
                await runtime.write(half)
            return made, seen
        finally:
            await runtime.close()

    made, seen = asyncio.run(run())
    raw = bytes.fromhex(made)
    ids = [e.item_ids for e in seen]
    assert ids[0] == (raw,)  # the first write: exactly its note
    assert ids[1] == (raw,)  # the edit before the failure is announced too
