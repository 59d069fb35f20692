"""Dropping attachment chunks no note needs any more, on every replica.

An attachment is a set of ``file`` items, one per chunk (model/attachments.py); replacing it
writes new ops to the same items, and deleting the note that links to it leaves the items
alone. Without this module the old chunks' ciphertext would stay in every replica's ``ops``
table for ever. Chunks are replicated data, so they are removed the way a trashed note is
(service/trash.py): the **author's device** decides, and writes a signed ``purge`` op naming the
exact op ids; every replica, the author's included, drops those bodies and refolds the items
(service/replica_content.py), so all replicas end in the same state whatever order ops arrive
in. Other members' devices decide nothing.

On my device, in the same pass as the trash (:func:`trash.purge_expired`: at app start and when
the trash is opened), for each attachment slot of mine whose last write is more than
:data:`trash.TRASH_MS` old (a fresh attachment may be about to be linked, and every replica has
had the time to receive its current version):

* **no note links to it** -- no live note and no note in the trash (a trashed note is purged
  30 days after its deletion, and only then stops keeping its attachments): every op of mine
  of every chunk is purged; the items then hold nothing, their rows go and the slot is free;
* **a note links to it**: only what the current version does not use is purged -- ops whose
  every field a later op overwrote (an older version of the same chunk), and chunks beyond the
  current version's count or of another version's hash (left over when a larger file was
  replaced by a smaller one).

Links are read from the notes this device can read; a link written in a note sealed only to
other members does not keep an attachment (the app itself links only the notes' own
attachments, written by the note's author). Afterwards the WAL is truncated here; other
replicas' WALs lose the old page images at their next checkpoint (``secure_delete`` zeroes the
freed pages in the database file itself).
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from coopshare.errors import CoopShareError
from coopshare.model import attachments as att
from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms
from coopshare.model.items import Kind

if TYPE_CHECKING:
    from coopshare.service.coop import Coop


def purge_unused(coop: Coop, now_ms: int, keep_ms: int) -> int:
    """Purge the chunk ops of my attachments that no note needs (see the module docstring),
    for slots last written more than `keep_ms` before `now_ms`; returns how many ops."""
    slots: dict[bytes, dict[int, ItemState]] = {}
    mine = coop.me.member_id[:8]
    for st in coop.items(Kind.FILE, include_deleted=True):
        where = att.slot_of(st.item_id)
        if where is not None and st.creator == mine:
            slots.setdefault(st.item_id[:14], {})[where[1]] = st
    old = {
        slot: chunks
        for slot, chunks in slots.items()
        if max(physical_ms(st.updated) for st in chunks.values()) + keep_ms <= now_ms
    }
    if not old:
        return 0  # nothing to look at: the notes are not opened
    linked = _linked(coop)
    targets: list[bytes] = []
    for slot, chunks in old.items():
        if slot + (0).to_bytes(2, "big") not in linked:
            for st in chunks.values():
                targets += coop.store.ops_of_item(st.item_id)
            continue
        meta = chunks.get(0)
        count = meta.value("chunks") if meta is not None else None
        digest = meta.value("sha256") if meta is not None else None
        for index, st in chunks.items():
            ops = coop.store.ops_of_item(st.item_id)
            stale = not isinstance(count, int) or index >= count or st.value("sha256") != digest
            if stale and index != 0:
                targets += ops
            else:
                targets += [o for o in ops if o not in _current(st)]
    with coop.transaction():
        purged = coop.purge_ops(targets)
    if purged and not coop._tx_depth:  # no checkpoint inside a caller's transaction
        with suppress(CoopShareError):  # busy (a reader): the database file is clean already
            coop.store.truncate_wal()
    return purged


def _linked(coop: Coop) -> set[bytes]:
    """Chunk-0 ids of the attachments linked by a note I can read, live or in the trash."""
    out: set[bytes] = set()
    for st in coop.items(Kind.NOTE, include_deleted=True):
        out.update(bytes.fromhex(h) for h in att.links_in(st.body))
    return out


def _current(st: ItemState) -> set[bytes]:
    """The ops whose values the item shows now (every other op of it is overwritten)."""
    ops = {entry[2] for entry in st.fields.values()}
    if st.deleted[2]:
        ops.add(st.deleted[2])
    return ops
