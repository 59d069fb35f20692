"""Thanks and the "Given and received" page, against a real data folder and a running Node.

Anna runs the app; Bob, Carol and Zoë are replicas in this process (their own keys and stores)
whose ops reach Anna's data folder as a sync would. Screenshots of the page, light and dark, go to
screenshots/ (git-ignored) to be looked at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QAbstractItemView, QApplication

from coopshare.crypto import primitives as p
from coopshare.gui import theme
from coopshare.gui.app import application, start_node
from coopshare.gui.bridge import Bridge
from coopshare.gui.main_window import MainWindow
from coopshare.gui.pages.leads import LeadsPage
from coopshare.gui.pages.ledger import LedgerPage
from coopshare.gui.pages.notes import NotesPage
from coopshare.gui.pages.people import PeoplePage
from coopshare.gui.settings import Prefs
from coopshare.identity.keys import Identity
from coopshare.identity.keystore import Unlocked
from coopshare.service import home as homes
from coopshare.service import ledger
from coopshare.service.coop import Coop
from coopshare.store.db import Store
from tests.conftest import join, sync

PASS = "correct horse"
OUT = Path(__file__).resolve().parents[2] / "screenshots"


@dataclass
class World:
    home: Path
    bridge: Bridge
    others: dict[str, Coop]
    bob_note: str
    bob_lead: str  # claimed by Anna

    def db(self, fn: Any) -> Any:
        return self.bridge.call_sync(self.bridge.runtime._node.db(fn))

    def deliver_to(self, other: Coop) -> None:
        """Anna's ops to another member's replica (as a sync would)."""
        for wire in self.db(lambda c: list(c.wire_ops())):
            other.apply(wire)


@pytest.fixture
def world(tmp_path: Path, qapp: QApplication) -> Iterator[World]:
    home = tmp_path / "anna"
    homes.init(home, "Anna de Vries", PASS)
    anna = homes.open_coop(home, PASS)
    others = {}
    for name in ("Zoë", "Bob", "Carol"):  # not in name order: the page must sort by name
        c = Coop(Unlocked(Identity.generate(name), p.random_bytes(32)), Store.open(tmp_path / name))
        others[name] = c
    try:
        anna.create_coop("Coöperatie De Kempen")
        for c in others.values():
            join(anna, c)
        for c in others.values():
            sync(anna, c)
        # Zoë shares the most, Bob the least: an order by counts would put Zoë first
        for i in range(3):
            others["Zoë"].add_note(f"Zoë's tip {i}", "text")
        bob_note = others["Bob"].add_note("Model contract DBA", "Use the model contract")
        lead = others["Bob"].add_lead({"title": "Interim CFO", "referral_terms": "thanks"})
        sync(anna, others["Bob"])
        anna.claim_lead(lead)
        tip = anna.add_note("Anna's tip", "text")
        sync(anna, others["Carol"])
        others["Carol"].thank(tip, "Precies wat ik zocht")
        for c in others.values():
            sync(anna, c)
    finally:
        anna.store.close()
    application()
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, PASS, prefs)
    try:
        yield World(home, bridge, others, bob_note.hex(), lead.hex())
    finally:
        bridge.stop()
        for c in others.values():
            c.store.close()


def test_thank_a_note_and_the_authors_ledger_shows_it(world: World, qtbot: Any) -> None:
    page = NotesPage(world.bridge)
    qtbot.addWidget(page)
    page.refresh()
    page.open_item(world.bob_note)
    qtbot.waitUntil(lambda: page.thank_button.isVisibleTo(page), timeout=10_000)
    qtbot.waitUntil(page.thank_button.isEnabled, timeout=10_000)
    dialog = page.thank_button.open_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text, "Scheelde me een dag")
    OUT.mkdir(exist_ok=True)
    page.resize(1000, 600)
    assert page.grab().save(str(OUT / "thank-note-light.png"))
    assert dialog.grab().save(str(OUT / "thank-dialog-light.png"))
    with qtbot.waitSignal(dialog.thanked, timeout=10_000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: not page.thank_button.isEnabled(), timeout=10_000)
    assert "✓" in page.thank_button.text()

    bob = world.others["Bob"]
    world.deliver_to(bob)
    mine = ledger.ledger(bob)
    got = [e for e in mine.entries if e.what == ledger.THANKS_RECEIVED]
    assert [(e.other, e.title, e.text, e.counts) for e in got] == [
        ("Anna de Vries", "Model contract DBA", "Scheelde me een dag", True)
    ]
    assert mine.mine.thanks_received == 1


def test_thank_a_member_for_an_introduction(world: World, qtbot: Any) -> None:
    page = PeoplePage(world.bridge)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.members.rowCount() == 4, timeout=10_000)
    row = next(i for i, r in enumerate(page.members.rows) if r.card.name == "Carol")
    page.table.selectRow(row)
    qtbot.waitUntil(page.thank_button.isEnabled, timeout=10_000)
    dialog = page.thank_button.open_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.thanked, timeout=10_000):
        dialog.ok.click()
    carol = world.others["Carol"]
    world.deliver_to(carol)
    assert ledger.ledger(carol).mine.thanks_received == 1
    me = next(i for i, r in enumerate(page.members.rows) if r.card.me)
    page.table.selectRow(me)
    qtbot.waitUntil(lambda: not page.thank_button.isVisibleTo(page), timeout=5000)


def test_ledger_page_lists_members_by_name_with_no_ranking(world: World, qtbot: Any) -> None:
    page = LedgerPage(world.bridge)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.members.rowCount() == 3, timeout=10_000)
    names = [r.name for r in page.members.rows]
    assert names == ["Bob", "Carol", "Zoë"]
    notes = [r.notes_shared for r in page.members.rows]
    assert notes == [1, 0, 3]  # by name, not by counts (an order by counts would differ)
    # no widget on the page sorts anything: no ranking can be made by clicking a header
    views = page.findChildren(QAbstractItemView)
    assert views
    for view in views:
        assert not getattr(view, "isSortingEnabled", lambda: False)()
    assert not page.members_table.horizontalHeader().sectionsClickable()
    # mine in full: Carol's thanks for my note, with its text
    assert page.mine_stack.currentWidget() is page.entries_table
    rows = page.entries.rows
    assert any(r.what == "Thanks received" and "Precies" in r.note for r in rows)
    shown = page.members.data(page.members.index(2, 0))
    assert shown == "Zoë"  # the table really shows the names
    assert "Thanks: 0 given, 1 received" in page.mine_counts.text()
    assert not page.nudge.isVisible()


def test_ledger_page_screenshots_light_and_dark(world: World, qtbot: Any) -> None:
    app = application()
    prefs = Prefs(world.home)
    window = MainWindow(world.bridge, prefs, world.home)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    OUT.mkdir(exist_ok=True)
    try:
        page = window.show_page("ledger")
        assert isinstance(page, LedgerPage)
        qtbot.waitUntil(lambda: page.members.rowCount() == 3, timeout=10_000)
        for mode in ("light", "dark"):
            theme.apply(app, mode)
            qtbot.wait(300)
            image = window.grab().toImage()
            assert image.save(str(OUT / f"ledger-{mode}.png"))
    finally:
        theme.apply(app, "light")
        window.close()


def test_the_claimer_of_a_lead_can_thank_its_giver(world: World, qtbot: Any) -> None:
    page = LeadsPage(world.bridge)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    page.open_item(world.bob_lead)
    qtbot.waitUntil(lambda: page.thank_button.isVisible(), timeout=10_000)
    qtbot.waitUntil(page.thank_button.isEnabled, timeout=10_000)
    OUT.mkdir(exist_ok=True)
    assert page.grab().save(str(OUT / "thank-lead-light.png"))
    dialog = page.thank_button.open_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.thanked, timeout=10_000):
        dialog.ok.click()
    bob = world.others["Bob"]
    world.deliver_to(bob)
    got = [e for e in ledger.ledger(bob).entries if e.what == ledger.THANKS_RECEIVED]
    assert [(e.other, e.title) for e in got] == [("Anna de Vries", "Interim CFO")]
