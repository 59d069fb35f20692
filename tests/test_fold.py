"""Item state is a fold: same ops in any order give the same state; body conflicts stay visible."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopshare.errors import RULE_AUTHOR_ONLY, NotAllowed
from coopshare.identity.keys import Identity
from coopshare.model.fold import Change, ItemState
from coopshare.model.items import FIELDS, Kind

from .conftest import join, sync

ITEM = b"i" * 16


@st.composite
def changes(draw: st.DrawFn) -> list[Change]:
    n = draw(st.integers(1, 12))
    out: list[Change] = []
    for i in range(n):
        op_id = hashlib.sha256(bytes([i])).digest()
        prev = (
            tuple(draw(st.sets(st.sampled_from([c.op_id for c in out]), max_size=2))) if out else ()
        )
        has_body = draw(st.booleans())
        out.append(
            Change(
                op_id=op_id,
                hlc=draw(st.integers(0, 5)),  # few values: many ties, broken by op id
                author=b"a" * 32,
                item_id=ITEM,
                kind=Kind.NOTE,
                fields=draw(
                    st.dictionaries(
                        st.sampled_from(["title", "tags"]),
                        st.text(min_size=1, max_size=3),
                        max_size=2,
                    )
                ),
                body=f"v{i}" if has_body else None,
                prev=prev if has_body else (),
                deleted=draw(st.sampled_from([None, None, True, False])),
            )
        )
    return out


def _fold(cs: list[Change]) -> ItemState:
    s = ItemState(ITEM, Kind.NOTE)
    for c in cs:
        s.apply(c)
    return s


@given(changes(), st.randoms(use_true_random=False))
@settings(max_examples=300)
def test_lww_and_heads_converge_in_any_order(cs: list[Change], rnd) -> None:  # type: ignore[no-untyped-def]
    ref = _fold(cs)
    shuffled = cs[:]
    rnd.shuffle(shuffled)
    got = _fold(shuffled + shuffled[: len(shuffled) // 2])  # duplicates are no-ops
    assert got.to_plain() == ref.to_plain()
    assert ItemState.from_plain(ref.to_plain()).to_plain() == ref.to_plain()
    for name, (_, hlc, op_id) in ref.fields.items():
        writers = [(c.hlc, c.op_id) for c in cs if name in c.fields]
        assert (hlc, op_id) == max(writers)


CREATOR, OTHER = b"c" * 8 + b"\1" * 24, b"o" * 8 + b"\2" * 24
OWNED = CREATOR[:8] + b"\0" * 8


@st.composite
def mixed_changes(draw: st.DrawFn) -> list[Change]:
    """Changes of one item by its creator and by another member, of different kinds."""
    n = draw(st.integers(1, 10))
    out: list[Change] = []
    for i in range(n):
        kind = draw(st.sampled_from([Kind.NOTE, Kind.LEAD, Kind.IDEA]))
        has_body = draw(st.booleans())
        out.append(
            Change(
                op_id=hashlib.sha256(b"m" + bytes([i])).digest(),
                hlc=draw(st.integers(0, 4)),
                author=draw(st.sampled_from([CREATOR, OTHER])),
                item_id=OWNED,
                kind=kind,
                fields=draw(
                    st.dictionaries(
                        st.sampled_from(["title", "status", "tags", "terms"]),
                        st.text(min_size=1, max_size=2),
                        max_size=3,
                    )
                ),
                body=f"v{i}" if has_body else None,
                prev=(out[-1].op_id,) if has_body and out else (),
                deleted=draw(st.sampled_from([None, None, True])),
            )
        )
    return out


@given(mixed_changes(), st.randoms(use_true_random=False))
@settings(max_examples=300)
def test_only_the_creator_decides_the_kind_in_any_order(cs: list[Change], rnd) -> None:  # type: ignore[no-untyped-def]
    def fold(order: list[Change]) -> ItemState:
        s = ItemState(OWNED, order[0].kind)  # as the replica does: the first arrival's kind
        for c in order:
            s.apply(c)
        return s

    ref = fold(cs)
    shuffled = cs[:]
    rnd.shuffle(shuffled)
    got = fold(shuffled)
    mine = [c for c in cs if c.author == CREATOR]
    assert got.has_creator == ref.has_creator == bool(mine)
    if mine:  # whatever arrived first, the creator's earliest change says what the item is
        assert got.to_plain() == ref.to_plain()
        assert got.view() == ref.view()
        assert ref.kind is min(mine, key=lambda c: c.stamp).kind
    shown = set(ref.view()) - {"id", "kind", "created_hlc", "updated_hlc", "body", "conflicts"}
    assert shown <= set(FIELDS[ref.kind])
    assert ItemState.from_plain(ref.to_plain()).to_plain() == ref.to_plain()


def test_concurrent_body_edits_are_both_kept_then_resolved(make_replica) -> None:  # type: ignore[no-untyped-def]
    # the same member on two laptops edits one note while they are apart
    alice = make_replica("Alice")
    alice.create_coop("C")
    bob = make_replica("Alice")
    bob.me = Identity("Alice", alice.me.member_key, bob.me.device_key, bob.me.kex_key, bob.me.cert)
    join(alice, bob)
    assert len(alice.roster.active_devices_of(alice.me.member_id)) == 2
    note = alice.add_note("Plan", "v1")
    sync(alice, bob)
    alice.edit_item(note, {}, body="alice's version")
    bob.edit_item(note, {}, body="bob's version")
    sync(alice, bob)
    for c in (alice, bob):
        st_ = c.item(note)
        assert st_ is not None and st_.in_conflict
        assert {h.text for h in st_.heads.values()} == {"alice's version", "bob's version"}
        assert st_.view()["conflicts"]
    assert alice.item(note).view() == bob.item(note).view()  # type: ignore[union-attr]
    alice.edit_item(note, {}, body="merged")
    sync(alice, bob)
    assert bob.item(note).body == "merged"  # type: ignore[union-attr]
    assert not bob.item(note).in_conflict  # type: ignore[union-attr]


def test_edits_by_another_member_are_ignored_everywhere(coop_ab) -> None:
    alice, bob = coop_ab
    note = alice.add_note("Plan", "v1")
    sync(alice, bob)
    with pytest.raises(NotAllowed) as caught:
        bob.edit_item(note, {"title": "Bob's"}, body="overwritten")
    assert caught.value.rule == RULE_AUTHOR_ONLY
    bob.write_item(Kind.NOTE, note, {"title": "Bob's"}, body="overwritten")  # bypassing the check
    alice.edit_item(note, {"title": "A2"})
    sync(alice, bob)
    for c in (alice, bob):
        assert c.item(note).value("title") == "A2"  # type: ignore[union-attr]
        assert c.item(note).body == "v1"  # type: ignore[union-attr]
