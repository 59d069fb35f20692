""" "Who fits" a lead, on my device only: gathers the lead's needs, the members' profiles and
visible windows, and my private conflict-of-interest names (service/coi.py), then asks
model/matching.py. Nothing of it is written to the log or sent; the result is not stored.

My conflict-of-interest names can only leave *me* out (no device knows another member's list):
a lead whose client (when I can read it), title or description names one of them never lists
me and is never offered to me by the tray.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

from coopshare.model import talent_rules
from coopshare.model.fold import ItemState
from coopshare.model.hlc import wall_ms
from coopshare.model.items import Kind
from coopshare.model.matching import Candidate, Fit, Need, who_fits
from coopshare.model.talent_rules import WindowRec
from coopshare.service import coi, esco, talent, talent_purge
from coopshare.service.coop import Coop


def need_of(st: ItemState, today: dt.date) -> Need:
    def text(name: str) -> str:
        v = st.value(name, "")
        return v if isinstance(v, str) else ""

    def number(name: str) -> int:
        v = st.value(name, 0)
        return v if isinstance(v, int) and not isinstance(v, bool) else 0

    try:
        start = dt.date.fromisoformat(text("start")) if text("start") else today
    except ValueError:
        start = today
    start = max(start, today)
    skills = st.value("skills", []) or []
    return Need(
        skills=esco.esco_ids([s for s in skills if isinstance(s, str)]),
        start=start,
        end=start + dt.timedelta(weeks=number("duration_weeks")),
        hours=number("hours_per_week"),
        region=text("region"),
        remote=st.value("remote") is True,
    )


@dataclass(frozen=True, slots=True)
class _Pool:
    """What matching reads of every member, opened again only when a profile, window or consent
    changed here, another process wrote, or the roster moved: decrypting
    ~1,500 items per query would cost ~150 ms at 500 members (bench/who_fits_bench.py)."""

    key: tuple[int, int, tuple[bytes, ...]]  # talent_purge.generation, data_version, roster
    skills: dict[bytes, frozenset[str]]  # member prefix -> ESCO ids
    windows: list[WindowRec]
    consents: dict[bytes, talent_rules.Consent]
    members: tuple[tuple[bytes, str], ...]  # (member id, name)
    by_day: dict[dt.date, list[Candidate]]  # the candidates as of a day (windows end by day)


_POOLS: weakref.WeakKeyDictionary[Coop, _Pool] = weakref.WeakKeyDictionary()


def _pool(coop: Coop) -> _Pool:
    key = (talent_purge.generation(coop), coop.store.data_version(), coop.roster.heads)
    pool = _POOLS.get(coop)
    if pool is not None and pool.key == key:
        return pool
    skills: dict[bytes, frozenset[str]] = {}
    for st in coop.items(Kind.PROFILE):
        raw = st.value("skills", []) or []
        skills[st.creator] = esco.esco_ids([s for s in raw if isinstance(s, str)])
    members = tuple((mid, coop.member_name(mid)) for mid in coop.roster.members)
    pool = _Pool(key, skills, talent.all_windows(coop), talent.consents(coop), members, {})
    _POOLS[coop] = pool
    return pool


def candidates(coop: Coop, now_ms: int) -> list[Candidate]:
    pool = _pool(coop)
    today = talent_rules.day_of(now_ms)
    if today in pool.by_day:
        return pool.by_day[today]
    windows: dict[bytes, list[WindowRec]] = {}
    current = frozenset(mid[:8] for mid, _name in pool.members)
    for w in talent_rules.visible(pool.windows, pool.consents, now_ms, current):
        windows.setdefault(w.subject[:8], []).append(w)
    out = []
    for mid, name in pool.members:
        ws = windows.get(mid[:8])
        if ws:
            out.append(Candidate(mid, name, pool.skills.get(mid[:8], frozenset()), tuple(ws)))
    pool.by_day.clear()
    pool.by_day[today] = out
    return out


def conflicted(coop: Coop, st: ItemState, declared: tuple[str, ...] | None = None) -> bool:
    """Whether my private conflict-of-interest names hit this lead."""
    declared = coi.names(coop) if declared is None else declared
    if not declared:
        return False
    texts = [st.value(f, "") for f in ("org", "title", "description", "intermediary")]
    return coi.hits(declared, [t for t in texts if isinstance(t, str)])


def fits(coop: Coop, lead_id: bytes, now_ms: int | None = None) -> list[Fit] | None:
    """Members who fit the lead, best first; None if it is not a lead."""
    st = coop.item(lead_id)
    if st is None or st.kind is not Kind.LEAD or st.is_deleted:
        return None
    now = wall_ms() if now_ms is None else now_ms
    need = need_of(st, talent_rules.day_of(now))
    found = who_fits(need, candidates(coop, now))
    me = coop.me.member_id
    if conflicted(coop, st):
        found = [f for f in found if f.member_id != me]
    return [f for f in found if f.member_id[:8] != st.creator]  # not the giver
