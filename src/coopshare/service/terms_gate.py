"""Idea terms on the ingest side (the rules are model/idea_rules.py): release notices as
changes, refused idea changes recorded for the history, and whether keys granted to this
device may be used. Called by :class:`~coopshare.service.replica_content.ContentApplier`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from coopshare.model import idea_rules, lead_release
from coopshare.model.fold import Change, ItemState
from coopshare.model.items import Kind
from coopshare.protocol.ops import Op
from coopshare.service import content_open


def notice_changes(
    op: Op, releaser: bytes, coop_id: bytes, epoch_keys: dict[bytes, bytes]
) -> list[Change]:
    """A key release's notice as a change of the item it names (none for an old release)."""
    notice = content_open.notice_of(op, coop_id, epoch_keys)
    if notice is None:
        return []
    return [
        Change(
            op_id=op.op_id,
            hlc=op.header.hlc,
            author=releaser,
            item_id=notice.item_id,
            kind=Kind.IDEA,  # never decides the kind: a notice is recorded, not folded as fields
            fields={},
            release=(notice.to, notice.ops),
        )
    ]


def authorise(
    changes: list[Change], author: bytes, allowed: Callable[[Change, bytes], bool]
) -> list[Change]:
    """The changes `author` may make; a refused change of an idea stays as a flag only."""
    out = []
    for ch in changes:
        if allowed(ch, author):
            out.append(ch)
        elif ch.kind is Kind.IDEA:
            out.append(
                replace(
                    ch,
                    fields={},
                    body=None,
                    prev=(),
                    deleted=None,
                    refused=idea_rules.REFUSED_CHANGE,
                )
            )
    return out


GATED = frozenset({Kind.IDEA, Kind.LEAD})  # kinds whose granted keys need a counting release


def usable(state: ItemState, ch: Change, me: bytes) -> bool:
    """May a change opened with a granted key be folded into `state`?"""
    if not state.has_creator:
        return ch.kind not in GATED  # a grant waits until the item's rules can be read
    return grants_usable(state, me)


def grants_usable(state: ItemState, me: bytes) -> bool:
    if state.kind is Kind.LEAD:
        return lead_release.grants_usable(state, me)
    return idea_rules.grants_usable(state, me)


def watched(state: ItemState, me: bytes) -> bool:
    """Whether a change to this item may switch this device's use of granted keys on or off."""
    return state.kind in GATED and any(r[0] == me for r in state.releases)


def release_problem(state: ItemState, r: idea_rules.Release) -> str | None:
    if state.kind is Kind.LEAD:
        return lead_release.release_problem(state, r)
    return idea_rules.release_problem(state, r)


def split(changes: list[Change]) -> tuple[list[Change], list[Change]]:
    """(changes opened with this device's own keys, changes opened with granted keys)."""
    return [c for c in changes if not c.via_grant], [c for c in changes if c.via_grant]
