"""Leads in the reciprocity ledger (see service/ledger.py): given, received, given that led to
work; a won lead counts only once both sides signed (the claimer's "won", the giver's
confirmation)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms
from coopshare.model.items import Kind
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
