"""The release policy: the owner's device releases an idea's body to every reader whose
acceptance matches the idea's current terms (model/idea_rules.py ``due``), and a lead's sealed
fields to its claimer once the claimer accepted the current referral terms
(model/lead_release.py ``due``); sealed fields of leads closed RETENTION_WEEKS ago are dropped.

Automatic for view-only, reuse-with-attribution, reuse-for-fee and (once its date has
passed) embargo; for ask-before-use and private-to-named-members only after the owner approved
a reader once (``coopshare idea release``, the Ideas page). Later body edits reach every
approved reader the same way. Runs on the store thread: after each applied batch or local
write (``Node.announce``), for the items that changed, and every ``TICK`` seconds for all of
this member's ideas and leads (``full_pass``: an embargo ends; a CLI process wrote meanwhile).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable

from coopshare.errors import CoopShareError
from coopshare.model import idea_rules, lead_release
from coopshare.model.hlc import wall_ms
from coopshare.model.items import Kind
from coopshare.service import coop_terms, device_keys, proofs, restored, talent_purge
from coopshare.service.coop import Coop

log = logging.getLogger(__name__)
TICK = 60.0  # s between full passes over this member's ideas


def step(coop: Coop, item_ids: Iterable[bytes] | None = None, now_ms: int | None = None) -> int:
    """Write the releases due on my ideas among `item_ids` (all of them if None); returns the
    number of key releases written."""
    if coop.coop_id is None or restored.holding(coop):  # restored: writes nothing yet
        return 0
    me = coop.me.member_id
    now = wall_ms() if now_ms is None else now_ms
    written = 0
    if item_ids is None:
        written += proofs.witness_step(coop, full=True, now_ms=now)  # commitments missed so far
        talent_purge.sweep(coop, now)  # ended or revoked availability windows
        written += device_keys.step(coop) > 0  # my new devices get my sealed items' keys
        states = [
            st for k in (Kind.IDEA, Kind.LEAD) for st in coop.items(k) if st.creator == me[:8]
        ]
    else:  # an item id starts with its creator's id: mine are found without opening others
        states = [st for i in set(item_ids) if i[:8] == me[:8] and (st := coop.item(i))]
    for st in states:
        if st.kind is Kind.IDEA:
            due = idea_rules.due(st, now)
        elif st.kind is Kind.LEAD and not st.is_deleted and lead_release.may_be_due(st):
            due = lead_release.due(st, coop_terms.sealed_ops(coop, st.item_id), now)
        else:
            continue
        for member, ops in due:
            try:
                written += coop_terms.write_release(coop, st.item_id, member, ops) > 0
            except CoopShareError as e:  # e.g. the reader has no active device any more
                log.info("release of %s not written: %s", st.item_id.hex()[:12], e)
    return written


def full_pass(coop: Coop, now_ms: int | None = None) -> list[bytes]:
    """Drop the keys of leads past retention, then write the releases due on all my ideas and
    leads; returns the items this changed."""
    now = wall_ms() if now_ms is None else now_ms
    changed = purge_expired(coop, now)
    with coop.recording(changed):
        step(coop, None, now)
    return changed


async def keep_releasing(
    db: Callable[[Callable[[Coop], list[bytes]]], Awaitable[list[bytes]]],
    wrote: Callable[[list[bytes]], Awaitable[None]],
) -> None:
    """A full pass now and every TICK seconds; `wrote` pushes new ops and announces the items
    that changed."""
    while True:
        try:
            changed = await db(full_pass)
            if changed:
                await wrote(changed)
        except CoopShareError as e:  # a store fault: the next pass tries again
            log.info("release pass failed: %s", e)
        await asyncio.sleep(TICK)


def purge_expired(coop: Coop, now_ms: int) -> list[bytes]:
    """Drop the keys released to me for leads closed RETENTION_WEEKS ago, and fold those leads
    again without their sealed fields; every peer does the same from the same signed times.
    Returns the leads folded again."""
    me = coop.me.member_id
    done: list[bytes] = []
    for st in coop.items(Kind.LEAD, include_deleted=True):
        if st.creator == me[:8] or not any(r[0] == me for r in st.releases):
            continue
        if not lead_release.expired(st, now_ms):
            continue
        with coop.transaction():
            if coop.store.drop_grants(coop.store.ops_of_item(st.item_id)):
                coop._refold(st.item_id)
                done.append(st.item_id)
    return done
