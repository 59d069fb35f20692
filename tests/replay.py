"""Several members' replicas in the tests of an item's terms and releases (ideas, leads): every
replica synced with every other, a release the owner's writer would refuse, and the ops replayed
in a chosen order on a fresh replica (the delivery-order properties)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hypothesis import strategies as hs

from coopshare.crypto import primitives as p
from coopshare.identity.keystore import Unlocked
from coopshare.protocol.ops import OpKind
from coopshare.service import coop_terms
from coopshare.service.coop import Coop
from coopshare.store.db import Store

from .conftest import sync
from .forge import forge


def sync_all(*cs: Coop) -> None:
    """Sync every replica with every other."""
    for a in cs:
        for b in cs:
            if a is not b:
                sync(a, b)


def forged_release(owner: Coop, item: bytes, member: Coop, *, hlc: int | None = None) -> None:
    """The owner's device signs a release its writer would refuse (a modified client)."""
    body, n = coop_terms.release_body(
        owner, item, member.me.member_id, owner.store.ops_of_item(item)
    )
    assert n
    owner.apply(forge(owner, body, kind=OpKind.KEY_RELEASE, hlc=hlc).encode())


def replayed(
    c: Coop, coop_id: bytes | None, wires: Iterable[bytes], item: bytes, home: Path
) -> dict[str, Any] | None:
    """`item` as a fresh replica of `c`'s member (in `home`) sees it after applying `wires` in
    that order (the roster first), in plain form; None if it does not know the item."""
    assert coop_id is not None
    fresh = Coop(Unlocked(c.me, p.random_bytes(32)), Store.open(home))
    try:
        fresh.adopt_coop(coop_id)
        for w in wires:
            fresh.apply(w)
        got = fresh.item(item)
        return None if got is None else got.to_plain()
    finally:
        fresh.store.close()


@hs.composite
def deliveries(draw: hs.DrawFn, ops: int) -> list[int]:
    """Three to five of `ops` ops (by index), in any order."""
    chosen = draw(hs.sets(hs.integers(0, ops - 1), min_size=3, max_size=5))
    return draw(hs.permutations(sorted(chosen)))
