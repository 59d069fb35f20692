"""The Activity feed: one row per event in the log (who did what to which item, and when),
not one row per item (#41).

Built from the newest ops this device holds (by arrival), opened as the fold opens them: an
item op is one event per item it changes; what it did is read from the change itself (a lead's
act, a comment, an acceptance of terms, a deletion or restore, the item's first change, or else
an edit). Changes this device cannot read (sealed to others), refused changes and kinds the
feed does not show (profiles, thanks, files, ...) are left out. Frozen rows: they cross to the
GUI thread as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopshare.model import lead_record
from coopshare.model.comments import COMMENT_FIELDS
from coopshare.model.fold import Change, ItemState
from coopshare.model.items import ACCEPT, Kind
from coopshare.protocol.ops import Header, Op, OpKind
from coopshare.service.coop import Coop
from coopshare.service.quarantine import DATA_ERRORS

FEED_KINDS = (Kind.NOTE, Kind.LEAD, Kind.IDEA)
SCAN_OPS = 1500  # the newest ops read for the feed
FEED_EVENTS = 500  # rows at most

# what an event did, besides a lead's acts (model.items.Act values)
CREATED, EDITED, DELETED, RESTORED = "created", "edited", "deleted", "restored"
COMMENTED, ACCEPTED = "commented", "accepted-terms"


@dataclass(frozen=True, slots=True)
class ActivityEvent:
    """One thing one member did, as the feed shows it."""

    op_id: str  # hex
    ms: int  # when, Unix ms (the op's hlc)
    who: str  # the member's name
    who_is_me: bool
    kind: str  # note | lead | idea
    item_id: str  # hex
    title: str
    what: str  # CREATED, EDITED, ... or an Act value (claim, won, pass-on, ...)
    member: str = ""  # the other member of a lead act (picked, passed to); "" if none
    member_is_me: bool = False


def feed(coop: Coop, limit: int = FEED_EVENTS, scan: int = SCAN_OPS) -> list[ActivityEvent]:
    """The newest events, newest first."""
    me = coop.me.member_id
    states: dict[bytes, ItemState | None] = {}
    out: list[ActivityEvent] = []
    start = max(coop.store.max_n() - scan, 0)
    for _n, _dev, _seq, hb, sig, body in coop.store.ops_after(start, scan):
        header = Header.decode(hb)
        if header.kind is not OpKind.ITEM or body is None:
            continue
        author = coop.roster.member_of(header.device)
        if author is None:
            continue
        op = Op(header, hb, sig, body)
        try:
            changes = coop._open_changes(op, author)
        except DATA_ERRORS:
            continue
        seen: set[bytes] = set()
        for ch in changes:
            if ch.item_id in seen or ch.kind not in FEED_KINDS or ch.refused is not None:
                continue
            if ch.item_id not in states:
                states[ch.item_id] = coop.item(ch.item_id)
            st = states[ch.item_id]
            if st is None or not st.has_creator or st.kind not in FEED_KINDS:
                continue
            seen.add(ch.item_id)
            out.append(_event(coop, st, ch, me))
    out.sort(key=lambda e: e.ms, reverse=True)
    return out[:limit]


def _event(coop: Coop, st: ItemState, ch: Change, me: bytes) -> ActivityEvent:
    what, member = _what(st, ch)
    title = st.value("title", "")
    return ActivityEvent(
        op_id=ch.op_id.hex(),
        ms=ch.hlc >> 16,
        who=coop.member_name(ch.author),
        who_is_me=ch.author == me,
        kind=st.kind.value,
        item_id=st.item_id.hex(),
        title=title[:300] if isinstance(title, str) else "",
        what=what,
        member="" if member is None else coop.member_name(member),
        member_is_me=member == me,
    )


def _what(st: ItemState, ch: Change) -> tuple[str, bytes | None]:
    if st.origin is not None and st.origin[1] == ch.op_id:
        return CREATED, None  # a lead's first change may also open its interest window
    if st.kind is Kind.LEAD and ch.coop_wide:
        rec = lead_record.act_of(
            ch.fields, hlc=ch.hlc, op_id=ch.op_id, author=ch.author, item_id=st.item_id
        )
        if rec is not None:
            return rec[3], rec[4] or None
    if COMMENT_FIELDS & ch.fields.keys():
        return COMMENTED, None
    if ACCEPT in ch.fields:
        return ACCEPTED, None
    if ch.deleted is not None:
        return (DELETED if ch.deleted else RESTORED), None
    return EDITED, None
