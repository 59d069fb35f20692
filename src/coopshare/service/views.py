"""Read models for the GUI: summaries, details, backlinks, activity. Run on the db thread.

Everything returned is plain data (str, int, list, dict) so it can cross to the GUI thread.
"""

from __future__ import annotations

from typing import Any

from coopshare.model.fold import ItemState
from coopshare.model.items import Kind, wikilinks
from coopshare.service.coop import Coop

SNIPPET = 160


def author_name(coop: Coop, st: ItemState) -> str:
    for mid in coop.roster.members:
        if mid[:8] == st.creator:
            return coop.member_name(mid)
    return "?"


def summary(coop: Coop, st: ItemState) -> dict[str, Any]:
    v = st.view()
    body = v.get("body") or v.get("description") or v.get("text") or ""
    return {
        "id": v["id"],
        "kind": v["kind"],
        "title": v.get("title") or v.get("text") or "",
        "tags": v.get("tags") or v.get("skills") or [],
        "status": v.get("status", ""),
        "terms": v.get("terms", ""),
        "updated": st.updated >> 16,  # unix milliseconds
        "author": author_name(coop, st),
        "mine": st.creator == coop.me.member_id[:8],
        "conflict": st.in_conflict,
        "snippet": " ".join(str(body).split())[:SNIPPET],
        "deleted": st.is_deleted,
    }


def page(coop: Coop, kind: Kind | None, offset: int, limit: int) -> list[dict[str, Any]]:
    """One page of summaries, newest first (deleted items left out)."""
    out = []
    for item_id, blob in coop.store.item_page(kind.value if kind else None, offset, limit):
        st = coop._open_item(item_id, blob)
        if not st.is_deleted:
            out.append(summary(coop, st))
    return out


def rows_count(coop: Coop, kind: Kind | None) -> int:
    counts = coop.store.count_items()
    return sum(counts.values()) if kind is None else counts.get(kind.value, 0)


def summaries_of(coop: Coop, ids: tuple[bytes, ...]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in ids:
        st = coop.item(i)
        if st is not None:
            out.append(summary(coop, st))
        else:  # gone (purged): listeners drop the row
            out.append({"id": i.hex(), "kind": None, "deleted": True})
    return out


def detail(coop: Coop, item_id: str) -> dict[str, Any] | None:
    st = coop.item(bytes.fromhex(item_id))
    if st is None:
        return None
    d = st.view()
    d["author"] = author_name(coop, st)
    d["mine"] = st.creator == coop.me.member_id[:8]
    d["updated"] = st.updated >> 16
    if st.kind is Kind.IDEA:
        d["owner_names"] = [_member_name_hex(coop, h) for h in d.get("owners", [])]
    if st.kind is Kind.LEAD and d.get("claimer"):
        d["claimer_name"] = _member_name_hex(coop, d["claimer"])
    if st.kind is Kind.NOTE:
        d["links"] = wikilinks(d.get("body", ""))
    return d


def _member_name_hex(coop: Coop, member_hex: str) -> str:
    try:
        return coop.member_name(bytes.fromhex(member_hex))
    except ValueError:
        return "?"


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


def overview(coop: Coop) -> dict[str, Any]:
    st = coop.status()
    return {
        "coop_name": st["coop_name"],
        "me": st["me"],
        "members": st["members"],
        "items": st["items"],
        "is_admin": coop.roster.is_admin(coop.me.member_id),
    }
