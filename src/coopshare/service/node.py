"""The Node: one asyncio service that owns the listener, the sync sessions and store access.

Used by ``coopshare serve`` / ``sync`` / ``join`` now and by the GUI later. Threads: the caller's
asyncio loop runs the network; one worker thread owns the SQLite connection and the replica
(every store call hops there through :meth:`Node.db`). A watcher notices commits made by other
processes on the same data folder (the CLI while ``serve`` runs) and pushes them to peers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from coopshare.errors import StoreError, UserError
from coopshare.protocol import knock
from coopshare.protocol.ops import OpKind
from coopshare.service import admission, api_unlock, datafolder, proofs, quotas, releases
from coopshare.service import events as ev
from coopshare.service import peers as peerbook
from coopshare.service.coop import Coop
from coopshare.service.node_local import EngineView, roster_snapshot
from coopshare.service.storage_gate import StorageGate
from coopshare.store.db import Store
from coopshare.sync.checker import Checker
from coopshare.sync.engine import SyncEngine
from coopshare.transport import tls

log = logging.getLogger("coopshare.node")
T = TypeVar("T")
WATCH_EVERY = 0.05
INDEX_STEP = 1000  # items indexed per store-thread turn
INTEGRITY_DELAY = 20.0  # s after start-up: out of the way of the first sync


@dataclass
class PeerSession:
    engine: SyncEngine
    device: bytes
    addr: str
    outbound: bool
    started: float = 0.0
    how: str = "manual"


@dataclass
class NodeStats:
    rejected_knocks: int = 0
    rejected_tls: int = 0
    protocol_errors: int = 0
    sessions: list[str] = field(default_factory=list)


class Node(EngineView):
    def __init__(
        self,
        home: Path,
        passphrase: api_unlock.Key,
        *,
        search_index: bool = False,
        bulk_receiver: bool = False,
    ) -> None:
        """`search_index`: keep the in-memory search index built ahead (the desktop app does;
        `serve` and `sync` do not, so they spend no time or memory on it). `bulk_receiver`:
        start the signature-check worker process while unlocking, not at the first big batch
        (`sync` and `join`, which exist to receive a log)."""
        self.home = home
        self._search_index = search_index
        self._passphrase = passphrase
        self._db_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coopshare-db")
        self._checker = Checker()
        self._bulk_receiver = bulk_receiver
        self.device_pks: dict[bytes, bytes] = {}
        self.coop: Coop  # lives on the db thread
        self.sessions: dict[bytes, PeerSession] = {}
        self.stats = NodeStats()
        self._grew: weakref.WeakSet[asyncio.Event] = weakref.WeakSet()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._server: asyncio.Server | None = None
        # read by the listener, dialler, admission and joining (service/*.py); set here only,
        # by refresh_roster() (joining: the inviter's pin until the roster arrives)
        self.server_ctx: ssl.SSLContext | None = None  # TLS for members; None: no roster yet
        self.trusted: frozenset[bytes] = frozenset()  # devices of the roster, me left out
        self.network_keys: list[bytes] = []  # knock keys of the newest epochs, newest first
        self.knocks = knock.KnockChecker()
        self.quotas = quotas.PeerQuotas()
        self.listen_addr: tuple[str, int] | None = None
        self.coop_id: bytes = b""
        self.device_id: bytes = b""
        self.closing = False
        self.sessions_changed = asyncio.Event()
        self.discovered: dict[str, list[tuple[str, int]]] = {}  # mDNS services recognised as ours
        self._listeners: list[Callable[[ev.Event], None]] = []
        self.integrity = ""  # "ok" or what the background integrity check found
        self.integrity_delay = INTEGRITY_DELAY

    # --- lifecycle ----------------------------------------------------------------------------

    async def open(self) -> None:
        if self._bulk_receiver:
            self._checker.warm()  # its start-up overlaps the Argon2id unlock

        def _open() -> Coop:
            unlocked = api_unlock.unlocked(self.home, self._passphrase)
            self._passphrase = None  # an Unlocking is used once
            store = datafolder.open_store(self.home, unlocked)
            store.faults.report = True  # one line per kind of fault a minute (store/faults.py)
            store.checkpoint_in_background()
            return Coop(unlocked, store)

        try:
            self.coop = await self.db(lambda _c: _open(), needs_coop=False)
        except BaseException:  # wrong passphrase, damaged file: leave nothing running
            self._checker.close()
            self._db_thread.shutdown(wait=False)
            raise
        self.device_id = self.coop.me.device_id
        self.coop_id = self.coop.coop_id or b""
        self.storage = StorageGate(self.coop.store.faults)
        self.client_ctx = tls.client_context(self.coop.me)
        self.join_ctx = tls.join_server_context(self.coop.me)
        await self.refresh_roster()
        self.spawn(self._watch())
        self.spawn(self._check_integrity())
        self.spawn(releases.keep_releasing(self.db, self._wrote))
        if self._search_index:
            self.spawn(self._keep_search_index())

    async def close(self) -> None:
        self.closing = True
        if self._server is not None:
            self._server.close()
        for s in list(self.sessions.values()):
            s.engine.stop("shutting down")
        for t in list(self._tasks):
            t.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if hasattr(self, "coop"):
            await self.db(lambda c: c.store.close())
            log.info("ops received in sessions %d, already held %d", *self.received_ops)
        self._db_thread.shutdown(wait=True)
        self._checker.close()

    async def db(self, fn: Callable[[Coop], T], *, needs_coop: bool = True) -> T:
        """Run `fn(coop)` on the thread that owns SQLite."""
        loop = asyncio.get_running_loop()
        coop = self.coop if needs_coop else None
        return await loop.run_in_executor(self._db_thread, fn, coop)  # type: ignore[arg-type]

    def spawn(self, coro: Any) -> asyncio.Task[Any]:
        """Run `coro` as a task of this node: cancelled and awaited by :meth:`close`."""
        task: asyncio.Task[Any] = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # --- events -------------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[ev.Event], None]) -> None:
        """Call `listener(event)` on the loop thread for every event (the GUI bridge re-emits)."""
        self._listeners.append(listener)

    def publish(self, event: ev.Event) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not break the node
                log.exception("event listener failed")

    def _progress(self, engine: SyncEngine) -> None:
        self.publish(
            ev.SyncProgress(
                engine.peer_device, engine.received, engine.expected, engine.converged.is_set()
            )
        )

    async def announce(self, changed: Sequence[bytes]) -> None:
        """Return signed witness receipts for others' commitments (priority proof), write the
        releases the changed items make due, then tell the app which items changed (an
        ItemsChanged event). `changed` is what the writes returned."""
        if await self.db(proofs.witness_step) > 0:
            self.wake_pumps()  # receipts for other members' commitments
        if not changed:
            return
        more: list[bytes] = []

        def _release(c: Coop) -> int:
            with c.recording(more):
                return releases.step(c, changed)

        if await self.db(_release) > 0:
            self.wake_pumps()  # keys released to readers who accepted an idea's terms
        self.publish(ev.ItemsChanged(tuple(dict.fromkeys([*changed, *more]))))

    # --- roster and trust ---------------------------------------------------------------------

    async def refresh_roster(self) -> None:
        """Re-read the roster: trusted devices, knock keys, TLS trust; drop revoked sessions."""

        snap = await self.db(roster_snapshot)
        self.coop_id, active, certs, keys = snap.coop_id, snap.active, snap.certs, snap.keys
        self.device_pks, self.opener = snap.pks, snap.opener
        self.trusted = active - {self.device_id}
        self.network_keys = [knock.network_key(k) for k in keys]
        self.server_ctx = tls.server_context(self.coop.me, certs) if certs else None
        for dev, s in list(self.sessions.items()):
            if dev not in self.trusted and not s.engine.admitting:
                log.info("closing session with %s: no longer in the roster", dev.hex()[:12])
                s.engine.stop("revoked")

    async def _check_integrity(self) -> None:
        """SQLite's full check of the store, once per start of a node that keeps running (a
        short `sync --once` ends before it starts), on a daemon thread so closing never waits."""
        await asyncio.sleep(self.integrity_delay)
        loop = asyncio.get_running_loop()
        result: asyncio.Future[str | None] = loop.create_future()

        def run() -> None:
            try:
                found: str | BaseException | None = Store.integrity_problem(self.home)
            except StoreError as e:
                found = e
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(_settle, result, found)

        threading.Thread(target=run, name="coopshare-integrity", daemon=True).start()
        try:
            problem = await result
        except StoreError as e:
            self.integrity = str(e)
            log.info("%s", e)
            return
        self.integrity = problem or "ok"
        if problem is not None:
            log.error("the data folder's database failed its integrity check: %s", problem)
            self.publish(ev.StoreDamaged(problem))

    async def _keep_search_index(self) -> None:
        """Build the in-memory search index in small steps, between other store work."""
        while True:
            done = await self.db(lambda c: c.search_index_step(INDEX_STEP))
            await asyncio.sleep(1.0 if done else 0.001)

    async def _watch(self) -> None:
        """Notice commits by other processes (the CLI) and push them to peers."""
        while True:
            await asyncio.sleep(WATCH_EVERY)

            def _check(c: Coop) -> tuple[bool, bool]:
                before = c.roster.heads
                version = c.store.data_version()
                if version == c._seen_version:
                    return False, False
                c.refresh()
                return True, c.roster.heads != before

            with contextlib.suppress(Exception):
                changed, roster = await self.db(_check)
                if changed:  # another process wrote: which items, it did not tell us
                    self.wake_pumps()
                    self.publish(ev.ItemsChanged(None))
                if roster:
                    await self.refresh_roster()
                    self.publish(ev.RosterChanged())

    # --- local writes (CLI in-process, GUI) ---------------------------------------------------

    async def write(self, fn: Callable[[Coop], T]) -> T:
        """Run a writing call on the replica, then push the new ops to connected peers."""
        before = await self.db(lambda c: c.roster.heads)
        changed: list[bytes] = []  # filled on the store thread by what the writes return

        def _run(c: Coop) -> T:
            with c.recording(changed):
                return fn(c)

        try:
            result = await self.db(_run)
        except BaseException:
            if changed:  # what a failing call wrote before it failed is announced too
                self.wake_pumps()
                with contextlib.suppress(Exception):  # the call's own error is the one raised
                    await self.announce(changed)
            raise
        self.wake_pumps()
        await self.announce(changed)
        if await self.db(lambda c: c.roster.heads) != before:
            await self.refresh_roster()
            self.publish(ev.RosterChanged())
        return result

    async def _wrote(self, changed: Sequence[bytes]) -> None:
        self.wake_pumps()
        await self.announce(changed)

    def peers_info(self) -> list[dict[str, Any]]:
        return [
            {
                "device": s.device.hex(),
                "addr": s.addr,
                "outbound": s.outbound,
                "converged": s.engine.converged.is_set(),
                "received": s.engine.received,
                "sent": s.engine.sent,
            }
            for s in self.sessions.values()
        ]

    # --- sessions -----------------------------------------------------------------------------

    async def run_session(
        self,
        conn: Any,
        device: bytes,
        addr: str,
        outbound: bool,
        how: str = "",
        admit: bool = False,
    ) -> SyncEngine:
        """`admit`: a device not in the roster runs the admission phase first (admission.py)."""
        gate = admission.admitter(self, device) if admit else None
        engine = SyncEngine(
            self,
            conn,
            device,
            self._progress,
            lambda r: quotas.judge(self, device, r),
            admit=gate,
            withhold_roster=not outbound,
            turns=self.turns,
            listener=not outbound,
        )
        if not self.storage.ready():  # the store keeps failing: space out the attempts
            await conn.close()
            engine.closed.set()
            if outbound:
                await self.storage.wait()
            return engine
        existing = self.sessions.get(device)
        if existing is not None and not existing.engine.closed.is_set():
            # two links to one device (both dialled): keep the one dialled by the smaller id
            keep_new = (self.device_id if outbound else device) < (
                self.device_id if existing.outbound else device
            )
            if not keep_new:
                await conn.close()
                engine.closed.set()
                return engine
            existing.engine.stop("duplicate connection")
        how = how or ("manual" if outbound else "inbound")
        self.sessions[device] = PeerSession(engine, device, addr, outbound, time.time(), how)
        log.info("syncing with %s at %s", device.hex()[:12], addr)
        self.sessions_changed.set()
        self.publish(ev.PeersChanged(tuple(self.peers_info())))
        mark = self.storage.mark()
        try:
            if gate is None:  # a device not admitted yet goes into no peer book
                with contextlib.suppress(StoreError):  # the peer book waits for a better time
                    await peerbook.seen(self, addr if outbound else None, device, how)
            await engine.run()
        finally:
            if self.sessions.get(device) is not None and self.sessions[device].engine is engine:
                del self.sessions[device]
                self.sessions_changed.set()
                self.publish(ev.PeersChanged(tuple(self.peers_info())))
            faulty = self.storage.session_ended(mark)  # if so, the store logged why
            level, why = logging.DEBUG if faulty else logging.INFO, engine.close_reason or "closed"
            log.log(level, "session with %s ended: %s%s", device.hex()[:12], why, engine.tally())
        if faulty and outbound:
            await self.storage.wait()  # the dialler tries again after the pause
        return engine


def _settle(fut: asyncio.Future[str | None], found: str | BaseException | None) -> None:
    if fut.done():
        return  # the node closed meanwhile
    if isinstance(found, BaseException):
        fut.set_exception(found)
    else:
        fut.set_result(found)


__all__ = ["Node", "OpKind", "UserError"]
