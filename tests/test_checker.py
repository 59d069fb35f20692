"""Signature checks ahead of the store thread (sync/checker.py): the same verdicts on threads
and in the worker process, and a dead worker falls back to threads."""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import signal
import time

from coopshare.errors import ValidationError
from coopshare.model.items import Kind
from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.ops import OpKind, decode_op, op_fields, op_from_fields
from coopshare.service.node_local import _decoded
from coopshare.sync.checker import Checker, check_batch

from .conftest import MakeCoop, sync, three_members
from .forge import last_op


def _wires(coop_ab) -> tuple[tuple[bytes, ...], dict[bytes, bytes]]:  # type: ignore[no-untyped-def]
    alice, bob = coop_ab
    for i in range(40):
        bob.add_note(f"n{i}", "text")
    good = [w for w in bob.wire_ops() if decode_op(w).header.device == bob.me.device_id]
    hb, sig, body = unpack(good[0])
    broken = pack([hb, bytes([sig[0] ^ 1]) + sig[1:], body])
    alice.add_note("by alice", "x")
    unknown = last_op(alice).encode()  # alice's key is not in the map below
    pks = {bob.me.device_id: bob.roster.devices[bob.me.device_id].sign_pk}
    return (*good, broken, unknown, b"\x93junk"), pks


def test_check_batch_verdicts(coop_ab) -> None:  # type: ignore[no-untyped-def]
    wires, pks = _wires(coop_ab)
    out, checks = check_batch(wires, pks)
    assert len(out) == len(wires)
    # one run of Bob's log: only its top op's signature is checked here; the store thread
    # vouches for the ops below it by hash (protocol/run_verify.py)
    assert checks == 1
    assert out[-4] is not None and out[-4][4]
    assert all(c is not None and not c[4] for c in out[:-4])
    broken, unknown, junk = out[-3:]
    assert broken is not None and not broken[4]  # a flipped bit in the signature
    assert unknown is not None and not unknown[4]  # no key for that device given
    assert junk is None  # does not decode
    first = decode_op(wires[0])
    assert out[0] == (
        first.op_id,
        first.header.device,
        first.header.seq,
        first.signature,
        False,
        op_fields(first),
    )
    alone, checks = check_batch((wires[0], wires[-3]), pks)  # no run: each op checked
    assert checks == 2 and alone[0] is not None and alone[0][4]
    assert alone[1] is not None and not alone[1][4]


def test_worker_process_gives_the_same_verdicts_and_survives_being_killed(coop_ab) -> None:  # type: ignore[no-untyped-def]
    wires, pks = _wires(coop_ab)
    expected, _ = check_batch(wires, pks)

    async def run() -> None:
        checker = Checker()
        try:
            assert await checker.check(wires, pks) == expected  # on threads while it starts
            deadline = time.monotonic() + 60
            while checker._executor() is None:  # the worker process comes up
                assert time.monotonic() < deadline, "worker process never started"
                await asyncio.sleep(0.05)
            assert await checker.check(wires, pks) == expected  # in the worker
            assert checker._procs is not None
            pids = list(checker._procs._processes)  # type: ignore[attr-defined]
            assert pids and all(p != os.getpid() for p in pids)
            for pid in pids:
                os.kill(pid, signal.SIGKILL)
            await asyncio.sleep(0.5)
            assert await checker.check(wires, pks) == expected  # falls back to threads
            assert checker.failed
            checker.retry_after = 0  # later, it starts a new worker
            assert await checker.check(wires, pks) == expected
            while checker._executor() is None:
                assert time.monotonic() < deadline + 60, "no new worker process"
                await asyncio.sleep(0.05)
            assert not checker.failed
            fresh = list(checker._procs._processes)  # type: ignore[union-attr]
            assert fresh and not set(fresh) & set(pids)
            assert await checker.check(wires, pks) == expected
        finally:
            checker.close()

    asyncio.run(run())


_NODE = """
import sys, time
from coopshare.sync.checker import Checker
c = Checker()
c.warm()
c._warm.result(60)
print(list(c._procs._processes), flush=True)
time.sleep(600)
"""


def test_the_worker_ends_when_its_node_is_killed() -> None:
    """A `sync` killed with SIGKILL must not leave its signature worker running for ever."""
    import ast
    import subprocess
    import sys

    node = subprocess.Popen([sys.executable, "-c", _NODE], stdout=subprocess.PIPE, text=True)
    try:
        assert node.stdout is not None
        workers = ast.literal_eval(node.stdout.readline())
        assert len(workers) == 1
        worker = int(workers[0])
        os.kill(worker, 0)  # positive control: the worker runs while its node does
        time.sleep(1.5)
        os.kill(worker, 0)  # and keeps running while the node is alive
        node.kill()
        node.wait(10)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.kill(worker, 0)
            except ProcessLookupError:
                return
            _reap(worker)
            time.sleep(0.2)
        raise AssertionError(f"worker {worker} still runs after its node was killed")
    finally:
        node.kill()


def _reap(pid: int) -> None:
    """A worker whose parent died is re-parented; if it is ours (we may be a subreaper), reap."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_the_worker_hands_back_each_decoded_op(coop_ab) -> None:  # type: ignore[no-untyped-def]
    """What the store thread rebuilds from the worker's plain values is the op decode_op makes
    of the wire: every kind in the log (genesis with its empty coop id, roster, items, first
    ops without a backlink), through pickle as the worker process sends it."""
    alice, bob = coop_ab
    bob.add_note("n", "text")
    wires = tuple(alice.wire_ops()) + tuple(bob.wire_ops())
    kinds = {decode_op(w).header.kind for w in wires}
    assert {OpKind.GENESIS, OpKind.ITEM} <= kinds and len(kinds) >= 3
    out, _ = pickle.loads(pickle.dumps(check_batch(wires, {})))
    for wire, checked in zip(wires, out, strict=True):
        assert checked is not None
        op = op_from_fields(checked[5])
        assert op == decode_op(wire) and op.op_id == checked[0]
        assert op.encode() == wire


def test_the_store_thread_applies_the_workers_ops_without_decoding_them_again(
    make_replica: MakeCoop, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A received batch the worker pre-checked is applied from the worker's decoded ops: the
    same ops, items and refusals as from the wires, with no second decode_op on the store
    thread (the control, applying the wires, shows the counter counts)."""
    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    for i in range(40):
        bob.add_note(f"n{i}", f"text {i}")
    own = [w for w in bob.wire_ops() if decode_op(w).header.device == bob.me.device_id]
    wires = (*own, b"\x93junk")
    pks = {bob.me.device_id: bob.roster.devices[bob.me.device_id].sign_pk}
    checked, _ = pickle.loads(pickle.dumps(check_batch(wires, pks)))
    calls = [0]

    def counting(data: bytes):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return decode_op(data)

    monkeypatch.setattr("coopshare.service.replica.decode_op", counting)
    results = {}
    for who, ops in ((alice, _decoded(wires, checked)), (carol, _decoded(wires, []))):
        calls[0] = 0
        results[who.me.name] = (who.apply_batch(ops), calls[0])
    (by_worker, decodes_worker), (by_wire, decodes_wire) = results["Alice"], results["Carol"]
    assert decodes_worker == 1  # only the junk, which the worker could not decode
    assert decodes_wire == len(wires)  # control: applying the wires decodes each one
    assert [type(r) for r in by_worker] == [type(r) for r in by_wire]
    assert isinstance(by_worker[-1], ValidationError)
    assert all(not isinstance(r, ValidationError) and r.new for r in by_worker[:-1])

    def notes(c):  # type: ignore[no-untyped-def]
        return sorted((s.item_id, s.fields.get("title"), s.body) for s in c.items(Kind.NOTE))

    assert len(notes(alice)) == 40 and notes(alice) == notes(carol) == notes(bob)
