"""The Node's side of a sync session (the engine's ``Local`` protocol, sync/engine.py): roster
ids and wires, the version vector, what the peer lacks, applying received batches and
pre-checking their signatures. :class:`coopshare.service.node.Node` builds on this class.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import NamedTuple, TypeVar

from coopshare.errors import ValidationError
from coopshare.protocol.ops import Op, with_wire_body
from coopshare.protocol.preopen import Opener
from coopshare.service import events as ev
from coopshare.service import forward, restored
from coopshare.service.coop import Coop
from coopshare.sync.checker import Checker
from coopshare.sync.engine import SyncEngine
from coopshare.sync.local import ApplyReport, OutOp, Prechecked, wire_of
from coopshare.sync.turns import CatchupTurns

T = TypeVar("T")
PARALLEL_VERIFY_MIN = 32  # batches at least this big are signature-checked ahead
SKIM = 8192  # log entries looked at per pump step for what the peer lacks


class EngineView:
    """What a sync engine asks of the node; Node provides the store hop and the events."""

    _checker: Checker
    device_pks: dict[bytes, bytes]
    opener: Opener | None = None  # what the signature worker may open ops with (preopen.py)
    trusted: frozenset[bytes]
    _grew: weakref.WeakSet[asyncio.Event]
    # ops received in sessions and, of them, ops already stored here: counted on the store
    # thread as each batch is applied, so a session cancelled mid-batch loses none of them
    received_ops: tuple[int, int] = (0, 0)

    async def db(self, fn: Callable[[Coop], T], *, needs_coop: bool = True) -> T:
        raise NotImplementedError

    def publish(self, event: ev.Event) -> None:
        raise NotImplementedError

    async def announce(self, changed: Sequence[bytes]) -> None:
        raise NotImplementedError

    async def refresh_roster(self) -> None:
        raise NotImplementedError

    async def caught_up(self, peer: bytes) -> None:
        """A restored data folder may write again (service/restored.py)."""
        await self.db(restored.release)

    @cached_property
    def turns(self) -> CatchupTurns[SyncEngine] | None:
        """Which session may ask for a catch-up now, shared by all of them (sync/turns.py).
        `COOPSHARE_SYNC_TURNS=off` turns the rule off (each session sends its Have at once, as
        before it existed): the knob is for the tests' and the bench's control runs."""
        return None if os.environ.get("COOPSHARE_SYNC_TURNS") == "off" else CatchupTurns()

    async def roster_ids(self) -> list[bytes]:
        return await self.db(lambda c: c.store.roster_op_ids())

    async def roster_wires(self, exclude: set[bytes]) -> list[bytes]:
        def _get(c: Coop) -> list[bytes]:
            out = []
            for op_id in c.store.roster_op_ids():
                if op_id not in exclude:
                    row = c.store.op_row(op_id)
                    if row is not None:
                        out.append(wire_of(*row))
            return out

        return await self.db(_get)

    async def version_vector(self) -> dict[bytes, int]:
        return await self.db(lambda c: c.store.contiguous_vv())

    async def ops_after(
        self, n: int, limit: int, have: dict[bytes, int]
    ) -> tuple[int, list[OutOp]]:
        def _get(c: Coop) -> tuple[int, list[OutOp]]:
            # skim (arrival number, device, seq) first: a peer that holds most of the log
            # costs an index scan, not a read of every op's body
            last, want = n, []
            for rn, device, seq in c.store.log_after(n, SKIM):
                last = rn
                if seq > have.get(device, 0):
                    want.append(rn)
                    if len(want) == limit:
                        break
            rows = forward.drop_cut_off(c, c.store.ops_numbered(want))
            return last, [OutOp(r[0], r[1], r[2], wire_of(r[3], r[4], r[5])) for r in rows]

        return await self.db(_get)

    async def apply_ops(
        self, wires: tuple[bytes, ...], durable: bool, checked: Prechecked
    ) -> ApplyReport:
        verified = {(c[0], c[3]) for c in checked if c is not None and c[4]}
        opened = {c[0]: c[6] for c in checked if c is not None and c[6] is not None}
        ops = _prebuilt(wires, checked)  # decoded by the worker: not again on the store thread

        def _apply(c: Coop) -> tuple[ApplyReport, list[bytes]]:
            report, changed = ApplyReport(), list[bytes]()
            c.preverified.update(verified)
            c.preopened = opened
            try:
                results = c.apply_batch(ops, durable=durable)
            finally:
                c.preverified.clear()  # vouches for this batch only
                c.preopened = {}
            c.store.faults.recovered()  # a received batch is stored: the store writes again
            for a in results:
                if isinstance(a, ValidationError):
                    report.rejected += 1
                    report.refusals.append(type(a).__name__)  # logged per peer: quotas.judge
                elif a.quarantined:
                    report.parked.append(a.op_id)
                elif not a.new:  # a replay: the peer sent an op stored here already
                    report.held.append((a.device, a.seq))
                else:
                    changed += a.items
                    report.new += 1
                    report.applied.append((a.device, a.seq))
                    report.roster_changed |= a.kind.is_roster
            got, held = self.received_ops
            self.received_ops = (got + len(ops), held + len(report.held))
            return report, changed

        report, changed = await self.db(_apply)
        if report.new:
            self.wake_pumps()
            await self.announce(changed)
        if report.roster_changed:
            await self.refresh_roster()
            self.publish(ev.RosterChanged())
        return report

    async def preverify(self, wires: tuple[bytes, ...]) -> Prechecked:
        """Check the signatures of a big batch in the checker's worker process (sync/checker.py)
        while the store thread applies the batch before it."""
        if len(wires) < PARALLEL_VERIFY_MIN or not self.device_pks:
            return []
        return await self._checker.check(wires, self.device_pks, self.opener)

    async def signature_checks(self) -> int:
        """Ed25519 verifications of ops made by this node so far (store thread and worker)."""
        return self._checker.sig_checks + await self.db(lambda c: c.sig_checks)

    async def opened_ahead(self) -> int:
        """Item ops applied here whose changes the signature worker had opened."""
        return await self.db(lambda c: c.opened_ahead)

    def peer_still_trusted(self, device: bytes) -> bool:
        return device in self.trusted

    def log_grew(self) -> asyncio.Event:
        ev = asyncio.Event()
        self._grew.add(ev)
        return ev

    def wake_pumps(self) -> None:
        """The log grew: wake every session's pump waiting on :meth:`log_grew`."""
        for waiter in list(self._grew):
            waiter.set()


class RosterSnapshot(NamedTuple):
    """What the node keeps of the roster outside the store thread (Node.refresh_roster)."""

    coop_id: bytes
    active: frozenset[bytes]
    certs: list[bytes]  # of the active devices: the TLS trust
    keys: list[bytes]  # the three newest epoch keys: knocks
    pks: dict[bytes, bytes]  # device id -> signing key, of every device ever admitted
    opener: Opener | None  # for the signature worker (protocol/preopen.py)


def roster_snapshot(c: Coop) -> RosterSnapshot:
    """On the store thread: the roster as the network side needs it."""
    active = frozenset(c.roster.active)
    certs = [c.roster.devices[d].cert for d in sorted(active)]
    keys = [c.epoch_keys[e] for e, _ in reversed(c.roster.epochs) if e in c.epoch_keys][:3]
    pks = {d: rec.sign_pk for d, rec in c.roster.devices.items()}
    members = {d: rec.member_id for d, rec in c.roster.devices.items()}
    coop_id = c.coop_id or b""
    opener = Opener(coop_id, dict(c.epoch_keys), members) if coop_id else None
    return RosterSnapshot(coop_id, active, certs, keys, pks, opener)


def _prebuilt(wires: tuple[bytes, ...], checked: Prechecked) -> Sequence[bytes | Op]:
    """Each wire as the Op the signature worker decoded from it, where it did (else the wire:
    the store thread decodes it and says why it does not)."""
    if len(checked) != len(wires):
        return wires
    return [
        wire if c is None else with_wire_body(c[5], wire) if c[7] else c[5]
        for wire, c in zip(wires, checked, strict=True)
    ]
