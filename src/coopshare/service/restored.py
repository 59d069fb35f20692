"""A data folder restored from a backup writes nothing until it has caught up its own log
(docs/security.md §Backup, docs/protocol.md §12b).

A backup holds this device's op log only up to the moment it was made. If the device wrote
more afterwards and a peer received it, the restored copy would continue from the older seq
and sign NEW ops at seq numbers it already used: two ops at one ``(device, seq)``. Peers record
that as equivocation, and worse, sync hides them: the version vector (sync/engine.py) is the
highest seq held per device, so a peer that holds the old op at that seq never asks for the new
one, and the restored copy never receives the old one.

So the restore marks the folder (``meta`` key :data:`META_KEY`) when the cooperative has any
other active device (with none, nobody can hold anything newer). While marked, every op this
device would author is refused (:func:`check_may_write`, called by the one authoring door,
``RosterAuthor._append``: ``RestoredNotCaughtUp``), and the automatic writers (witness receipts,
key releases and hand-overs, the trash's purges) skip their turn. The mark is removed:

* by the first sync session that **converged** with a peer (:func:`release`, called by the
  engine's ``Local.caught_up`` before the session counts as converged): the peer has sent every
  op of this device it holds above what the backup had, so the next op continues after them;
* by the user, who knows no other device holds anything newer of this one
  (:func:`release`; ``coopshare backup resume-writing``).

A peer that held none of the later ops while another one did is not detected: the guard is as
good as the peer synced with (docs/security.md says so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopshare.errors import RestoredNotCaughtUp

if TYPE_CHECKING:
    from coopshare.service.replica import Replica

META_KEY = "restored_hold"
_HELD = b"held"


def mark(coop: Replica) -> bool:
    """Mark a just-restored folder, unless no other device of the cooperative is active (then
    nobody can hold ops of this device newer than the backup). Returns whether it was marked."""
    others = coop.roster.active - {coop.me.device_id}
    if coop.coop_id is None or not others:
        return False
    with coop.transaction(durable=True):
        coop.store.set_meta(META_KEY, _HELD)
    return True


def holding(coop: Replica) -> bool:
    """Whether this folder was restored and has not caught up (or been released) since."""
    return coop.store.meta(META_KEY) == _HELD


def check_may_write(coop: Replica) -> None:
    """Raise RestoredNotCaughtUp while :func:`holding`."""
    if holding(coop):
        raise RestoredNotCaughtUp()


def release(coop: Replica) -> bool:
    """Allow writing again; returns whether the folder was held."""
    if not holding(coop):
        return False
    with coop.transaction(durable=True):
        coop.store.set_meta(META_KEY, b"")
    return True
