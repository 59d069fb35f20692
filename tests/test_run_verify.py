"""One signature per run of a device's log (protocol/run_verify.py, service/run_verify.py,
docs/protocol.md §12a): hostile batches end exactly where checking every op's signature ends,
with far fewer signature checks.

Each case applies the same wires to two replicas in the same state: Bob with
``Replica.apply_batch`` (runs), Carol one op at a time with ``Replica.apply`` (a signature check
per op, the behaviour before runs). The per-op outcomes and the stored state must be equal.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from coopshare.crypto import primitives as p
from coopshare.errors import ValidationError
from coopshare.model.items import Kind
from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.ops import Header, Op, OpKind, decode_op
from coopshare.protocol.run_verify import plan
from coopshare.service.coop import Coop

from .conftest import MakeCoop, join, sync
from .forge import coop_change, forge, signed_raw


def _three(make_replica: MakeCoop) -> tuple[Coop, Coop, Coop]:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    sync(alice, bob)
    sync(alice, carol)
    return alice, bob, carol


def _new_wires(src: Coop, dst: Coop) -> list[bytes]:
    return [w for w in src.wire_ops() if not dst.store.has_op(decode_op(w).op_id)]


def _notes(alice: Coop, n: int, base: Coop) -> list[bytes]:
    with alice.transaction():
        for i in range(n):
            alice.add_note(f"note {i}", f"body {i}")
    return _new_wires(alice, base)


def _outcome(results: list[Any]) -> list[object]:
    return [
        type(r).__name__
        if isinstance(r, ValidationError)
        else (r.op_id, r.new, r.quarantined, r.equivocation)
        for r in results
    ]


def _per_op(c: Coop, wires: list[bytes]) -> list[Any]:
    out: list[Any] = []
    for w in wires:
        try:
            out.append(c.apply(w))
        except ValidationError as e:
            out.append(e)
    return out


def _state(c: Coop) -> tuple[object, ...]:
    ops = sorted((bytes(r[0]), bytes(r[1])) for r in c.store._q("SELECT op_id, sig FROM ops"))
    eqv = sorted(tuple(r) for r in c.store._q("SELECT device, seq, op_a, op_b FROM equivocations"))
    parked = sorted(bytes(r[0]) for r in c.store._q("SELECT op_id FROM quarantine"))
    items = sorted((st.item_id, repr(st.view())) for st in c.items(include_deleted=True))
    return ops, eqv, parked, items


def _compare(bob: Coop, carol: Coop, wires: list[bytes]) -> tuple[list[object], int, int]:
    """Runs on Bob, per op on Carol: same outcomes, same state; the two check counts."""
    b0, c0 = bob.sig_checks, carol.sig_checks
    runs = _outcome(bob.apply_batch(wires))
    one = _outcome(_per_op(carol, wires))
    assert runs == one
    assert _state(bob) == _state(carol)
    return runs, bob.sig_checks - b0, carol.sig_checks - c0


def _mangle_sig(wire: bytes) -> bytes:
    hb, sig, body = unpack(wire)
    return pack([hb, bytes([sig[0] ^ 1]) + sig[1:], body])


def _op(wire: bytes) -> Op:
    return decode_op(wire)


def test_a_1000_op_catch_up_checks_a_handful_of_signatures(make_replica: MakeCoop) -> None:
    alice, bob, carol = _three(make_replica)
    wires = _notes(alice, 1000, bob)
    assert len(wires) == 1000
    b0 = bob.sig_checks
    for i in range(0, len(wires), 256):  # as a sync session's transactions
        results = bob.apply_batch(wires[i : i + 256])
        assert all(not isinstance(r, ValidationError) and r.new for r in results)
    assert bob.sig_checks - b0 <= 8  # one per batch (4 batches), with room to spare
    c0 = carol.sig_checks
    _per_op(carol, wires)
    assert carol.sig_checks - c0 == 1000  # the control: one check per op
    assert _state(bob) == _state(carol)
    assert len(bob.items()) == 1000


def test_a_forged_op_inside_a_run_with_a_valid_head_is_refused(make_replica: MakeCoop) -> None:
    alice, bob, carol = _three(make_replica)
    wires = _notes(alice, 10, bob)
    real = _op(wires[4])
    _hb, sig, body = unpack(wires[4])
    # the relay changes the signed header (a later date) and keeps the author's signature
    forged_h = dataclasses.replace(real.header, hlc=real.header.hlc + 1)
    forged = pack([forged_h.encode(), sig, body])
    wires[4] = forged
    runs, b_checks, c_checks = _compare(bob, carol, wires)
    assert runs[4] == "BadSignature"
    assert all(isinstance(r, tuple) and r[1] for i, r in enumerate(runs) if i != 4)
    assert b_checks < c_checks
    # control: the forged op sits inside a run whose head verifies, at the seq of the op it
    # replaces; a rule that vouched for a run's ops by position instead of by hash would have
    # let it in, and the replica would then have stored it
    f = _op(forged)
    assert f.header.seq == real.header.seq and f.op_id != real.op_id
    carol.preverified.add((f.op_id, f.signature))
    assert carol.apply(forged).new
    assert carol.store.has_op(f.op_id)


def test_a_forked_run_is_kept_and_flagged_as_per_op(make_replica: MakeCoop) -> None:
    alice, bob, carol = _three(make_replica)
    wires = _notes(alice, 10, bob)
    five, six = _op(wires[4]), _op(wires[5])
    # the author signs a second op 6 on top of op 5 and an op 7 on top of that
    twin = forge(alice, coop_change(alice, Kind.NOTE, alice.new_item_id(), {"title": "fork"}),
                 seq=six.header.seq, backlink=five.op_id)  # fmt: skip
    after = forge(alice, coop_change(alice, Kind.NOTE, alice.new_item_id(), {"title": "fork+"}),
                  seq=six.header.seq + 1, backlink=twin.op_id)  # fmt: skip
    wires += [twin.encode(), after.encode()]
    runs, b_checks, c_checks = _compare(bob, carol, wires)
    assert all(isinstance(r, tuple) and r[1] for r in runs)
    assert bob.store.equivocating_devices() == [alice.me.device_id]
    assert b_checks < c_checks


def test_a_run_spliced_from_two_devices_is_refused_where_per_op_refuses(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = _three(make_replica)
    dave = make_replica("Dave")
    join(alice, dave)
    sync(alice, carol)
    # Bob (a member) makes up an op in Alice's name, right after her last op, and signs an op
    # of his own whose backlink names it: his signature makes that header his claim, never
    # Alice's, so the made-up op must still pass Alice's signature on its own
    last = alice.store.last_of(alice.me.device_id)
    assert last is not None and alice.coop_id is not None
    body = coop_change(alice, Kind.NOTE, alice.me.member_id[:8] + b"\x01" * 8, {"title": "x"})
    fake_h = Header(alice.coop_id, alice.me.device_id, last[0] + 1, last[1], alice.clock.tick(),
                    alice.roster.heads, OpKind.ITEM, alice.roster.current_epoch or b"",
                    p.sha256(body), len(body))  # fmt: skip
    fake = signed_raw(bob, fake_h, body)  # signed with Bob's key, not Alice's
    splice = forge(bob, coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "splice"}),
                   seq=2, backlink=_op(fake).op_id)  # fmt: skip
    wires = [fake, splice.encode()]
    runs, _b, _c = _compare(carol, dave, wires)
    assert runs[0] == "BadSignature"
    assert isinstance(runs[1], tuple) and runs[1][1]
    # control: had Bob's signed backlink vouched for the op it names, whatever its device,
    # the made-up op would be stored as Alice's
    f = _op(fake)
    dave.preverified.add((f.op_id, f.signature))
    assert dave.apply(fake).new


def test_a_truncated_run_and_a_run_with_a_gap(make_replica: MakeCoop) -> None:
    alice, bob, carol = _three(make_replica)
    wires = _notes(alice, 10, bob)
    runs, b_checks, c_checks = _compare(bob, carol, wires[:7])  # the head (ops 8-10) missing
    assert all(isinstance(r, tuple) and r[1] for r in runs)
    assert b_checks == 1 and c_checks == 7
    more = _notes(alice, 10, bob)
    gap = more[:4] + more[5:]  # op 5 of these missing: two runs, the upper one not closed
    runs, b_checks, c_checks = _compare(bob, carol, gap)
    assert all(isinstance(r, tuple) and r[1] for r in runs)
    assert b_checks == 3  # each run's head, and the lowest op of the run above the gap
    assert c_checks == len(gap) == 12  # ops 8-10 of the first notes are in it too


def test_a_run_whose_predecessor_is_missing_has_its_lowest_op_checked(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = _three(make_replica)
    wires = _notes(alice, 10, bob)[3:]  # Bob and Carol never get the first three
    wires[0] = _mangle_sig(wires[0])  # and the lowest op left has a broken signature
    runs, b_checks, _c = _compare(bob, carol, wires)
    assert runs[0] == "BadSignature"  # refused as per op, though the head vouches for it
    assert all(isinstance(r, tuple) and r[1] for r in runs[1:])
    assert b_checks == 3  # the head, the lowest op, and that op again on the per-op path


def test_equivocating_twins_are_both_kept_and_flagged(make_replica: MakeCoop) -> None:
    alice, bob, carol = _three(make_replica)
    wires = _notes(alice, 6, bob)
    four, five = _op(wires[3]), _op(wires[4])
    twin = forge(alice, coop_change(alice, Kind.NOTE, alice.new_item_id(), {"title": "twin"}),
                 seq=five.header.seq, backlink=four.op_id)  # fmt: skip
    wires.insert(5, twin.encode())
    runs, b_checks, c_checks = _compare(bob, carol, wires)
    assert all(isinstance(r, tuple) and r[1] for r in runs)
    assert any(isinstance(r, tuple) and r[3] for r in runs)  # flagged on arrival
    assert bob.store.equivocating_devices() == [alice.me.device_id]
    assert b_checks == 2 and c_checks == 7  # the head, and the twin no chain names


def test_a_bad_head_signature_does_not_reject_the_good_ops_below(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = _three(make_replica)
    wires = _notes(alice, 10, bob)
    wires[-1] = _mangle_sig(wires[-1])
    runs, b_checks, c_checks = _compare(bob, carol, wires)
    assert runs[-1] == "BadSignature"
    assert all(isinstance(r, tuple) and r[1] for r in runs[:-1])
    assert b_checks == 3  # the bad head (twice: the plan, then the per-op path) and op 9
    assert c_checks == 10


def test_a_broken_signature_inside_a_run_is_the_one_difference(make_replica: MakeCoop) -> None:
    """Documented (protocol.md §12a): an op whose header a checked op authenticates by hash is
    not checked itself, so a signature mangled in transit (header and body intact) is stored
    as received, where a per-op check refuses the op. What it says is what its author signed."""
    alice, bob, carol = _three(make_replica)
    wires = _notes(alice, 10, bob)
    wires[4] = _mangle_sig(wires[4])
    runs = _outcome(bob.apply_batch(wires))
    one = _outcome(_per_op(carol, wires))
    assert one[4] == "BadSignature" and isinstance(runs[4], tuple) and runs[4][1]
    assert runs[:4] + runs[5:] == one[:4] + one[5:]
    assert bob.store.has_op(_op(wires[4]).op_id)
    assert _op(wires[4]).op_id == _op(_new_wires(alice, carol)[0]).op_id  # the author's op


def test_plan_groups_by_device_and_checks_by_id() -> None:
    """The pure planner: no op of another device, and no op a backlink does not name by id,
    is vouched for by a checked op."""
    from coopshare.identity.keys import Identity

    a, b = Identity.generate("A"), Identity.generate("B")
    keys = {a.device_id: a.device_pk, b.device_id: b.device_pk}

    def op(who: Identity, seq: int, back: bytes | None) -> Op:
        from coopshare.protocol.ops import make_op

        return make_op(who.device_key, coop_id=b"c" * 32, device=who.device_id, seq=seq,
                       backlink=back, hlc=seq, parents=(), kind=OpKind.ITEM, epoch=b"",
                       body=b"x")  # fmt: skip

    a1 = op(a, 1, None)
    a2 = op(a, 2, a1.op_id)
    a3 = op(a, 3, a2.op_id)
    b1 = op(b, 1, None)
    got = plan([a1, a2, a3, b1], keys.get)
    assert got.checks == 2 and got.signed == {(a3.op_id, a3.signature), (b1.op_id, b1.signature)}
    assert got.vouched == {(o.op_id, o.signature) for o in (a1, a2, a3, b1)}
    stray = op(a, 2, b"\x00" * 32)  # a second op 2 that op 3 does not name
    got = plan([a1, a2, a3, stray], keys.get)
    assert got.checks == 2 and (stray.op_id, stray.signature) in got.signed
    nobody: dict[bytes, bytes] = {}
    assert plan([a3], nobody.get).checks == 0  # unknown device: left to the per-op path
