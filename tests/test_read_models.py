"""The door's read models (service/read_models.py): typed, frozen, and the CLI's JSON of them
has exactly the shape of the plain rows it printed before (key for key, in order)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from coopshare.service import peers as peerbook
from coopshare.service import quarantine, views_people
from coopshare.service.api import Api, Link, NoteDetail, ProfileEdit, Window, current_windows
from coopshare.service.coop import Coop
from coopshare.service.views import safety_number

from .conftest import MakeCoop, three_members
from .test_quarantine import _poison_ops


def _same_json(typed: object, plain: object) -> None:
    """Equal as printed: same keys in the same order, same values."""
    assert json.dumps(typed, indent=2) == json.dumps(plain, indent=2)


def test_cli_json_keeps_the_shape_of_the_plain_rows(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    _poison_ops(alice, bob)
    bob.apply_batch(list(alice.wire_ops()))
    peerbook.record(bob, "192.168.1.20:47490", alice.me.device_id, "manual")
    peerbook.record(bob, None, bytes(32), "inbound")
    door = Api(bob)

    plain_held = quarantine.diagnostics(bob)
    assert len(plain_held) == 2  # something to compare: two skipped ops
    _same_json([h.to_json() for h in door.diagnostics()], plain_held)
    _same_json(door.status().to_json(), bob.status())
    assert len(bob.members()) == 3
    _same_json([m.to_json() for m in door.members()], bob.members())
    assert len(peerbook.overview(bob)) == 2
    _same_json([e.to_json() for e in door.peer_list()], peerbook.overview(bob))


def test_read_models_are_frozen(coop_ab: tuple[Coop, Coop]) -> None:
    alice, _bob = coop_ab
    status = Api(alice).status()
    with pytest.raises(dataclasses.FrozenInstanceError):
        status.ops = 0  # type: ignore[misc]
    card = Api(alice).member_cards()[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.name = "someone else"  # type: ignore[misc]


def test_note_detail_and_backlinks(coop_ab: tuple[Coop, Coop]) -> None:
    alice, _bob = coop_ab
    target = alice.add_note("Plan", "the plan", ["werk"], [])
    linking = alice.add_note("Zie", "see [[Plan]] and [[Elders]]", [], [])
    lead = alice.add_lead({"title": "not a note"})
    door = Api(alice)
    d = door.note_detail(linking.hex())
    assert isinstance(d, NoteDetail)
    assert (d.title, d.body, d.author, d.mine) == (
        "Zie",
        "see [[Plan]] and [[Elders]]",
        "Alice",
        True,
    )
    assert d.links == ("Plan", "Elders") and d.conflicts == () and not d.deleted
    assert door.note_detail(target.hex()).tags == ("werk",)  # type: ignore[union-attr]
    assert door.note_detail(lead.hex()) is None  # the notes editor shows notes only
    assert door.note_detail("zz") is None and door.note_detail("00" * 16) is None
    assert door.backlinks_of(target.hex()) == [Link(id=linking.hex(), title="Zie")]
    assert door.backlinks_of(linking.hex()) == []


def test_profile_round_trip_and_cards(coop_ab: tuple[Coop, Coop]) -> None:
    alice, bob = coop_ab
    today = dt.date.today()
    ended = Window(
        start=(today - dt.timedelta(days=20)).isoformat(),
        end=(today - dt.timedelta(days=1)).isoformat(),
    )
    running = Window(
        start=today.isoformat(),
        end=(today + dt.timedelta(days=30)).isoformat(),
        hours=24,
        region="Utrecht",
        remote=True,
    )
    door = Api(alice)
    assert door.my_profile().exists is False
    door.save_profile(ProfileEdit(("logistiek",), (ended, running), "Havens"))
    prof = door.my_profile()
    assert (prof.name, prof.skills, prof.ambitions, prof.exists) == (
        "Alice",
        ("logistiek",),
        "Havens",
        True,
    )
    # windows are items of their own now (service/talent.py): an ended one is purged at once
    assert prof.availability == (running,)
    assert current_windows(prof.availability) == [running]
    # the stored form is what the profile item validates and what the old dict view held
    assert views_people.my_profile(alice)["availability"] == [
        w.to_field() for w in prof.availability
    ]
    cards = {c.name: c for c in door.member_cards()}
    assert cards["Alice"].availability == (running,)  # ended windows left out
    assert cards["Alice"].me and not cards["Bob"].me
    assert cards["Bob"].safety == safety_number(alice, bob.me.member_id)
    assert cards["Bob"].skills == () and cards["Bob"].availability == ()  # no profile yet
