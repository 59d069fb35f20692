"""Read models of the Ideas page and the idea form: an idea with its owners, parents and
derivatives (:class:`IdeaDetail`), and the ideas a new one can build on (:class:`IdeaChoice`).
Built on the store thread; frozen dataclasses of plain values, re-exported by
``service/api.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coopshare.model.fold import ItemState
from coopshare.model.items import Kind, Terms
from coopshare.protocol.content import ITEM_ID_LEN
from coopshare.service import views
from coopshare.service.coop import Coop


def terms_rank(terms: str) -> int:
    """How permissive usage terms are (0: private); unknown terms count as the strictest."""
    try:
        return Terms(terms).rank
    except ValueError:
        return 0


@dataclass(frozen=True, slots=True)
class IdeaLink:
    """Another idea this one builds on, or one built on it."""

    id: str  # hex
    title: str  # "" when it is sealed to other members
    terms: str = ""

    @property
    def readable(self) -> bool:
        return bool(self.title)


@dataclass(frozen=True, slots=True)
class IdeaDetail:
    """An idea as its page shows it: owners, terms and audience first."""

    id: str  # hex
    title: str
    body: str
    tags: tuple[str, ...]
    terms: str  # a Terms value, or "" if none was given
    embargo_until: str  # ISO date, "" if none
    audience: str  # "" (the cooperative), "named" or "owner"
    owner_names: tuple[str, ...]
    author: str
    mine: bool
    updated: int  # Unix ms
    parents: tuple[IdeaLink, ...]
    children: tuple[IdeaLink, ...]


@dataclass(frozen=True, slots=True)
class IdeaChoice:
    """An idea I can read, as a candidate for "derived from"."""

    id: str  # hex
    title: str
    terms: str
    rank: int  # terms_rank(terms): a derivative may not be more permissive
    author: str


def idea_detail(coop: Coop, item_id: str) -> IdeaDetail | None:
    """An idea with its owners' names, its parents and its derivatives (readable ones titled)."""
    key = views.id_from_hex(item_id, ITEM_ID_LEN)
    st = None if key is None else coop.item(key)
    return None if st is None else idea_detail_of(coop, st)


def idea_detail_of(coop: Coop, st: ItemState) -> IdeaDetail | None:
    """:func:`idea_detail` of an item state already opened (never raises for a peer's values)."""
    d = views.detail_of(coop, st)
    if d.get("kind") != Kind.IDEA.value or d.get("deleted"):
        return None
    item_id = str(d["id"])
    author = str(d.get("author") or "?")
    parents = []
    for pid in d.get("derived_from") or []:
        key = views.id_from_hex(pid, ITEM_ID_LEN)
        parent = None if key is None else coop.item(key)
        title = "" if parent is None else str(parent.value("title", ""))
        terms = "" if parent is None else str(parent.value("terms", ""))
        parents.append(IdeaLink(str(pid), title, terms))
    children = tuple(
        IdeaLink(other.item_id.hex(), str(other.value("title", "")))
        for other in coop.items(Kind.IDEA)
        if item_id in (other.value("derived_from") or [])
    )
    return IdeaDetail(
        id=item_id,
        title=str(d.get("title") or ""),
        body=str(d.get("body") or ""),
        tags=_strings(d.get("tags")),
        terms=str(d.get("terms") or ""),
        embargo_until=str(d.get("embargo_until") or ""),
        audience=str(d.get("audience") or ""),
        owner_names=_strings(d.get("owner_names")) or (author,),
        author=author,
        mine=bool(d.get("mine")),
        updated=int(d.get("updated") or 0),
        parents=tuple(parents),
        children=children,
    )


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()


def ideas_to_derive_from(coop: Coop) -> list[IdeaChoice]:
    """Ideas this member can read, newest first: candidates for "derived from"."""
    found = []
    for st in coop.items(Kind.IDEA):
        title = str(st.value("title", ""))
        if not title:
            continue  # sealed to other members
        terms = str(st.value("terms", Terms.PRIVATE.value))
        choice = IdeaChoice(
            st.item_id.hex(), title, terms, terms_rank(terms), views.author_name(coop, st)
        )
        found.append((st.updated, choice))
    found.sort(key=lambda r: r[0], reverse=True)
    return [r for _, r in found]


def audience_members(coop: Coop) -> list[dict[str, Any]]:
    """Members an idea can be addressed to; me first (always part of the audience)."""
    rows = [{"member_id": m["member_id"], "name": m["name"], "me": m["me"]} for m in coop.members()]
    return sorted(rows, key=lambda m: (not m["me"], m["name"].casefold()))


def count(coop: Coop, kind: Kind) -> int:
    """How many live items of `kind` this member can see."""
    return len(coop.items(kind))
