"""Idea terms as rules of the fold: acceptances, key releases and what they unlock.

Pure functions of an :class:`~coopshare.model.fold.ItemState`, so every replica that can read
an idea's terms reaches the same verdicts whatever order the ops arrived in.

* **Terms hash** (:func:`terms_hash`): what a reader signs. SHA-256 over the canonical JSON
  (UTF-8, ``separators=(",", ":")``, ASCII only, no spaces) of the array
  ``["coopshare/v1/idea-terms", item id (32 hex), terms, embargo_until or "",
  sorted owners (64 hex each)]``, as 64 lowercase hex digits.
* **Acceptance**: a change by a non-owner whose ``set`` is exactly ``{"accept": terms hash}``.
  It counts only while its hash equals the hash of the idea's *current* terms.
* **Release** (a ``key_release`` op's notice, protocol.md §11): valid only if the releaser is
  the idea's creator, the idea is not owner-only, its signed time is not before
  ``embargo_until`` (00:00 UTC), and the recipient's acceptance of the current terms has a
  smaller stamp. Any other release is flagged in the history, and its recipient does not use
  the keys it carries (:func:`grants_usable`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms
from coopshare.model.items import Kind, Terms

OWNER_ONLY = "owner"  # the `audience` of a private idea without named readers
# released by the owner's device as soon as it sees a matching acceptance
AUTO_TERMS = frozenset(
    {Terms.VIEW_ONLY, Terms.REUSE_WITH_ATTRIBUTION, Terms.REUSE_FOR_FEE, Terms.EMBARGO}
)
# why a step does not count: stable codes, flagged in the history on every replica
NOT_BY_OWNER = "not-by-owner"
OWNER_ONLY_IDEA = "owner-only"
BEFORE_EMBARGO = "before-embargo"
NO_ACCEPTANCE = "no-acceptance"
OTHER_TERMS = "other-terms"
REFUSED_CHANGE = "not-the-owner"
PROBLEMS = {  # English, for the CLI (the app translates by code)
    NOT_BY_OWNER: "released by someone other than the idea's owner (ignored)",
    OWNER_ONLY_IDEA: "released an idea meant for its owners only (ignored)",
    BEFORE_EMBARGO: "released before the embargo date (ignored)",
    NO_ACCEPTANCE: "released without a matching acceptance (ignored)",
    OTHER_TERMS: "accepted other terms than the current ones (does not count)",
    REFUSED_CHANGE: "changed an idea it does not own (ignored)",
}

Release = tuple[bytes, bytes, int, bytes, tuple[bytes, ...]]  # to, releaser, hlc, op id, ops


def terms_hash(st: ItemState) -> str:
    owners = sorted(str(o) for o in st.value("owners", []) or [])
    fields = [
        "coopshare/v1/idea-terms",
        st.item_id.hex(),
        str(st.value("terms", "")),
        str(st.value("embargo_until", "") or ""),
        owners,
    ]
    canon = json.dumps(fields, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canon.encode("ascii")).hexdigest()


def is_idea(st: ItemState) -> bool:
    return st.has_creator and st.kind is Kind.IDEA


def is_owner(st: ItemState, member: bytes) -> bool:
    owners = [str(o) for o in st.value("owners", []) or []]
    return member[:8] == st.creator or member.hex() in owners


def owner_only(st: ItemState) -> bool:
    audience = str(st.value("audience", ""))
    return audience == OWNER_ONLY or (
        st.value("terms") == Terms.PRIVATE.value and audience != "named"
    )


def embargo_ms(st: ItemState) -> int | None:
    """The end of the embargo in unix ms (00:00 UTC of `embargo_until`), if one is set."""
    until = st.value("embargo_until")
    if not until:
        return None
    day = dt.date.fromisoformat(str(until))
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1000)


def accepted(st: ItemState, member: bytes) -> tuple[int, bytes] | None:
    """The stamp of `member`'s first acceptance of the current terms, or None."""
    h = terms_hash(st)
    stamps = [(a[2], a[3]) for a in st.acceptances if a[0] == member and a[1] == h]
    return min(stamps) if stamps else None


def release_problem(st: ItemState, r: Release) -> str | None:
    """None if the release counts; otherwise why not (flagged in the history)."""
    to, releaser, hlc, op_id, _ops = r
    if releaser[:8] != st.creator:
        return NOT_BY_OWNER
    if owner_only(st):
        return OWNER_ONLY_IDEA
    end = embargo_ms(st)
    if end is not None and physical_ms(hlc) < end:
        return BEFORE_EMBARGO
    acc = accepted(st, to)
    if acc is None or acc >= (hlc, op_id) or (hlc, op_id) < terms_set_at(st):
        return NO_ACCEPTANCE  # a release before the current terms never counts for them
    return None


def terms_set_at(st: ItemState) -> tuple[int, bytes]:
    """The stamp of the newest change to what the terms hash covers (terms, embargo, owners)."""
    stamps = [(e[1], e[2]) for n, e in st.fields.items() if n in _TERMS_PARTS]
    return max(stamps, default=(0, b""))


_TERMS_PARTS = ("terms", "embargo_until", "owners")


def valid_releases(st: ItemState, member: bytes) -> list[Release]:
    return [r for r in st.releases if r[0] == member and release_problem(st, r) is None]


def grants_usable(st: ItemState | None, me: bytes) -> bool:
    """Whether this device may use the keys released to it for this item: for an idea only
    with a valid release to `me` (other kinds keep the plain rule of protocol.md §11)."""
    if st is None or not st.has_creator:
        return False
    if st.kind is not Kind.IDEA:
        return True
    return bool(valid_releases(st, me))


def body_ops(st: ItemState) -> set[bytes]:
    """The creator's ops that hold the current body (the heads): what a reader needs."""
    return {h.op_id for h in st.heads.values() if h.author[:8] == st.creator}


def readers(st: ItemState) -> list[bytes]:
    """Members with an acceptance of the current terms (owners excluded), in id order."""
    found = {a[0] for a in st.acceptances if not is_owner(st, a[0])}
    return sorted(m for m in found if accepted(st, m) is not None)


def waiting_for_date(st: ItemState, now_ms: int) -> bool:
    end = embargo_ms(st)
    return end is not None and now_ms < end


def due(st: ItemState, now_ms: int) -> list[tuple[bytes, list[bytes]]]:
    """For the owner's device: (member, body ops to release) for every accepted reader whose
    release is automatic (terms in AUTO_TERMS, or approved once by the owner already)."""
    if not is_idea(st) or st.is_deleted or owner_only(st) or waiting_for_date(st, now_ms):
        return []
    auto = st.value("terms") in {t.value for t in AUTO_TERMS}
    out = []
    for member in readers(st):
        valid = valid_releases(st, member)
        if not (auto or valid):
            continue  # ask-before-use: the owner approves the first release
        covered = {o for r in valid for o in r[4]}
        need = sorted(body_ops(st) - covered)
        if need:
            out.append((member, need))
    return out


def pending(st: ItemState) -> list[bytes]:
    """Accepted readers without a valid release yet (the owner's pending requests)."""
    if not is_idea(st) or owner_only(st):
        return []
    return [m for m in readers(st) if not valid_releases(st, m)]


@dataclass(frozen=True, slots=True)
class Event:
    hlc: int
    op_id: bytes
    member: bytes  # who did it
    what: str  # "accepted", "released", "refused"
    other: bytes = b""  # the recipient of a release
    problem: str = ""  # set when the step does not count: the flag shown


def history(st: ItemState) -> list[Event]:
    """Acceptances, releases and refused changes, oldest first; flagged steps say why."""
    h = terms_hash(st)
    out = [
        Event(a[2], a[3], a[0], "accepted", problem="" if a[1] == h else OTHER_TERMS)
        for a in st.acceptances
    ]
    out += [
        Event(r[2], r[3], r[1], "released", r[0], release_problem(st, r) or "") for r in st.releases
    ]
    out += [Event(x[2], x[3], x[0], "refused", problem=x[1]) for x in st.refused]
    return sorted(out, key=lambda e: (e.hlc, e.op_id, e.what))
