"""Talent bank: windows that expire and are purged from disk, consent, caps, ESCO, matching.

Replicas are real stores with real keys; a hostile publisher signs its ops with its own device
key through tests/forge.py. Purge tests grep the raw database and WAL bytes, with the positive
control that the same bytes were there before the fake clock passed the window's end.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coopshare.errors import RULE_NO_CONSENT, NotAllowed
from coopshare.model.hlc import HybridClock, wall_ms
from coopshare.model.items import Kind
from coopshare.service import esco, talent
from coopshare.service.api_commands import Api
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop, sync, three_members
from tests.forge import coop_change, forge

DAY_MS = 86_400_000
TODAY = dt.datetime.now(dt.UTC).date()


def day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


def disk(c: Coop) -> bytes:
    """Every byte of the replica's database files (main file, WAL, journal)."""
    folder = Path(c.store.folder)
    return b"".join(f.read_bytes() for f in sorted(folder.glob("coopshare.db*")))


def fake_clock(c: Coop, now_ms: int) -> None:
    c.clock = HybridClock(c.clock.last, lambda: now_ms)


def op_bodies(c: Coop, item_id: bytes, op_ids: list[bytes] | None = None) -> list[bytes]:
    """Stored bodies of the item's ops (of `op_ids` if given: links are deleted on purge)."""
    out = []
    for op_id in c.store.ops_of_item(item_id) if op_ids is None else op_ids:
        row = c.store.op_row(op_id)
        if row is not None and row[2] is not None:
            out.append(bytes(row[2]))
    return out


def window_ids(c: Coop, now_ms: int | None = None) -> set[bytes]:
    return {w.item_id for w in talent.visible_windows(c, now_ms)}


# --- expiry: purged on every replica ------------------------------------------------------------


def test_ended_window_is_purged_from_every_replicas_disk(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    item = talent.publish_window(bob, day(0), day(1), 32, "Brabant", False)
    wires = list(bob.wire_ops())
    ops = bob.store.ops_of_item(item)
    sync(alice, bob)
    markers = {}
    for c in (alice, bob):
        bodies = op_bodies(c, item)
        blob = c.store.item_blob(item)
        assert bodies and blob is not None
        markers[c.me.name] = [*bodies, blob]
        data = disk(c)
        assert all(m in data for m in markers[c.me.name])  # positive control: on disk now
        assert item in window_ids(c)
    later = wall_ms() + 3 * DAY_MS  # the fake clock: the window's last day has passed
    for c in (alice, bob):
        assert Api(c).purge_expired_windows(later) == 1
        data = disk(c)
        assert not any(m in data for m in markers[c.me.name])  # gone from db and WAL
        assert c.item(item) is None and op_bodies(c, item, ops) == []
        assert not c.store.ops_of_item(item)
    # a replica that receives the window after it ended never keeps it
    fake_clock(carol, later)
    sync(alice, carol)
    for w in wires:
        carol.apply(w)  # the full op, body included, as a replica that had not purged sends it
    assert carol.item(item) is None and op_bodies(carol, item, ops) == []
    assert all(b not in disk(carol) for b in markers["Bob"][:-1])
    # the sweep on a window still running keeps it (control for the sweep's criterion)
    keep = talent.publish_window(alice, day(0), day(30), 8, "", True)
    assert Api(alice).purge_expired_windows(later) == 0 and keep in window_ids(alice)


def test_window_may_not_end_more_than_90_days_after_its_signed_time(
    make_replica: MakeCoop,
) -> None:
    alice, bob, _carol = three_members(make_replica)
    ok, too_far = bob.new_item_id(), bob.new_item_id()
    for item, days in ((ok, 90), (too_far, 91)):
        body = coop_change(bob, Kind.WINDOW, item, {"start": day(0), "end": day(days)})
        assert bob.apply(forge(bob, body).encode()).new
    sync(alice, bob)
    for c in (alice, bob):
        assert ok in window_ids(c)  # control: the same op one day shorter counts
        assert c.item(too_far) is None  # refused on apply, on every replica
    with pytest.raises(NotAllowed):
        talent.publish_window(bob, day(0), day(91), 8, "", False)


# --- consent -----------------------------------------------------------------------------------


def forged_window_for(c: Coop, subject: Coop) -> bytes:
    """`c` publishes `subject`'s availability without asking (signed by c's own device)."""
    item = c.new_item_id()
    fields = {"subject": subject.me.member_id.hex(), "start": day(0), "end": day(20), "hours": 16}
    assert c.apply(forge(c, coop_change(c, Kind.WINDOW, item, fields)).encode()).new
    return item


def test_window_without_consent_is_ignored_everywhere_and_a_later_consent_does_not_reach_back(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = three_members(make_replica)
    with pytest.raises(NotAllowed) as e:
        talent.publish_window(alice, day(0), day(20), 16, "", False, subject=bob.me.member_id)
    assert e.value.rule == RULE_NO_CONSENT
    item = forged_window_for(alice, bob)
    early = op_bodies(alice, item)
    for c in (bob, carol):
        sync(alice, c)
    sync(bob, carol)
    for c in (alice, bob, carol):
        assert c.item(item) is not None and op_bodies(c, item)  # stored and read...
        assert item not in window_ids(c)  # ...but ignored: Bob never consented
    talent.set_consent(bob, alice.me.member_id, True)
    for c in (alice, carol):
        sync(bob, c)
    for c in (alice, bob, carol):  # Bob's consent is for what Alice publishes from now on
        assert item not in window_ids(c) and c.item(item) is None
        assert not any(b in op_bodies(c, item) for b in early)  # purged: it can never count
    second = talent.publish_window(alice, day(1), day(10), 8, "", False, subject=bob.me.member_id)
    ops = alice.store.ops_of_item(second)
    assert len(ops) == 1
    for c in (bob, carol):
        sync(alice, c)
    for c in (alice, bob, carol):
        assert second in window_ids(c)  # with consent first: shown on every replica
    markers = op_bodies(carol, second)
    assert markers and all(m in disk(carol) for m in markers)  # control: on Carol's disk
    talent.set_consent(bob, alice.me.member_id, False)  # revoked
    for c in (alice, carol):
        sync(bob, c)
    for c in (alice, bob, carol):
        assert second not in window_ids(c)
        assert c.item(second) is None and op_bodies(c, second, ops) == []  # gone, not hidden
    Api(carol).purge_expired_windows()  # the node's minute pass: truncates the WAL
    assert not any(m in disk(carol) for m in markers)  # neither in the db nor in the WAL


def test_only_the_subject_can_consent(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    item = forged_window_for(alice, bob)
    # Carol forges "Bob's" consent in an item that starts with Bob's id: refused on apply
    fake = bob.me.member_id[:8] + alice.me.member_id[:8]
    body = coop_change(
        carol, Kind.CONSENT, fake, {"publisher": alice.me.member_id.hex(), "granted": True}
    )
    sync(alice, carol)
    assert carol.apply(forge(carol, body).encode()).new
    sync(alice, carol)
    for c in (alice, carol):
        assert c.item(fake) is None and item not in window_ids(c)


# --- ESCO ---------------------------------------------------------------------------------------


def test_esco_subset_dutch_search_finds_inkoop_and_aanbesteden() -> None:
    inkoop = esco.search("inkoop", "nl")
    assert inkoop and all("inkoop" in s.nl.casefold() for s in inkoop)
    aan = esco.search("aanbesteden", "nl")
    assert any(s.nl == "aanbesteden" for s in aan)
    assert esco.resolve("Aanbesteden") == aan[0].id == esco.resolve("carry out tendering")
    assert esco.search("inkoop", "en") == []  # English labels do not hold the Dutch word
    assert 1000 <= len(esco.catalog()) <= 5000


def test_esco_subset_every_skill_has_a_dutch_label() -> None:
    skills = list(esco.catalog().values())
    assert all(s.nl.strip() for s in skills), [s.en for s in skills if not s.nl.strip()][:5]
    # the project's own labels, not an English fallback copied across: most differ
    same = sum(1 for s in skills if s.nl.casefold() == s.en.casefold())
    assert same < len(skills) // 20, same
    assert esco.label(esco.resolve("labour legislation"), "nl") == "arbeidswetgeving"


# --- matching ------------------------------------------------------------------------------------

SKILLS = [
    "manage tender processes",
    "develop procurement strategy",
    "contract law",
    "manage budgets",
]


def _lead(alice: Coop, title: str, start: dt.date) -> bytes:
    ids = [esco.resolve(s) for s in SKILLS]
    assert all(esco.is_esco(i) for i in ids)
    return alice.write_item(
        Kind.LEAD,
        alice.new_item_id(),
        {
            "title": title,
            "skills": ids,
            "start": start.isoformat(),
            "duration_weeks": 8,
            "hours_per_week": 32,
            "region": "Brabant",
        },
    )


def test_who_fits_explains_ranks_and_my_coi_excludes_me(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    start = TODAY + dt.timedelta(days=30)
    api_b, api_c = Api(bob), Api(carol)
    api_b.set_talent_profile(
        (*tuple(SKILLS[:3]), "Excel"),
        "inkoop in de zorg",
        ((day(25), day(80), 32, "Noord-Brabant", False),),
    )
    api_c.set_talent_profile(("contractenrecht",), "", ((day(40), day(60), 40, "", True),))
    lead = _lead(alice, "Interim inkoper Amphia", start).hex()
    for c in (bob, carol):
        sync(alice, c)
    sync(bob, carol)
    fits = Api(alice).who_fits(lead)
    assert fits is not None and [f.name for f in fits] == ["Bob", "Carol"]
    from_day = f"{start.day} {start:%b}"
    assert fits[0].reason == f"3 of 4 skills, available from {from_day}, 32 h/week, Noord-Brabant"
    assert fits[0].matched_nl[0]  # labels for the GUI, both languages
    assert fits[1].reason.startswith("1 of 4 skills, available from ")
    assert Api(alice).who_fits(lead) == fits  # deterministic
    # my private conflict of interest: on Bob's own device, Bob is left out (control first)
    assert "Bob" in [f.name for f in api_b.who_fits(lead) or []] and api_b.lead_fits_me(lead)
    api_b.set_coi_names(["amphia"])
    assert "Bob" not in [f.name for f in api_b.who_fits(lead) or []]
    assert not api_b.lead_fits_me(lead)
    assert "Bob" in [f.name for f in Api(alice).who_fits(lead) or []]  # never shared
    assert b"amphia" not in b"".join(bob.wire_ops())


def test_who_fits_sees_a_withdrawn_window_at_once(make_replica: MakeCoop) -> None:
    """The matching cache (service/fits.py) is dropped when a window goes, a note is not."""
    alice, bob, _carol = three_members(make_replica)
    start = TODAY + dt.timedelta(days=5)
    Api(bob).set_talent_profile(("contract law",), "", ((day(1), day(40), 24, "", True),))
    fields = {"title": "Jurist", "skills": ["Contractenrecht"], "start": start.isoformat()}
    lead = alice.write_item(Kind.LEAD, alice.new_item_id(), fields).hex()  # a Dutch label
    sync(alice, bob)
    fits = Api(alice).who_fits(lead) or []
    assert [f.name for f in fits] == ["Bob"] and fits[0].matched == (esco.resolve("contract law"),)
    bob.add_note("Unrelated", "text")
    sync(alice, bob)
    assert [f.name for f in Api(alice).who_fits(lead) or []] == ["Bob"]
    Api(bob).set_talent_profile(("contract law",), "", ())  # withdraws the window
    sync(alice, bob)
    assert Api(alice).who_fits(lead) == []


def test_at_most_20_windows_per_publisher_count_everywhere(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    items = []
    for i in range(22):  # the writer stops at 20: Bob's device signs two more anyway
        item = bob.new_item_id()
        body = coop_change(bob, Kind.WINDOW, item, {"start": day(i), "end": day(i + 30)})
        assert bob.apply(forge(bob, body).encode()).new
        items.append(item)
    sync(alice, bob)
    for c in (alice, bob):
        assert all(c.item(i) is not None for i in items)  # all 22 stored and folded...
        assert window_ids(c) == set(items[:20])  # ...the 20 earliest count, on every replica
    with pytest.raises(NotAllowed):
        talent.publish_window(bob, day(0), day(10), 8, "", False)
