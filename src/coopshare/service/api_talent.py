"""The door's talent-bank commands: profile, availability windows, consent, ESCO skills,
"Who fits" and my private conflict-of-interest names.

A mixin of :class:`~coopshare.service.api_commands.Api` (like api_data.py); what crosses the
door is frozen dataclasses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coopshare.model import talent_rules
from coopshare.service import views
from coopshare.service.coop import Coop

if TYPE_CHECKING:  # the talent modules load when a talent command first runs
    from coopshare.service.esco import Skill

ITEM_ID_LEN = 16


@dataclass(frozen=True, slots=True)
class FitRow:
    """A member who fits a lead, with the reasons (model/matching.py)."""

    member_id: str
    name: str
    me: bool
    matched: tuple[str, ...]  # ESCO ids
    matched_en: tuple[str, ...]
    matched_nl: tuple[str, ...]
    asked: int
    available_from: str  # ISO date
    hours: int
    region: str
    remote: bool
    reason: str  # in English, e.g. "3 of 4 skills, available from 6 Jan, 32 h/week"

    def to_json(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class WindowEntry:
    """A visible availability window, with who published it for whom."""

    item_id: str
    subject: str  # member name
    publisher: str
    start: str
    end: str
    hours: int
    region: str
    remote: bool

    def to_json(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class ConsentEntry:
    """A consent I gave (or revoked): who may publish my availability."""

    publisher_id: str
    publisher: str
    granted: bool


@dataclass(frozen=True, slots=True)
class ConsentGiver:
    """A member whose consent, granted now, lets me publish their availability."""

    member_id: str  # hex, full id
    name: str
    room: int  # how many more of their windows would count (their cap)


@dataclass(frozen=True, slots=True)
class Bench:
    """What I may publish for colleagues: who consented, the windows I published for them
    (current ones), how many more windows I may publish, and the last day a window may end."""

    givers: tuple[ConsentGiver, ...]
    windows: tuple[WindowEntry, ...]
    room: int  # my own cap: windows I publish, for me or for others
    last_day: str  # ISO date: today + MAX_AHEAD_DAYS on this device's clock


class TalentCommands:
    _coop: Coop

    def skill_catalog(self) -> list[Skill]:
        """Every bundled ESCO skill (for autocomplete)."""
        from coopshare.service import esco

        return list(esco.catalog().values())

    def search_skills(self, text: str, lang: str = "en", limit: int = 20) -> list[Skill]:
        from coopshare.service import esco

        return esco.search(text, lang, limit)

    def resolve_skill(self, text: str) -> str:
        """``esco:<uuid>`` for a known skill label, id or URI; else the text (free word)."""
        from coopshare.service import esco

        return esco.resolve(text)

    def skill_label(self, skill: str, lang: str = "en") -> str:
        from coopshare.service import esco

        return esco.label(skill, lang)

    def set_talent_profile(
        self,
        skills: tuple[str, ...],
        ambitions: str,
        windows: tuple[tuple[str, str, int, str, bool], ...] | None = None,
    ) -> None:
        """My skills (labels, ids or free words) and ambitions; `windows` replaces mine."""
        from coopshare.service import esco, talent

        talent.set_profile(self._coop, [esco.resolve(s) for s in skills], ambitions, windows)

    def publish_window(
        self,
        start: str,
        end: str,
        hours: int,
        region: str,
        remote: bool,
        for_member: bytes | None = None,
    ) -> str:
        """Publish an availability window (mine, or `for_member`'s with their consent)."""
        from coopshare.service import talent

        return talent.publish_window(
            self._coop, start, end, hours, region, remote, subject=for_member
        ).hex()

    def withdraw_window(self, item_id: str) -> None:
        from coopshare.service import talent

        key = views.id_from_hex(item_id, ITEM_ID_LEN)
        talent.withdraw_window(self._coop, key or b"")

    def set_consent(self, publisher: bytes, granted: bool) -> None:
        """Let `publisher` publish my availability, or (granted False) revoke that."""
        from coopshare.service import talent

        talent.set_consent(self._coop, publisher, granted)

    def my_consents(self) -> list[ConsentEntry]:
        from coopshare.service import talent

        me = self._coop.me.member_id[:8]
        given = talent.consents(self._coop)
        return [
            ConsentEntry(mid.hex(), self._coop.member_name(mid), given[me + mid[:8]].granted)
            for mid in self._coop.roster.members
            if me + mid[:8] in given
        ]

    def bench(self) -> Bench:
        """Members who let me publish their availability, and the windows I published for them;
        only what every replica's rules accept (model/talent_rules.py) is offered."""
        from coopshare.service import talent

        coop = self._coop
        me = coop.me.member_id
        given = talent.consents(coop)
        visible = talent.visible_windows(coop)
        per_subject: dict[bytes, int] = {}
        for w in visible:
            per_subject[w.subject[:8]] = per_subject.get(w.subject[:8], 0) + 1
        givers = tuple(
            ConsentGiver(
                mid.hex(),
                coop.member_name(mid),
                max(0, talent_rules.MAX_WINDOWS - per_subject.get(mid[:8], 0)),
            )
            for mid in coop.roster.members
            if mid != me and _granted(given.get(talent_rules.consent_id(mid, me)))
        )
        mine = sum(1 for w in visible if w.publisher == me[:8])
        names = self._names()
        today = talent_rules.day_of(coop.clock.now_ms())
        last = today + dt.timedelta(days=talent_rules.MAX_AHEAD_DAYS)
        return Bench(
            givers=givers,
            windows=tuple(
                self._entry(w, names) for w in visible if w.publisher == me[:8] and not w.own
            ),
            room=max(0, talent_rules.MAX_WINDOWS - mine),
            last_day=last.isoformat(),
        )

    def windows(self, now_ms: int | None = None) -> list[WindowEntry]:
        """Every availability window that counts now (consented, not ended)."""
        from coopshare.service import talent

        names = self._names()
        return [self._entry(w, names) for w in talent.visible_windows(self._coop, now_ms)]

    def _names(self) -> dict[bytes, str]:
        return {m[:8]: self._coop.member_name(m) for m in self._coop.roster.members}

    @staticmethod
    def _entry(w: talent_rules.WindowRec, names: dict[bytes, str]) -> WindowEntry:
        return WindowEntry(
            item_id=w.item_id.hex(),
            subject=names.get(w.subject[:8], w.subject[:8].hex()),
            publisher=names.get(w.publisher, w.publisher.hex()),
            start=w.start.isoformat(),
            end=w.end.isoformat(),
            hours=w.hours,
            region=w.region,
            remote=w.remote,
        )

    def purge_expired_windows(self, now_ms: int | None = None) -> int:
        """Delete ended and revoked windows from this device now (the node does it by itself)."""
        from coopshare.service import talent_purge

        return talent_purge.sweep(self._coop, now_ms)

    def who_fits(self, lead_id: str, now_ms: int | None = None) -> list[FitRow] | None:
        """Members who fit the lead (hex id), best first, with reasons; on this device only."""
        from coopshare.service import esco, fits

        key = views.id_from_hex(lead_id, ITEM_ID_LEN)
        found = None if key is None else fits.fits(self._coop, key, now_ms)
        if found is None:
            return None
        me = self._coop.me.member_id
        return [
            FitRow(
                member_id=f.member_id.hex(),
                name=f.name,
                me=f.member_id == me,
                matched=f.matched,
                matched_en=tuple(esco.label(s, "en") for s in f.matched),
                matched_nl=tuple(esco.label(s, "nl") for s in f.matched),
                asked=f.asked,
                available_from=f.available_from.isoformat(),
                hours=f.hours,
                region=f.region,
                remote=f.remote,
                reason=f.reason,
            )
            for f in found
        ]

    def lead_fits_me(self, lead_id: str) -> bool:
        return self.my_fit(lead_id) is not None

    def my_fit(self, lead_id: str) -> FitRow | None:
        """How I fit the lead (for the tray), or None; never if my conflict names hit it."""
        return next((f for f in self.who_fits(lead_id) or [] if f.me), None)

    def coi_names(self) -> tuple[str, ...]:
        """My private conflict-of-interest client names (this device only)."""
        from coopshare.service import coi

        return coi.names(self._coop)

    def set_coi_names(self, names: list[str]) -> tuple[str, ...]:
        from coopshare.service import coi

        return coi.set_names(self._coop, names)


def _granted(c: talent_rules.Consent | None) -> bool:
    return c is not None and c.granted
