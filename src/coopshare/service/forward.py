"""What the sending side leaves out: ops the roster now says no peer may accept.

A device that had not yet heard of a member's removal stores what that member wrote after it
(it could not know better). Once it learns of the removal, every peer that knows of it refuses
those ops (Replica._check_not_cut_off), so they never enter the peer's version vector and the
pump used to offer them again on every sync, forever. The sender applies the same rule as the
receiver (both hold the same roster after a session's roster phase) and does not send them.
"""

from __future__ import annotations

from coopshare.errors import Unauthorized
from coopshare.protocol.ops import Header
from coopshare.service.coop import Coop

Row = tuple[int, bytes, int, bytes, bytes, bytes | None]  # n, device, seq, header, sig, body


def drop_cut_off(c: Coop, rows: list[Row]) -> list[Row]:
    """`rows` without the content ops of removed or revoked devices dated after their cut."""
    active = c.roster.active
    if all(r[1] in active for r in rows):
        return rows  # the usual case: nobody in this batch was ever cut off
    out = []
    for r in rows:
        if r[1] not in active:
            h = Header.decode(r[3])
            if not h.kind.is_roster:
                try:
                    c._check_not_cut_off(h)
                except Unauthorized:
                    continue
        out.append(r)
    return out
