"""Signature checks ahead of the store thread (sync/checker.py): the same verdicts on threads
and in the worker process, and a dead worker falls back to threads."""

from __future__ import annotations

import asyncio
import os
import signal
import time

from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.ops import decode_op
from coopshare.sync.checker import Checker, check_batch

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
    out = check_batch(wires, pks)
    assert len(out) == len(wires)
    assert all(c is not None and c[4] for c in out[:-3])  # bob's own ops verify
    broken, unknown, junk = out[-3:]
    assert broken is not None and not broken[4]  # a flipped bit in the signature
    assert unknown is not None and not unknown[4]  # no key for that device given
    assert junk is None  # does not decode
    first = decode_op(wires[0])
    assert out[0] == (first.op_id, first.header.device, first.header.seq, first.signature, True)


def test_worker_process_gives_the_same_verdicts_and_survives_being_killed(coop_ab) -> None:  # type: ignore[no-untyped-def]
    wires, pks = _wires(coop_ab)
    expected = check_batch(wires, pks)

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
