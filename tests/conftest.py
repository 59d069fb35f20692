"""Shared fixtures: real keys, real SQLite stores in tmp_path, no mocks of the core."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the app's log file (gui/logfile.py) goes to a throwaway folder, not the user's log folder
os.environ.setdefault("COOPSHARE_LOG_DIR", tempfile.mkdtemp(prefix="coopshare-test-logs-"))

from coopshare.crypto import primitives as p
from coopshare.identity import keystore
from coopshare.identity.keys import Identity
from coopshare.identity.keystore import Unlocked
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
