"""Markdown import: a real parser (tags in code are not tags), links resolved, attachments
reported, and re-import updating instead of duplicating, keyed without plaintext on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopshare.model.items import Kind
from coopshare.service import importer, markdown_doc
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop


@pytest.fixture
def alice(make_replica: MakeCoop) -> Coop:
    c = make_replica("Alice")
    c.create_coop("Brabant Interim")
    return c


def _notes(c: Coop) -> dict[str, tuple[list[str], str]]:
    return {str(n.value("title")): (list(n.value("tags", [])), n.body) for n in c.items(Kind.NOTE)}


def test_tags_in_code_are_not_tags() -> None:
    text = (
        '---\ntitle: Code\ntags: [a, "b, c"]\n---\n'
        "Echte #tag en #2024 en `#inline` code.\n\n"
        "```\n#fenced\n```\n\n    #indented\n\n# Kop met #kop\n"
    )
    doc = markdown_doc.parse(text, "x")
    assert doc.title == "Code"
    assert doc.tags == ["a", "b, c", "tag", "kop"]  # not: inline, fenced, indented, 2024
    assert doc.body.startswith("Echte #tag")
    # positive control: the same words outside code are tags
    plain = markdown_doc.parse("#inline #fenced #indented", "x")
    assert plain.tags == ["inline", "fenced", "indented"]


def test_front_matter_forms() -> None:
    fm = markdown_doc.front_matter(
        "title: \"Aan: de \\\"leden\\\"\"\ntags:\n  - een\n  - twee\nalias: 'it''s'\n"
    )
    assert fm == {"title": 'Aan: de "leden"', "tags": ["een", "twee"], "alias": "it's"}
    with pytest.raises(Exception, match="never ends"):
        markdown_doc.parse("---\ntitle: open\n", "x")
    assert markdown_doc.parse("# Kop\n\ntekst", "bestand").title == "Kop"
    assert markdown_doc.parse("tekst", "bestand").title == "bestand"


def _vault(tmp_path: Path) -> Path:
    v = tmp_path / "kluis"
    (v / "sub").mkdir(parents=True)
    (v / "a.md").write_text(
        "---\ntitle: Eerste\n---\nZie [[sub/b]] en [de tweede](sub/b.md) en [[b|alias]].\n"
        "Extern [site](https://example.org/x.md) en [[Nergens]].\n\n"
        "```\n[[sub/b]] blijft\n```\n",
        encoding="utf-8",
    )
    (v / "sub" / "b.md").write_text("# Tweede titel\n\nTerug naar [[a]].\n", encoding="utf-8")
    (v / "sub" / "foto.png").write_bytes(b"\x89PNG not really")
    (v / "contract.pdf").write_bytes(b"%PDF-1.4")
    (v / ".obsidian").mkdir()
    (v / ".obsidian" / "app.json").write_text("{}")
    return v


def test_links_resolved_and_attachments_reported(alice: Coop, tmp_path: Path) -> None:
    v = _vault(tmp_path)
    seen: list[tuple[int, int]] = []
    report = importer.import_folder(alice, v, lambda done, total: seen.append((done, total)))
    assert (report.imported, report.updated, report.unchanged, report.failed) == (2, 0, 0, ())
    assert sorted(p for p, _ in report.skipped) == ["contract.pdf", "sub/foto.png"]
    assert all(reason is importer.Skip.UNLINKED for _, reason in report.skipped)
    assert seen == [(1, 2), (2, 2)]
    notes = _notes(alice)
    body = notes["Eerste"][1]
    assert "[[Tweede titel]] en [[Tweede titel|de tweede]] en [[Tweede titel|alias]]" in body
    assert "[site](https://example.org/x.md)" in body and "[[Nergens]]" in body
    assert "[[sub/b]] blijft" in body  # inside a code block: untouched
    assert "Terug naar [[Eerste]]" in notes["Tweede titel"][1]


def test_reimport_updates_instead_of_duplicating(alice: Coop, tmp_path: Path) -> None:
    v = _vault(tmp_path)
    importer.import_folder(alice, v)
    again = importer.import_folder(alice, v)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 2)
    assert len(alice.items(Kind.NOTE)) == 2
    (v / "sub" / "b.md").write_text("# Tweede titel\n\nBijgewerkt #nieuw.\n", encoding="utf-8")
    third = importer.import_folder(alice, v)
    assert (third.imported, third.updated, third.unchanged) == (0, 1, 1)
    assert _notes(alice)["Tweede titel"] == (["nieuw"], "# Tweede titel\n\nBijgewerkt #nieuw.\n")
    (v / "sub" / "b.md").rename(v / "verplaatst.md")  # moved, same content: found by its hash
    fourth = importer.import_folder(alice, v)
    assert (fourth.imported, fourth.unchanged) == (0, 2)
    assert len(alice.items(Kind.NOTE)) == 2
    # positive control: a new file is a new note
    (v / "nieuw.md").write_text("# Derde\n", encoding="utf-8")
    assert importer.import_folder(alice, v).imported == 1
    assert len(alice.items(Kind.NOTE)) == 3


def test_import_keys_are_not_plaintext_on_disk(alice: Coop, tmp_path: Path) -> None:
    v = tmp_path / "kluis"
    v.mkdir()
    (v / "geheim-dossier-vandijk.md").write_text("# X\n\ninhoud\n", encoding="utf-8")
    importer.import_folder(alice, v)
    folder = alice.store.folder
    assert folder is not None
    disk = b"".join(f.read_bytes() for f in folder.iterdir() if f.is_file())
    assert b"geheim-dossier-vandijk" not in disk
    # positive control: the scan sees the import record, stored under its keyed name
    key = alice.local_key(b"import", b"kluis/geheim-dossier-vandijk.md").hex()
    assert ("import:" + key).encode() in disk
