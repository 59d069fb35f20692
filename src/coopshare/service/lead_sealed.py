"""Whether a lead has sealed details at all, seen by any member (#26).

A reader who is not the giver cannot open the sealed part of a lead, but can see that it is
there: the giver's item op then carries a second part sealed to the giver's devices
(``Coop.write_item``). A lead whose giver gave no client, rate or intermediary has no such
part, and the page then says nothing about sealed details.
"""

from __future__ import annotations

from coopshare.crypto import envelope
from coopshare.errors import ValidationError
from coopshare.model.fold import ItemState
from coopshare.protocol import content
from coopshare.protocol.ops import Header, OpKind
from coopshare.service.coop import Coop


def has_sealed_details(coop: Coop, st: ItemState) -> bool:
    """True if one of the giver's ops of this lead holds a part sealed to named devices."""
    for op_id in coop.store.ops_of_item(st.item_id):
        row = coop.store.op_row(op_id)
        if row is None or row[2] is None:
            continue  # unknown, or its body was purged
        header = Header.decode(row[0])
        if header.kind is not OpKind.ITEM:
            continue
        author = coop.roster.member_of(header.device)
        if author is None or author[:8] != st.item_id[:8]:
            continue
        try:
            parts = content.decode_parts(row[2])
        except ValidationError:
            continue
        if any(pt.mode == envelope.MODE_SEALED for pt in parts[1:]):
            return True
    return False
