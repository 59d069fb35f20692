"""Data out: notes as a Markdown folder, leads as CSV (Dutch Excel) and iCalendar, and a ZIP of
my own data ("take out").

Every export holds only what this device can read: items are taken from its derived state,
which holds only what it could decrypt (a sealed field released to someone else is not there).
The files are **plain text**: the callers (CLI, app) say so before and after writing them.

* Markdown: one ``.md`` file per note, front matter ``title`` and ``tags`` (JSON-quoted so the
  importer reads them back exactly), then the body unchanged but for links to attachments,
  which point at their files in ``attachments/`` (written there, decrypted); ``import`` of the
  folder gives the same titles, bodies, tags and attachments (service/importer.py).
* CSV: ``;`` between fields, UTF-8 with a byte-order mark, dates as ``dd-mm-jjjj``, CRLF: what
  Excel with Dutch regional settings opens without the import wizard.
* iCalendar (RFC 5545): one all-day VEVENT per lead with a respond-by date, ``UID`` derived from
  the item id (a re-export updates the same calendar entries), CRLF line ends, lines folded at
  75 octets.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from coopshare.errors import FolderNotEmpty
from coopshare.model.attachments import SCHEME
from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms
from coopshare.model.items import Kind
from coopshare.service import attachments
from coopshare.service.coop import Coop
from coopshare.service.markdown_doc import quote_scalar
from coopshare.service.outfiles import write_private

LEAD_COLUMNS = (
    "title",
    "status",
    "role",
    "region",
    "remote",
    "start",
    "respond_by",
    "duration_weeks",
    "hours_per_week",
    "contract_form",
    "skills",
    "referral_terms",
    "org",
    "contact",
    "rate_min",
    "rate_max",
    "description",
)
DATE_COLUMNS = frozenset({"start", "respond_by"})
ATTACHMENTS = "attachments"  # the export's folder for images and PDFs the notes link to
_UNSAFE = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


@dataclass(frozen=True, slots=True)
class Exported:
    items: int
    path: str


def _live(coop: Coop, kind: Kind, only_mine: bool = False) -> list[ItemState]:
    mine = coop.me.member_id[:8]
    return [
        st
        for st in coop.items(kind)
        if not st.is_deleted and (not only_mine or st.item_id[:8] == mine)
    ]


def dutch_date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d-%m-%Y")


# --- Markdown ----------------------------------------------------------------------------------


def file_name(title: str, taken: set[str]) -> str:
    """A file name for a note's title, safe on Windows, macOS and Linux, unique in `taken`."""
    base = "".join("_" if ch in _UNSAFE else ch for ch in title).strip(" .")[:120] or "note"
    name, n = f"{base}.md", 2
    while name.casefold() in taken:
        name, n = f"{base} ({n}).md", n + 1
    taken.add(name.casefold())
    return name


def note_markdown(st: ItemState, body: str | None = None) -> str:
    title = str(st.value("title", ""))
    tags = [str(t) for t in st.value("tags", []) or []]
    return (
        "---\n"
        f"title: {quote_scalar(title)}\n"
        f"tags: [{', '.join(quote_scalar(t) for t in tags)}]\n"
        "---\n" + (st.body if body is None else body)
    )


def _markdown_files(notes: Iterable[ItemState]) -> list[tuple[str, bytes]]:
    taken: set[str] = set()
    return [
        (file_name(str(st.value("title", "")), taken), note_markdown(st).encode()) for st in notes
    ]


def _write(data: bytes, f: BinaryIO) -> int:
    return f.write(data)


def export_notes(coop: Coop, folder: Path) -> Exported:
    """Write every note this device can read into `folder` (created; must not hold files)."""
    if folder.exists() and any(folder.iterdir()):
        raise FolderNotEmpty(path=str(folder))
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    notes = _live(coop, Kind.NOTE)
    taken: set[str] = set()
    saved: dict[str, str] = {}  # attachment id -> its file name in attachments/
    for st in notes:
        body = st.body
        for a in attachments.linked(coop, body):
            if a.id not in saved:
                saved[a.id] = _attachment_file(folder, a, saved)
            body = body.replace(f"]({SCHEME}{a.id})", f"](<{ATTACHMENTS}/{saved[a.id]}>)")
        data = note_markdown(st, body).encode()
        name = file_name(str(st.value("title", "")), taken)
        write_private(folder / name, functools.partial(_write, data), sync=False)
    return Exported(len(notes), str(folder))


def _attachment_name(name: str, taken: set[str]) -> str:
    """A safe file name for an attachment called `name`, unique in `taken` (case-folded)."""
    base, dot, ext = name.rpartition(".")
    base = "".join("_" if ch in _UNSAFE else ch for ch in (base if dot else name)).strip(" .")
    ext = "".join(ch for ch in ext if ch.isalnum())[:8] if dot else ""
    out, n = f"{base[:120] or 'file'}.{ext}".rstrip("."), 2
    while out.casefold() in taken:
        out, n = f"{base[:120] or 'file'} ({n}).{ext}".rstrip("."), n + 1
    taken.add(out.casefold())
    return out


def _attachment_file(folder: Path, a: attachments.Attachment, saved: dict[str, str]) -> str:
    """Write an attachment into FOLDER/attachments/ under a safe, unique name; the name."""
    (folder / ATTACHMENTS).mkdir(mode=0o700, exist_ok=True)
    name = _attachment_name(a.name, {n.casefold() for n in saved.values()})
    write_private(folder / ATTACHMENTS / name, functools.partial(_write, a.data), sync=False)
    return name


# --- CSV -----------------------------------------------------------------------------------------


def _cell(st: ItemState, column: str) -> str:
    value = st.value(column)
    if value is None:
        return ""
    if column in DATE_COLUMNS:
        return dutch_date(str(value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def leads_csv(leads: Iterable[ItemState]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(LEAD_COLUMNS)
    for st in leads:
        w.writerow([_cell(st, c) for c in LEAD_COLUMNS])
    return buf.getvalue().encode("utf-8-sig")


def export_leads_csv(coop: Coop, dest: Path) -> Exported:
    leads = _live(coop, Kind.LEAD)
    write_private(dest, lambda f: f.write(leads_csv(leads)))
    return Exported(len(leads), str(dest))


# --- iCalendar -----------------------------------------------------------------------------------


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF + one space; never
    splitting a UTF-8 character."""
    out, current = [], b""
    for ch in line:
        b = ch.encode()
        if len(current) + len(b) > 75:
            out.append(current)
            current = b" "
        current += b
    out.append(current)
    return b"\r\n".join(out).decode()


def _utc(ms: int) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def leads_ics(leads: Iterable[ItemState], now: dt.datetime | None = None) -> bytes:
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//CoopShare//Leads//NL",
        "CALSCALE:GREGORIAN",
    ]
    count = 0
    for st in leads:
        respond_by = st.value("respond_by")
        if not respond_by:
            continue
        day = dt.date.fromisoformat(str(respond_by))
        title = str(st.value("title", ""))
        desc = [f"Status: {st.value('status', '')}"]
        for column in ("role", "region", "contract_form", "description"):
            if st.value(column):
                desc.append(f"{column}: {st.value(column)}")
        lines += [
            "BEGIN:VEVENT",
            f"UID:lead-{st.item_id.hex()}@coopshare",
            f"DTSTAMP:{stamp}",
            f"LAST-MODIFIED:{_utc(physical_ms(st.updated))}",
            f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape('Reageren voor / respond by: ' + title)}",
            f"DESCRIPTION:{_escape(chr(10).join(desc))}",
            "END:VEVENT",
        ]
        count += 1
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()


def export_leads_ics(coop: Coop, dest: Path) -> Exported:
    leads = [st for st in _live(coop, Kind.LEAD) if st.value("respond_by")]
    write_private(dest, lambda f: f.write(leads_ics(leads)))
    return Exported(len(leads), str(dest))


# --- take out ------------------------------------------------------------------------------------

README = """CoopShare take-out / CoopShare-export
=====================================

These files are NOT encrypted: anyone who has them can read them.
Deze bestanden zijn NIET versleuteld: iedereen die ze heeft, kan ze lezen.

notes/      your notes as Markdown (import them again with 'coopshare note import')
attachments/  the images and PDFs you attached to notes
ideas/      your ideas as Markdown
leads.csv   the leads you gave (Excel, Dutch settings)
leads.ics   their respond-by dates (calendar)
profile.json, member.json   your profile and membership
"""


def take_out(coop: Coop, dest: Path) -> Exported:
    """One ZIP of what I wrote myself (notes, ideas, leads, profile), as far as I can read it."""
    notes = _live(coop, Kind.NOTE, only_mine=True)
    ideas = _live(coop, Kind.IDEA, only_mine=True)
    leads = _live(coop, Kind.LEAD, only_mine=True)
    profile = _live(coop, Kind.PROFILE, only_mine=True)
    me = coop.me
    member = {
        "name": me.name,
        "member_id": me.member_id.hex(),
        "device_id": me.device_id.hex(),
        "cooperative": coop.coop_name(),
    }

    def fill(f: BinaryIO) -> None:
        with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr("README.txt", README)
            z.writestr("member.json", json.dumps(member, indent=2, ensure_ascii=False))
            z.writestr(
                "profile.json",
                json.dumps(
                    [st.view() for st in profile], indent=2, ensure_ascii=False, default=str
                ),
            )
            for name, data in _markdown_files(notes):
                z.writestr(f"notes/{name}", data)
            for name, data in _markdown_files(ideas):
                z.writestr(f"ideas/{name}", data)
            taken: set[str] = set()
            for a in attachments.mine(coop):
                z.writestr(f"{ATTACHMENTS}/{_attachment_name(a.name, taken)}", a.data)
            z.writestr("leads.csv", leads_csv(leads))
            z.writestr("leads.ics", leads_ics(leads))

    write_private(dest, fill)
    return Exported(len(notes) + len(ideas) + len(leads) + len(profile), str(dest))
