"""Attachment chunks no note needs are purged on every replica (service/attachment_purge.py):
the database files of the author and of another member are searched for the chunks'
ciphertext before (positive control: there, and still there while a note links to it or the
trash window has not passed) and after the purge."""

from __future__ import annotations

from coopshare.crypto import primitives as p
from coopshare.model import attachments as att
from coopshare.model.hlc import physical_ms, wall_ms
from coopshare.service import attachments, trash
from coopshare.service.api import Api
from coopshare.service.coop import Coop
from coopshare.store.db import DB_FILE

from .conftest import sync

PNG = b"\x89PNG\r\n\x1a\n"


def _bodies(c: Coop, item: bytes) -> list[bytes]:
    """The stored bodies of an item's ops (ciphertext)."""
    rows = [c.store.op_row(o) for o in c.store.ops_of_item(item)]
    return [bytes(r[2]) for r in rows if r is not None and r[2] is not None]


def _on_disk(c: Coop, body: bytes) -> int:
    """How many of ten 48-byte pieces of `body` are in the database files (SQLite splits a large
    body over overflow pages, so the whole body is never one run of bytes)."""
    assert c.store.truncate_wal()  # what remains is in the database file itself
    files = [c.store.folder / DB_FILE, c.store.folder / (DB_FILE + "-wal")]
    data = b"".join(f.read_bytes() for f in files if f.is_file())
    step = len(body) // 10
    return sum(body[i * step + 100 : i * step + 148] in data for i in range(10))


def _slot_ops(c: Coop, first: bytes) -> list[bytes]:
    return [b for i in range(att.MAX_CHUNKS) for b in _bodies(c, first[:14] + bytes([0, i]))]


def test_a_replaced_version_is_purged_everywhere_and_the_current_one_kept(
    coop_ab: tuple[Coop, Coop],
) -> None:
    alice, bob = coop_ab
    first = attachments.write(alice, PNG + p.random_bytes(700_000), "plan.png", "image/png")
    alice.add_note("Plattegrond", f"![plan](attachment:{first.hex()})")
    sync(alice, bob)
    old = _slot_ops(alice, first)  # two chunks
    assert len(old) == 2 and all(_on_disk(c, b) >= 8 for c in (alice, bob) for b in old)
    newer = PNG + p.random_bytes(300_000)  # one chunk: chunk 1 of the old version is left over
    assert attachments.write(alice, newer, "plan.png", "image/png", slot=0) == first
    sync(alice, bob)
    current = [b for b in _bodies(alice, first) if b not in old]
    assert len(current) == 1
    state = alice.item(first)
    assert state is not None
    written = physical_ms(state.updated)

    # the trash window since the replacement has not passed: everything kept
    assert trash.purge_expired(alice, written + trash.TRASH_MS - 1) == 0
    sync(alice, bob)
    assert all(_on_disk(c, b) >= 8 for c in (alice, bob) for b in old)

    trash.purge_expired(alice, written + trash.TRASH_MS)
    sync(alice, bob)
    for c in (alice, bob):
        assert all(_on_disk(c, b) == 0 for b in old), c.me.name
        assert _on_disk(c, current[0]) >= 8  # control: still linked, still here
        found = attachments.read(c, first)
        assert found is not None and found.data == newer
        assert c.item(first[:14] + bytes([0, 1])) is None  # the left-over chunk is gone
    assert trash.purge_expired(alice, written + trash.TRASH_MS) == 0
    ops = alice.store.count_ops()
    trash.purge_expired(alice, written + trash.TRASH_MS)  # nothing left to purge: no new op
    assert alice.store.count_ops() == ops


def test_a_trashed_notes_attachment_goes_when_the_note_is_purged(
    coop_ab: tuple[Coop, Coop],
) -> None:
    alice, bob = coop_ab
    first = attachments.write(alice, PNG + p.random_bytes(200_000), "bon.png", "image/png")
    loose = attachments.write(alice, PNG + p.random_bytes(1000), "los.png", "image/png")
    note = alice.add_note("Bonnetje", f"![bon](attachment:{first.hex()})")
    sync(alice, bob)
    fresh = _slot_ops(alice, loose)
    # a fresh attachment no note links to yet is kept (an import may be about to link it)
    trash.purge_expired(alice, wall_ms())
    assert attachments.read(alice, loose) is not None
    door = Api(alice)
    door.delete_item(note)
    sync(alice, bob)
    (entry,) = door.trash()
    body = _slot_ops(alice, first)
    assert len(body) == 1

    # in the trash: the note still links to it, so it stays past its own 30 days
    first_state = alice.item(first)
    assert first_state is not None
    assert entry.purge_ms - 1 > physical_ms(first_state.updated) + trash.TRASH_MS
    assert door.purge_old_trash(now_ms=entry.purge_ms - 1) == 0
    sync(alice, bob)
    assert all(_on_disk(c, body[0]) >= 8 for c in (alice, bob))
    assert attachments.read(bob, first) is not None

    assert door.purge_old_trash(now_ms=entry.purge_ms) == 1
    sync(alice, bob)
    for c in (alice, bob):
        assert _on_disk(c, body[0]) == 0, c.me.name
        assert attachments.read(c, first) is None and c.item(first) is None
        # the loose one, written before the deletion, is old by now and linked by nothing
        assert all(_on_disk(c, b) == 0 for b in fresh) and attachments.read(c, loose) is None
    assert attachments.used_slots(alice) == set()  # the slots are free again


def test_another_members_attachment_is_not_touched(coop_ab: tuple[Coop, Coop]) -> None:
    alice, bob = coop_ab
    bobs = attachments.write(bob, PNG + p.random_bytes(5000), "b.png", "image/png")
    sync(alice, bob)
    trash.purge_expired(alice, wall_ms() + 2 * trash.TRASH_MS)
    sync(alice, bob)
    assert attachments.read(alice, bobs) is not None and attachments.read(bob, bobs) is not None
