"""Review finding F5: a member who floods an item with release notices (each naming 256 ops)
cannot make it unreadable: other members' records are kept per author up to a cap."""

from __future__ import annotations

import os

from coopshare.crypto import envelope
from coopshare.model.fold import MAX_RECORDS_PER_AUTHOR
from coopshare.protocol import content
from coopshare.protocol.ops import OpKind
from coopshare.service import views
from coopshare.service.coop import Coop

from .conftest import MakeCoop, join, sync
from .forge import forge


def _notices(carol: Coop, item: bytes, to: bytes, n: int) -> list[bytes]:
    wires = []
    eid = carol.roster.current_epoch
    assert eid is not None and carol.coop_id is not None
    for _ in range(n):
        sealed, _ = envelope.seal_to(content.encode_grants([]), [carol.me.kex_pk], carol.coop_id)
        ops = tuple(os.urandom(32) for _ in range(256))
        notice = content.encode_notice(content.Notice(item, to, ops))
        visible, _ = envelope.seal_coop(notice, carol.epoch_keys[eid], carol.coop_id)
        op = forge(carol, content.encode_parts([sealed, visible]), kind=OpKind.KEY_RELEASE)
        carol.apply(op.encode())
        wires.append(op.encode())
    return wires


def test_a_flood_of_release_notices_keeps_the_item_readable(make_replica: MakeCoop) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    for x, y in ((alice, bob), (alice, carol), (bob, carol)):
        sync(x, y)
    note = alice.add_note("Alice's note", "hello")
    for c in (bob, carol):
        sync(alice, c)
    for w in _notices(carol, note, bob.me.member_id, 140):  # ~1 MiB of notices without a cap
        alice.apply(w)
    st = alice.item(note)
    assert st is not None and st.body == "hello"
    theirs = [r for r in st.releases if r[1] == carol.me.member_id]
    assert len(theirs) == MAX_RECORDS_PER_AUTHOR  # control: her notices were processed
    assert [r.title for r in views.page(alice, None, 0, 50)] == ["Alice's note"]


def test_a_backdated_acceptance_does_not_revive_a_release_of_old_terms() -> None:
    """Review finding F4: after the owner tightens the terms (view-only -> ask-before-use), an
    acceptance dated before the old release must not make that release count for the new terms
    (that would send the new body without the owner's click)."""
    from coopshare.model import idea_rules
    from coopshare.model.fold import Change, ItemState
    from coopshare.model.hlc import COUNTER_BITS
    from coopshare.model.items import Kind

    owner, reader = b"O" * 32, b"R" * 32
    item = owner[:8] + b"\0" * 8
    st = ItemState(item, Kind.IDEA)
    t = 1_800_000_000_000 << COUNTER_BITS
    now = (t >> COUNTER_BITS) + 10_000

    def ch(n: int, author: bytes, fields: dict[str, object], **kw: object) -> Change:
        return Change(
            op_id=bytes([n]) * 32,
            hlc=t + n,
            author=author,
            item_id=item,
            kind=Kind.IDEA,
            fields=fields,
            **kw,  # type: ignore[arg-type]
        )

    st.apply(ch(1, owner, {"title": "x", "terms": "view-only"}, body="v1"))
    st.apply(ch(2, reader, {"accept": idea_rules.terms_hash(st)}))
    st.apply(ch(3, owner, {}, release=(reader, (b"\1" * 32,))))
    assert idea_rules.grants_usable(st, reader)  # control: the release counts for view-only
    st.apply(ch(4, owner, {"terms": "ask-before-use"}, body="v2 secret", prev=(b"\1" * 32,)))
    backdated = Change(
        op_id=b"\5" * 32,
        hlc=t + 2,
        author=reader,
        item_id=item,
        kind=Kind.IDEA,
        fields={"accept": idea_rules.terms_hash(st)},
    )
    st.apply(backdated)
    assert idea_rules.due(st, now) == []  # ask-before-use: waits for the owner's click
    assert not idea_rules.grants_usable(st, reader)
