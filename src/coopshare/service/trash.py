"""The notes trash: a deleted note can be restored for 30 days, then its author's device purges it.

Deleting a note writes its tombstone (the ``deleted`` flag of the item, synced like any change):
every member stops seeing it, and its author can restore it (``deleted=False``, also synced).
The trash lists the notes this member wrote that are deleted now. The 30 days are a local rule
of the author's device: when the app starts and when its trash is opened, it purges each of its
own notes deleted more than :data:`TRASH_DAYS` days before (by the deletion's own timestamp):
a purge op asks every member to drop the text of the note's ops (``Coop.purge``), so nothing of
it can come back. A note deleted by an admin is purged by its author's device all the same.
The same pass purges the chunks of my attachments that no live or trashed note links to any
more, or that a newer version replaced (service/attachment_purge.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms, wall_ms
from coopshare.model.items import Kind
from coopshare.service import attachment_purge, restored
from coopshare.service.coop import Coop

TRASH_DAYS = 30
TRASH_MS = TRASH_DAYS * 24 * 3600 * 1000


@dataclass(frozen=True)
class TrashedNote:
    """A note of mine in the trash."""

    id: str  # hex item id
    title: str
    deleted_ms: int  # when it was deleted (unix milliseconds)
    purge_ms: int  # when this device removes it for good


def _mine_deleted(coop: Coop) -> list[ItemState]:
    me = coop.me.member_id[:8]
    return [
        st
        for st in coop.each_item(Kind.NOTE, include_deleted=True)  # not all 100k notes at once
        if st.is_deleted and st.has_creator and st.creator == me
    ]


def _deleted_ms(st: ItemState) -> int:
    return physical_ms(st.deleted[1])


def trashed_notes(coop: Coop) -> list[TrashedNote]:
    """My deleted notes, the most recently deleted first."""
    out = [
        TrashedNote(
            id=st.item_id.hex(),
            title=str(st.value("title", "") or ""),
            deleted_ms=_deleted_ms(st),
            purge_ms=_deleted_ms(st) + TRASH_MS,
        )
        for st in _mine_deleted(coop)
    ]
    out.sort(key=lambda t: t.deleted_ms, reverse=True)
    return out


def purge_expired(coop: Coop, now_ms: int | None = None) -> int:
    """Purge my notes deleted more than TRASH_DAYS ago; returns how many."""
    if restored.holding(coop):  # restored, not caught up: purges wait (restored.py)
        return 0
    now = wall_ms() if now_ms is None else now_ms
    expired = [st for st in _mine_deleted(coop) if _deleted_ms(st) + TRASH_MS <= now]
    for st in expired:
        coop.purge(st.item_id)
    attachment_purge.purge_unused(coop, now, TRASH_MS)  # after the notes: their links are gone
    return len(expired)
