"""The talent bank's writers and views: my profile (skills as ESCO ids, ambitions), the
availability windows (mine, or a member's who consented) and consents.

Rules every replica checks are in model/talent_rules.py; purging in service/talent_purge.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from coopshare.errors import (
    RULE_AUTHOR_ONLY,
    RULE_NO_CONSENT,
    RULE_WINDOW_AHEAD,
    RULE_WINDOW_CAP,
    NoSuchItem,
    NotAllowed,
)
from coopshare.model import talent_rules
from coopshare.model.hlc import wall_ms
from coopshare.model.items import Kind
from coopshare.model.talent_rules import Consent, WindowRec
from coopshare.service.coop import Coop


def consents(coop: Coop) -> dict[bytes, Consent]:
    """consent id -> decision, each subject's earliest MAX_CONSENTS consents only (ordered by
    the subject's own first change: nobody else's change moves a consent in or out)."""
    out: dict[bytes, Consent] = {}
    per_subject: dict[bytes, int] = {}
    items = coop.items(Kind.CONSENT, include_deleted=True)
    for st in sorted(items, key=lambda s: (s.origin or s.created, s.item_id)):
        c = talent_rules.consent_of(st)
        if c is None or per_subject.get(c[0], 0) >= talent_rules.MAX_CONSENTS:
            continue
        per_subject[c[0]] = per_subject.get(c[0], 0) + 1
        out[talent_rules.consent_id(c[0], c[1])] = c[2]
    return out


def all_windows(coop: Coop) -> list[WindowRec]:
    return [w for st in coop.items(Kind.WINDOW) if (w := talent_rules.window_of(st))]


def visible_windows(coop: Coop, now_ms: int | None = None) -> list[WindowRec]:
    """Every window that counts now: not ended, consented, within the caps."""
    now = wall_ms() if now_ms is None else now_ms
    return talent_rules.visible(all_windows(coop), consents(coop), now, members(coop))


def members(coop: Coop) -> frozenset[bytes]:
    """8-byte prefixes of the current members (windows of anyone else count nowhere)."""
    return frozenset(m[:8] for m in coop.roster.members)


def windows_by_subject(coop: Coop, now_ms: int | None = None) -> dict[bytes, list[WindowRec]]:
    """Visible windows keyed by the subject's 8-byte prefix."""
    out: dict[bytes, list[WindowRec]] = {}
    for w in visible_windows(coop, now_ms):
        out.setdefault(w.subject[:8], []).append(w)
    return out


def has_consent(coop: Coop, subject: bytes, publisher: bytes) -> bool:
    c = consents(coop).get(talent_rules.consent_id(subject, publisher))
    return c is not None and c.granted


def set_consent(coop: Coop, publisher: bytes, granted: bool) -> bytes:
    """Grant (or revoke) `publisher` the right to publish my availability; signed by me."""
    me = coop.me.member_id
    if publisher[:8] == me[:8]:
        raise NotAllowed(rule=RULE_NO_CONSENT)
    item_id = talent_rules.consent_id(me, publisher)
    st = coop.item(item_id)
    now = None if st is None else talent_rules.consent_of(st)
    if now is not None and now[2].granted == granted:
        return item_id  # unchanged: a second grant would outdate the windows published since
    return coop.write_item(
        Kind.CONSENT, item_id, {"publisher": publisher.hex(), "granted": granted}
    )


def publish_window(
    coop: Coop,
    start: str,
    end: str,
    hours: int,
    region: str,
    remote: bool,
    *,
    subject: bytes | None = None,
    today: dt.date | None = None,
) -> bytes:
    """Publish one availability window (mine, or `subject`'s with their consent)."""
    me = coop.me.member_id
    subject = subject or me
    if subject != me and (not has_consent(coop, subject, me) or subject[:8] not in members(coop)):
        raise NotAllowed(rule=RULE_NO_CONSENT)
    today = today or talent_rules.day_of(coop.clock.now_ms())
    if dt.date.fromisoformat(end) > today + dt.timedelta(days=talent_rules.MAX_AHEAD_DAYS):
        raise NotAllowed(rule=RULE_WINDOW_AHEAD)
    mine = [w for w in visible_windows(coop) if w.publisher == me[:8]]
    if len(mine) >= talent_rules.MAX_WINDOWS:
        raise NotAllowed(rule=RULE_WINDOW_CAP)
    fields: dict[str, object] = {
        "start": start,
        "end": end,
        "hours": hours,
        "region": region,
        "remote": remote,
    }
    if subject != me:
        fields["subject"] = subject.hex()
    return coop.write_item(Kind.WINDOW, coop.new_item_id(), fields)


def withdraw_window(coop: Coop, item_id: bytes) -> None:
    """Take back a window I published: every replica drops it (a purge op)."""
    st = coop.item(item_id)
    if st is None or st.kind is not Kind.WINDOW:
        raise NoSuchItem(item=item_id.hex())
    if st.creator != coop.me.member_id[:8]:
        raise NotAllowed(rule=RULE_AUTHOR_ONLY)
    coop.purge(item_id)


def set_profile(
    coop: Coop,
    skills: Iterable[str],
    ambitions: str,
    windows: Iterable[tuple[str, str, int, str, bool]] | None = None,
) -> None:
    """My profile: skills (``esco:<uuid>`` or free words) and ambitions; `windows` (if given)
    becomes my own set of windows: new ones are published, missing ones withdrawn."""
    coop.set_profile({"skills": list(skills), "ambitions": ambitions})
    if windows is None:
        return
    me = coop.me.member_id
    wanted = list(dict.fromkeys(windows))
    current = {
        (w.start.isoformat(), w.end.isoformat(), w.hours, w.region, w.remote): w
        for w in visible_windows(coop)
        if w.publisher == me[:8] and w.own
    }
    for key, w in current.items():
        if key not in wanted:
            withdraw_window(coop, w.item_id)
    for start, end, hours, region, remote in wanted:
        if (start, end, hours, region, remote) not in current:
            publish_window(coop, start, end, hours, region, remote)
