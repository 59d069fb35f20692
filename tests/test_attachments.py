"""Encrypted attachments of imported notes: images and PDFs a note links to are imported (in
chunks, sealed like note bodies), the links point at them, export writes them back, every
replica checks the caps on apply, and nothing of them is readable at rest."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from coopshare.model import attachments as att
from coopshare.model.items import Kind
from coopshare.service import attachments, exports, importer, quarantine
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop, join, sync
from tests.forge import coop_change, forge

MARKER = b"OKAPI-ATTACHMENT-MARKER-4417"


def png(size: int, seed: bytes = b"") -> bytes:
    """PNG signature, then `size` bytes of noise with a marker inside (not a real picture: the
    importer checks the signature only)."""
    head = b"\x89PNG\r\n\x1a\n"
    noise = b"".join(
        hashlib.sha256(seed + i.to_bytes(4, "big")).digest() for i in range(size // 32 + 1)
    )
    body = noise[: size - len(head) - len(MARKER)]
    return head + body[: len(body) // 2] + MARKER + body[len(body) // 2 :]


@pytest.fixture
def alice(make_replica: MakeCoop) -> Coop:
    c = make_replica("Alice")
    c.create_coop("Brabant Interim")
    return c


def _vault(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    v = tmp_path / "kluis"
    (v / "img").mkdir(parents=True)
    files = {
        "img/logo.png": png(2_000, b"logo"),
        "foto.jpg": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8,
        "offerte.pdf": b"%PDF-1.4\n" + b"x" * 100,
        "groot.png": png(1_200_000, b"groot"),  # three chunks
    }
    for rel, data in files.items():
        (v / rel).write_bytes(data)
    (v / "nep.png").write_bytes(b"GIF89a but named .png")
    (v / "los.png").write_bytes(png(100, b"los"))  # no note links to it
    (v / "te-groot.pdf").write_bytes(b"%PDF-" + bytes(att.MAX_FILE))
    (v / "brief.docx").write_bytes(b"PK\x03\x04")
    (v / "a.md").write_text(
        "# Eerste\n\nLogo: ![het logo](img/logo.png) en ![[foto.jpg|300]].\n"
        "Zie [de offerte](offerte.pdf), ![groot](<groot.png>), ![x](nep.png),\n"
        "[te groot](te-groot.pdf), [brief](brief.docx) en [site](https://example.org/a.png).\n\n"
        "```\n![code](img/logo.png)\n```\n",
        encoding="utf-8",
    )
    return v, files


def _ids(body: str) -> list[str]:
    return re.findall(r"attachment:([0-9a-f]{32})", body)


def test_linked_images_and_pdfs_become_attachments_the_rest_is_reported(
    alice: Coop, tmp_path: Path
) -> None:
    v, files = _vault(tmp_path)
    report = importer.import_folder(alice, v)
    assert (report.imported, report.attached, report.failed) == (1, 4, ())
    assert dict(report.skipped) == {
        "brief.docx": importer.Skip.TYPE,
        "nep.png": importer.Skip.TYPE,
        "te-groot.pdf": importer.Skip.TOO_LARGE,
        "los.png": importer.Skip.UNLINKED,
    }
    (note,) = alice.items(Kind.NOTE)
    body = note.body
    ids = _ids(body)
    assert len(ids) == 4
    got = {a.name: a for a in attachments.linked(alice, body)}
    assert {n: a.data for n, a in got.items()} == {
        "logo.png": files["img/logo.png"],
        "foto.jpg": files["foto.jpg"],
        "offerte.pdf": files["offerte.pdf"],
        "groot.png": files["groot.png"],
    }
    assert got["offerte.pdf"].mime == "application/pdf" and got["foto.jpg"].mime == "image/jpeg"
    assert f"![het logo](attachment:{got['logo.png'].id})" in body
    assert f"![foto.jpg](attachment:{got['foto.jpg'].id})" in body  # Obsidian embed, width
    assert "![x](nep.png)" in body and "[brief](brief.docx)" in body  # skipped: left as written
    assert "![code](img/logo.png)" in body  # in a code block: untouched
    assert "[site](https://example.org/a.png)" in body
    # the big one is three chunk items; the note lists show no attachment rows
    assert len(alice.items(Kind.FILE)) == 6
    assert "file" not in alice.status()["items"]


def test_reimport_keeps_slots_and_rewrites_a_changed_file(alice: Coop, tmp_path: Path) -> None:
    v, _ = _vault(tmp_path)
    importer.import_folder(alice, v)
    ops = alice.store.count_ops()
    again = importer.import_folder(alice, v)
    assert (again.unchanged, again.attached) == (1, 0)
    assert alice.store.count_ops() == ops  # nothing written
    before = _ids(alice.items(Kind.NOTE)[0].body)
    new_logo = png(3_000, b"logo v2")
    (v / "img" / "logo.png").write_bytes(new_logo)
    third = importer.import_folder(alice, v)
    assert (third.unchanged, third.attached) == (1, 1)
    assert _ids(alice.items(Kind.NOTE)[0].body) == before  # same slot, same link
    assert attachments.read(alice, bytes.fromhex(before[0])).data == new_logo  # type: ignore[union-attr]
    assert attachments.used_slots(alice) == {0, 1, 2, 3}


def test_a_member_reads_them_after_sync_and_export_round_trips(
    alice: Coop, make_replica: MakeCoop, tmp_path: Path
) -> None:
    v, files = _vault(tmp_path)
    bob = make_replica("Bob")
    join(alice, bob)
    importer.import_folder(alice, v)
    sync(alice, bob)
    (note,) = bob.items(Kind.NOTE)
    assert {a.name: a.data for a in attachments.linked(bob, note.body)}["groot.png"] == files[
        "groot.png"
    ]
    out = tmp_path / "export"
    exports.export_notes(bob, out)
    md = (out / "Eerste.md").read_text(encoding="utf-8")
    assert "![het logo](<attachments/logo.png>)" in md
    assert (out / "attachments" / "groot.png").read_bytes() == files["groot.png"]
    assert (out / "attachments" / "offerte.pdf").read_bytes() == files["offerte.pdf"]
    # the exported folder imports back: same attachments, links pointed at them
    carol = make_replica("Carol")
    carol.create_coop("Elders")
    report = importer.import_folder(carol, out)
    assert (report.imported, report.attached, report.skipped) == (1, 4, ())
    (back,) = carol.items(Kind.NOTE)
    assert sorted(a.data for a in attachments.linked(carol, back.body)) == sorted(
        a.data for a in attachments.linked(bob, note.body)
    )


def test_nothing_of_an_attachment_is_readable_at_rest(alice: Coop, tmp_path: Path) -> None:
    v, files = _vault(tmp_path)
    assert MARKER in files["img/logo.png"]  # control: the marker is in the imported file
    importer.import_folder(alice, v)
    (note,) = alice.items(Kind.NOTE)
    logo = {a.name: a for a in attachments.linked(alice, note.body)}["logo.png"]
    assert MARKER in logo.data  # control: and in what this device reads back
    (home,) = [d for d in tmp_path.iterdir() if d.name.startswith("Alice")]
    assert (home / "coopshare.db").exists()
    blob = b"".join(f.read_bytes() for f in sorted(home.rglob("*")) if f.is_file())
    assert MARKER not in blob
    assert b"logo.png" not in blob and b"het logo" not in blob
    out = tmp_path / "export"
    exports.export_notes(alice, out)
    assert MARKER in (out / "attachments" / "logo.png").read_bytes()  # export: plain, as said
    exports.take_out(alice, tmp_path / "takeout.zip")
    with zipfile.ZipFile(tmp_path / "takeout.zip") as z:
        names = set(z.namelist())
        assert {"attachments/logo.png", "attachments/groot.png"} <= names
        assert MARKER in z.read("attachments/logo.png")


def _forged(alice: Coop, bob: Coop, item: bytes, fields: dict[str, object]) -> bytes:
    op = forge(bob, coop_change(bob, Kind.FILE, item, fields))
    bob.apply(op)  # Bob's own log holds it (its next op follows it)
    alice.apply(op.encode())
    return item


def test_every_replica_checks_the_caps_on_apply(alice: Coop, make_replica: MakeCoop) -> None:
    bob = make_replica("Bob")
    join(alice, bob)
    data = png(1_000, b"bob")
    digest = hashlib.sha256(data).hexdigest()
    meta = {"data": data, "name": "b.png", "mime": "image/png", "size": len(data)}
    meta |= {"sha256": digest, "chunks": 1}
    me = bob.me.member_id
    # positive control: Bob's well-formed chunk in a valid slot is taken by Alice
    ok = _forged(alice, bob, att.item_id(me, 5, 0), meta)
    assert attachments.read(alice, ok) is not None and attachments.read(alice, ok).data == data  # type: ignore[union-attr]
    # a slot beyond the per-member cap, a chunk beyond the per-file cap: no effect
    beyond = me[:8] + att.TAG + att.MAX_SLOTS.to_bytes(2, "big") + bytes(2)
    _forged(alice, bob, beyond, meta)
    assert alice.item(beyond) is None
    far = me[:8] + att.TAG + (6).to_bytes(2, "big") + att.MAX_CHUNKS.to_bytes(2, "big")
    _forged(alice, bob, far, {"data": data, "sha256": digest})
    assert alice.item(far) is None
    # a file item outside the attachment id scheme (no slot): no effect
    random_id = bob.new_item_id()
    _forged(alice, bob, random_id, meta)
    assert alice.item(random_id) is None
    # chunk 0 whose size does not match its data and chunk count: no effect
    bad = _forged(alice, bob, att.item_id(me, 7, 0), meta | {"size": 3 * att.CHUNK})
    assert alice.item(bad) is None
    # a chunk larger than CHUNK: refused by the field check, the op held back with the reason
    big = bytes(att.CHUNK + 1)
    held = len(quarantine.diagnostics(alice))
    _forged(alice, bob, att.item_id(me, 8, 1), {"data": big, "sha256": digest})
    assert alice.item(att.item_id(me, 8, 1)) is None
    assert len(quarantine.diagnostics(alice)) == held + 1
    # Bob's own writer refuses what would break the caps before signing anything
    with pytest.raises(Exception, match="larger"):
        attachments.write(bob, bytes(att.MAX_FILE + 1), "x.png", "image/png")


def test_links_from_a_subfolder_and_by_bare_name_share_one_attachment(
    alice: Coop, tmp_path: Path
) -> None:
    v = tmp_path / "kluis"
    (v / "img").mkdir(parents=True)
    (v / "notes" / "deep").mkdir(parents=True)
    logo = png(500, b"shared")
    (v / "img" / "logo.png").write_bytes(logo)
    (v / "notes" / "deep" / "b.md").write_text("# B\n\n![l](../../img/logo.png)\n", "utf-8")
    (v / "c.md").write_text("# C\n\n![[logo.png]] en ![l](img/logo.png)\n", "utf-8")
    report = importer.import_folder(alice, v)
    assert (report.imported, report.attached, report.skipped) == (2, 1, ())
    ids = {i for n in alice.items(Kind.NOTE) for i in _ids(n.body)}
    assert len(ids) == 1
    assert attachments.read(alice, bytes.fromhex(ids.pop())).data == logo  # type: ignore[union-attr]
