"""Writing comments on notes (the writer's half of model/comments.py): a comment is the
commenter's own signed record on the note, sealed like the note (to the cooperative, or to the
note's named members). Refuses, with a typed NotAllowed, what the fold would not show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from coopshare.crypto import envelope
from coopshare.errors import (
    RULE_COMMENT_AUTHOR,
    RULE_COMMENT_CAP,
    RULE_NOT_A_NOTE,
    CommentEmpty,
    NotAllowed,
)
from coopshare.model import comments as rules
from coopshare.model.fold import MAX_RECORDS_PER_AUTHOR
from coopshare.model.hlc import physical_ms
from coopshare.model.items import AUDIENCE, Kind
from coopshare.protocol import content
from coopshare.protocol.ops import OpKind

if TYPE_CHECKING:
    from coopshare.service.coop import Coop


@dataclass(frozen=True, slots=True)
class CommentView:
    """A comment as the app shows it under a note."""

    id: str  # hex op id of its first version
    author: str  # name
    text: str
    created: int  # unix milliseconds
    edited: bool
    mine: bool


def write(coop: Coop, item_id: bytes, text: str, of: bytes | None = None) -> str:
    """Add my comment to a note (`of` None), or change or (empty `text`) remove my comment
    `of`. Returns the new record's op id (hex)."""
    st = coop._existing(item_id)
    if st.kind is not Kind.NOTE:
        raise NotAllowed(rule=RULE_NOT_A_NOTE)
    text = text.strip()
    me = coop.me.member_id
    if of is None and not text:
        raise CommentEmpty()
    if of is not None:
        mine = {c.id for c in rules.current(st.comments) if c.author == me}
        if of not in mine:
            raise NotAllowed(rule=RULE_COMMENT_AUTHOR)
    if rules.records_by(st.comments, me) >= MAX_RECORDS_PER_AUTHOR:
        raise NotAllowed(rule=RULE_COMMENT_CAP)
    fields: dict[str, object] = {rules.COMMENT: text[: rules.MAX_COMMENT]}
    if of is not None:
        fields[rules.COMMENT_OF] = of.hex()
    plain = content.encode_change(Kind.NOTE, item_id, fields)
    coop_id = coop._coop()
    eid, key = coop._epoch()
    audience = [bytes.fromhex(m) for m in st.value(AUDIENCE, []) or []]
    if audience:  # a note for named members: its comments stay among them
        part, _ = envelope.seal_to(plain, coop._devices_of(audience, required=()), coop_id)
    else:
        part, _ = envelope.seal_coop(plain, key, coop_id)
    return coop._append(OpKind.ITEM, content.encode_parts([part]), eid).op_id.hex()


def of_note(coop: Coop, item_id: bytes) -> list[CommentView]:
    st = coop.item(item_id)
    if st is None or st.kind is not Kind.NOTE:
        return []
    me = coop.me.member_id
    names: dict[bytes, str] = {}
    out = []
    audience = frozenset(bytes.fromhex(m) for m in st.value(AUDIENCE, []) or [])
    for c in rules.current(st.comments, audience):
        if c.author not in names:
            names[c.author] = coop.member_name(c.author)
        out.append(
            CommentView(
                id=c.id.hex(),
                author=names[c.author],
                text=c.text,
                created=physical_ms(c.created),
                edited=c.edited != c.created,
                mine=c.author == me,
            )
        )
    return out
