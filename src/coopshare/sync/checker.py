"""Signature checks of received batches, in a process of their own.

Applying a batch is Python work on the store thread, and threads of one process take turns at
the interpreter lock: decoding and verifying the next batch on threads of the same process
slowed the store thread down as much as it saved. So a running node checks the signatures of
big batches in a worker *process* (spawned on first need; one, since the store thread keeps the
other core busy), and only while it starts, or for ten minutes after it failed (then it starts
a new one), on threads. The worker decodes each op and verifies the Ed25519 signature of the
top op of each run of a device's log in the batch (protocol/run_verify.py) against the device
keys it is given; the store thread still authorises and stores every op itself, vouches
for the rest of each run by hash, and verifies any op that neither covers
(service/run_verify.py). Given an ``Opener``, the worker also opens the item ops this device
reads with its own epoch key (protocol/preopen.py), which the store thread would otherwise do.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from coopshare.errors import ValidationError
from coopshare.protocol.ops import Op, decode_op
from coopshare.protocol.preopen import Opener, Preopened, preopen
from coopshare.protocol.run_verify import plan

log = logging.getLogger(__name__)

RETRY_AFTER = 600.0  # s on threads after the worker failed, before starting a new one
PARENT_CHECK_EVERY = 1.0  # s between the worker's looks at whether the node still runs
WORKER_TIMEOUT = 60.0  # s for one batch (~1 s of work): a worker this slow is stuck

# (op id, device, seq, signature, the signature checked out, the decoded op without its body:
# the store thread takes it, with the body cut from the wire (ops.with_wire_body), instead of
# decoding the wire again, the pickled changes of its parts if the worker opened them
# (protocol/preopen.py), whether it has a body); None: it did not decode. No body crosses the
# pipe twice: the node holds the results of many batches at once (memory: tests/test_preopen.py)
Checked = tuple[bytes, bytes, int, bytes, bool, Op, Preopened | None, bool]


def check_batch(
    wires: tuple[bytes, ...], pks: dict[bytes, bytes], opener: Opener | None = None
) -> tuple[list[Checked | None], int]:
    """Decode each op and check signatures one per run of a device's log in the batch
    (protocol/run_verify.py): an op is marked checked only if its own signature was verified
    here; the store thread vouches for the rest of each run by hash. With `opener`, also
    open the item ops it can (protocol/preopen.py). Also returns the number of signatures
    verified."""
    ops: list[Op | None] = []
    for wire in wires:
        try:
            ops.append(decode_op(wire))
        except ValidationError:
            ops.append(None)  # the replica will refuse it with the precise reason
    found = plan((o for o in ops if o is not None), pks.get)
    out: list[Checked | None] = [
        None
        if o is None
        else (
            o.op_id,
            o.header.device,
            o.header.seq,
            o.signature,
            (o.op_id, o.signature) in found.signed,
            o.without_body(),
            None if opener is None else preopen(o, opener),
            o.body is not None,
        )
        for o in ops
    ]
    return out, found.checks


def _ready() -> bool:
    return True


def _exit_with_parent(parent: int) -> None:
    """Worker initialiser: end the worker when the node's process is gone (a SIGKILLed `sync`
    would otherwise leave it, and its resource tracker, running for ever)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_EVERY)
        os._exit(0)

    threading.Thread(target=watch, name="coopshare-parent-watch", daemon=True).start()


class Checker:
    def __init__(self) -> None:
        self._threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="coopshare-verify")
        self._procs: ProcessPoolExecutor | None = None
        self._warm: Future[bool] | None = None
        self.failed = False
        self._failed_at = 0.0
        self.retry_after = RETRY_AFTER
        self.sig_checks = 0  # Ed25519 verifications made for this node (bench/sync_bench.py)

    def warm(self) -> None:
        """Start the worker process now (it takes a few tenths of a second to import)."""
        self._executor()

    def _executor(self) -> Executor | None:
        """The worker process once it is up; None until then (or if it cannot run here)."""
        if self.failed:
            if time.monotonic() - self._failed_at < self.retry_after:
                return None
            self._drop_worker()  # a worker that died (say, out of memory) gets another chance
            self.failed = False
        if self._procs is None:
            try:
                ctx = multiprocessing.get_context("spawn")  # safe beside threads, on every OS
                self._procs = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=ctx,
                    initializer=_exit_with_parent,
                    initargs=(os.getpid(),),
                )
                self._warm = self._procs.submit(_ready)
            except (OSError, RuntimeError, NotImplementedError) as e:
                log.info("checking signatures on threads: %s", e)
                self._fail()
            return None
        assert self._warm is not None
        if not self._warm.done():
            return None
        if self._warm.exception() is not None:
            self._fail()
            return None
        return self._procs

    async def check(
        self, wires: tuple[bytes, ...], pks: dict[bytes, bytes], opener: Opener | None = None
    ) -> list[Checked | None]:
        """Decode each op and check its signature against `pks` (device id -> Ed25519 key);
        with `opener`, open the item ops it can (protocol/preopen.py)."""
        loop = asyncio.get_running_loop()
        procs = self._executor()
        if procs is not None:
            try:
                async with asyncio.timeout(WORKER_TIMEOUT):
                    got, n = await loop.run_in_executor(procs, check_batch, wires, pks, opener)
                self.sig_checks += n
                return got
            except (BrokenProcessPool, OSError, TimeoutError) as e:
                log.warning("signature worker failed, checking on threads: %r", e)
                self._fail()
        got, n = await loop.run_in_executor(self._threads, check_batch, wires, pks, opener)
        self.sig_checks += n
        return got

    def _fail(self) -> None:
        self.failed, self._failed_at = True, time.monotonic()

    def _drop_worker(self) -> None:
        if self._procs is not None:
            self._procs.shutdown(wait=False, cancel_futures=True)
        self._procs, self._warm = None, None

    def close(self) -> None:
        self._threads.shutdown(wait=False)
        if self._procs is not None:
            if self._warm is not None and not self._warm.done():
                # never given a batch and still importing: end it instead of waiting for its
                # start-up (a `sync --once` with nothing to receive waited seconds for it here)
                for proc in list(getattr(self._procs, "_processes", {}).values()):
                    proc.terminate()
            # wait: a pool left running makes the interpreter's exit hook write to its closed
            # wake-up pipe ("Exception ignored ... Bad file descriptor" at the end of serve)
            self._procs.shutdown(wait=True, cancel_futures=True)
