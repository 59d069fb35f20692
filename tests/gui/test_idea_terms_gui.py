"""The Ideas page's terms panel (pytest-qt, offscreen): the reader accepts and waits, the owner
sees the signed acceptance (the receipt) and releases on a click for ask-before-use."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from coopshare.service import releases
from coopshare.service.coop import Coop

from . import test_leads_ideas
from .test_leads_ideas import WAIT, World, click, ideas_page

make_world = test_leads_ideas.make_world  # the fixture: Anna in the app, Bram a replica

SECRET = "BEAVER-IDEA-3307"


def test_owner_sees_receipt_and_releases(qtbot: QtBot, make_world: Callable[..., World]) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"idea": anna.add_idea("Werkplaats", f"Plan: {SECRET}", "ask-before-use")}

    world = make_world(setup)
    idea = world.made["idea"]
    page = ideas_page(qtbot, world, rows=1)
    page.open_item(idea.hex())
    panel = page.terms_panel
    qtbot.waitUntil(lambda: panel.terms is not None, timeout=WAIT)
    assert panel.terms is not None and panel.terms.access == "owner"
    assert "Nobody has accepted" in panel.status.text()
    world.from_bram()
    assert world.bram.item(idea).body == ""  # type: ignore[union-attr]
    world.bram.accept_terms(idea)
    world.from_bram()
    qtbot.waitUntil(lambda: "Bram Jansen accepted" in panel.receipts.text(), timeout=WAIT)
    assert "waiting for your release" in panel.receipts.text()
    buttons = panel.release_buttons()
    assert [b.text() for b in buttons] == ["Release to Bram Jansen"]
    click(qtbot, buttons[0])
    qtbot.waitUntil(lambda: "text released" in panel.receipts.text(), timeout=WAIT)
    assert panel.release_buttons() == []
    world.from_bram()
    assert world.bram.item(idea).body == f"Plan: {SECRET}"  # type: ignore[union-attr]


def test_reader_accepts_waits_and_reads(qtbot: QtBot, make_world: Callable[..., World]) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"idea": bram.add_idea("Kennisavonden", f"Elke maand {SECRET}", "view-only")}

    world = make_world(setup)
    idea = world.made["idea"]
    page = ideas_page(qtbot, world, rows=1)
    page.open_item(idea.hex())
    panel = page.terms_panel
    qtbot.waitUntil(lambda: panel.terms is not None, timeout=WAIT)
    assert panel.terms is not None and panel.terms.access == "locked"
    assert panel.accept_button.isVisibleTo(page) and page.body.toPlainText() == ""
    assert "unlocks after you accept" in panel.status.text()
    click(qtbot, panel.accept_button)
    qtbot.waitUntil(lambda: panel.terms is not None and panel.terms.access == "waiting",
                    timeout=WAIT)  # fmt: skip
    assert "Waiting for the owner" in panel.status.text()
    assert not panel.accept_button.isVisibleTo(page)
    world.from_bram()  # Bram's device sees the acceptance and releases (view-only)
    assert releases.step(world.bram, [idea]) == 1
    world.from_bram()
    qtbot.waitUntil(lambda: SECRET in page.body.toPlainText(), timeout=WAIT)
    qtbot.waitUntil(lambda: panel.terms is not None and panel.terms.access == "open",
                    timeout=WAIT)  # fmt: skip
