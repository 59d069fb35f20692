"""Two connections on one data folder (a running node and a CLI command): what one commits,
the other picks up on refresh, reading only the ops added since it last looked."""

from __future__ import annotations

from pathlib import Path

from coopshare.crypto import primitives as p
from coopshare.identity.keys import Identity
from coopshare.identity.keystore import Unlocked
from coopshare.service.coop import Coop
from coopshare.store.db import Store

from .conftest import MakeCoop


def test_refresh_picks_up_roster_notes_clock_and_search(tmp_path: Path, make_replica: MakeCoop):
    unlocked = Unlocked(Identity.generate("Anna"), p.random_bytes(32))
    node = Coop(unlocked, Store.open(tmp_path / "home"))
    node.create_coop("C")
    node.add_note("first", "walnut")
    assert [st.view()["title"] for st in node.search("walnut")] == ["first"]  # index built
    cli = Coop(unlocked, Store.open(tmp_path / "home"))  # the other process
    newcomer = make_replica("Bert")
    newcomer.adopt_coop(node.coop_id)  # type: ignore[arg-type]
    member = cli.add_member(newcomer.join_request())
    note = cli.add_note("second", "walnut tree")
    newest = cli.clock.last
    try:
        assert member not in node.roster.members
        node.refresh()
        assert member in node.roster.members
        assert node.item(note) is not None
        assert node.clock.last >= newest
        assert sorted(st.view()["title"] for st in node.search("walnut")) == ["first", "second"]
        node.add_note("third", "walnut")  # writes on top of what the other one wrote
        cli.refresh()
        titles = sorted(st.view()["title"] for st in cli.search("walnut"))
        assert titles == ["first", "second", "third"]
    finally:
        cli.store.close()
        node.store.close()


def test_a_write_transaction_catches_up_first(tmp_path: Path, make_replica: MakeCoop) -> None:
    unlocked = Unlocked(Identity.generate("Anna"), p.random_bytes(32))
    node = Coop(unlocked, Store.open(tmp_path / "home"))
    node.create_coop("C")
    cli = Coop(unlocked, Store.open(tmp_path / "home"))
    try:
        newcomer = make_replica("Bert")
        newcomer.adopt_coop(node.coop_id)  # type: ignore[arg-type]
        member = cli.add_member(newcomer.join_request())
        node.add_note("after", "the admission")  # no refresh() in between
        assert member in node.roster.members
        assert node.roster.heads == cli.roster.heads
    finally:
        cli.store.close()
        node.store.close()
