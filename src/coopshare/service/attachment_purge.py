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
* **a note links to it**: only what older versions wrote is purged -- every op of the slot older
  than the op whose chunk 0 is shown now: the old chunks a later version overwrote, and chunks
  beyond the current version's count (left over when a larger file was replaced by a smaller
  one). No attachment data is decrypted to find them (:func:`purge_unused`).

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
from coopshare.model.hlc import physical_ms
from coopshare.model.items import Kind

if TYPE_CHECKING:
    from coopshare.service.coop import Coop


def purge_unused(coop: Coop, now_ms: int, keep_ms: int) -> int:
    """Purge the chunk ops of my attachments that no note needs (see the module docstring),
    for slots last written more than `keep_ms` before `now_ms`; returns how many ops.

    Reads no attachment data: the slots and their ages come from the items table, and which
    ops an older version wrote from the ops' HLCs: every version writes its chunk 0 first, then
    its other chunks, on one device, so an op of the slot older than the op chunk 0 shows now
    belongs to an older version (model/attachments.py; service/attachments.write)."""
    slots: dict[bytes, list[tuple[bytes, int]]] = {}
    prefix = coop.me.member_id[:8] + att.TAG
    for item_id, updated in coop.store.items_with_prefix(Kind.FILE.value, prefix):
        if att.slot_of(item_id) is not None:
            slots.setdefault(item_id[:14], []).append((item_id, updated))
    old = [
        slot
        for slot, items in slots.items()
        if max(physical_ms(updated) for _, updated in items) + keep_ms <= now_ms
    ]
    if not old:
        return 0  # nothing to look at: the notes are not opened
    linked = _linked(coop)
    targets: list[bytes] = []
    for slot in old:
        live = {item_id: coop.store.ops_with_body(item_id) for item_id, _ in slots[slot]}
        ops = [op for found in live.values() for op in found]
        first = slot + (0).to_bytes(2, "big")
        if first not in linked:
            targets += [op_id for op_id, _, _ in ops]
        elif live.get(first):
            shown = max(hlc for _, hlc, _ in live[first])
            targets += [op_id for op_id, hlc, _ in ops if hlc < shown]
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
