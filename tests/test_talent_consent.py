"""Talent bank consent under attack (review of session 6): a consent reaches no window published
before it, a revocation stays final after a new grant in any arrival order, a consent is no
token for another subject or publisher, a removed member's consent no longer counts, and other
members' records never move a window in the caps. Hostile members sign with their own device
keys (tests/forge.py); each test has a control."""

from __future__ import annotations

import pytest

from coopshare.errors import NotAllowed
from coopshare.model import talent_rules
from coopshare.model.hlc import wall_ms
from coopshare.model.items import Kind
from coopshare.protocol.ops import decode_op
from coopshare.service import talent
from tests import test_talent as tt
from tests.conftest import MakeCoop, sync, three_members
from tests.forge import coop_change, forge

DAY_MS = tt.DAY_MS
day, window_ids, forged_window_for = tt.day, tt.window_ids, tt.forged_window_for


def _old_rules(mp: pytest.MonkeyPatch) -> None:
    """The rules before the review of session 6: a window counted whenever the consent was
    granted now, and only a revocation purged it."""
    mp.setattr(
        talent_rules,
        "counts",
        lambda w, cs: (
            w.own
            or (
                (c := cs.get(talent_rules.consent_id(w.subject, w.publisher))) is not None
                and c.granted
            )
        ),
    )
    mp.setattr(talent_rules, "dead", lambda w, c: not w.own and c is not None and not c.granted)


@pytest.mark.parametrize("defence", [True, False])
def test_a_revoked_window_stays_gone_after_a_new_grant_in_any_order(
    make_replica: MakeCoop, defence: bool
) -> None:
    """Review of session 6: Bob revokes Alice's right, so every replica deletes her window
    about him; he later grants it again for new windows. Alice's modified client kept the
    deleted window's op and hands it to Carol, who was offline all along. Before, the new grant
    made it count again on Carol (and on any newcomer) but not on Alice's and Bob's replicas."""
    alice, bob, carol = three_members(make_replica)
    talent.set_consent(bob, alice.me.member_id, True)
    sync(alice, bob)
    item = talent.publish_window(alice, day(0), day(30), 16, "", False, subject=bob.me.member_id)
    [op_id] = alice.store.ops_of_item(item)
    kept = [w for w in alice.wire_ops() if decode_op(w).op_id == op_id]  # Alice keeps a copy
    sync(alice, bob)
    assert item in window_ids(bob)
    talent.set_consent(bob, alice.me.member_id, False)
    sync(alice, bob)
    assert bob.item(item) is None and alice.item(item) is None  # revoked: deleted
    talent.set_consent(bob, alice.me.member_id, True)  # for what Alice publishes from now on
    sync(alice, bob)
    with pytest.MonkeyPatch.context() as mp:
        if not defence:
            _old_rules(mp)
        sync(bob, carol)  # Bob's log: the consent's three changes, the window header-only
        for wire in kept:
            assert carol.apply(wire).new  # Alice's full copy: the body is stored and folded
        row = carol.store.op_row(op_id)
        assert row is not None
        if not defence:  # control: without the rule the revoked window is back, on Carol only
            assert item in window_ids(carol) and item not in window_ids(bob)
            return
    for c in (alice, bob, carol):
        assert item not in window_ids(c) and c.item(item) is None
    assert row[2] is None  # purged on arrival: Carol never keeps its body
    fresh = talent.publish_window(alice, day(1), day(9), 8, "", False, subject=bob.me.member_id)
    for c in (bob, carol):
        sync(alice, c)
    for c in (alice, bob, carol):  # the new grant works for a window published after it
        assert fresh in window_ids(c)


def test_allowing_again_keeps_the_windows_published_since(make_replica: MakeCoop) -> None:
    """A grant outdates the windows published before it, so allowing a member who is already
    allowed (the app's Allow button, `profile consent` twice) writes nothing."""
    alice, bob, _carol = three_members(make_replica)
    talent.set_consent(bob, alice.me.member_id, True)
    sync(alice, bob)
    item = talent.publish_window(alice, day(0), day(30), 16, "", False, subject=bob.me.member_id)
    sync(alice, bob)
    before = len(list(bob.wire_ops()))
    talent.set_consent(bob, alice.me.member_id, True)
    assert len(list(bob.wire_ops())) == before  # nothing signed
    sync(alice, bob)
    assert item in window_ids(alice) and item in window_ids(bob)
    # control: a revocation and a new grant do end it
    talent.set_consent(bob, alice.me.member_id, False)
    talent.set_consent(bob, alice.me.member_id, True)
    sync(alice, bob)
    assert item not in window_ids(alice) and alice.item(item) is None


def test_others_changes_never_move_a_windows_place_in_the_caps(make_replica: MakeCoop) -> None:
    """A window's order (for the caps and for consent) is its publisher's first change: Carol
    may add a lead act or a comment record to any item, dated in 2001, but that does not make
    Alice's window older."""
    alice, _bob, carol = three_members(make_replica)
    item = talent.publish_window(alice, day(0), day(30), 16, "", False)
    sync(alice, carol)
    old = wall_ms() - 25 * 365 * DAY_MS
    body = coop_change(carol, Kind.LEAD, item, {"act": "interest"})
    assert carol.apply(forge(carol, body, hlc=old << 16).encode()).new
    st = carol.item(item)
    assert st is not None and st.created[0] == old << 16  # control: folded, the item looks old
    [w] = [w for w in talent.all_windows(carol) if w.item_id == item]
    assert w.created > old << 16 and item in window_ids(carol)


def test_a_consent_counts_for_its_own_subject_and_publisher_only(make_replica: MakeCoop) -> None:
    """Bob lets Alice publish his availability. Alice's device signs windows naming Carol as the
    subject (Bob's consent is no token for her), and Carol's device one naming Bob (his consent
    names Alice): neither counts anywhere. Control: Alice's window for Bob does."""
    alice, bob, carol = three_members(make_replica)
    talent.set_consent(bob, alice.me.member_id, True)
    talent.set_consent(carol, bob.me.member_id, True)  # Carol lets Bob, not Alice
    for c in (alice, carol):
        sync(bob, c)
    for_carol = forged_window_for(alice, carol)
    by_carol = forged_window_for(carol, bob)
    for_bob = forged_window_for(alice, bob)
    for c in (bob, carol):
        sync(alice, c)
    sync(bob, carol)
    for c in (alice, bob, carol):
        assert c.item(for_carol) is not None and c.item(by_carol) is not None  # stored, read
        assert window_ids(c) == {for_bob}


def test_a_removed_members_consent_no_longer_counts(make_replica: MakeCoop) -> None:
    """Review of session 6: once Bob is removed he cannot revoke anything (his ops after the
    removal are refused), so the consent he gave Alice no longer lets her publish him."""
    from coopshare.errors import Unauthorized

    alice, bob, carol = three_members(make_replica)
    talent.set_consent(bob, alice.me.member_id, True)
    sync(alice, bob)
    item = talent.publish_window(alice, day(0), day(30), 16, "", False, subject=bob.me.member_id)
    sync(alice, carol)
    assert item in window_ids(alice) and item in window_ids(carol)  # control: it counted
    alice.remove_member(bob.me.member_id)
    sync(alice, carol)
    talent.set_consent(bob, alice.me.member_id, False)  # he has not heard of his removal yet
    with pytest.raises(Unauthorized):
        carol.apply(list(bob.wire_ops())[-1])  # his revocation is refused: dated after it
    for c in (alice, carol):
        assert item not in window_ids(c) and c.item(item) is not None  # stored, counts nowhere
    with pytest.raises(NotAllowed):
        talent.publish_window(alice, day(1), day(9), 8, "", False, subject=bob.me.member_id)
