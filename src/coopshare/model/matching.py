"""Who fits a lead: local, deterministic, explainable matching of members to a lead.

A member fits when they have at least one of the lead's ESCO skills (if the lead names any),
an availability window that overlaps the lead's period, and a region that suits (the same
region, or remote work on either side, or no region asked). Each fit carries its reasons
(matched skills, from when, hours a week); the list is ranked by skills matched, then the
earliest availability, then hours. Pure: the caller gathers profiles, windows and my private
conflict-of-interest exclusion (service/fits.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coopshare.model.talent_rules import WindowRec


@dataclass(frozen=True, slots=True)
class Need:
    """What a lead asks for."""

    skills: frozenset[str]  # ESCO ids
    start: dt.date  # the lead's start (today if none)
    end: dt.date  # start plus its duration (the start itself if none)
    hours: int  # hours a week asked, 0 if not said
    region: str
    remote: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    member_id: bytes
    name: str
    skills: frozenset[str]  # ESCO ids
    windows: tuple[WindowRec, ...]


@dataclass(frozen=True, slots=True)
class Fit:
    member_id: bytes
    name: str
    matched: tuple[str, ...]  # the lead's ESCO ids this member has, sorted
    asked: int  # how many ESCO skills the lead asks for
    available_from: dt.date
    hours: int
    region: str
    remote: bool

    @property
    def reason(self) -> str:
        """In English, e.g. "3 of 4 skills, available from 6 Jan, 32 h/week"."""
        parts = [f"{len(self.matched)} of {self.asked} skills"] if self.asked else []
        parts.append(f"available from {self.available_from.day} {self.available_from:%b}")
        if self.hours:
            parts.append(f"{self.hours} h/week")
        if self.remote:
            parts.append("remote")
        elif self.region:
            parts.append(self.region)
        return ", ".join(parts)


def region_suits(need: Need, w: WindowRec) -> bool:
    if need.remote or w.remote or not need.region.strip():
        return True
    a, b = need.region.strip().casefold(), w.region.strip().casefold()
    return bool(b) and (a in b or b in a)


def fit_of(need: Need, c: Candidate) -> Fit | None:
    matched = tuple(sorted(need.skills & c.skills))
    if need.skills and not matched:
        return None
    best: WindowRec | None = None
    for w in c.windows:
        if w.end < need.start or w.start > need.end or not region_suits(need, w):
            continue
        key = (w.hours < need.hours, max(w.start, need.start), -w.hours)
        if best is None or key < (
            best.hours < need.hours,
            max(best.start, need.start),
            -best.hours,
        ):
            best = w
    if best is None:
        return None
    return Fit(
        member_id=c.member_id,
        name=c.name,
        matched=matched,
        asked=len(need.skills),
        available_from=max(best.start, need.start),
        hours=best.hours,
        region=best.region,
        remote=best.remote,
    )


def who_fits(need: Need, candidates: Iterable[Candidate]) -> list[Fit]:
    fits = [f for c in candidates if (f := fit_of(need, c)) is not None]
    fits.sort(
        key=lambda f: (-len(f.matched), f.hours < need.hours, f.available_from, -f.hours, f.name)
    )
    return fits
