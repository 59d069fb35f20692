"""Thanks and their rules: the writer refuses, every replica's fold ignores, identically.

Hostile members sign their thanks with their own device keys through tests/forge.py, bypassing
`Coop.thank`; each defence has a positive control showing the forged ops were stored and read,
and that without the rule they would have counted.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coopshare.errors import (
    RULE_THANKS_CAP,
    RULE_THANKS_SELF,
    RULE_THANKS_TARGET,
    RULE_THANKS_TWICE,
    NotAllowed,
)
from coopshare.model import thanks_rules
from coopshare.model.hlc import COUNTER_BITS
from coopshare.model.items import Kind
from coopshare.model.thanks_rules import DAY_MS, MAX_THANKS_PER_DAY, Verdict
from coopshare.service import ledger, thanks
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop, sync, three_members
from tests.forge import coop_change, forge, sealed_raw_change

NOON = 1_790_000_000_000 // DAY_MS * DAY_MS + DAY_MS // 2  # a fixed UTC noon, in ms


def forged_thanks(c: Coop, target: bytes, *, hlc: int | None = None, text: str = "") -> bytes:
    """A thanks op signed by `c`'s device, written without the writer's checks; applied on
    `c` and returned as its item id."""
    item_id = c.new_item_id()
    body = coop_change(c, Kind.THANKS, item_id, {"target": target.hex(), "text": text})
    op = forge(c, body, hlc=hlc)
    assert c.apply(op.encode()).new
    return item_id


def verdicts(c: Coop) -> dict[bytes, Verdict]:
    return {j.fact.item_id: j.verdict for j in thanks.judged(c)}


def received(c: Coop, member: bytes) -> int:
    return ledger.member_counts(c, member).thanks_received


# --- the writer ---------------------------------------------------------------------------------


def test_writer_refuses_self_twice_cap_and_other_kinds(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    notes = [alice.add_note(f"Tip {i}", "text") for i in range(MAX_THANKS_PER_DAY + 1)]
    own = bob.add_note("Mine", "text")
    sync(alice, bob)
    with pytest.raises(NotAllowed) as e:
        bob.thank(own, "me")
    assert e.value.rule == RULE_THANKS_SELF
    with pytest.raises(NotAllowed) as e:
        bob.thank(bob.me.member_id)
    assert e.value.rule == RULE_THANKS_SELF
    bob.thank(notes[0], "Saved me a day")
    with pytest.raises(NotAllowed) as e:
        bob.thank(notes[0], "again")
    assert e.value.rule == RULE_THANKS_TWICE
    profile = alice.set_profile({"skills": ["x"]})
    sync(alice, bob)
    with pytest.raises(NotAllowed) as e:
        bob.thank(profile)
    assert e.value.rule == RULE_THANKS_TARGET
    for note in notes[1:MAX_THANKS_PER_DAY]:
        bob.thank(note)
    with pytest.raises(NotAllowed) as e:
        bob.thank(notes[-1])
    assert e.value.rule == RULE_THANKS_CAP
    assert received(bob, alice.me.member_id) == MAX_THANKS_PER_DAY
    sync(alice, bob)
    assert received(alice, alice.me.member_id) == MAX_THANKS_PER_DAY
    assert ledger.member_counts(alice, bob.me.member_id).thanks_given == MAX_THANKS_PER_DAY


def test_introduction_thanks_counts_for_the_member(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    bob.thank(carol.me.member_id, "Thanks for the introduction to Jansen BV")
    sync(alice, bob)
    sync(alice, carol)
    for c in (alice, bob, carol):
        assert received(c, carol.me.member_id) == 1
        assert received(c, alice.me.member_id) == 0
    mine = ledger.ledger(carol).entries
    assert [(e.what, e.other, e.text) for e in mine] == [
        (ledger.THANKS_RECEIVED, "Bob", "Thanks for the introduction to Jansen BV")
    ]


# --- hostile members ----------------------------------------------------------------------------


def test_forged_thanks_over_the_daily_cap_are_ignored_everywhere(
    make_replica: MakeCoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice, bob, carol = three_members(make_replica)
    notes = [alice.add_note(f"Tip {i}", "text") for i in range(MAX_THANKS_PER_DAY + 3)]
    sync(alice, bob)
    base = NOON << COUNTER_BITS
    # 13 thanks on one UTC day, stamped in reverse order of writing: the cap goes by stamp
    forged = [forged_thanks(bob, n, hlc=base + 1000 - i) for i, n in enumerate(notes)]
    late = forged_thanks(bob, alice.me.member_id, hlc=base + (DAY_MS << COUNTER_BITS))  # next day
    sync(alice, bob)
    sync(alice, carol)
    by_stamp = list(reversed(forged))
    for c in (alice, bob, carol):
        v = verdicts(c)
        assert len(v) == len(forged) + 1  # positive control: every forged thanks was read
        assert [v[t] for t in by_stamp[:MAX_THANKS_PER_DAY]] == [Verdict.COUNTS] * 10
        assert [v[t] for t in by_stamp[MAX_THANKS_PER_DAY:]] == [Verdict.OVER_CAP] * 3
        assert v[late] is Verdict.COUNTS  # a new day, a new allowance
        assert received(c, alice.me.member_id) == MAX_THANKS_PER_DAY + 1
    # positive control: without the cap all 13 of that day would have counted
    monkeypatch.setattr(thanks_rules, "MAX_THANKS_PER_DAY", 100)
    assert received(alice, alice.me.member_id) == len(forged) + 1


def test_forged_self_and_duplicate_thanks_do_not_count(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    note = alice.add_note("Tip", "text")
    sync(alice, bob)
    own = bob.add_note("Bob's own", "text")
    self_item = forged_thanks(bob, own)
    self_member = forged_thanks(bob, bob.me.member_id)
    first = forged_thanks(bob, note)
    dupes = [forged_thanks(bob, note) for _ in range(3)]
    sync(alice, bob)
    sync(alice, carol)
    for c in (alice, bob, carol):
        v = verdicts(c)
        assert v[self_item] is Verdict.SELF and v[self_member] is Verdict.SELF
        assert v[first] is Verdict.COUNTS
        assert [v[d] for d in dupes] == [Verdict.DUPLICATE] * 3
        assert received(c, alice.me.member_id) == 1
        assert received(c, bob.me.member_id) == 0
        assert ledger.member_counts(c, bob.me.member_id).thanks_given == 1
    # the flags show in the author's own ledger
    flags = {e.item_id: e.verdict for e in ledger.ledger(bob).entries if not e.counts}
    assert flags[dupes[0].hex()] == "duplicate" and flags[self_member.hex()] == "self"


def test_withdrawn_duplicate_frees_the_target(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    note = alice.add_note("Tip", "text")
    sync(alice, bob)
    first = bob.thank(note, "one")
    bob.delete_item(first)
    second = bob.thank(note, "two")
    sync(alice, bob)
    v = verdicts(alice)
    assert v[first] is Verdict.WITHDRAWN and v[second] is Verdict.COUNTS
    assert received(alice, alice.me.member_id) == 1


def test_thanks_to_an_unknown_item_waits_for_it(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    note = alice.add_note("Tip", "text")
    sync(alice, bob)
    t = bob.thank(note, "thanks")
    assert carol.apply(list(bob.wire_ops())[-1]).new  # Bob's thanks before Alice's note
    assert carol.item(note) is None
    assert verdicts(carol)[t] is Verdict.PENDING
    assert received(carol, alice.me.member_id) == 0
    sync(alice, carol)
    assert verdicts(carol)[t] is Verdict.COUNTS
    assert received(carol, alice.me.member_id) == 1


def test_sealed_thanks_take_no_place_anywhere(make_replica: MakeCoop) -> None:
    """A thanks sealed to one member would count (and fill the cap) on that replica only."""
    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    notes = [alice.add_note(f"Tip {i}", "text") for i in range(2)]
    sync(alice, bob)
    sync(alice, carol)
    item_id = bob.new_item_id()
    change = {"t": "thanks", "id": item_id, "set": {"target": notes[0].hex(), "text": "x"}}
    devices = [d.kex_pk for d in alice.roster.active_devices_of(alice.me.member_id)]
    op = forge(bob, sealed_raw_change(bob, devices, change))
    bob.apply(op.encode())
    sync(alice, bob)
    sync(alice, carol)
    assert alice.item(item_id) is not None  # positive control: Alice read it as a thanks
    assert carol.item(item_id) is None  # Carol cannot
    for c in (alice, carol):
        assert item_id not in verdicts(c)
        assert received(c, alice.me.member_id) == 0


def test_nudge_is_private_and_follows_its_rule(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    notes = [alice.add_note(f"Tip {i}", "text") for i in range(3)]
    sync(alice, bob)
    for n in notes[:2]:
        bob.thank(n)
    sync(alice, bob)
    assert ledger.ledger(alice).nudges == ()  # two received: below the rule's three
    bob.thank(notes[2])
    sync(alice, bob)
    nudges = ledger.ledger(alice).nudges
    assert [(n.what, n.received, n.given) for n in nudges] == [("thanks", 3, 0)]
    assert nudges[0].text == "3 thanks received this quarter, none given"
    assert ledger.ledger(bob).nudges == ()  # nobody else sees Alice's nudge, nor has one
    # next quarter: nothing received yet, so no nudge
    assert ledger.ledger(alice, now_ms=_next_quarter_ms()).nudges == ()
    # once Alice gives, the nudge is gone
    alice.thank(bob.me.member_id, "for the introduction")
    assert ledger.ledger(alice).nudges == ()


def _next_quarter_ms() -> int:
    now = dt.datetime.now(dt.UTC)
    month = 3 * ((now.month - 1) // 3) + 4
    year = now.year + (month > 12)
    start = dt.datetime(year, (month - 1) % 12 + 1, 2, tzinfo=dt.UTC)
    return int(start.timestamp() * 1000)
