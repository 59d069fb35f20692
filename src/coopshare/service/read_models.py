"""The read models the door hands out: frozen dataclasses of plain values, safe to pass from
the store thread to the GUI thread and to print as JSON (``to_json`` keeps the CLI's
``--json`` shape). Built from a :class:`Coop` by ``service/views_typed.py``; re-exported by
``service/api.py``, the only place the app imports them from.

Values that came from peers are already validated by the model (``model/items.py``); the
builders still convert defensively, so a read model never holds a surprise type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from coopshare.service.views_lead import LeadStep


def _json(obj: Any) -> dict[str, Any]:
    return asdict(obj)


# --- the cooperative ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Me:
    name: str
    member_id: str  # hex
    device_id: str  # hex


@dataclass(frozen=True, slots=True)
class Status:
    """Counts, version vector and roster head (``coopshare status``)."""

    coop_id: str | None
    coop_name: str | None
    me: Me
    members: int
    ops: int
    items: Mapping[str, int]  # per kind
    version_vector: Mapping[str, int]  # device (hex) -> highest seq held
    roster_heads: tuple[str, ...]
    epoch: str | None
    quarantined: int
    equivocating_devices: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True, slots=True)
class Overview:
    """What the main window's title bar needs."""

    coop_name: str | None
    me: Me
    members: int
    items: Mapping[str, int]
    is_admin: bool


@dataclass(frozen=True, slots=True)
class HeldBack:
    """An op held back on this device (``coopshare diagnostics``): no user content."""

    op_id: str
    state: str  # "skipped" (content that cannot be used) | "parked" (parents or author unknown)
    kind: str  # "" if its header cannot be read
    device: str
    author: str  # member id (hex), "" if unknown
    reason: str
    since: str  # ISO 8601, UTC

    def to_json(self) -> dict[str, Any]:
        return _json(self)


# --- members and profiles -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    """A member as ``coopshare list members`` shows one."""

    member_id: str
    name: str
    role: str
    devices: int
    me: bool

    def to_json(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True, slots=True)
class Window:
    """An availability window of a profile: ISO dates, hours a week, region, remote."""

    start: str  # ISO date; "" when not chosen yet
    end: str
    hours: int = 0
    region: str = ""
    remote: bool = False

    @classmethod
    def of(cls, w: Mapping[str, Any]) -> Window:
        """A window as stored in a profile item (``from``/``to``/``hours``/...)."""
        return cls(
            start=str(w.get("from", "")),
            end=str(w.get("to", "")),
            hours=int(w.get("hours", 0) or 0),
            region=str(w.get("region", "") or ""),
            remote=bool(w.get("remote")),
        )

    def to_field(self) -> dict[str, Any]:
        """The stored form, for :meth:`Api.save_profile`."""
        return {
            "from": self.start,
            "to": self.end,
            "hours": self.hours,
            "region": self.region,
            "remote": self.remote,
        }


def current_windows(windows: Sequence[Window], today: dt.date | None = None) -> list[Window]:
    """Windows that have not ended yet (windows expire; they are renewed, not kept)."""
    today = today or dt.date.today()
    out = []
    for w in windows:
        try:
            end = dt.date.fromisoformat(w.end[:32])
        except ValueError:
            continue
        if end >= today:
            out.append(w)
    return out


@dataclass(frozen=True, slots=True)
class MemberCard:
    """A member as the People page shows one: with safety number and current profile."""

    member_id: str
    name: str
    role: str
    devices: int
    me: bool
    safety: str  # digits two members compare
    skills: tuple[str, ...] = ()
    availability: tuple[Window, ...] = ()  # current windows only
    ambitions: str = ""
    verification: str = "unverified"  # "verified" | "changed" (service/verify.py); me: "unverified"
    new_devices: int = 0  # devices added since I verified (when "changed")


@dataclass(frozen=True, slots=True)
class Profile:
    """My own talent profile (empty fields if I never saved one) and my name."""

    name: str
    skills: tuple[str, ...] = ()
    availability: tuple[Window, ...] = ()  # as saved, ended windows included
    ambitions: str = ""
    updated: int = 0  # unix milliseconds
    exists: bool = False


@dataclass(frozen=True, slots=True)
class ProfileEdit:
    """A new version of my profile (:meth:`Api.save_profile`)."""

    skills: tuple[str, ...]
    availability: tuple[Window, ...]
    ambitions: str

    def to_fields(self) -> dict[str, Any]:
        return {
            "skills": list(self.skills),
            "availability": [w.to_field() for w in self.availability],
            "ambitions": self.ambitions,
        }


@dataclass(frozen=True, slots=True)
class AudienceMember:
    """A member an idea can be addressed to."""

    member_id: str
    name: str
    me: bool


@dataclass(frozen=True, slots=True)
class NewInvite:
    """A single-use invitation just made."""

    text: str
    expires: int  # unix seconds
    role: str
    addrs: tuple[str, ...]  # where the joiner dials; empty: no address known
    file_text: str = ""  # what a saved invitation file holds: instructions, then the token
    coop_name: str = ""
    inviter: str = ""


# --- items --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoteDetail:
    """A note as the editor shows it. ``id`` is "" for a note not saved yet (:meth:`blank`)."""

    id: str
    title: str = ""
    body: str = ""
    tags: tuple[str, ...] = ()
    author: str = ""
    mine: bool = True
    updated: int = 0  # unix milliseconds
    conflicts: tuple[str, ...] = ()  # the other versions' texts, when two edits collided
    links: tuple[str, ...] = ()  # [[titles]] the body links to
    deleted: bool = False

    @classmethod
    def blank(cls) -> NoteDetail:
        return cls(id="")


@dataclass(frozen=True, slots=True)
class Link:
    """An item that links to another (a backlink)."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class LeadGlance:
    """What the notifier compares of a lead."""

    title: str
    status: str
    mine: bool
    skills: tuple[str, ...]
    steps: int = 0  # entries in the lead's history (the giver hears of each new one)
    last: LeadStep | None = None  # the newest of them
    excluded: bool = False  # my private conflict-of-interest names hit it (service/fits.py)


@dataclass(frozen=True, slots=True)
class Watch:
    """What the tray notifier compares between two moments: my skills (casefolded), the leads
    by id (hex) and the members' names by id (hex)."""

    skills: frozenset[str]
    leads: Mapping[str, LeadGlance] = field(default_factory=dict)
    members: Mapping[str, str] = field(default_factory=dict)


# --- network ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KnownPeer:
    """A peer as ``coopshare list peers`` shows one (from the peer book and the running node)."""

    addr: str
    device: str | None  # hex; None: seen on this network, not yet known
    last_seen: int | None  # unix seconds
    how: str  # mdns | manual | inbound
    connected: bool

    def to_json(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True, slots=True)
class ThisDevice:
    """The "this device" card: who I am here and where members reach this device."""

    name: str
    member_id: str  # hex
    device_id: str  # hex
    addresses: tuple[str, ...]  # HOST:PORT members can dial; empty when not listening
    listening: bool


@dataclass(frozen=True, slots=True)
class NearbyPeer:
    """A peer for the Nearby page: connected, found on this network, or in the peer book."""

    device: str  # hex, or "" when not known yet
    member: str  # name, or ""
    addr: str
    how: str  # mdns | manual | inbound
    connected: bool
    last_seen: int  # unix seconds, 0 if never
    in_sync: bool = False  # connected, and both sides hold everything the other had
    device_name: str = ""  # the name given to this device here (service/device_names.py)
