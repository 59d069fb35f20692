"""Read models for the Leads and Ideas pages. Run on the db thread (through ``Bridge.db``).

Everything returned is plain data (str, int, bool, list, dict) so it can cross to the GUI thread.
"""

from __future__ import annotations

from typing import Any

from coopshare.model.fold import ItemState
from coopshare.model.items import (
    Kind,
    Terms,
)
from coopshare.protocol.content import ITEM_ID_LEN
from coopshare.service import views
from coopshare.service.coop import Coop


def terms_rank(terms: str) -> int:
    """How permissive usage terms are (0: private); unknown terms count as the strictest."""
    try:
        return Terms(terms).rank
    except ValueError:
        return 0


def idea_detail(coop: Coop, item_id: str) -> dict[str, Any] | None:
    """An idea with its owners' names, its parents and its derivatives (readable ones titled)."""
    d = views.detail(coop, item_id)
    return None if d is None else _idea(coop, d)


def idea_detail_of(coop: Coop, st: ItemState) -> dict[str, Any] | None:
    """:func:`idea_detail` of an item state already opened."""
    return _idea(coop, views.detail_of(coop, st))


def _idea(coop: Coop, d: dict[str, Any]) -> dict[str, Any] | None:
    if d.get("kind") != Kind.IDEA.value or d.get("deleted"):
        return None
    item_id = d["id"]
    d.setdefault("owner_names", [])
    if not d["owner_names"]:
        d["owner_names"] = [d.get("author", "?")]
    d["terms"] = str(d.get("terms") or "")
    d["audience"] = str(d.get("audience") or "")
    parents = []
    for pid in d.get("derived_from") or []:
        key = views.id_from_hex(pid, ITEM_ID_LEN)
        st = None if key is None else coop.item(key)
        title = "" if st is None else str(st.value("title", ""))
        terms = "" if st is None else str(st.value("terms", ""))
        parents.append({"id": pid, "title": title, "terms": terms, "readable": bool(title)})
    d["parents"] = parents
    children = []
    for st in coop.items(Kind.IDEA):
        if item_id in (st.value("derived_from") or []):
            children.append({"id": st.item_id.hex(), "title": str(st.value("title", ""))})
    d["children"] = children
    return d


def ideas_to_derive_from(coop: Coop) -> list[dict[str, Any]]:
    """Ideas this member can read, newest first: candidates for "derived from"."""
    found = []
    for st in coop.items(Kind.IDEA):
        title = str(st.value("title", ""))
        if not title:
            continue  # sealed to other members
        terms = str(st.value("terms", Terms.PRIVATE.value))
        found.append(
            (
                st.updated,
                {
                    "id": st.item_id.hex(),
                    "title": title,
                    "terms": terms,
                    "rank": terms_rank(terms),
                    "author": views.author_name(coop, st),
                },
            )
        )
    found.sort(key=lambda r: r[0], reverse=True)
    return [r for _, r in found]


def audience_members(coop: Coop) -> list[dict[str, Any]]:
    """Members an idea can be addressed to; me first (always part of the audience)."""
    rows = [{"member_id": m["member_id"], "name": m["name"], "me": m["me"]} for m in coop.members()]
    return sorted(rows, key=lambda m: (not m["me"], m["name"].casefold()))


def count(coop: Coop, kind: Kind) -> int:
    """How many live items of `kind` this member can see."""
    return len(coop.items(kind))
