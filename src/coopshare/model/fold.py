"""Item state as a fold over ops: order-independent, idempotent, commutative.

Structured fields are last-writer-wins per field, ordered by ``(hlc, op_id)``. A body (note or
idea text) keeps every *head*: a body version that no later edit named in its ``prev`` list.
Two concurrent edits therefore leave two heads, shown as a visible conflict, and an edit that
saw both heads resolves it. Nothing depends on the order in which ops arrive.

Only the item's creator (the member whose id starts with the item id's first 8 bytes) decides
its kind: the kind of the creator's earliest change. Changes by others (a claim on a lead, an
admin's tombstone) are folded in like any change but never replace or reset the item, and
reading shows only the fields that belong to the item's kind.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from coopshare.model import lead_record, lead_rules
from coopshare.model.comments import (
    COMMENT,
    COMMENT_FIELDS,
    COMMENT_OF,
    CommentRecord,
    is_comment,
)
from coopshare.model.items import ACCEPT, ACT_FIELDS, BODY_KINDS, FIELDS, Kind

# A lead's status and claimer come from its acts (lead_rules); acts are never field values.
_DERIVED_LEAD_FIELDS = ACT_FIELDS | {"status", "claimer"}

Stamp = tuple[int, bytes]  # (hlc, op_id): the total order used for last-writer-wins


@dataclass(frozen=True, slots=True)
class Change:
    """One decrypted, verified item change, as carried inside an op's encrypted part."""

    op_id: bytes
    hlc: int
    author: bytes  # member id of the op's author
    item_id: bytes
    kind: Kind
    fields: dict[str, Any]
    body: str | None = None
    prev: tuple[bytes, ...] = ()
    deleted: bool | None = None
    # --- idea terms (model/idea_rules.py): not item fields, kept as sets on the state ---------
    via_grant: bool = False  # opened with a data key a key release granted (not this device's)
    release: tuple[bytes, tuple[bytes, ...]] | None = None  # a release notice: (to member, ops)
    refused: str | None = None  # a change its author may not make: recorded, no effect
    # read from a part every member reads (under the epoch key, with this device's own key):
    # only such a change may carry a lead's acts, so that every replica sees the same acts
    coop_wide: bool = False
    # its author's device signed an earlier op (lower seq) with a later hlc: a backdated act
    late: bool = False

    @property
    def stamp(self) -> Stamp:
        return (self.hlc, self.op_id)


@dataclass(slots=True)
class BodyHead:
    op_id: bytes
    hlc: int
    author: bytes
    text: str


@dataclass(slots=True)
class ItemState:
    item_id: bytes
    kind: Kind
    created: Stamp = ((1 << 64) - 1, b"")
    updated: int = 0
    fields: dict[str, tuple[Any, int, bytes]] = field(default_factory=dict)
    deleted: tuple[bool, int, bytes] = (False, 0, b"")
    heads: dict[bytes, BodyHead] = field(default_factory=dict)
    superseded: set[bytes] = field(default_factory=set)
    origin: Stamp | None = None  # the creator's earliest change, which decides `kind`
    # a lead's acts in (hlc, op_id) order, each member's first ones only (model/lead_rules.py)
    acts: list[lead_record.ActRecord] = field(default_factory=list)
    # idea terms (model/idea_rules.py): sets, so the fold stays order-independent
    acceptances: set[tuple[bytes, str, int, bytes]] = field(
        default_factory=set
    )  # member,hash,stamp
    releases: set[tuple[bytes, bytes, int, bytes, tuple[bytes, ...]]] = field(default_factory=set)
    refused: set[tuple[bytes, str, int, bytes]] = field(default_factory=set)  # author,why,stamp
    comments: set[CommentRecord] = field(default_factory=set)  # model/comments.py

    # --- folding ------------------------------------------------------------------------------

    def apply(self, ch: Change) -> None:
        if self._apply_terms(ch):
            return
        stamp = ch.stamp
        if ch.author[:8] == self.item_id[:8] and (self.origin is None or stamp < self.origin):
            self.kind, self.origin = ch.kind, stamp
        self.created = min(self.created, stamp)
        self.updated = max(self.updated, ch.hlc)
        fields = ch.fields
        if ch.kind is Kind.LEAD:
            self._add_act(ch)
            fields = {k: v for k, v in fields.items() if k not in _DERIVED_LEAD_FIELDS}
        for name, value in fields.items():
            old = self.fields.get(name)
            if old is None or stamp > (old[1], old[2]):
                self.fields[name] = (value, ch.hlc, ch.op_id)
        if ch.deleted is not None and stamp > (self.deleted[1], self.deleted[2]):
            self.deleted = (ch.deleted, ch.hlc, ch.op_id)
        if ch.body is not None:  # kept whatever the kind: the creator's change may come later
            self.superseded.update(ch.prev)
            for gone in ch.prev:
                self.heads.pop(gone, None)
            if ch.op_id not in self.superseded:
                self.heads[ch.op_id] = BodyHead(ch.op_id, ch.hlc, ch.author, ch.body)

    def _add_act(self, ch: Change) -> None:
        if not ch.coop_wide:
            return  # an act sealed to a few members would make their replicas disagree
        rec = lead_record.act_of(
            ch.fields,
            hlc=ch.hlc,
            op_id=ch.op_id,
            author=ch.author,
            item_id=self.item_id,
            late=ch.late,
        )
        if rec is None or any(a[1] == rec[1] for a in self.acts):
            return
        bisect.insort(self.acts, rec, key=lambda a: (a[0], a[1]))
        mine = [i for i, a in enumerate(self.acts) if a[2] == rec[2]]
        if len(mine) > lead_rules.MAX_ACTS_PER_MEMBER:
            del self.acts[mine[-1]]  # keep each member's first acts, whatever the order

    def _apply_terms(self, ch: Change) -> bool:
        """Acceptances, release notices and refused changes: recorded, never LWW fields."""
        if ch.refused is not None:
            entry = (ch.author, ch.refused, ch.hlc, ch.op_id)
            _capped_add(self.refused, entry, lambda e: e[0], lambda e: (e[2], e[3]))
            return True
        if ch.release is not None:  # (recipient, releaser, stamp, ops granted)
            rel = (ch.release[0], ch.author, ch.hlc, ch.op_id, ch.release[1])
            if ch.author[:8] == self.item_id[:8]:
                self.releases.add(rel)
            else:  # anyone else's notices are only ever flagged: a few of each are enough
                _capped_add(self.releases, rel, lambda e: e[1], lambda e: (e[2], e[3]))
            return True
        if COMMENT_FIELDS & ch.fields.keys():
            if is_comment(ch.fields) and ch.body is None and ch.deleted is None:
                of = bytes.fromhex(str(ch.fields.get(COMMENT_OF, "")))
                rec = (ch.author, ch.hlc, ch.op_id, str(ch.fields[COMMENT]), of)
                _capped_add(self.comments, rec, lambda e: e[0], lambda e: (e[1], e[2]))
                return True
            rest = {k: v for k, v in ch.fields.items() if k not in COMMENT_FIELDS}
            self.apply(replace(ch, fields=rest))
            return True
        if ACCEPT in ch.fields:
            if set(ch.fields) == {ACCEPT} and ch.author[:8] != self.item_id[:8]:
                acc = (ch.author, str(ch.fields[ACCEPT]), ch.hlc, ch.op_id)
                # the newest acceptances matter (they match the current terms): keep those
                _capped_add(
                    self.acceptances, acc, lambda e: e[0], lambda e: (e[2], e[3]), newest=True
                )
                return True
            self.apply(replace(ch, fields={k: v for k, v in ch.fields.items() if k != ACCEPT}))
            return True
        return False

    # --- reading ------------------------------------------------------------------------------

    @property
    def is_deleted(self) -> bool:
        return self.deleted[0]

    @property
    def has_creator(self) -> bool:
        """False while only changes by other members are known (nothing to show yet)."""
        return self.origin is not None

    @property
    def is_empty(self) -> bool:
        """No field and no body left (for instance after a purge)."""
        return not self.fields and not self.heads

    @property
    def creator(self) -> bytes:
        """Member-id prefix of the creator, which every item id starts with."""
        return self.item_id[:8]

    def value(self, name: str, default: Any = None) -> Any:
        if self.kind is Kind.LEAD and name in _DERIVED_LEAD_FIELDS:
            return self._lead_value(name, default)
        entry = self.fields.get(name) if name in FIELDS[self.kind] else None
        return default if entry is None else entry[0]

    def _lead_value(self, name: str, default: Any) -> Any:
        """A lead's status and claimer: derived from its acts, never stored as values."""
        lead = lead_rules.derive(self)
        if name == "status":
            return lead.status.value
        if name == "claimer":
            return default if lead.claimer is None else lead.claimer.hex()
        return default

    def sorted_heads(self) -> list[BodyHead]:
        """Body heads, the winner (latest by hlc, then op id) first; none for bodiless kinds."""
        if self.kind not in BODY_KINDS:
            return []
        return sorted(self.heads.values(), key=lambda h: (h.hlc, h.op_id), reverse=True)

    @property
    def body(self) -> str:
        heads = self.sorted_heads()
        return heads[0].text if heads else ""

    @property
    def in_conflict(self) -> bool:
        return len(self.sorted_heads()) > 1

    def view(self) -> dict[str, Any]:
        """Plain values for listings and JSON output: the fields of this item's kind only."""
        spec = FIELDS[self.kind]
        out: dict[str, Any] = {n: v[0] for n, v in sorted(self.fields.items()) if n in spec}
        if self.kind is Kind.LEAD:
            for name in ("status", "claimer"):
                out.pop(name, None)
                value = self.value(name)
                if value is not None:
                    out[name] = value
        out.update(
            id=self.item_id.hex(),
            kind=self.kind.value,
            created_hlc=self.created[0],
            updated_hlc=self.updated,
        )
        if self.kind in BODY_KINDS:
            heads = self.sorted_heads()
            out["body"] = heads[0].text if heads else ""
            out["conflicts"] = [h.text for h in heads[1:]]
        return out

    # --- persistence (msgpack-friendly plain values) -------------------------------------------

    def to_plain(self) -> dict[str, Any]:
        return {
            "id": self.item_id,
            "k": self.kind.value,
            "c": list(self.created),
            "u": self.updated,
            "f": {k: list(v) for k, v in sorted(self.fields.items())},
            "d": list(self.deleted),
            "h": [[h.op_id, h.hlc, h.author, h.text] for _, h in sorted(self.heads.items())],
            "s": sorted(self.superseded),
            "o": None if self.origin is None else list(self.origin),
            "a": [list(a) for a in self.acts],
        } | self._terms_plain()

    def _terms_plain(self) -> dict[str, Any]:
        """Idea terms and releases, only when there are any (most items have none)."""
        out: dict[str, Any] = {}
        if self.acceptances:
            out["ta"] = [list(a) for a in sorted(self.acceptances)]
        if self.releases:
            out["tr"] = [[*r[:4], list(r[4])] for r in sorted(self.releases)]
        if self.refused:
            out["tx"] = [list(x) for x in sorted(self.refused)]
        if self.comments:
            out["cm"] = [list(c) for c in sorted(self.comments)]
        return out

    @classmethod
    def from_plain(cls, p: dict[str, Any]) -> ItemState:
        st = cls(p["id"], Kind(p["k"]))
        st.created = (p["c"][0], p["c"][1])
        st.updated = p["u"]
        st.fields = {k: (v[0], v[1], v[2]) for k, v in p["f"].items()}
        st.deleted = (p["d"][0], p["d"][1], p["d"][2])
        st.heads = {h[0]: BodyHead(h[0], h[1], h[2], h[3]) for h in p["h"]}
        st.superseded = set(p["s"])
        origin = p.get("o", p["c"])  # rows written before "o" existed came from the creator
        st.origin = None if origin is None else (origin[0], origin[1])
        st.acts = [
            (a[0], a[1], a[2], a[3], a[4], a[5], bool(a[6]) if len(a) > 6 else False)
            for a in p.get("a", [])
        ]
        st.acceptances = {(a[0], a[1], a[2], a[3]) for a in p.get("ta", [])}
        st.releases = {(r[0], r[1], r[2], r[3], tuple(r[4])) for r in p.get("tr", [])}
        st.refused = {(x[0], x[1], x[2], x[3]) for x in p.get("tx", [])}
        st.comments = {(c[0], c[1], c[2], c[3], c[4]) for c in p.get("cm", [])}
        return st


# Records other members add to an item (acceptances, refused changes, their release notices)
# are kept per author up to this many (the first by stamp; acceptances: the newest): a member
# who writes thousands cannot grow the item's stored state without bound, and every replica
# keeps the same ones whatever the order.
MAX_RECORDS_PER_AUTHOR = 16


def _capped_add(
    records: set[Any],
    entry: Any,
    author: Callable[[Any], bytes],
    stamp: Callable[[Any], Any],
    *,
    newest: bool = False,
) -> None:
    records.add(entry)
    theirs = [r for r in records if author(r) == author(entry)]
    if len(theirs) > MAX_RECORDS_PER_AUTHOR:
        records.discard(min(theirs, key=stamp) if newest else max(theirs, key=stamp))
