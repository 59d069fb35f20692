"""Leads in the reciprocity ledger (see service/ledger.py): given, received, given that led to
work; a won lead counts only once both sides signed (the claimer's "won", the giver's
confirmation)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from coopshare.model.fold import ItemState
from coopshare.model.hlc import physical_ms
from coopshare.model.items import Kind
from coopshare.service.replica_base import ReplicaBase

LEAD_GIVEN = "lead-given"
LEAD_RECEIVED = "lead-received"
LEAD_WORKED = "lead-worked"  # a lead I gave that was won and confirmed

LeadEntry = tuple[bytes, str, ItemState, bytes | None, int]  # member, what, lead, other, when


def lead_entries(
    c: ReplicaBase, members: Mapping[bytes, bytes], now_ms: int
) -> Iterator[LeadEntry]:
    """(member id, entry kind, lead, the other member, Unix ms) for every lead entry."""
    for st in c.items(Kind.LEAD):
        giver = members.get(st.creator)
        if giver is None:
            continue
        yield (giver, LEAD_GIVEN, st, None, physical_ms(st.created[0]))
