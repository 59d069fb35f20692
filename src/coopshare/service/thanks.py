"""Thanks: reading them from the log for the rules of ``model/thanks_rules.py``, and writing one.

A thanks is read from the changes its author wrote **to the whole cooperative** (coop parts,
readable by every member): its target from the author's earliest such change, its text and a
withdrawal (deletion) last-writer-wins among them. Changes sealed to named members are ignored,
so a member cannot make a thanks count, or take a place in the daily cap, on some replicas only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from coopshare.crypto.envelope import MODE_COOP
from coopshare.errors import (
    RULE_THANKS_CAP,
    RULE_THANKS_SELF,
    RULE_THANKS_TARGET,
    RULE_THANKS_TWICE,
    CoopShareError,
    NoSuchItem,
    NotAllowed,
    SchemaError,
)
from coopshare.model.fold import Change
from coopshare.model.items import Kind
from coopshare.model.thanks_rules import (
    ITEM_TARGET,
    MAX_THANKS_PER_DAY,
    MEMBER_TARGET,
    Judged,
    ThanksFact,
    Verdict,
    judge,
    mine_today,
    target_of,
)
from coopshare.protocol import content
from coopshare.protocol.ops import Header
from coopshare.service import content_open, ledger_memo

if TYPE_CHECKING:
    from coopshare.service.coop import Coop
    from coopshare.service.replica_base import ReplicaBase

MAX_THANKS_TEXT = 280  # what the writer accepts; a short line, not a letter
THANKABLE = frozenset({Kind.NOTE, Kind.LEAD})


def known_members(c: ReplicaBase) -> dict[bytes, bytes]:
    """Every member id ever admitted (by its 8-byte prefix), former members included."""
    return {d.member_id[:8]: d.member_id for d in c.roster.devices.values()}


def facts(c: ReplicaBase, author_prefix: bytes = b"") -> list[ThanksFact]:
    """Every thanks this replica holds (of one author: `author_prefix`, 8 bytes), as its author
    wrote it to the whole cooperative; remembered per item row (ledger_memo)."""
    found = ledger_memo.rows(
        c, Kind.THANKS.value, lambda item_id, _blob: _fact(c, item_id), prefix=author_prefix
    )
    return [f for f in found.values() if f is not None]


def _fact(c: ReplicaBase, item_id: bytes) -> ThanksFact | None:
    changes = _coop_changes(c, item_id)
    if not changes:
        return None
    changes.sort(key=lambda ch: ch.stamp)
    origin = changes[0]
    text = next((ch.fields["text"] for ch in reversed(changes) if "text" in ch.fields), "")
    gone = next((ch.deleted for ch in reversed(changes) if ch.deleted is not None), False)
    return ThanksFact(
        item_id=item_id,
        hlc=origin.hlc,
        op_id=origin.op_id,
        author=origin.author,
        target=target_of(origin.fields.get("target")),
        text=str(text),
        withdrawn=bool(gone),
    )


def _coop_changes(c: ReplicaBase, item_id: bytes) -> list[Change]:
    """The creator's changes of a thanks item that sit in coop parts of its ops."""
    assert c.coop_id is not None
    out = []
    for op_id in c.store.ops_of_item(item_id):
        row = c.store.op_row(op_id)
        if row is None or row[2] is None:
            continue  # purged: the author took it back
        header = Header.decode(row[0])
        author = c.roster.member_of(header.device)
        if author is None or author[:8] != item_id[:8]:
            continue
        try:
            for part in content.decode_parts(row[2]):
                if part.mode != MODE_COOP:
                    continue
                opened = content_open.open_part(
                    part, [], c.coop_id, c.epoch_keys.get(header.epoch), c.me.kex_key
                )
                if opened is None:
                    continue
                ch = content.decode_change(opened[0], op_id=op_id, hlc=header.hlc, author=author)
                if ch.item_id == item_id and ch.kind is Kind.THANKS:
                    out.append(ch)
        except CoopShareError:
            continue  # the replica quarantines such ops; they never count
    return out


def judged(
    c: ReplicaBase, known: Mapping[bytes, Kind] | None = None, author_prefix: bytes = b""
) -> list[Judged]:
    """Every thanks with its verdict (identical on every replica holding the same ops); of
    one author only with `author_prefix` (its verdicts depend on that author's thanks only).
    `known`: kinds of items already read (others are looked up)."""
    members = known_members(c)
    admitted = set(members.values())

    def resolve(target: bytes) -> bytes | None:
        if len(target) == MEMBER_TARGET:
            return target if target in admitted else b""  # b"": nobody by that id
        kind = None if known is None else known.get(target)
        if kind is None:
            st = c.item(target)
            if st is None or not st.has_creator:
                return None  # not (yet) known here: the thanks waits
            kind = st.kind
        return members.get(target[:8], b"") if kind in THANKABLE else b""

    return judge(facts(c, author_prefix), resolve)


def give(c: Coop, target: bytes, text: str) -> bytes:
    """Write a thanks; refuses (NotAllowed) what the rules would not count."""
    text = text.strip()
    if len(text) > MAX_THANKS_TEXT:
        raise SchemaError(f"text: longer than {MAX_THANKS_TEXT} characters")
    me = c.me.member_id
    if len(target) == ITEM_TARGET:
        st = c._existing(target)
        if st.kind not in THANKABLE:
            raise NotAllowed(rule=RULE_THANKS_TARGET)
        if st.creator == me[:8]:
            raise NotAllowed(rule=RULE_THANKS_SELF)
    elif len(target) == MEMBER_TARGET:
        if target == me:
            raise NotAllowed(rule=RULE_THANKS_SELF)
        if target not in c.roster.members:
            raise NotAllowed(rule=RULE_THANKS_TARGET)
    else:
        raise NotAllowed(rule=RULE_THANKS_TARGET)
    done = judged(c, author_prefix=me[:8])
    if _already(done, me, target):
        raise NotAllowed(rule=RULE_THANKS_TWICE)
    next_hlc = c.clock.peek()  # the stamp this thanks will carry
    if mine_today((j.fact for j in done), me, next_hlc) >= MAX_THANKS_PER_DAY:
        raise NotAllowed(rule=RULE_THANKS_CAP)
    fields = {"target": target.hex(), "text": text}
    return c.write_item(Kind.THANKS, c.new_item_id(), fields)


def _already(done: list[Judged], me: bytes, target: bytes) -> bool:
    live = (Verdict.COUNTS, Verdict.PENDING)
    return any(j.fact.author == me and j.fact.target == target and j.verdict in live for j in done)


def already(c: ReplicaBase, target: bytes) -> bool:
    """True once I have thanked for `target` (a thanks that counts or waits for its item)."""
    me = c.me.member_id
    return _already(judged(c, author_prefix=me[:8]), me, target)


def target_from_text(c: Coop, text: str) -> bytes:
    """What `coopshare thanks ID` names: an item id prefix, else a member's name."""
    try:
        return c.find_item(text)
    except NoSuchItem:
        return c.find_member(text)
