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
FEED_EVENTS = 200  # rows at most
SCAN_OPS = 2000  # ops read at most (many may be of kinds the feed does not show)
CHUNK = 100

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
    """The newest events, newest first: read from the newest ops back, CHUNK at a time, until
    `limit` events are found or `scan` ops were read."""
    me = coop.me.member_id
    states: dict[bytes, ItemState | None] = {}
    names: dict[bytes, str] = {}
    out: list[tuple[int, int, ActivityEvent]] = []  # (hlc, arrival, event): a stable order
    top = coop.store.max_n()
    read = 0
    while len(out) < limit and read < scan and top - read > 0:
        start = max(top - read - CHUNK, 0)
        ops = coop.store.ops_after(start, top - read - start)
        read += len(ops)
        for n, _dev, _seq, hb, sig, body in reversed(ops):
            for hlc, ev in _events(coop, me, states, names, hb, sig, body):
                out.append((hlc, n, ev))
        if not ops:
            break
    out.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [e for _h, _n, e in out[:limit]]


def _events(
    coop: Coop,
    me: bytes,
    states: dict[bytes, ItemState | None],
    names: dict[bytes, str],
    hb: bytes,
    sig: bytes,
    body: bytes | None,
) -> list[tuple[int, ActivityEvent]]:
    header = Header.decode(hb)
    if header.kind is not OpKind.ITEM or body is None:
        return []
    author = coop.roster.member_of(header.device)
    if author is None:
        return []
    try:
        changes = coop._open_changes(Op(header, hb, sig, body), author)
    except DATA_ERRORS:
        return []
    out = []
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
        out.append((ch.hlc, _event(coop, st, ch, me, names)))
    return out


def _event(
    coop: Coop, st: ItemState, ch: Change, me: bytes, names: dict[bytes, str]
) -> ActivityEvent:
    def name(m: bytes) -> str:
        if m not in names:
            names[m] = coop.member_name(m)
        return names[m]

    what, member = _what(st, ch)
    title = st.value("title", "")
    return ActivityEvent(
        op_id=ch.op_id.hex(),
        ms=ch.hlc >> 16,
        who=name(ch.author),
        who_is_me=ch.author == me,
        kind=st.kind.value,
        item_id=st.item_id.hex(),
        title=title[:300] if isinstance(title, str) else "",
        what=what,
        member="" if member is None else name(member),
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
