"""Item kinds, their fields and the rules for each field.

Every item is a set of fields. A field belongs to one audience class:

* ``coop``   — readable by every member (wrapped under the epoch key);
* ``sealed`` — readable only by named members (HPKE-sealed to their devices), e.g. a lead's
  hiring organisation, which unlocks for the claimer only;
* never stored — fields such as the reason for hiring are refused outright
  (:class:`~coopshare.errors.NeverStoredField`), so they cannot reach disk or the wire.

Validation turns loose input (CLI flags, form fields, imported front matter) into clean values or
raises :class:`~coopshare.errors.SchemaError` naming the field.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coopshare.errors import NeverStoredField, SchemaError
from coopshare.model import attachments as att
from coopshare.model.field_checks import (
    ITEM_IDS,
    MAX_TEXT,
    MEMBER_IDS,
    Validator,
    _bool,
    _bytes,
    _date,
    _enum,
    _file_name,
    _hexid,
    _int,
    _one_of,
    _tags,
    _text,
    _title,
    _windows,
)


class Kind(enum.StrEnum):
    NOTE = "note"
    LEAD = "lead"
    IDEA = "idea"
    PROFILE = "profile"
    THANKS = "thanks"
    FILE = "file"  # one chunk of an attachment (model/attachments.py)
    WINDOW = "window"  # one availability window of a member (model/talent_rules.py)
    CONSENT = "consent"  # a member's consent that another may publish their availability


class LeadStatus(enum.StrEnum):
    OPEN = "open"
    INTEREST = "interest"
    CLAIMED = "claimed"
    CONTACTED = "contacted"
    PROPOSAL = "proposal"
    WON = "won"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    PASSED_ON = "passed-on"


class Act(enum.StrEnum):
    """What a member does to a lead (model/lead_rules.py decides whether it has an effect)."""

    INTEREST = "interest"
    CLAIM = "claim"
    ACCEPT = "accept-terms"
    CONTACTED = "contacted"
    PROPOSAL = "proposal"
    WON = "won"
    LOST = "lost"
    PASS_ON = "pass-on"  # noqa: S105 (a word, not a password)
    GIVE_BACK = "give-back"
    WITHDRAW = "withdraw"
    REOPEN = "reopen"
    PICK = "pick"
    CONFIRM = "confirm-won"


# The fields of a lead change that carry an act rather than a value (never last-writer-wins).
ACT_FIELDS = frozenset({"act", "act_member", "act_terms"})

CLOSED_STATUSES = frozenset({LeadStatus.WON, LeadStatus.LOST, LeadStatus.WITHDRAWN})

# Which status may follow which; the giver may always withdraw an open lead.
LEAD_TRANSITIONS: dict[LeadStatus, frozenset[LeadStatus]] = {
    LeadStatus.OPEN: frozenset({LeadStatus.INTEREST, LeadStatus.CLAIMED, LeadStatus.WITHDRAWN}),
    LeadStatus.INTEREST: frozenset({LeadStatus.CLAIMED, LeadStatus.OPEN, LeadStatus.WITHDRAWN}),
    LeadStatus.CLAIMED: frozenset(
        {LeadStatus.CONTACTED, LeadStatus.OPEN, LeadStatus.PASSED_ON, LeadStatus.WITHDRAWN}
    ),
    LeadStatus.CONTACTED: frozenset(
        {LeadStatus.PROPOSAL, LeadStatus.LOST, LeadStatus.PASSED_ON, LeadStatus.WITHDRAWN}
    ),
    LeadStatus.PROPOSAL: frozenset({LeadStatus.WON, LeadStatus.LOST, LeadStatus.WITHDRAWN}),
    LeadStatus.PASSED_ON: frozenset({LeadStatus.OPEN, LeadStatus.CLAIMED}),
    LeadStatus.WON: frozenset(),
    LeadStatus.LOST: frozenset(),
    LeadStatus.WITHDRAWN: frozenset(),
}


class Terms(enum.StrEnum):
    """Usage terms of an idea, from most to least restrictive."""

    PRIVATE = "private"
    EMBARGO = "embargo"
    VIEW_ONLY = "view-only"
    ASK_BEFORE_USE = "ask-before-use"
    REUSE_FOR_FEE = "reuse-for-fee"
    REUSE_WITH_ATTRIBUTION = "reuse-with-attribution"

    @property
    def rank(self) -> int:
        return list(Terms).index(self)


def check_derived_terms(child: Terms, parent: Terms) -> None:
    """A derivative may not carry more permissive terms than its parent."""
    if child.rank > parent.rank:
        raise SchemaError(
            f"terms {child.value!r} are more permissive than the parent idea's {parent.value!r}"
        )


@dataclass(frozen=True, slots=True)
class Field:
    check: Validator
    sealed: bool = False


# A reader's signed acceptance of an idea's terms: the terms hash (model/idea_rules.py), hex.
ACCEPT = "accept"

# An item sent to named members records its audience (member ids in hex, the writer included)
# inside its sealed part, so that every later change is sealed to the same members.
AUDIENCE = "to"

FIELDS: dict[Kind, dict[str, Field]] = {
    Kind.NOTE: {
        "title": Field(_title),
        "tags": Field(_tags),
        AUDIENCE: Field(MEMBER_IDS, sealed=True),
        # a member's comment record (model/comments.py): only ever alone, never a note field
        "comment": Field(_text(2_000)),
        "comment_of": Field(_hexid(32)),
    },
    Kind.LEAD: {
        "title": Field(_title),
        "description": Field(_text(20_000)),
        "role": Field(_text(200)),
        "skills": Field(_tags),
        "region": Field(_text(200)),
        "remote": Field(_bool),
        "start": Field(_date),
        "duration_weeks": Field(_int(0, 520)),
        "extension": Field(_bool),
        "hours_per_week": Field(_int(0, 80)),
        "respond_by": Field(_date),
        "contract_form": Field(_text(100)),
        "dba_assessment": Field(_text(500)),
        "referral_terms": Field(_text(500)),
        "interest_until": Field(_date),
        # acts (model/lead_rules.py); "status" and "claimer" are only read from old ops
        "act": Field(_enum(Act)),
        "act_member": Field(_hexid(32)),
        "act_terms": Field(_hexid(32)),
        "status": Field(_enum(LeadStatus)),
        "claimer": Field(_text(64)),
        # sealed to the claimer once they countersign the referral terms
        "org": Field(_text(200), sealed=True),
        "contact": Field(_text(500), sealed=True),
        "rate_min": Field(_int(0, 100_000), sealed=True),
        "rate_max": Field(_int(0, 100_000), sealed=True),
        "intermediary": Field(_text(200), sealed=True),
        "fee": Field(_text(200), sealed=True),
    },
    Kind.IDEA: {
        "title": Field(_title),
        "tags": Field(_tags),
        "owners": Field(MEMBER_IDS),
        "terms": Field(_enum(Terms)),
        "embargo_until": Field(_date),
        "audience": Field(_text(64)),
        "derived_from": Field(ITEM_IDS),
        AUDIENCE: Field(MEMBER_IDS, sealed=True),
        ACCEPT: Field(_hexid(32)),  # only ever alone, in a reader's acceptance (fold.py)
    },
    Kind.PROFILE: {
        "skills": Field(_tags),
        "availability": Field(_windows),
        "ambitions": Field(_text(5_000)),
    },
    Kind.THANKS: {"target": Field(_text(64)), "text": Field(_text(1_000))},
    Kind.FILE: {
        "data": Field(_bytes(att.CHUNK)),
        "name": Field(_file_name),
        "mime": Field(_one_of(frozenset(att.TYPES.values()))),
        "size": Field(_int(1, att.MAX_FILE)),
        "sha256": Field(_hexid(32)),
        "chunks": Field(_int(1, att.MAX_CHUNKS)),
    },
    Kind.WINDOW: {
        "subject": Field(_hexid(32)),  # whose availability (the publisher's own if absent)
        "start": Field(_date),  # not "from"/"to": "to" is an item's audience (AUDIENCE)
        "end": Field(_date),
        "hours": Field(_int(0, 80)),
        "region": Field(_text(100)),
        "remote": Field(_bool),
    },
    Kind.CONSENT: {"publisher": Field(_hexid(32)), "granted": Field(_bool)},
}

# Kinds whose long text is a "body" with conflict-preserving merge instead of last-writer-wins.
BODY_KINDS = frozenset({Kind.NOTE, Kind.IDEA})

NEVER_STORED = frozenset({"reason", "hiring_reason", "reason_for_hiring", "health"})


def validate_fields(kind: Kind, fields: Mapping[str, Any]) -> dict[str, Any]:
    """Check every given field of `kind`; returns the cleaned values."""
    spec = FIELDS[kind]
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if type(name) is not str:
            raise SchemaError(f"{kind.value}: field names must be text")
        if name in NEVER_STORED:
            raise NeverStoredField(
                f"{name}: CoopShare never stores this field (it often holds health data)"
            )
        if name not in spec:
            raise SchemaError(f"{kind.value} has no field {name!r}")
        out[name] = spec[name].check(name, value)
    if kind is Kind.LEAD:
        lo, hi = out.get("rate_min"), out.get("rate_max")
        if lo is not None and hi is not None and lo > hi:
            raise SchemaError("rate_min: must not be above rate_max")
    return out


def validate_body(text: Any) -> str:
    return str(_text(MAX_TEXT)("body", text))


def split_sealed(kind: Kind, fields: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split validated fields into (coop-visible, sealed) parts."""
    spec = FIELDS[kind]
    coop = {k: v for k, v in fields.items() if not spec[k].sealed}
    sealed = {k: v for k, v in fields.items() if spec[k].sealed}
    return coop, sealed


def check_transition(old: str | None, new: str) -> None:
    """Refuse a lead status change the lifecycle does not allow."""
    if old is None or old == new:
        return
    if LeadStatus(new) not in LEAD_TRANSITIONS[LeadStatus(old)]:
        raise SchemaError(f"status: a lead cannot go from {old} to {new}")


WIKILINK = re.compile(r"\[\[([^\[\]|#]{1,200})(?:[|#][^\[\]]*)?\]\]")


def wikilinks(body: str) -> list[str]:
    """Targets of ``[[links]]`` in a note body, in order, without duplicates."""
    seen: list[str] = []
    for m in WIKILINK.finditer(body):
        target = m.group(1).strip()
        if target and target not in seen:
            seen.append(target)
    return seen
