"""Comments on notes: each is its commenter's own signed record on the note (model/comments.py).

The writer refuses what the fold would not show; hostile members sign comment records with
their own device keys through tests/forge.py, bypassing ``Coop``; each defence has a positive
control showing the forged ops were stored and read."""

from __future__ import annotations

import random

import pytest

from coopshare.errors import RULE_COMMENT_AUTHOR, RULE_COMMENT_CAP, CommentEmpty, NotAllowed
from coopshare.model import comments as rules
from coopshare.model.fold import MAX_RECORDS_PER_AUTHOR
from coopshare.model.items import Kind
from coopshare.service import comments
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop, join, sync
from tests.forge import coop_change, forge


def _pair(make_replica: MakeCoop) -> tuple[Coop, Coop, bytes]:
    alice, bob = make_replica("Alice"), make_replica("Bob")
    alice.create_coop("Brabant Interim")
    join(alice, bob)
    note = alice.add_note("Inkoop", "tekst", ["inkoop"])
    sync(alice, bob)
    return alice, bob, note


def _forged_comment(c: Coop, note: bytes, text: str, of: bytes | None = None) -> bytes:
    fields: dict[str, object] = {rules.COMMENT: text}
    if of is not None:
        fields[rules.COMMENT_OF] = of.hex()
    op = forge(c, coop_change(c, Kind.NOTE, note, fields))
    wire = op.encode()
    assert c.apply(wire).new
    return wire


def test_a_comment_is_the_commenters_record_and_the_note_stays_its_authors(
    make_replica: MakeCoop,
) -> None:
    alice, bob, note = _pair(make_replica)
    cid = bytes.fromhex(comments.write(bob, note, "Goed stuk, zie ook de tender van mei."))
    sync(alice, bob)
    for c in (alice, bob):
        shown = comments.of_note(c, note)
        assert [(v.author, v.text) for v in shown] == [
            ("Bob", "Goed stuk, zie ook de tender van mei.")
        ]
        st = c.item(note)
        assert st is not None and st.body == "tekst" and st.value("title") == "Inkoop"
    assert comments.of_note(bob, note)[0].mine and not comments.of_note(alice, note)[0].mine
    # Bob edits and then removes his own comment; Alice may not touch it
    with pytest.raises(NotAllowed) as refused:
        comments.write(alice, note, "overschreven", of=cid)
    assert refused.value.rule == RULE_COMMENT_AUTHOR
    comments.write(bob, note, "Bijgewerkt", of=cid)
    sync(alice, bob)
    shown = comments.of_note(alice, note)
    assert [v.text for v in shown] == ["Bijgewerkt"] and shown[0].edited
    comments.write(bob, note, "", of=cid)
    sync(alice, bob)
    assert comments.of_note(alice, note) == []
    with pytest.raises(CommentEmpty):  # an empty new comment is no comment
        comments.write(bob, note, "   ")


def test_forged_edit_of_someone_elses_comment_is_never_shown(make_replica: MakeCoop) -> None:
    alice, bob, note = _pair(make_replica)
    cid = bytes.fromhex(comments.write(alice, note, "Mijn opmerking"))
    sync(alice, bob)
    _forged_comment(bob, note, "Bob's vervalsing", of=cid)
    sync(alice, bob)
    for c in (alice, bob):
        st = c.item(note)
        assert st is not None
        # positive control: the forged edit was stored and folded into the note's records
        assert any(r[3] == "Bob's vervalsing" and r[4] == cid for r in st.comments)
        assert [v.text for v in comments.of_note(c, note)] == ["Mijn opmerking"]
    # the same record by the comment's own writer does change it: the rule is what stops Bob
    own = comments.write(alice, note, "Alice past aan", of=cid)
    assert own and [v.text for v in comments.of_note(alice, note)] == ["Alice past aan"]


def test_forged_comments_over_the_cap_are_dropped_in_any_order(make_replica: MakeCoop) -> None:
    alice, bob, note = _pair(make_replica)
    wires = [_forged_comment(bob, note, f"spam {i}") for i in range(MAX_RECORDS_PER_AUTHOR + 9)]
    st = bob.item(note)
    assert st is not None and rules.records_by(st.comments, bob.me.member_id) == (
        MAX_RECORDS_PER_AUTHOR
    )
    with pytest.raises(NotAllowed) as refused:
        comments.write(bob, note, "one more")
    assert refused.value.rule == RULE_COMMENT_CAP
    random.Random(3).shuffle(wires)
    for wire in wires:  # Alice receives them in another order: the same first ones are kept
        alice.apply(wire)
    st_a = alice.item(note)
    assert st_a is not None and st_a.comments == st.comments
    # positive control: every forged op was stored; the cap (not a lost op) is what trims them
    stored = {bytes(w) for w in alice.wire_ops()}
    assert all(bytes(w) in stored for w in wires)
    kept = [v.text for v in comments.of_note(alice, note)]
    assert kept == [f"spam {i}" for i in range(MAX_RECORDS_PER_AUTHOR)]


def test_comment_fields_never_change_the_note(make_replica: MakeCoop) -> None:
    """A change mixing a comment with a title is no comment; from anyone but the author it is
    refused whole, so the title stays."""
    alice, bob, note = _pair(make_replica)
    wire = forge(
        bob, coop_change(bob, Kind.NOTE, note, {rules.COMMENT: "x", "title": "Gekaapt"})
    ).encode()
    alice.apply(wire)
    assert bytes(wire) in {bytes(w) for w in alice.wire_ops()}  # stored: it was judged
    st = alice.item(note)
    assert st is not None and st.value("title") == "Inkoop" and not st.comments


def test_a_comment_from_outside_a_notes_audience_is_never_shown(make_replica: MakeCoop) -> None:
    """Review of session 6: Carol is not among the members Alice's note is for, but learnt its
    id; she signs a comment on it (coop-wide, or sealed to Alice's and Bob's devices) and a
    forged empty "edit" that would remove Bob's comment. Neither is ever shown to them."""
    from coopshare.crypto import envelope
    from coopshare.protocol import content
    from tests.conftest import three_members

    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    note = alice.add_note("Alleen voor Bob", "tekst", [], [bob.me.member_id])
    sync(alice, bob)
    bob_comment = bytes.fromhex(comments.write(bob, note, "Bob's opmerking"))
    sync(alice, bob)
    sync(alice, carol)
    assert carol.item(note) is None  # she cannot read the note
    _forged_comment(carol, note, "Carol was hier")
    plain = content.encode_change(Kind.NOTE, note, {rules.COMMENT: "Carol, verzegeld"})
    devices = [alice.me.kex_pk, bob.me.kex_pk]
    part, _ = envelope.seal_to(plain, devices, carol.coop_id or b"")
    assert carol.apply(forge(carol, content.encode_parts([part])).encode()).new
    _forged_comment(carol, note, "", of=bob_comment)  # a forged removal of Bob's comment
    for c in (alice, bob):
        sync(carol, c)
        st = c.item(note)
        assert st is not None
        # positive control: Carol's three records were stored and folded into the note
        texts = {r[3] for r in st.comments if r[0] == carol.me.member_id}
        assert texts == {"Carol was hier", "Carol, verzegeld", ""}
        assert [(v.author, v.text) for v in comments.of_note(c, note)] == [
            ("Bob", "Bob's opmerking")
        ]
    # control: on a note for everybody, Carol's comment is shown
    open_note = alice.add_note("Voor iedereen", "tekst", [])
    sync(alice, carol)
    comments.write(carol, open_note, "Carol mag hier")
    sync(alice, carol)
    assert [v.text for v in comments.of_note(alice, open_note)] == ["Carol mag hier"]
