"""Talent-bank rules every replica checks the same way: availability windows and consent.

* A window is an item of kind ``window`` written by its *publisher*; its ``subject`` is the
  member whose availability it is (the publisher if absent). Only the publisher writes or
  withdraws it; it must end no later than ``MAX_AHEAD_DAYS`` after its signed time (the op's
  hlc), so no window outlives 90 days; an ended window is purged (service/talent_purge.py).
* A consent is an item of kind ``consent`` written by the subject, whose id is the subject's
  8-byte prefix followed by the publisher's; ``granted`` false revokes it (last writer wins).
  A window whose publisher is not its subject counts only while the subject's consent naming
  that publisher is granted *and* that grant was signed before the window (its publisher's
  first change): a consent does not reach back to windows published before it, and a window
  the subject revoked stays dead after a new grant (:func:`counts`, :func:`dead`).
* Windows count only while their publisher and subject are members (:func:`visible`).
* Caps per author: at most ``MAX_WINDOWS`` current windows per publisher and per subject
  count (the earliest by signed time), at most ``MAX_CONSENTS`` consents per subject.
No field records a reason (model/items.py NEVER_STORED).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from coopshare.model.fold import Change, ItemState
from coopshare.model.hlc import physical_ms
from coopshare.model.items import Kind

MAX_AHEAD_DAYS = 90
MAX_WINDOWS = 20
MAX_CONSENTS = 50
KINDS = frozenset({Kind.WINDOW, Kind.CONSENT})
_WINDOW_FIELDS = frozenset({"subject", "start", "end", "hours", "region", "remote"})
_DAY_MS = 86_400_000


def day_of(ms: int) -> dt.date:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).date()


def allowed(ch: Change, author: bytes) -> bool:
    """Whether `author` may make change `ch` to a window or consent (checked on apply)."""
    if ch.item_id[:8] != author[:8] or ch.body is not None or ch.prev:
        return False  # only the publisher (window) or the subject (consent) writes it
    if ch.deleted is not None:
        return not ch.fields
    if ch.kind is Kind.CONSENT:
        publisher = ch.fields.get("publisher")
        return (
            set(ch.fields) == {"publisher", "granted"}
            and isinstance(publisher, str)
            and bytes.fromhex(publisher)[:8] == ch.item_id[8:16]
            and bytes.fromhex(publisher)[:8] != author[:8]
        )
    if not {"start", "end"} <= set(ch.fields) <= _WINDOW_FIELDS:
        return False
    start, end = dt.date.fromisoformat(ch.fields["start"]), dt.date.fromisoformat(ch.fields["end"])
    return start <= end <= day_of(physical_ms(ch.hlc)) + dt.timedelta(days=MAX_AHEAD_DAYS)


@dataclass(frozen=True, slots=True)
class WindowRec:
    """A window as the views and matching read it."""

    item_id: bytes
    publisher: bytes  # 8-byte prefix of the publisher's member id
    subject: bytes  # full member id, or the publisher's prefix when the field is absent
    start: dt.date
    end: dt.date
    hours: int
    region: str
    remote: bool
    created: int  # hlc of the publisher's first change (others' changes never move it)

    @property
    def own(self) -> bool:
        return self.subject[:8] == self.publisher


def window_of(st: ItemState) -> WindowRec | None:
    """The window an item holds (None if it is not one, was withdrawn, or is incomplete)."""
    if st.kind is not Kind.WINDOW or st.is_deleted or not st.has_creator:
        return None
    try:
        subject = st.value("subject")
        return WindowRec(
            item_id=st.item_id,
            publisher=st.item_id[:8],
            subject=bytes.fromhex(subject) if isinstance(subject, str) else st.item_id[:8],
            start=dt.date.fromisoformat(str(st.value("start"))),
            end=dt.date.fromisoformat(str(st.value("end"))),
            hours=int(st.value("hours", 0) or 0),
            region=str(st.value("region", "") or ""),
            remote=bool(st.value("remote", False)),
            created=(st.origin or st.created)[0],
        )
    except (TypeError, ValueError):
        return None


def expired(w: WindowRec, now_ms: int) -> bool:
    """Ended: its last day is before today (UTC) on this device's clock."""
    return w.end < day_of(now_ms)


class Consent(NamedTuple):
    """A subject's decision about one publisher: granted or not, and the hlc of the change that
    decided it (the latest `granted` or deletion). More ops only ever raise `decided`."""

    granted: bool
    decided: int


def consent_of(st: ItemState) -> tuple[bytes, bytes, Consent] | None:
    """(subject prefix, publisher id, decision) of a consent item."""
    if st.kind is not Kind.CONSENT or not st.has_creator:
        return None
    publisher, granted = st.fields.get("publisher"), st.fields.get("granted")
    if publisher is None or granted is None or not isinstance(publisher[0], str):
        return None
    decided = max(granted[1], st.deleted[1])
    return (
        st.item_id[:8],
        bytes.fromhex(publisher[0]),
        Consent(bool(granted[0]) and not st.is_deleted, decided),
    )


def consent_id(subject: bytes, publisher: bytes) -> bytes:
    return subject[:8] + publisher[:8]


def counts(w: WindowRec, consents: Mapping[bytes, Consent]) -> bool:
    """Own, or the subject's consent is granted and was decided before the window was first
    signed (in the honest order the publisher's device has seen the grant, so its hlc is later)."""
    if w.own:
        return True
    c = consents.get(consent_id(w.subject, w.publisher))
    return c is not None and c.granted and c.decided < w.created


def dead(w: WindowRec, consent: Consent | None) -> bool:
    """Can never count again, whatever ops arrive later: the subject decided (granted, revoked
    or deleted) at or after the window's first signed time. Safe to purge in any order."""
    return not w.own and consent is not None and consent.decided >= w.created


def visible(
    windows: list[WindowRec],
    consents: Mapping[bytes, Consent],
    now_ms: int,
    members: Collection[bytes] | None = None,
) -> list[WindowRec]:
    """The windows that count: not ended, consented (keyed by consent_id), within the caps;
    given `members` (8-byte prefixes of the current roster's members), only windows whose
    publisher and subject are both members: a removed member can no longer revoke a consent."""
    out: list[WindowRec] = []
    per_publisher: dict[bytes, int] = {}
    per_subject: dict[bytes, int] = {}
    for w in sorted(windows, key=lambda w: (w.created, w.item_id)):
        if expired(w, now_ms) or not counts(w, consents):
            continue
        if members is not None and not {w.publisher, w.subject[:8]} <= set(members):
            continue
        if per_publisher.get(w.publisher, 0) >= MAX_WINDOWS:
            continue
        if per_subject.get(w.subject[:8], 0) >= MAX_WINDOWS:
            continue
        per_publisher[w.publisher] = per_publisher.get(w.publisher, 0) + 1
        per_subject[w.subject[:8]] = per_subject.get(w.subject[:8], 0) + 1
        out.append(w)
    return out
