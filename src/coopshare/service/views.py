"""Read models for the GUI: summaries, details, backlinks, activity. Run on the db thread.

Everything returned is plain data (str, int, list, dict, or a frozen ``Row``, never changed
once made) so it can cross to the GUI thread; only ``Row`` and typed models cross the door.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields
from typing import Any

from coopshare.model import lead_rules
from coopshare.model.fold import ItemState
from coopshare.model.items import Kind, wikilinks
from coopshare.protocol.content import ITEM_ID_LEN
from coopshare.service.coop import Coop

SNIPPET = 160
MEMBER_ID_LEN = 32


def author_name(coop: Coop, st: ItemState) -> str:
    for mid in coop.roster.members:
        if mid[:8] == st.creator:
            return coop.member_name(mid)
    return "?"


@dataclass(frozen=True, slots=True)
class Row:
    """One item as a list shows it: the read model the notes, leads, ideas and activity lists
    and the search dialog receive. The app keeps one per listed item (100,000 notes: 100,000
    rows), so it holds only what the lists show and filter on, with shared strings where values
    repeat (kind, status, tags, author names). ``kind`` None: the item is gone (purged)."""

    id: str
    kind: str | None
    title: str = ""
    tags: tuple[str, ...] = ()
    status: str = ""
    terms: str = ""
    updated: int = 0  # unix milliseconds
    author: str = ""
    claimer: str = ""  # a lead's claimer (name), "" for none and for other kinds
    mine: bool = False
    conflict: bool = False
    snippet: str = ""
    deleted: bool = False

    def as_dict(self) -> dict[str, Any]:
        """For the service's own JSON-shaped reads (``summary``); the app reads the fields."""
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["tags"] = list(self.tags)
        return d


def row(coop: Coop, st: ItemState, names: dict[bytes, str] | None = None) -> Row:
    """`st` as a list row; `names` caches author names (and shares their strings) per call."""
    v = st.view()
    body = v.get("body") or v.get("description") or v.get("text") or ""
    names = {} if names is None else names
    author = names.get(st.creator)
    if author is None:
        author = names[st.creator] = author_name(coop, st)
    status, claimer = _status(coop, st, v, names)
    return Row(
        id=v["id"],
        kind=sys.intern(v["kind"]),
        title=v.get("title") or v.get("text") or "",
        tags=tuple(sys.intern(str(t)) for t in v.get("tags") or v.get("skills") or []),
        status=sys.intern(status),
        claimer=claimer,
        terms=sys.intern(str(v.get("terms", ""))),
        updated=st.updated >> 16,
        author=author,
        mine=st.creator == coop.me.member_id[:8],
        conflict=st.in_conflict,
        snippet=" ".join(str(body).split())[:SNIPPET],
        deleted=st.is_deleted,
    )


def _status(
    coop: Coop, st: ItemState, v: dict[str, Any], names: dict[bytes, str]
) -> tuple[str, str]:
    """A lead's status as of now (a claim may have lapsed, a window ended, since its last act)
    and its claimer's name (cached in `names` by member id)."""
    if st.kind is not Kind.LEAD:
        return str(v.get("status", "")), ""
    lead = lead_rules.derive(st, coop.clock.now_ms())
    claimer = ""
    if lead.claimer is not None:
        claimer = names.get(lead.claimer) or ""
        if not claimer:
            claimer = names[lead.claimer] = coop.member_name(lead.claimer)
    return lead.status.value, claimer


def summary(coop: Coop, st: ItemState) -> dict[str, Any]:
    return row(coop, st).as_dict()


def page(coop: Coop, kind: Kind | None, offset: int, limit: int) -> list[Row]:
    """One page of list rows, newest first (deleted items left out)."""
    out = []
    names: dict[bytes, str] = {}
    for item_id, blob in coop.store.item_page(kind.value if kind else None, offset, limit):
        st = coop._open_item(item_id, blob)
        if not st.is_deleted and st.kind is not Kind.FILE:  # attachments show in their notes
            out.append(row(coop, st, names))
    return out


def rows_count(coop: Coop, kind: Kind | None) -> int:
    counts = coop.store.count_items()
    listed = sum(n for k, n in counts.items() if k != Kind.FILE.value)
    return listed if kind is None else counts.get(kind.value, 0)


def summaries_of(coop: Coop, ids: tuple[bytes, ...]) -> list[Row]:
    out: list[Row] = []
    names: dict[bytes, str] = {}
    for i in ids:
        st = coop.item(i)
        if st is not None and st.kind is not Kind.FILE:
            out.append(row(coop, st, names))
        else:  # gone (purged): listeners drop the row
            out.append(Row(id=i.hex(), kind=None, deleted=True))
    return out


def id_from_hex(text: Any, size: int) -> bytes | None:
    """The id of `size` bytes spelled by `text` in hex, or None (peer data is never trusted)."""
    if not isinstance(text, str) or len(text) != 2 * size:
        return None
    try:
        return bytes.fromhex(text)
    except ValueError:
        return None


def detail(coop: Coop, item_id: str) -> dict[str, Any] | None:
    key = id_from_hex(item_id, ITEM_ID_LEN)
    st = None if key is None else coop.item(key)
    return None if st is None else detail_of(coop, st)


def detail_of(coop: Coop, st: ItemState) -> dict[str, Any]:
    """An item's fields as the detail pane shows them (never raises for a peer's values)."""
    d = st.view()
    d["author"] = author_name(coop, st)
    d["mine"] = st.creator == coop.me.member_id[:8]
    d["updated"] = st.updated >> 16
    if st.kind is Kind.IDEA:
        d["owner_names"] = [_member_name_hex(coop, h) for h in d.get("owners") or []]
    if st.kind is Kind.LEAD and d.get("claimer"):
        d["claimer_name"] = _member_name_hex(coop, d["claimer"])
    if st.kind is Kind.NOTE:
        d["links"] = wikilinks(str(d.get("body") or ""))
    return d


def _member_name_hex(coop: Coop, member_hex: Any) -> str:
    member = id_from_hex(member_hex, MEMBER_ID_LEN)
    return "?" if member is None else coop.member_name(member)


def backlinks(coop: Coop, title: str) -> list[dict[str, Any]]:
    """Notes whose body links to ``[[title]]``."""
    wanted = title.strip().casefold()
    out = []
    for st in coop.items(Kind.NOTE):
        if any(t.casefold() == wanted for t in wikilinks(st.body)):
            out.append({"id": st.item_id.hex(), "title": st.value("title", "")})
    return out


def find_by_title(coop: Coop, title: str) -> str | None:
    wanted = title.strip().casefold()
    for st in coop.items(Kind.NOTE):
        if str(st.value("title", "")).casefold() == wanted:
            return st.item_id.hex()
    return None


def search(coop: Coop, query: str, limit: int = 30) -> list[dict[str, Any]]:
    return [summary(coop, st) for st in coop.search(query, limit)]


def members(coop: Coop) -> list[dict[str, Any]]:
    rows = coop.members()
    for r in rows:
        r["safety"] = safety_number(coop, bytes.fromhex(r["member_id"]))
    return rows


def safety_number(coop: Coop, member_id: bytes) -> str:
    """Digits two members compare to verify each other (same on both screens)."""
    from coopshare.crypto import primitives as p

    a, b = sorted((coop.me.member_id, member_id))
    digest = p.sha256(b"coopshare/v1/safety", a, b)
    n = int.from_bytes(digest[:10], "big")
    digits = f"{n % 10**20:020d}"
    return " ".join(digits[i : i + 5] for i in range(0, 20, 5))
