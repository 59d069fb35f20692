"""Per-device logs and bodies: broken backlinks are equivocation; a stripped body comes back."""

from __future__ import annotations

import base64
import re

from coopshare.crypto import primitives as p
from coopshare.identity import recovery
from coopshare.identity.recovery import encode
from coopshare.model.items import Kind

from .conftest import MakeCoop, join, sync
from .forge import coop_change, forge, header_only, last_op


def test_backlink_to_another_predecessor_is_equivocation(coop_ab) -> None:
    alice, bob = coop_ab
    bob.add_note("n", "b")
    sync(alice, bob)
    forked = forge(bob, coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "x"}))
    seq = forked.header.seq
    twin = forge(bob, forked.body or b"", seq=seq, backlink=p.random_bytes(32))
    result = alice.apply(twin.encode())
    assert result.new and result.equivocation  # kept, and flagged
    assert alice.store.has_op(twin.op_id)
    assert alice.status()["equivocating_devices"] == [bob.me.device_id.hex()]


def test_backlink_checked_when_the_predecessor_arrives_later(coop_ab) -> None:
    alice, bob = coop_ab
    bob.add_note("n", "b")
    pred = last_op(bob)
    succ = forge(bob, coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "x"}),
                 seq=pred.header.seq + 1, backlink=p.random_bytes(32))  # fmt: skip
    assert not alice.apply(succ.encode()).equivocation
    assert alice.apply(pred.encode()).equivocation
    assert alice.status()["equivocating_devices"] == [bob.me.device_id.hex()]


def test_honest_logs_are_not_flagged(coop_ab) -> None:
    alice, bob = coop_ab
    for i in range(3):
        bob.add_note(f"n{i}", "b")
    wires = list(bob.wire_ops())
    for w in reversed(wires):  # any order
        alice.apply(w)
    assert alice.status()["equivocating_devices"] == []


def test_stripped_body_is_added_when_the_full_op_arrives(coop_ab) -> None:
    alice, bob = coop_ab
    note = bob.add_note("Stripped", "the real text")
    wire = last_op(bob).encode()
    alice.apply(header_only(wire))  # a relay dropped the body
    assert alice.item(note) is None
    result = alice.apply(wire)
    assert result.new and note in result.items
    assert alice.item(note).body == "the real text"  # type: ignore[union-attr]
    assert alice.apply(wire).new is False  # from now on a plain replay


def test_stripped_copy_in_quarantine_does_not_block_the_full_op(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    carol.adopt_coop(alice.coop_id)  # type: ignore[arg-type]
    carol.apply(next(iter(alice.wire_ops())))
    note = bob.add_note("n", "full text")
    wire = last_op(bob).encode()
    assert carol.apply(header_only(wire)).quarantined  # bob is unknown to carol so far
    assert carol.apply(wire).quarantined
    alice.add_member(carol.join_request())
    sync(alice, carol)
    assert carol.item(note).body == "full text"  # type: ignore[union-attr]


def test_recovery_docstring_states_the_real_checksum_length() -> None:
    doc = recovery.__doc__ or ""
    said = re.search(r"(\d+)-byte checksum", doc)
    assert said is not None
    text = encode(bytes(32)).replace("-", "")
    raw = base64.b32decode(text + "=" * (-len(text) % 8))
    assert len(raw) - 32 == int(said.group(1))
