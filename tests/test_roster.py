"""Roster resolution: deterministic for any arrival order, with the concurrency rules applied.

Model-level properties run on synthetic ops (fast, many examples); replica-level properties use
real signed ops applied in every arrival order Hypothesis picks, with quarantine in play.
"""

from __future__ import annotations

import hashlib
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopshare.model.roster import DeviceRecord, Role, RosterKind, RosterOp, RosterState, resolve
from coopshare.model.roster import RosterKind as K
from coopshare.service.coop import Coop

from .conftest import MakeCoop, join, sync


def _id(*parts: object) -> bytes:
    return hashlib.sha256(repr(parts).encode()).digest()


def _dev(m: str) -> DeviceRecord:
    return DeviceRecord(_id("dev", m), _id("mem", m), b"s" * 32, b"k" * 32, b"c")


def _op(
    kind: RosterKind,
    author: str,
    parents: tuple[bytes, ...],
    subject: str | None = None,
    role: Role | None = None,
    tag: object = None,
) -> RosterOp:
    return RosterOp(
        op_id=_id(kind, author, parents, subject, role, tag),
        author_device=_dev(author).device_id,
        parents=tuple(sorted(parents)),
        kind=kind,
        member_id=_id("mem", subject) if subject else None,
        member_pk=b"p" * 32 if kind in (K.GENESIS, K.ADD_MEMBER) else None,
        role=role,
        device=_dev(subject) if subject and kind in (K.GENESIS, K.ADD_MEMBER) else None,
        epoch_id=_id("epoch", kind, author, tag)[:16]
        if kind in (K.GENESIS, K.REMOVE_MEMBER, K.REVOKE_DEVICE, K.ROTATE)
        else None,
    )


def _base() -> list[RosterOp]:
    g = _op(K.GENESIS, "A", (), "A", Role.ADMIN)
    b = _op(K.ADD_MEMBER, "A", (g.op_id,), "B", Role.ADMIN)
    c = _op(K.ADD_MEMBER, "A", (b.op_id,), "C", Role.ADMIN)
    d = _op(K.ADD_MEMBER, "A", (c.op_id,), "D", Role.MEMBER)
    return [g, b, c, d]


ACTIONS = st.tuples(
    st.sampled_from(["A", "B", "C"]),
    st.sampled_from([K.REMOVE_MEMBER, K.CHANGE_ROLE, K.ADD_MEMBER, K.ROTATE]),
    st.sampled_from(["A", "B", "C", "D", "E"]),
    st.sampled_from([Role.MEMBER, Role.ADMIN]),
)


SHAPES = st.sampled_from(["flat", "layered", "chain"])


def _scenario(actions: list[tuple[str, RosterKind, str, Role]], shape: str) -> list[RosterOp]:
    """Ops after the base: all concurrent (flat), pairwise linked (layered) or one chain."""
    ops = _base()
    head = ops[-1].op_id
    layer: list[bytes] = []
    for i, (author, kind, subject, role) in enumerate(actions):
        parents: tuple[bytes, ...] = (head,)
        if layer and shape == "layered" and i % 2:
            parents = (head, layer[-1])
        elif layer and shape == "chain":
            parents = (layer[-1],)
        o = _op(kind, author, parents, subject, role if kind is not K.REMOVE_MEMBER else None, i)
        ops.append(o)
        layer.append(o.op_id)
    return ops


def _summary(s: RosterState) -> tuple[object, ...]:
    return (
        sorted((m.hex(), v.role.value) for m, v in s.members.items()),
        sorted(s.active),
        s.valid,
        sorted(s.invalid),
        s.epochs,
        s.heads,
    )


@given(st.lists(ACTIONS, min_size=1, max_size=7), SHAPES, st.randoms(use_true_random=False))
@settings(max_examples=300)
def test_resolution_is_independent_of_order(actions, shape, rnd) -> None:  # type: ignore[no-untyped-def]
    ops = _scenario(actions, shape)
    reference = _summary(resolve(ops))
    for _ in range(3):
        shuffled = ops[:]
        rnd.shuffle(shuffled)
        assert _summary(resolve(shuffled)) == reference


@given(st.lists(ACTIONS, min_size=1, max_size=7), SHAPES)
@settings(max_examples=300)
def test_invariants_hold(actions, shape) -> None:  # type: ignore[no-untyped-def]
    ops = _scenario(actions, shape)
    s = resolve(ops)
    assert s.admins(), "a coop never loses its last admin"
    assert all(s.devices[d].member_id in s.members for d in s.active)
    valid = set(s.valid)
    anc = {o.op_id: _ancestors(ops, o.op_id) for o in ops}
    removals = [o for o in ops if o.kind is K.REMOVE_MEMBER and o.op_id in valid]
    readds = [o for o in ops if o.kind is K.ADD_MEMBER and o.op_id in valid]
    for o in ops:
        if o.op_id not in valid or o.kind is K.GENESIS:
            continue
        author = _dev_member(o)
        for r in removals:
            if r.member_id != author or r is o:
                continue
            # an op is never concurrent with a removal of its author ...
            assert o.op_id in anc[r.op_id] or r.op_id in anc[o.op_id]
            if r.op_id in anc[o.op_id]:
                # ... and comes after it only from an author re-added after that removal
                assert any(a.member_id == author and r.op_id in anc[a.op_id] for a in readds)
        assert author in s.members or author in s.removed


def _dev_member(o: RosterOp) -> bytes:
    for m in "ABCDE":
        if _dev(m).device_id == o.author_device:
            return _id("mem", m)
    raise AssertionError


def _ancestors(ops: list[RosterOp], op_id: bytes) -> set[bytes]:
    by = {o.op_id: o for o in ops}
    out: set[bytes] = set()
    todo = list(by[op_id].parents)
    while todo:
        x = todo.pop()
        if x not in out:
            out.add(x)
            todo.extend(by[x].parents)
    return out


def test_mutual_removal_keeps_exactly_one_admin() -> None:
    base = _base()
    head = (base[-1].op_id,)
    a_removes_b = _op(K.REMOVE_MEMBER, "A", head, "B")
    b_removes_a = _op(K.REMOVE_MEMBER, "B", head, "A")
    s = resolve([*base, a_removes_b, b_removes_a])
    survivors = {_id("mem", x) for x in "AB"} & set(s.members)
    assert len(survivors) == 1
    winner = min(a_removes_b, b_removes_a, key=lambda o: o.op_id)  # ties broken by op id
    assert winner.op_id in s.valid


def test_remove_wins_over_concurrent_add_and_invalidates_the_removed_admins_ops() -> None:
    base = _base()
    head = (base[-1].op_id,)
    c_removes_b = _op(K.REMOVE_MEMBER, "C", head, "B")
    b_adds_e = _op(K.ADD_MEMBER, "B", head, "E", Role.MEMBER)
    a_promotes_d = _op(K.CHANGE_ROLE, "A", head, "D", Role.ADMIN)
    c_removes_d = _op(K.REMOVE_MEMBER, "C", head, "D")
    s = resolve([*base, c_removes_b, b_adds_e, a_promotes_d, c_removes_d])
    assert _id("mem", "B") not in s.members
    assert _id("mem", "E") not in s.members  # added by B concurrently with B's removal
    assert _id("mem", "D") not in s.members  # remove wins over the concurrent role change
    assert {b_adds_e.op_id, a_promotes_d.op_id} <= s.invalid
    readd = _op(K.ADD_MEMBER, "A", (c_removes_d.op_id,), "D", Role.MEMBER, "again")
    s2 = resolve([*base, c_removes_b, b_adds_e, a_promotes_d, c_removes_d, readd])
    assert _id("mem", "D") in s2.members  # an add after the removal is a re-add


def test_re_added_member_acts_again_but_not_concurrently_with_its_removal() -> None:
    base = _base()
    head = (base[-1].op_id,)
    a_removes_d = _op(K.REMOVE_MEMBER, "A", head, "D")
    b_readds_d = _op(K.ADD_MEMBER, "B", (a_removes_d.op_id,), "D", Role.ADMIN)
    d_rotates = _op(K.ROTATE, "D", (b_readds_d.op_id,))
    d_promotes_c = _op(K.CHANGE_ROLE, "D", (d_rotates.op_id,), "C", Role.MEMBER)
    ops = [*base, a_removes_d, b_readds_d, d_rotates, d_promotes_c]
    s = resolve(ops)
    assert _id("mem", "D") in s.members and s.is_admin(_id("mem", "D"))
    assert {d_rotates.op_id, d_promotes_c.op_id} <= set(s.valid)  # after the re-add: valid
    assert s.epochs[-1][1] == d_rotates.op_id
    # an admin's op concurrent with its own removal stays invalid, re-added or not
    b_removes_c = _op(K.REMOVE_MEMBER, "B", head, "C")
    c_rotates = _op(K.ROTATE, "C", head, tag="concurrent")
    b_readds_c = _op(K.ADD_MEMBER, "B", (b_removes_c.op_id,), "C", Role.ADMIN)
    s2 = resolve([*base, b_removes_c, c_rotates, b_readds_c])
    assert _id("mem", "C") in s2.members
    assert c_rotates.op_id in s2.invalid


def test_unknown_parents_are_pending() -> None:
    base = _base()
    orphan = _op(K.ROTATE, "A", (b"\x09" * 32,))
    s = resolve([*base, orphan])
    assert s.pending == {orphan.op_id}
    assert orphan.op_id not in s.valid


# --- replica level: real signed ops, quarantine, every arrival order ---------------------------


def _concurrent_world(make_replica: MakeCoop) -> tuple[list[bytes], list[bytes], Coop, Coop]:
    alice, bob, carol, dave = (make_replica(n) for n in ("Alice", "Bob", "Carol", "Dave"))
    alice.create_coop("C")
    join(alice, bob, Role.ADMIN)
    join(alice, carol)
    sync(alice, bob)
    base = list(alice.wire_ops())
    n_a, n_b = alice.store.count_ops(), bob.store.count_ops()
    # concurrent, unsynced: both admins act at once
    alice.remove_member(bob.me.member_id)
    alice.change_role(carol.me.member_id, Role.ADMIN)
    bob.remove_member(alice.me.member_id)
    bob.add_member(dave.join_request())
    bob.rotate()
    new = list(alice.wire_ops())[n_a:] + list(bob.wire_ops())[n_b:]
    return base, new, alice, bob


def test_replicas_converge_for_any_arrival_order(make_replica: MakeCoop) -> None:
    base, new, alice, bob = _concurrent_world(make_replica)
    sync(alice, bob)
    expected = _summary(alice.roster)
    assert _summary(bob.roster) == expected
    assert len(expected[0]) >= 2  # type: ignore[arg-type]
    check_arrival_orders(make_replica, base, new, alice.coop_id, expected)


# make_replica hands out a fresh data folder on every call, so sharing it across examples is safe
@given(rnd=st.randoms(use_true_random=False))
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def check_arrival_orders(make_replica, base, new, coop_id, expected, rnd: random.Random) -> None:  # type: ignore[no-untyped-def]
    observer = make_replica("Observer")
    observer.adopt_coop(coop_id)
    for w in base:
        observer.apply(w)
    order = new[:]
    rnd.shuffle(order)
    for w in order:
        observer.apply(w)
    assert observer.status()["quarantined"] == 0
    assert _summary(observer.roster) == expected
