"""The demo's simulated members comment on the user's notes with real comments (the Comments
box under the note), not with extra notes titled "Comment on …" that fill the user's list."""

from __future__ import annotations

import random

from coopshare.model.items import Kind
from coopshare.service import comments
from coopshare.service.coop import Coop
from coopshare.service.demo_content import comment
from tests.conftest import sync


def test_a_demo_comment_is_a_comment_under_the_note(coop_ab: tuple[Coop, Coop]) -> None:
    alice, bob = coop_ab
    note = alice.add_note("Wet DBA in practice", "Work result-based.", ["dba"])
    sync(alice, bob)
    notes_before = len(list(bob.items(Kind.NOTE)))
    assert comment(bob, random.Random(1)) == "commented on 'Wet DBA in practice'"
    sync(alice, bob)
    assert len(list(alice.items(Kind.NOTE))) == notes_before  # no new note in the user's list
    shown = comments.of_note(alice, note)
    assert [c.author for c in shown] == ["Bob"] and shown[0].text
    assert comment(alice, random.Random(1)) == ""  # control: nobody else's note to comment on
