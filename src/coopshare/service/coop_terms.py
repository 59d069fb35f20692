"""Writing acceptances and key releases (the writer's half of model/idea_rules.py).

Each function refuses with a typed :class:`~coopshare.errors.NotAllowed` what the fold would
flag, so an honest device never writes a release that other replicas ignore.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from coopshare.crypto import envelope
from coopshare.errors import (
    RULE_AUTHOR_ONLY,
    RULE_EMBARGO,
    RULE_NO_ACCEPTANCE,
    RULE_NOT_AN_IDEA,
    RULE_OWN_IDEA,
    RULE_OWNER_ONLY,
    NotAllowed,
)
from coopshare.model import idea_rules, lead_rules
from coopshare.model.fold import ItemState
from coopshare.model.hlc import wall_ms
from coopshare.model.items import ACCEPT, AUDIENCE, Kind
from coopshare.protocol import content
from coopshare.protocol.ops import Header, OpKind
from coopshare.service import device_keys

if TYPE_CHECKING:
    from coopshare.service.coop import Coop


def idea(coop: Coop, item_id: bytes) -> ItemState:
    st = coop._existing(item_id)
    if st.kind is not Kind.IDEA:
        raise NotAllowed(rule=RULE_NOT_AN_IDEA)
    return st


def accept(coop: Coop, item_id: bytes) -> str:
    """Sign my acceptance of the idea's current terms; returns the terms hash."""
    st = idea(coop, item_id)
    if idea_rules.is_owner(st, coop.me.member_id):
        raise NotAllowed(rule=RULE_OWN_IDEA)
    if idea_rules.owner_only(st):
        raise NotAllowed(rule=RULE_OWNER_ONLY)
    h = idea_rules.terms_hash(st)
    plain = content.encode_change(Kind.IDEA, item_id, {ACCEPT: h})
    coop_id = coop._coop()
    eid, key = coop._epoch()
    audience = [bytes.fromhex(m) for m in st.value(AUDIENCE, []) or []]
    if audience:  # a named idea: the acceptance stays within its audience
        part, _ = envelope.seal_to(plain, coop._devices_of(audience, required=()), coop_id)
    else:
        part, _ = envelope.seal_coop(plain, key, coop_id)
    coop._append(OpKind.ITEM, content.encode_parts([part]), eid)
    return h


def check_release(coop: Coop, st: ItemState, member: bytes) -> None:
    """Refuse a release the fold would flag (idea_rules.release_problem)."""
    if st.creator != coop.me.member_id[:8]:
        raise NotAllowed(rule=RULE_AUTHOR_ONLY)
    if idea_rules.owner_only(st):
        raise NotAllowed(rule=RULE_OWNER_ONLY)
    if idea_rules.waiting_for_date(st, wall_ms()):
        raise NotAllowed(rule=RULE_EMBARGO)
    if idea_rules.accepted(st, member) is None:
        raise NotAllowed(rule=RULE_NO_ACCEPTANCE)


def release_idea(coop: Coop, item_id: bytes, member: bytes) -> int:
    """The owner's release of an idea's current body to an accepted reader (the owner's
    click for ask-before-use; automatic otherwise: service/releases.py)."""
    st = idea(coop, item_id)
    check_release(coop, st, member)
    return write_release(coop, item_id, member, sorted(idea_rules.body_ops(st)))


def release_lead(coop: Coop, item_id: bytes, member: bytes) -> int:
    """The giver's release of a lead's sealed fields to its claimer, once that claimer accepted
    the current referral terms (model/lead_release.py judges it on every replica)."""
    st = coop._existing(item_id)
    if st.creator != coop.me.member_id[:8]:
        raise NotAllowed(rule=RULE_AUTHOR_ONLY)
    lead = lead_rules.derive(st)
    if lead.claimer != member or lead.accepted_terms != lead_rules.terms_hash(st):
        raise NotAllowed(rule=RULE_NO_ACCEPTANCE)
    return write_release(coop, item_id, member, sealed_ops(coop, item_id))


def sealed_ops(coop: Coop, item_id: bytes) -> set[bytes]:
    """My ops of this item that hold a sealed part (a lead's sealed fields)."""
    out = set()
    for op_id in coop.store.ops_of_item(item_id):
        row = coop.store.op_row(op_id)
        if row is None or row[2] is None or coop._author_of(op_id) != coop.me.member_id:
            continue
        if Header.decode(row[0]).kind is not OpKind.ITEM:
            continue
        if any(pt.mode == envelope.MODE_SEALED for pt in content.decode_parts(row[2])):
            out.add(op_id)
    return out


def write_release(coop: Coop, item_id: bytes, member: bytes, op_ids: Iterable[bytes]) -> int:
    """A key release of the sealed parts of my ops among `op_ids` (those I can open) to
    `member`'s devices, with its notice for every member; returns the number of grants."""
    body, count = release_body(coop, item_id, member, op_ids)
    if count:
        coop._append(OpKind.KEY_RELEASE, body, coop._epoch()[0])
    return count


def release_body(
    coop: Coop, item_id: bytes, member: bytes, op_ids: Iterable[bytes]
) -> tuple[bytes, int]:
    """The body of such a key release (protocol.md §11) and its number of grants."""
    coop_id = coop._coop()
    grants, granted_ops = [], []
    for op_id in op_ids:
        if coop._author_of(op_id) != coop.me.member_id:
            continue
        row = coop.store.op_row(op_id)
        if row is None or row[2] is None:
            continue
        for i, part in enumerate(content.decode_parts(row[2])):
            if part.mode == envelope.MODE_SEALED:
                dek = device_keys.own_part_key(coop, op_id, i, part)
                if dek is not None:
                    grants.append(content.Grant(op_id, i, dek))
                    if op_id not in granted_ops:
                        granted_ops.append(op_id)
    if not grants:
        return b"", 0
    sealed, _ = envelope.seal_to(content.encode_grants(grants), coop._devices_of([member]), coop_id)
    notice = content.encode_notice(content.Notice(item_id, member, tuple(granted_ops)))
    visible, _ = envelope.seal_coop(notice, coop._epoch()[1], coop_id)
    return content.encode_parts([sealed, visible]), len(grants)
