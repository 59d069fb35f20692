"""What a lead change carries into the rules (model/lead_rules.py): the act record read from a
validated change (``act_of``, old status-setting ops included) and the hash of the giver's
referral terms that a claimer's acceptance signs (``terms_hash``)."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from coopshare.model.items import Act, LeadStatus

if TYPE_CHECKING:
    from coopshare.model.fold import ItemState

# (hlc, op_id, author member id, act, member argument or b"", terms hash or b"", late): `late`
# is True when the same device signed an earlier op (lower seq) with a later time, evidence that
# this act was backdated (service/replica_content.py judges it from the stored log)
ActRecord = tuple[int, bytes, bytes, str, bytes, bytes, bool]

# The giver's change that sets `interest_until` is kept as an act of this name (the date, ASCII,
# in the terms slot), so a window opens at the moment it was set and never reaches back.
WINDOW = "window"


_LEGACY_CLAIMER = {
    LeadStatus.CLAIMED: Act.CLAIM,
    LeadStatus.CONTACTED: Act.CONTACTED,
    LeadStatus.PROPOSAL: Act.PROPOSAL,
    LeadStatus.WON: Act.WON,
    LeadStatus.LOST: Act.LOST,
    LeadStatus.OPEN: Act.GIVE_BACK,
    LeadStatus.PASSED_ON: Act.GIVE_BACK,
}


def act_of(
    fields: dict[str, object],
    *,
    hlc: int,
    op_id: bytes,
    author: bytes,
    item_id: bytes,
    late: bool = False,
) -> ActRecord | None:
    """The act a (validated) lead change carries, or None.

    Ops written before acts existed set "status" (and "claimer"); they are read as the act
    that status change meant, so old logs fold under the same rules.
    """
    name = fields.get("act")
    if name is not None:
        if name not in _ACTS:
            return None
        return (
            hlc,
            op_id,
            author,
            str(name),
            _hex(fields.get("act_member")),
            _hex(fields.get("act_terms")),
            late,
        )
    until = fields.get("interest_until")
    if isinstance(until, str) and author[:8] == item_id[:8]:
        return (hlc, op_id, author, WINDOW, b"", until.encode("ascii", "replace"), late)
    status = fields.get("status")
    if status not in _STATUSES:
        return None
    old = LeadStatus(str(status))
    if author[:8] == item_id[:8]:  # the giver's own status changes
        act = {LeadStatus.WITHDRAWN: Act.WITHDRAW}.get(old)
        if act is None:
            return None  # "open" at creation, or moves that were never the giver's
    else:
        act = _LEGACY_CLAIMER.get(old)
        if act is None:
            return None
    return (hlc, op_id, author, act.value, b"", b"", late)


_ACTS = frozenset(a.value for a in Act)
_STATUSES = frozenset(s.value for s in LeadStatus)


def _hex(value: object) -> bytes:
    """Fields arrive validated; anything else (a hand-built change) counts as absent."""
    if not isinstance(value, str):
        return b""
    try:
        return bytes.fromhex(value)
    except ValueError:
        return b""


# The giver's terms a claimer accepts (their hash is what an ACCEPT or CLAIM act carries).
TERMS_FIELDS = ("referral_terms",)


def terms_hash(st: ItemState) -> bytes:
    """SHA-256 of the lead's current referral terms, canonical JSON of TERMS_FIELDS in order."""
    values = [st.value(name, "") for name in TERMS_FIELDS]
    canon = json.dumps(values, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(b"coopshare/v1/lead-terms\0" + canon.encode()).digest()
