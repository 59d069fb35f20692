"""Signature checks ahead of the store thread (sync/checker.py): the same verdicts on threads
and in the worker process, and a dead worker falls back to threads."""

from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import signal
import time
from pathlib import Path

from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.ops import decode_op
from coopshare.service.node_local import _prebuilt, roster_snapshot
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
        first.without_body(),  # the body is cut from the wire by the node (with_wire_body)
        None,  # no opener given: nothing opened (tests/test_preopen.py)
        True,
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


_CLOSE_EARLY = """
import os
from coopshare.sync.checker import Checker
if __name__ == "__main__":
    c = Checker()
    c.warm()  # as `sync` does while it unlocks
    assert c._warm is not None and c._procs is not None
    pids = list(c._procs._processes)
    c.close()  # the sync had nothing to receive: the worker never got a batch
    print(c._warm.done() and c._warm.exception() is None, flush=True)
    gone = 0
    for pid in pids:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            gone += 1
    print(gone, len(pids), flush=True)
"""


def test_close_ends_a_worker_still_starting_without_waiting(tmp_path: Path) -> None:
    """A node that closes before its worker finished starting (a `sync --once` with nothing
    to receive) ends the worker instead of waiting out its imports, quietly: no traceback or
    "Exception ignored" on stderr, and no worker left running. Positive control: a worker
    left to finish starting completes its warm-up (so "not completed" is the close's doing)."""
    import subprocess
    import sys

    script = tmp_path / "close_early.py"
    script.write_text(_CLOSE_EARLY)
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    warmed, counts = r.stdout.splitlines()
    assert warmed == "False"  # it did not wait for the worker's start-up
    gone, started = map(int, counts.split())
    assert started == 1 and gone == 1
    control = script.with_name("control.py")
    control.write_text(
        _CLOSE_EARLY.replace("    c.close()", "    c._warm.result(120)\n    c.close()")
    )
    r = subprocess.run([sys.executable, str(control)], capture_output=True, text=True, timeout=180)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert r.stdout.splitlines()[0] == "True"


def test_the_op_handed_back_by_the_worker_is_the_decoded_op(coop_ab) -> None:  # type: ignore[no-untyped-def]
    """The store thread takes each op as the worker decoded it (not decoding the wire again):
    after the trip through the process boundary, with its body cut from the wire, it is the op
    `decode_op` makes of the wire, header, id and body alike (node_local._prebuilt)."""
    wires, pks = _wires(coop_ab)
    out, _ = check_batch(wires, pks, roster_snapshot(coop_ab[0]).opener)
    back = pickle.loads(pickle.dumps(out))  # as the worker process sends it
    assert back == out
    ops = _prebuilt(wires, back)
    handed = 0
    for wire, c, op in zip(wires, back, ops, strict=True):
        if c is not None:
            assert c[5].body is None  # no body crossed the pipe back
            assert op == decode_op(wire) and op.op_id == c[0]  # type: ignore[union-attr]
            handed += 1
        else:
            assert op == wire  # the store thread decodes it and says why it does not
    assert handed == len(wires) - 1  # all but the junk
    opened = [(c[1], c[6]) for c in back if c is not None and c[6] is not None]
    roster = coop_ab[0].roster
    assert len(opened) >= 40  # Bob's 40 notes (and Alice's)
    assert all(p.author == roster.member_of(dev) for dev, p in opened)
