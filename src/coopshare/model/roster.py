"""Roster resolution: who is in the cooperative, decided identically on every peer.

Input is the set of signature-checked roster ops (a DAG through their ``parents``); output is a
:class:`RosterState`. The result depends only on the *set* of ops, never on arrival order:

1. Ops are linearised: parents first, ties broken by op id (smallest first).
2. One pass applies them in that order, accepting an op only if its author may make it then.
3. Concurrency rules (docs/protocol.md §Roster):
   * **remove wins over a concurrent add** — an add, add-device or role change of member S that
     is concurrent with an accepted removal of S is invalid;
   * **an author's ops concurrent with their own removal are invalid** (neither before nor
     after it). Ops *after* the removal need the author to be active again, that is re-added,
     like any op (the per-kind rules check it).
   When a removal accepted late in the pass invalidates an op accepted earlier, that op is
   excluded for good and the pass restarts. Each restart excludes at least one more op, so this
   ends after at most n passes (rosters are small: hundreds of ops).
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field


class Role(enum.StrEnum):
    MEMBER = "member"
    ADMIN = "admin"


class RosterKind(enum.StrEnum):
    GENESIS = "genesis"
    ADD_MEMBER = "add_member"
    ADD_DEVICE = "add_device"
    REMOVE_MEMBER = "remove_member"
    REVOKE_DEVICE = "revoke_device"
    CHANGE_ROLE = "change_role"
    ROTATE = "rotate"


EPOCH_KINDS = frozenset(
    {RosterKind.GENESIS, RosterKind.REMOVE_MEMBER, RosterKind.REVOKE_DEVICE, RosterKind.ROTATE}
)
_ADD_LIKE = frozenset({RosterKind.ADD_MEMBER, RosterKind.ADD_DEVICE, RosterKind.CHANGE_ROLE})


@dataclass(frozen=True, slots=True)
class DeviceRecord:
    device_id: bytes  # SHA-256 of the device's SubjectPublicKeyInfo
    member_id: bytes
    sign_pk: bytes  # raw Ed25519
    kex_pk: bytes  # raw X25519, for HPKE
    cert: bytes  # DER, self-signed Ed25519 (TLS)


@dataclass(frozen=True, slots=True)
class RosterOp:
    op_id: bytes
    author_device: bytes
    parents: tuple[bytes, ...]
    kind: RosterKind
    member_id: bytes | None = None  # subject member
    member_pk: bytes | None = None
    role: Role | None = None
    name_ct: bytes | None = None
    device: DeviceRecord | None = None  # added device (genesis, add_member, add_device)
    device_id: bytes | None = None  # revoked device
    epoch_id: bytes | None = None  # epoch created by this op


@dataclass(slots=True)
class Member:
    member_id: bytes
    member_pk: bytes
    role: Role
    name_ct: bytes
    added_by: bytes


@dataclass(slots=True)
class RosterState:
    members: dict[bytes, Member] = field(default_factory=dict)  # current members only
    devices: dict[bytes, DeviceRecord] = field(default_factory=dict)  # every device ever added
    active: set[bytes] = field(default_factory=set)  # device ids allowed to connect and write
    removed: dict[bytes, bytes] = field(default_factory=dict)  # member id -> removing op
    # inactive device id -> the op that cut it off: its revocation or its member's removal
    revoked: dict[bytes, bytes] = field(default_factory=dict)
    epochs: list[tuple[bytes, bytes]] = field(default_factory=list)  # (epoch id, op id)
    valid: list[bytes] = field(default_factory=list)  # accepted op ids in applied order
    invalid: set[bytes] = field(default_factory=set)
    heads: tuple[bytes, ...] = ()
    pending: set[bytes] = field(default_factory=set)  # ops with ancestors not yet known

    @property
    def current_epoch(self) -> bytes | None:
        return self.epochs[-1][0] if self.epochs else None

    def member_of(self, device_id: bytes) -> bytes | None:
        rec = self.devices.get(device_id)
        return rec.member_id if rec else None

    def is_admin(self, member_id: bytes | None) -> bool:
        m = self.members.get(member_id) if member_id else None
        return m is not None and m.role is Role.ADMIN

    def active_devices_of(self, member_id: bytes) -> list[DeviceRecord]:
        return [
            self.devices[d] for d in sorted(self.active) if self.devices[d].member_id == member_id
        ]

    def admins(self) -> list[bytes]:
        return [m for m, v in self.members.items() if v.role is Role.ADMIN]


def resolve(ops: Iterable[RosterOp]) -> RosterState:
    """The roster that the given set of ops decides; see the module docstring."""
    byid = {o.op_id: o for o in ops}
    order, pending = _linearise(byid)
    index = {o.op_id: i for i, o in enumerate(order)}
    anc: list[int] = []  # bitset of ancestor indexes, per op index
    for o in order:
        bits = 0
        for p in o.parents:
            j = index[p]
            bits |= anc[j] | (1 << j)
        anc.append(bits)
    excluded: set[int] = set()
    while True:
        state, newly = _pass(order, anc, excluded)
        if not newly:
            referenced = {p for o in byid.values() for p in o.parents}
            state.heads = tuple(sorted(k for k in byid if k not in referenced))
            state.pending = pending
            return state
        excluded |= newly


def _linearise(byid: dict[bytes, RosterOp]) -> tuple[list[RosterOp], set[bytes]]:
    """Topological order, ties by op id; ops with unknown ancestors are left out as pending."""
    pending: set[bytes] = set()
    changed = True
    while changed:
        changed = False
        for o in byid.values():
            if o.op_id not in pending and any(p not in byid or p in pending for p in o.parents):
                pending.add(o.op_id)
                changed = True
    live = {k: v for k, v in byid.items() if k not in pending}
    waiting = {k: len(set(v.parents)) for k, v in live.items()}
    children: dict[bytes, list[bytes]] = {k: [] for k in live}
    for o in live.values():
        for p in set(o.parents):
            children[p].append(o.op_id)
    ready = [k for k, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    order: list[RosterOp] = []
    while ready:
        k = heapq.heappop(ready)
        order.append(live[k])
        for c in children[k]:
            waiting[c] -= 1
            if waiting[c] == 0:
                heapq.heappush(ready, c)
    return order, pending


def _pass(
    order: list[RosterOp], anc: list[int], excluded: set[int]
) -> tuple[RosterState, set[int]]:
    st = RosterState()
    accepted: list[int] = []
    author_of: dict[int, bytes] = {}
    removals: dict[bytes, list[int]] = {}
    newly: set[int] = set()

    def before(a: int, b: int) -> bool:  # a happened before b
        return bool(anc[b] >> a & 1)

    for i, op in enumerate(order):
        author = op.device.member_id if op.kind is RosterKind.GENESIS and op.device else None
        author = author or st.member_of(op.author_device)
        ok = i not in excluded and author is not None and _allowed(st, op, author)
        if ok and author is not None:
            # an author's ops concurrent with their own removal are invalid; an op after it is
            # valid only if the author was re-added, which _allowed has checked (device active)
            ok = all(before(i, r) or before(r, i) for r in removals.get(author, ()))
        if ok and op.kind in _ADD_LIKE and op.member_id is not None:
            # remove wins over a concurrent add
            ok = all(before(r, i) for r in removals.get(op.member_id, ()))
        if not ok or author is None:
            st.invalid.add(op.op_id)
            continue
        _apply(st, op)
        accepted.append(i)
        author_of[i] = author
        st.valid.append(op.op_id)
        if op.kind is RosterKind.REMOVE_MEMBER and op.member_id is not None:
            subject = op.member_id
            removals.setdefault(subject, []).append(i)
            for j in accepted[:-1]:
                if before(j, i):
                    continue
                o = order[j]
                if author_of[j] == subject or (o.kind in _ADD_LIKE and o.member_id == subject):
                    newly.add(j)
    return st, newly


def _allowed(st: RosterState, op: RosterOp, author: bytes) -> bool:
    k = op.kind
    if k in EPOCH_KINDS and not op.epoch_id:
        return False
    if k is RosterKind.GENESIS:
        d = op.device
        return (
            not st.valid
            and not op.parents
            and d is not None
            and d.member_id == op.member_id
            and d.device_id == op.author_device
            and op.member_pk is not None
        )
    if not st.valid or op.author_device not in st.active:
        return False
    admin = st.is_admin(author)
    if k is RosterKind.ADD_MEMBER:
        d = op.device
        return (
            admin
            and op.member_id is not None
            and op.member_id not in st.members
            and op.member_pk is not None
            and op.role is not None
            and d is not None
            and _addable(st, d)
        )
    if k is RosterKind.ADD_DEVICE:
        d = op.device
        return (
            (admin or author == op.member_id)
            and op.member_id in st.members
            and d is not None
            and d.member_id == op.member_id
            and _addable(st, d)
        )
    if k is RosterKind.REMOVE_MEMBER:
        subject = st.members.get(op.member_id) if op.member_id else None
        return admin and subject is not None and not _last_admin(st, subject)
    if k is RosterKind.REVOKE_DEVICE:
        owner = st.member_of(op.device_id) if op.device_id else None
        return (admin or owner == author) and op.device_id in st.active
    if k is RosterKind.CHANGE_ROLE:
        subject = st.members.get(op.member_id) if op.member_id else None
        if not admin or subject is None or op.role is None:
            return False
        return not (op.role is Role.MEMBER and _last_admin(st, subject))
    if k is RosterKind.ROTATE:
        return admin
    return False


def _addable(st: RosterState, d: DeviceRecord) -> bool:
    """A device may be (re-)added if it is not active and never belonged to another member."""
    known = st.devices.get(d.device_id)
    return d.device_id not in st.active and (known is None or known.member_id == d.member_id)


def _last_admin(st: RosterState, m: Member) -> bool:
    return m.role is Role.ADMIN and len(st.admins()) == 1


def _apply(st: RosterState, op: RosterOp) -> None:
    k = op.kind
    if k in (RosterKind.GENESIS, RosterKind.ADD_MEMBER):
        assert op.member_id and op.member_pk and op.device
        st.members[op.member_id] = Member(
            op.member_id,
            op.member_pk,
            Role.ADMIN if k is RosterKind.GENESIS else (op.role or Role.MEMBER),
            op.name_ct or b"",
            op.op_id,
        )
        st.removed.pop(op.member_id, None)
    if op.device is not None:
        st.devices[op.device.device_id] = op.device
        st.active.add(op.device.device_id)
        st.revoked.pop(op.device.device_id, None)
    if k is RosterKind.REMOVE_MEMBER and op.member_id:
        st.members.pop(op.member_id, None)
        st.removed[op.member_id] = op.op_id
        gone = {d for d in st.active if st.devices[d].member_id == op.member_id}
        st.active -= gone
        st.revoked.update(dict.fromkeys(gone, op.op_id))
    elif k is RosterKind.REVOKE_DEVICE and op.device_id:
        st.active.discard(op.device_id)
        st.revoked[op.device_id] = op.op_id
    elif k is RosterKind.CHANGE_ROLE and op.member_id and op.role:
        st.members[op.member_id].role = op.role
    if k in EPOCH_KINDS and op.epoch_id:
        st.epochs.append((op.epoch_id, op.op_id))
