"""Data out: Markdown that round-trips through import, CSV for Dutch Excel, iCalendar with
stable UIDs and valid folding, a take-out ZIP, and only what this device can read."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from coopshare.errors import UserError
from coopshare.model.items import Kind
from coopshare.service import exports, importer
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop, sync


def _notes(c: Coop) -> dict[str, tuple[str, list[str]]]:
    return {str(n.value("title")): (n.body, list(n.value("tags", []))) for n in c.items(Kind.NOTE)}


def test_markdown_export_round_trips_into_a_fresh_coop(
    coop_ab: tuple[Coop, Coop], make_replica: MakeCoop, tmp_path: Path
) -> None:
    alice, bob = coop_ab
    alice.add_note(
        'Aanbesteding: gemeente "Tilburg"',
        "Sluit 12-12.\n\n```\n#geen-tag\n```\n",
        ["tender", "b, c"],
    )
    alice.add_note("Inkoop/strategie", 'Zie [[Aanbesteding: gemeente "Tilburg"]].\n', ["inkoop"])
    alice.add_note("Lege tags", "---\nniet: front matter\n---\nlijn", [])
    alice.add_note("Weg", "verwijderd", [])
    alice.delete_item(next(n.item_id for n in alice.items(Kind.NOTE) if n.value("title") == "Weg"))
    sealed_for_alice = bob.add_note("Alleen voor Bob", "geheim", [], to=[bob.me.member_id])
    assert sealed_for_alice
    sync(alice, bob)
    out = exports.export_notes(alice, tmp_path / "uit")
    assert out.items == 3  # the deleted note is not there, nor the note sealed to Bob alone
    names = sorted(p.name for p in (tmp_path / "uit").iterdir())
    assert names == ["Aanbesteding_ gemeente _Tilburg_.md", "Inkoop_strategie.md", "Lege tags.md"]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in (tmp_path / "uit").iterdir())
    fresh = make_replica("Carla")
    fresh.create_coop("Nieuwe coöperatie")
    report = importer.import_folder(fresh, tmp_path / "uit")
    assert report.imported == 3 and not report.failed
    assert _notes(fresh) == {k: v for k, v in _notes(alice).items() if k != "Alleen voor Bob"}
    with pytest.raises(UserError):
        exports.export_notes(alice, tmp_path / "uit")  # not into a folder that holds files


def _lead(c: Coop) -> bytes:
    return c.add_lead(
        {
            "title": "Interim inkoper; zorg, regio Breda",
            "role": "Inkoper",
            "region": "Breda",
            "start": "2027-02-01",
            "respond_by": "2027-01-15",
            "remote": True,
            "skills": ["inkoop", "zorg"],
            "org": "Zorggroep Geheim BV",
            "description": "Lange omschrijving " * 10 + "met é en € tekens",
        }
    )


def test_leads_csv_for_dutch_excel(coop_ab: tuple[Coop, Coop], tmp_path: Path) -> None:
    alice, bob = coop_ab
    _lead(alice)
    sync(alice, bob)
    for who, name in ((alice, "alice.csv"), (bob, "bob.csv")):
        exports.export_leads_csv(who, tmp_path / name)
    raw = (tmp_path / "alice.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    head, row = rows[0], rows[1]
    assert head[0] == "title" and len(rows) == 2
    cell = dict(zip(head, row, strict=True))
    assert cell["title"] == "Interim inkoper; zorg, regio Breda"  # quoted: holds the separator
    assert cell["respond_by"] == "15-01-2027" and cell["start"] == "01-02-2027"
    assert cell["remote"] == "ja" and cell["skills"] == "inkoop, zorg"
    assert cell["org"] == "Zorggroep Geheim BV"  # Alice gave the lead: she reads its sealed part
    # Bob sees the lead but not its sealed organisation: his export does not hold it
    bob_raw = (tmp_path / "bob.csv").read_bytes()
    assert b"Interim inkoper" in bob_raw and b"Zorggroep Geheim" not in bob_raw


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_folding_crlf_and_stable_uids(coop_ab: tuple[Coop, Coop], tmp_path: Path) -> None:
    alice, _ = coop_ab
    lead = _lead(alice)
    alice.add_lead({"title": "Zonder datum"})
    exports.export_leads_ics(alice, tmp_path / "a.ics")
    data = (tmp_path / "a.ics").read_bytes()
    physical = data.split(b"\r\n")
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in physical)
    assert any(line.startswith(b" ") for line in physical)  # the long description was folded
    text = data.decode("utf-8")  # folding never split a multi-byte character
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1  # the lead without a respond-by date is left out
    assert f"UID:lead-{lead.hex()}@coopshare" in lines
    assert "DTSTART;VALUE=DATE:20270115" in lines
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert "Interim inkoper\\; zorg\\, regio Breda" in summary
    assert any("€ tekens" in line for line in lines)
    # a re-export after a change: same UID, so calendars update the entry instead of adding one
    alice.edit_item(lead, {"respond_by": "2027-01-20"})
    again = _unfold(exports.leads_ics(alice.items(Kind.LEAD), dt.datetime.now(dt.UTC)).decode())
    assert f"UID:lead-{lead.hex()}@coopshare" in again and "DTSTART;VALUE=DATE:20270120" in again


def test_fold_counts_octets() -> None:
    line = "DESCRIPTION:" + "é" * 100
    folded = exports.fold(line).encode()
    assert all(len(part) <= 75 for part in folded.split(b"\r\n"))
    assert folded.replace(b"\r\n ", b"").decode() == line


def test_take_out_holds_only_my_own_items(coop_ab: tuple[Coop, Coop], tmp_path: Path) -> None:
    alice, bob = coop_ab
    alice.add_note("Van Alice", "a", ["x"])
    bob.add_note("Van Bob", "b", [])
    _lead(alice)
    sync(alice, bob)
    out = exports.take_out(alice, tmp_path / "mijn.zip")
    with zipfile.ZipFile(tmp_path / "mijn.zip") as z:
        names = set(z.namelist())
        assert {"README.txt", "member.json", "profile.json", "leads.csv", "leads.ics"} <= names
        assert "notes/Van Alice.md" in names and "notes/Van Bob.md" not in names
        assert "NIET versleuteld" in z.read("README.txt").decode()
        assert b"Zorggroep Geheim BV" in z.read("leads.csv")
    assert out.items == 2
    assert (tmp_path / "mijn.zip").stat().st_mode & 0o777 == 0o600
