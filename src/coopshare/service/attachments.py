"""Writing and reading attachments (model/attachments.py: ids, caps, rules).

An attachment is written as one ``file`` item per chunk, coop-wide like a note (encrypted under
the epoch key; on disk only inside sealed item states). A note links to it as
``attachment:<id>``, the id of its chunk 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coopshare.crypto import primitives as p
from coopshare.errors import AttachmentLimit, AttachmentTooLarge
from coopshare.model import attachments as att
from coopshare.model.items import FIELDS, Kind
from coopshare.service.coop import Coop


@dataclass(frozen=True, slots=True)
class Attachment:
    id: str  # chunk 0's item id, hex: what a note links to
    name: str
    mime: str
    data: bytes


def _fields(coop: Coop, item: bytes) -> dict[str, Any] | None:
    st = coop.item(item)
    if st is None or st.is_deleted or st.kind is not Kind.FILE:
        return None
    return {k: v for k in FIELDS[Kind.FILE] if (v := st.value(k)) is not None}


def used_slots(coop: Coop) -> set[int]:
    """My slots that hold an attachment now."""
    mine = coop.me.member_id
    return {s for s in range(att.MAX_SLOTS) if _fields(coop, att.item_id(mine, s, 0)) is not None}


def write(coop: Coop, data: bytes, name: str, mime: str, slot: int | None = None) -> bytes:
    """Write `data` as my attachment (in `slot`, or the first free one); chunk 0's id."""
    if not 0 < len(data) <= att.MAX_FILE:
        raise AttachmentTooLarge(path=name, limit=att.MAX_FILE)
    if slot is None:
        free = sorted(set(range(att.MAX_SLOTS)) - used_slots(coop))
        if not free:
            raise AttachmentLimit(limit=att.MAX_SLOTS)
        slot = free[0]
    digest = p.sha256(data).hex()
    chunks = att.chunks_of(data)
    mine = coop.me.member_id
    with coop.transaction():
        for i, chunk in enumerate(chunks):
            fields: dict[str, Any] = {"data": chunk, "sha256": digest}
            if i == 0:
                fields |= {"name": name, "mime": mime, "size": len(data), "chunks": len(chunks)}
            coop.write_item(Kind.FILE, att.item_id(mine, slot, i), fields)
    return att.item_id(mine, slot, 0)


def read(coop: Coop, item: bytes) -> Attachment | None:
    """The attachment whose chunk 0 is `item`, or None (not one, not all chunks here yet)."""
    where = att.slot_of(item)
    if where is None or where[1] != 0:
        return None
    meta = _fields(coop, item)
    if meta is None:
        return None
    rest = [_fields(coop, item[:14] + i.to_bytes(2, "big")) for i in range(1, att.MAX_CHUNKS)]
    data = att.assemble([meta, *rest])
    if data is None:
        return None
    return Attachment(item.hex(), str(meta["name"]), str(meta["mime"]), data)


def mine(coop: Coop) -> list[Attachment]:
    """My attachments, by slot (the readable ones)."""
    me = coop.me.member_id
    found = (read(coop, att.item_id(me, s, 0)) for s in sorted(used_slots(coop)))
    return [a for a in found if a is not None]


def linked(coop: Coop, body: str) -> list[Attachment]:
    """The attachments a note's body links to (``attachment:<id>``), in order, readable ones."""
    out: list[Attachment] = []
    for hexid in att.links_in(body):
        found = read(coop, bytes.fromhex(hexid))
        if found is not None and found not in out:
            out.append(found)
    return out
