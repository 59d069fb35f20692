"""Purging availability windows on every replica: an ended window, or one whose subject decided
about the publisher's consent after it was published (revoked it, or granted it anew), is
deleted from this device's database, not hidden (model/talent_rules.py ``dead``: such a window
can never count again, so every arrival order ends the same).

Each replica does it by itself from the same signed data (model/talent_rules.py) and its own
clock: when the window is folded (it arrives ended, or a revocation arrives), and in the node's
periodic pass (:func:`sweep`, service/releases.py) once its last day is over. Deleting means:
the bodies of the window's ops are dropped (``ops.body`` NULL, the op id recorded in
``purged``, so a copy that comes back from a peer is stored without its body), its derived item
row and its op links are deleted, and the WAL is truncated afterwards. The store runs with
``secure_delete=ON``, so freed cells are overwritten with zeros. The signed headers stay (they
hold no window data) so that every device's log stays complete.
"""

from __future__ import annotations

import weakref
from contextlib import suppress
from typing import TYPE_CHECKING

from coopshare.errors import CoopShareError
from coopshare.model import talent_rules
from coopshare.model.fold import ItemState
from coopshare.model.hlc import wall_ms
from coopshare.model.items import Kind

if TYPE_CHECKING:
    from coopshare.service.replica_base import ReplicaBase

PURGER = b"expiry"  # recorded in `purged` for drops no member asked for
# replicas that dropped a window since their WAL was last truncated: until then the WAL may
# still hold old images of the pages (the next sweep, at most a minute later, truncates it)
_WAL_DIRTY: weakref.WeakSet[ReplicaBase] = weakref.WeakSet()
# bumped whenever a profile, window or consent row changes (or an item is emptied by a purge):
# "Who fits" (service/fits.py) opens every profile and window again only then
_GENERATION: weakref.WeakKeyDictionary[ReplicaBase, int] = weakref.WeakKeyDictionary()
_WATCHED = frozenset({Kind.PROFILE, Kind.WINDOW, Kind.CONSENT})


def generation(rep: ReplicaBase) -> int:
    return _GENERATION.get(rep, 0)


def _bump(rep: ReplicaBase) -> None:
    _GENERATION[rep] = _GENERATION.get(rep, 0) + 1


def on_store(rep: ReplicaBase, state: ItemState) -> bool:
    """Called as an item is folded: True if it was a window to purge instead of saving."""
    if state.kind in _WATCHED or state.is_empty:
        _bump(rep)
    if state.kind is Kind.CONSENT:
        c = talent_rules.consent_of(state)
        if c is not None:  # the windows this decision outdates go (revoked, or granted anew)
            for st in rep.items(Kind.WINDOW):
                w = talent_rules.window_of(st)
                if w is None or (w.publisher, w.subject[:8]) != (c[1][:8], c[0]):
                    continue
                if talent_rules.dead(w, c[2]):
                    drop(rep, st.item_id)
        return False
    if state.kind is not Kind.WINDOW:
        return False
    w = talent_rules.window_of(state)
    if w is None or not (talent_rules.expired(w, rep.clock.now_ms()) or _dead(rep, w)):
        return False
    drop(rep, state.item_id)
    return True


def _dead(rep: ReplicaBase, w: talent_rules.WindowRec) -> bool:
    """Its subject's consent was decided (revoked, or granted again) after it was published."""
    if w.own:
        return False
    st = rep.item(talent_rules.consent_id(w.subject, w.publisher))
    c = None if st is None else talent_rules.consent_of(st)
    return talent_rules.dead(w, None if c is None else c[2])


def drop(rep: ReplicaBase, item_id: bytes) -> None:
    """Delete one window: its ops' bodies, its row, its links (inside the caller's transaction)."""
    for op_id in rep.store.ops_of_item(item_id):
        rep.store.purge_body(op_id, PURGER)
    rep.store.delete_item(item_id)
    rep.store.unlink_item(item_id)
    rep.report_changed(item_id)
    _WAL_DIRTY.add(rep)
    _bump(rep)
    if rep._search is not None:
        rep._search.remove(item_id.hex())


def sweep(rep: ReplicaBase, now_ms: int | None = None) -> int:
    """Purge every ended or revoked window on this device; returns how many."""
    now = wall_ms() if now_ms is None else now_ms
    gone = 0
    with rep.transaction():
        for st in rep.items(Kind.WINDOW, include_deleted=True):
            w = talent_rules.window_of(st)
            if w is None or talent_rules.expired(w, now) or _dead(rep, w):
                if w is None and not st.is_deleted:
                    continue  # incomplete (the creator's change not here yet): kept
                drop(rep, st.item_id)
                gone += 1
    if rep in _WAL_DIRTY and not rep._tx_depth:  # no checkpoint inside a transaction
        with suppress(CoopShareError):  # busy (a reader): the next sweep tries again
            if rep.store.truncate_wal():
                _WAL_DIRTY.discard(rep)
    return gone
