"""Run one sync session over a connection (docs/protocol.md §Sync).

The engine owns no state of its own beyond the session: what it needs from the replica comes
through the :class:`Local` protocol (sync/local.py), which the service layer implements (and
runs on the one thread that owns SQLite). One outbound *pump* per session sends, in arrival
order, every op the peer's version vector lacks: first as catch-up, then — once it reaches the
end and has said CaughtUp — as live pushes whenever the local log grows. When the session sends
its Have (what it asks the peer for) is the node's to decide (sync/turns.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from coopshare.errors import DiskFull, StoreIOError, StoreReadOnly, ValidationError
from coopshare.protocol import admission as adm
from coopshare.protocol import messages as m
from coopshare.protocol import session as s
from coopshare.protocol.ops import Op
from coopshare.sync.batching import BATCH_OPS, batches
from coopshare.sync.local import ApplyReport, Link, Local, Prechecked
from coopshare.sync.turns import STALL_S, CatchupTurns

log = logging.getLogger(__name__)

# received batches waiting for the store (bounds memory: ~6 MiB), and how many ops at most the
# store applies in one transaction when several are waiting: fewer commits, and each page of
# the random-keyed indexes is written once for many ops instead of once per batch
QUEUE_BATCHES = 16
GROUP_OPS = 4096
PING_EVERY = 15.0
IDLE_TIMEOUT = 45.0


class SyncEngine:
    def __init__(
        self,
        local: Local,
        conn: Link,
        peer_device: bytes,
        on_progress: Callable[[SyncEngine], Awaitable[None] | None] | None = None,
        judge: Callable[[ApplyReport], Awaitable[str | None]] | None = None,
        admit: Callable[[list[Op]], Awaitable[None]] | None = None,
        withhold_roster: bool = False,
        turns: CatchupTurns[SyncEngine] | None = None,
        listener: bool = False,
    ) -> None:
        """`judge`: sees what each applied group refused or parked; a reason it returns ends
        the session (per-peer quotas, service/quotas.py). `admit`: the peer is not in my roster
        yet; the session starts in the restricted admission phase (docs/protocol.md §16a) and
        `admit(roster ops it sent)` must return before anything but roster ops flows.
        `withhold_roster`: in that phase, send my own roster ops only once the peer is admitted
        (the listener's side). `turns`: the node's sessions, shared: this one sends its Have
        only when they allow it (sync/turns.py); `listener`: the peer dialled this node."""
        self.local = local
        self.conn = conn
        self.peer_device = peer_device
        self.session = s.SyncSession()
        self.converged = asyncio.Event()
        self.closed = asyncio.Event()
        self.close_reason = ""
        self.received = 0
        self.sent = 0
        self.expected = 0  # ops the peer's Have says we lack (for progress bars)
        self.got = 0  # ops received in Ops messages, all of them
        self.dupes = 0  # of those, ops this replica already held when they were applied
        self._my_vv: dict[bytes, int] = {}
        self._their_vv: dict[bytes, int] = {}
        self._queue: asyncio.Queue[tuple[tuple[bytes, ...], bool, asyncio.Future[Prechecked]]] = (
            asyncio.Queue(maxsize=QUEUE_BATCHES)
        )
        self._pump: asyncio.Task[None] | None = None
        self._applier: asyncio.Task[None]
        self._on_progress = on_progress
        self._judge = judge
        self._admit = admit
        self._gate = adm.AdmissionGate() if admit is not None else None
        self._withhold = withhold_roster and admit is not None
        self._peer_roster: set[bytes] = set()
        self._turns, self._listener = turns, listener
        self._turn = asyncio.Event()  # set when the turns release this session's Have
        self._have_task: asyncio.Task[None] | None = None

    @property
    def admitting(self) -> bool:
        """Still in the restricted admission phase."""
        return self._gate is not None

    async def run(self) -> None:
        """Run until either side ends the session; never raises for peer misbehaviour."""
        pinger = asyncio.create_task(self._ping_loop())
        applier = self._applier = asyncio.create_task(self._apply_loop())
        try:
            self.session.send(
                m.Hello(
                    self.local.coop_id, self.local.device_id, tuple(await self.local.roster_ids())
                )
            )
            await self._flush()
            deadline = asyncio.get_running_loop().time() + adm.ADMIT_TIMEOUT
            while self.session.phase is not s.Phase.CLOSED:
                timeout = IDLE_TIMEOUT
                if self._gate is not None:
                    timeout = deadline - asyncio.get_running_loop().time()
                    if timeout <= 0:
                        raise TimeoutError("the admission phase took too long")
                frame = await self.conn.read_frame(timeout)
                for event in self.session.receive_frame(frame):
                    await self._handle(event)
        except (
            ValidationError,
            asyncio.IncompleteReadError,
            TimeoutError,
            ConnectionError,
            OSError,
        ) as e:
            why = f"{type(e).__name__}: {e}"
            if isinstance(e, TimeoutError) and self._gate is not None:
                why = f"admission refused: not admitted within {adm.ADMIT_TIMEOUT:.0f} s"
            self.close_reason = self.close_reason or why
            if isinstance(e, ValidationError):
                with contextlib.suppress(Exception):
                    self.session.send(m.Bye("protocol error"))
                    await self._flush()
        finally:
            pinger.cancel()
            applier.cancel()
            for task in (self._pump, self._have_task):
                if task is not None:
                    task.cancel()
            if self._turns is not None:
                _wake(self._turns.closed(self))  # a catch-up cut short: the others ask now
            self.closed.set()
            await self.conn.close()

    def tally(self) -> str:
        """What the session moved, for its last log line."""
        return f"; ops received {self.got} (already held {self.dupes}), sent {self.sent}"

    def stop(self, reason: str) -> None:
        """Close from our side (revoked peer, shutdown)."""
        self.close_reason = reason
        self.session.send(m.Bye(reason))
        self.conn.abort(self.session.data_to_send())

    async def _handle(self, event: s.Event) -> None:
        if isinstance(event, s.PeerHello):
            h = event.hello
            if h.coop != self.local.coop_id or h.device != self.peer_device:
                raise s.RemoteProtocolError("hello names another coop or device than the TLS peer")
            self._peer_roster = set(h.roster)
            if not self._withhold:
                await self._send_roster()
        elif isinstance(event, s.OpsReceived) and self._gate is not None:
            self._gate.take(event.ops)  # roster ops only, bounded; kept for the chain check
        elif isinstance(event, s.RosterReceived):
            await self._applied()  # the peer's roster ops are in before we judge and answer
            if self._gate is not None and self._admit is not None:
                await self._admit(self._gate.ops)  # raises AdmissionRefused
                self._gate = None
                if self._withhold:
                    await self._send_roster()
            if not self.local.peer_still_trusted(self.peer_device):
                raise s.RemoteProtocolError("peer device is no longer in the roster")
            if self._turns is None:
                await self._send_have(await self.local.version_vector())
            else:
                self._ask()
        elif isinstance(event, s.PeerHave):
            self._their_vv = dict(event.vv)
            if self.session.sent_have:
                self._start_catchup()
            elif self._turns is not None:
                self._ask()  # the dialler asks once it knows what the listener holds
        elif isinstance(event, s.PeerCaughtUp) and self._turns is not None:
            await self._applied()  # what it sent is stored before another session asks
            _wake(self._turns.caught_up(self))
        elif isinstance(event, s.OpsReceived):
            # pipeline: signatures of this batch are checked (on other cores) while the store
            # applies the previous one; the queue keeps batches in order and bounds memory
            check = asyncio.ensure_future(self.local.preverify(event.ops))
            put = asyncio.ensure_future(
                self._queue.put((event.ops, event.phase is s.Phase.ROSTER, check))
            )
            # a full queue behind an applier that ended (store failure, quota) would wait forever
            await asyncio.wait({put, self._applier}, return_when=asyncio.FIRST_COMPLETED)
            if not put.done():
                put.cancel()
                check.cancel()
                raise ConnectionError(self.close_reason or "storing received ops failed")
        elif isinstance(event, s.Converged):
            await self._applied()  # converged means stored, not just received
            await self.local.caught_up(self.peer_device)
            self.converged.set()
            await self._progress()
        elif isinstance(event, s.PingReceived):
            self.session.send(m.Pong(event.n))
            await self._flush()
        elif isinstance(event, s.Closed):
            self.close_reason = f"peer said bye: {event.reason}"

    def _ask(self) -> None:
        """Send my Have when the node's turns allow it (sync/turns.py): a dialler only after
        the listener's Have, and never while another session feeds this node a catch-up."""
        if self._have_task is None and (self._listener or self.session.got_have):
            self._have_task = asyncio.create_task(self._have_when_turn())

    async def _have_when_turn(self) -> None:
        assert self._turns is not None
        try:
            while True:
                self._turn.clear()
                vv = await self.local.version_vector()
                lacks = _lacks(self._their_vv, vv) if self.session.got_have else None
                now = asyncio.get_running_loop().time()
                if self._turns.ask(self, listener=self._listener, lacks=lacks, now=now):
                    break
                with contextlib.suppress(TimeoutError):  # a feeder that stalls holds no one
                    await asyncio.wait_for(self._turn.wait(), STALL_S)
            await self._send_have(vv)
        except Exception as e:  # a broken link or store: end the session, not the node
            self.close_reason = self.close_reason or f"{type(e).__name__}: {e}"
            log.debug("session ends: %s", self.close_reason)
            self.conn.abort(b"")  # the read loop then ends

    async def _send_have(self, vv: dict[bytes, int]) -> None:
        self._my_vv = vv
        self.session.send(m.Have(vv))
        await self._flush()
        if self.session.got_have:
            self._start_catchup()

    def _start_catchup(self) -> None:
        """Both Haves crossed: count what the peer has for us, start the pump."""
        self.expected = sum(
            max(0, seq - self._my_vv.get(dev, 0)) for dev, seq in self._their_vv.items()
        )
        if self._turns is not None:
            now = asyncio.get_running_loop().time()
            _wake(self._turns.peer_have(self, self.expected, now))
        self._pump = asyncio.create_task(self._pump_loop())

    async def _send_roster(self) -> None:
        """The roster ops the peer's Hello did not list, then RosterDone."""
        for chunk in batches(await self.local.roster_wires(self._peer_roster)):
            self.session.send(m.Ops(chunk))
            await self._flush()
        self.session.send(m.RosterDone())
        await self._flush()

    async def _apply_loop(self) -> None:
        carry = None  # a batch taken from the queue whose pre-check was still running
        while True:
            ops, durable, check = carry or await self._queue.get()
            carry, taken = None, 1
            try:
                checked = list(await check) or [None] * len(ops)  # None: the store checks it
                # take the batches waiting behind it, already pre-checked, into the same
                # transaction; never wait for a running pre-check while the store is idle
                while not self._queue.empty() and len(ops) < GROUP_OPS:
                    more, more_durable, more_check = self._queue.get_nowait()
                    if not more_check.done():
                        carry = (more, more_durable, more_check)
                        break
                    taken += 1
                    checked += more_check.result() or [None] * len(more)
                    ops, durable = ops + more, durable or more_durable
                report = await self.local.apply_ops(ops, durable, checked)
                self.received += report.new
                self.got += len(ops)
                self.dupes += len(report.held)
                if self._turns is not None:
                    self._turns.progress(self, asyncio.get_running_loop().time())
                # the peer has these, new here or not: never echo them back
                for device, seq in report.applied + report.held:
                    # only a contiguous extension: the pump skips everything up to this seq,
                    # and the peer may lack earlier ones (its Have is contiguous too)
                    if seq == self._their_vv.get(device, 0) + 1:
                        self._their_vv[device] = seq
                await self._progress()
                if self._judge is not None and (report.parked or report.refusals):
                    why = await self._judge(report)
                    if why is not None:
                        self.stop(why)  # the applier ends: _applied() reports the close
                        return
            except Exception as e:  # a store failure ends this session, not the node
                self.close_reason = f"could not store ops: {e}"
                quiet = isinstance(e, DiskFull | StoreReadOnly | StoreIOError)  # store logs it
                level = logging.DEBUG if quiet else logging.WARNING
                log.log(level, "session ends: %s", self.close_reason)
                self.conn.abort(b"")
                raise
            finally:
                for _ in range(taken):
                    self._queue.task_done()

    async def _applied(self) -> None:
        """Wait until every received batch is stored (or storing failed, ending the session)."""
        joined = asyncio.ensure_future(self._queue.join())
        await asyncio.wait({joined, self._applier}, return_when=asyncio.FIRST_COMPLETED)
        # the applier only ever ends by failing; its last task_done may have woken join()
        # first, so check it whatever state join() is in
        if self._applier.done() or not joined.done():
            joined.cancel()
            raise ConnectionError(self.close_reason or "storing received ops failed")

    async def _pump_loop(self) -> None:
        cursor = 0
        grew = self.local.log_grew()
        while True:
            grew.clear()
            moved, batch = await self.local.ops_after(cursor, BATCH_OPS, dict(self._their_vv))
            if moved != cursor:
                cursor = moved
                wanted = [op.wire for op in batch if op.seq > self._their_vv.get(op.device, 0)]
                for chunk in batches(wanted):
                    self.session.send(m.Ops(chunk))
                    self.sent += len(chunk)
                    await self._flush()
                continue
            if not self.session.sent_caught_up:
                self.session.send(m.CaughtUp())
                await self._flush()
                for event in self.session.note_caught_up_sent():
                    await self._handle(event)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(1.0):
                    await grew.wait()

    async def _ping_loop(self) -> None:
        n = 0
        while True:
            await asyncio.sleep(PING_EVERY)
            n += 1
            self.session.send(m.Ping(n))
            await self._flush()

    async def _flush(self) -> None:
        data = self.session.data_to_send()
        if data:
            await self.conn.write_raw(data)

    async def _progress(self) -> None:
        if self._on_progress is not None:
            result = self._on_progress(self)
            if result is not None:
                await result


def _wake(engines: list[SyncEngine]) -> None:
    for e in engines:
        e._turn.set()


def _lacks(theirs: dict[bytes, int], mine: dict[bytes, int]) -> bool:
    return any(seq > mine.get(dev, 0) for dev, seq in theirs.items())
