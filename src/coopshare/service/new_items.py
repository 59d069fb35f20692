"""Typed arguments of the door's commands that write an item's fields (the CLI and the app
build them; ``Api`` turns them into the fields the core validates, ``model/items.py``)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class NewLead:
    """A lead to give. Empty, zero and false values are left out of the lead (not set)."""

    title: str
    description: str = ""
    role: str = ""
    skills: tuple[str, ...] = ()
    region: str = ""
    remote: bool = False
    start: str = ""  # ISO date
    duration_weeks: int = 0
    extension: bool = False
    hours_per_week: int = 0
    respond_by: str = ""  # ISO date
    interest_until: str = ""  # ISO date: the interest window's last day
    contract_form: str = ""
    dba_assessment: str = ""
    referral_terms: str = ""  # what the claimer signs (model/lead_record.py terms_hash)
    # sealed to the claimer once they accepted the referral terms
    org: str = ""
    contact: str = ""
    rate_min: int = 0  # €/h
    rate_max: int = 0
    intermediary: str = ""
    fee: str = ""

    def fields(self) -> dict[str, object]:
        """The lead's fields as the core takes them: only the values that are set."""
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is True or (value is not False and value not in ("", 0, ())):
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True, slots=True)
class ItemEdit:
    """A change to an item's title, tags or body; None leaves that part as it is."""

    title: str | None = None
    tags: tuple[str, ...] | None = None
    body: str | None = None

    def fields(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.title is not None:
            out["title"] = self.title
        if self.tags is not None:
            out["tags"] = list(self.tags)
        return out


@dataclass(frozen=True, slots=True)
class NewIdea:
    """An idea to share, as ``Api.add_idea`` takes it (the idea form builds one)."""

    title: str
    body: str
    terms: str  # a Terms value
    tags: tuple[str, ...] = ()
    to: tuple[bytes, ...] = ()  # member ids of a named audience; () for the whole cooperative
    derived_from: tuple[bytes, ...] = ()  # item ids
    embargo_until: str | None = None  # ISO date, with terms "embargo"
