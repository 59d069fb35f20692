"""Leads in the reciprocity ledger (see service/ledger.py): given, received, given that led to
work. A won lead counts only once both sides signed, as ``model/lead_rules.py`` derives it on
every replica: the claimer's "won" and then the giver's confirmation (``won_confirmed``); it
counts as received for the claimer and as "given that led to work" for the giver, dated by the
confirmation."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from coopshare.model import lead_rules
from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms
from coopshare.model.items import Act, Kind, LeadStatus
from coopshare.service import ledger_memo
from coopshare.service.replica_base import ReplicaBase

LEAD_GIVEN = "lead-given"
LEAD_RECEIVED = "lead-received"
LEAD_WORKED = "lead-worked"  # a lead I gave that was won and confirmed

LeadEntry = tuple[bytes, str, ItemState, bytes | None, int]  # member, what, lead, other, when


def lead_states(c: ReplicaBase) -> dict[bytes, ItemState]:
    """Every lead row, deleted ones included (remembered while the row is unchanged)."""
    return ledger_memo.rows(c, Kind.LEAD.value, c._open_item)


def lead_entries(
    leads: Mapping[bytes, ItemState], members: Mapping[bytes, bytes], now_ms: int
) -> Iterator[LeadEntry]:
    """(member id, entry kind, lead, the other member, Unix ms) for every lead entry."""
    for st in leads.values():
        giver = members.get(st.creator)
        if giver is None or st.is_deleted:
            continue
        yield (giver, LEAD_GIVEN, st, None, physical_ms(st.created[0]))
        lead = lead_rules.derive(st, now_ms)
        if lead.status is not LeadStatus.WON or not lead.won_confirmed or lead.claimer is None:
            continue  # only won leads count, and only once the giver has confirmed
        confirmed = max(
            (s.hlc for s in lead.history if s.ok and s.act == Act.CONFIRM.value), default=0
        )
        when = physical_ms(confirmed)
        yield (lead.claimer, LEAD_RECEIVED, st, giver, when)
        yield (giver, LEAD_WORKED, st, lead.claimer, when)
