"""Shared fixtures: real keys, real SQLite stores in tmp_path, no mocks of the core."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _pytest.nodeid import NodeId
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the app's log file (gui/logfile.py) goes to a throwaway folder, not the user's log folder
os.environ.setdefault("COOPSHARE_LOG_DIR", tempfile.mkdtemp(prefix="coopshare-test-logs-"))

from coopshare.crypto import primitives as p
from coopshare.identity import keystore
from coopshare.identity.keys import Identity
from coopshare.identity.keystore import Unlocked
from coopshare.model.hlc import HybridClock
from coopshare.model.roster import Role
from coopshare.service.coop import Coop
from coopshare.store.db import Store

# The suite shares 2 cores with whatever else runs (CI, a benchmark): Hypothesis's speed health
# checks and per-example deadlines measure the machine, not the code, so they are off. The
# properties and the example counts stay as each test sets them.
settings.register_profile(
    "coopshare",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("coopshare")

MakeCoop = Callable[[str], Coop]

_SHARED_SCOPES = frozenset({"module", "class", "package"})


def _group(item: pytest.Item) -> str | None:
    """The xdist group of a test: its own `xdist_group` mark, else its module when it uses a
    module- or class-scoped fixture (a cooperative built once by real processes, a filled
    store), so that set-up runs once, as in a serial run. None: any worker may take it."""
    names = sorted(
        str(m.args[0] if m.args else m.kwargs.get("name", "default"))
        for m in item.iter_markers("xdist_group")
    )
    if names:
        return "_".join(names)
    info = getattr(item, "_fixtureinfo", None)
    defs = info.name2fixturedefs.values() if info is not None else ()
    if any(d.scope in _SHARED_SCOPES for ds in defs for d in ds):
        return item.nodeid.split("::", 1)[0]
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On an xdist worker of `./dev test` (`-n N --dist loadgroup`): the slow tests go first,
    so the long ones do not end up alone at the tail, and each test's group (`_group`) is
    appended to its node id as `ID@GROUP`, which xdist's loadgroup scheduler reads. xdist 3.8
    does that itself by assigning `item._nodeid`, which pytest 9 no longer reads (the id is
    `item._id`, a NodeId), so without this every grouped test would go anywhere. Trylast: after
    pytest's own `--deselect`, which matches the plain ids."""
    if not config.getoption("loadgroup", default=False):
        return
    items.sort(key=lambda it: it.get_closest_marker("slow") is None)  # stable
    for item in items:
        group = _group(item)
        if group is not None:
            item._id = NodeId.parse(f"{item.nodeid}@{group}")  # type: ignore[attr-defined]


REAL_KDF = dict(keystore.KDF_DEFAULT)


@pytest.fixture(scope="session", autouse=True)
def _floor_kdf() -> Iterator[None]:
    """Keystores made in this process use the lowest Argon2id cost the keystore accepts
    (KDF_FLOOR, a third of the default's time): the suite unlocks data folders hundreds of
    times, and no test but test_keystore.py's is about the cost. The cost is stored in each
    file, so a `coopshare` process started on such a folder unlocks it at the same cost.
    Folders made by `coopshare init` in a subprocess keep the default."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keystore, "KDF_DEFAULT", keystore.KDF_FLOOR)
        yield


_ARGON2_KEYS: dict[tuple[bytes, bytes, int, int, int], bytes] = {}


@pytest.fixture(scope="session", autouse=True)
def _argon2_once() -> Iterator[None]:
    """Argon2id is a pure function: in this test process the same passphrase, salt and cost give
    the same key, so each is derived once. A test's data folder is made, then opened by its
    node, its window, a dialog... (two of every three derivations of the GUI tests were repeats).
    Any new input (another passphrase, a wrong one, another salt or cost) runs the real
    derivation, and `coopshare` processes always do."""
    real = p.argon2id

    def once(
        passphrase: bytes, salt: bytes, *, iterations: int, memory_kib: int, lanes: int
    ) -> bytes:
        key = (bytes(passphrase), bytes(salt), iterations, memory_kib, lanes)
        found = _ARGON2_KEYS.get(key)
        if found is None:
            found = real(
                passphrase, salt, iterations=iterations, memory_kib=memory_kib, lanes=lanes
            )
            _ARGON2_KEYS[key] = found
        return found

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(p, "argon2id", once)
        yield


@pytest.fixture
def default_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The production Argon2id cost for keystores made in this test."""
    monkeypatch.setattr(keystore, "KDF_DEFAULT", REAL_KDF)


@pytest.fixture
def make_replica(tmp_path: Path) -> Iterator[MakeCoop]:
    """Factory for a member's replica in its own data folder (keystore skipped: fast)."""
    opened: list[Coop] = []

    def make(name: str) -> Coop:
        home = tmp_path / f"{name}-{len(opened)}"
        coop = Coop(Unlocked(Identity.generate(name), p.random_bytes(32)), Store.open(home))
        opened.append(coop)
        return coop

    yield make
    for c in opened:
        c.store.close()


def sync(a: Coop, b: Coop) -> None:
    """Exchange every op both ways, as a sync session would (in arrival order)."""
    for src, dst in ((a, b), (b, a)):
        if dst.coop_id is None and src.coop_id is not None:
            dst.adopt_coop(src.coop_id)
        for wire in list(src.wire_ops()):
            dst.apply(wire)


def join(admin: Coop, newcomer: Coop, role: Role = Role.MEMBER) -> None:
    newcomer.adopt_coop(admin.coop_id)  # type: ignore[arg-type]
    admin.add_member(newcomer.join_request(), role)
    sync(admin, newcomer)


@pytest.fixture
def coop_ab(make_replica: MakeCoop) -> tuple[Coop, Coop]:
    """Alice (admin, creator) and Bob (member), both synced."""
    alice, bob = make_replica("Alice"), make_replica("Bob")
    alice.create_coop("Brabant Interim")
    join(alice, bob)
    return alice, bob


def three_members(make_replica: MakeCoop) -> tuple[Coop, Coop, Coop]:
    """Alice's cooperative with Bob and Carol admitted; Bob synced with Alice, Carol not yet."""
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    sync(alice, bob)
    return alice, bob, carol


def utc_ms(y: int, m: int, d: int, h: int = 10) -> int:
    """The time of day `h` (UTC) on that date, in milliseconds since the epoch."""
    return int(dt.datetime(y, m, d, h, tzinfo=dt.UTC).timestamp() * 1000)


def clock_at(c: Coop, ms: int) -> None:
    """`c`'s clock shows `ms` from now on (its last time kept)."""
    c.clock = HybridClock(c.clock.last, now_ms=lambda: ms)


def synced_trio(make_replica: MakeCoop, start_ms: int | None = None) -> tuple[Coop, Coop, Coop]:
    """Three synced members; with `start_ms`, their clocks show that (past) time from the start
    (a replica refuses ops dated ahead of the machine's real clock, so fake times are past)."""
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    if start_ms is not None:
        for c in (alice, bob, carol):
            clock_at(c, start_ms)
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    for x, y in ((alice, bob), (alice, carol), (bob, carol)):
        sync(x, y)
    return alice, bob, carol
