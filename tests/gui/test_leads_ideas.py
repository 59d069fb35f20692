"""The Leads and Ideas pages and their forms, driven through their widgets (pytest-qt, offscreen).

A real data folder and a real Node behind the Bridge. A second member (Bram) is a plain replica
in this process; his ops are fed to the running node as a sync session would deliver them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coopshare.crypto import primitives as p
from coopshare.gui.app import start_node
from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.idea_form import IdeaForm
from coopshare.gui.dialogs.lead_form import LeadForm
from coopshare.gui.main_window import MainWindow
from coopshare.gui.models import ItemsModel
from coopshare.gui.pages.activity import ActivityPage
from coopshare.gui.pages.ideas import IdeasPage
from coopshare.gui.pages.leads import LeadsPage
from coopshare.gui.settings import Prefs
from coopshare.identity.keys import Identity
from coopshare.identity.keystore import Unlocked
from coopshare.model.items import Kind
from coopshare.service import home as homes
from coopshare.service.api import NewLead
from coopshare.service.coop import Coop
from coopshare.store.db import Store
from tests.netutil import PASS

WAIT = 10_000
Page = TypeVar("Page", LeadsPage, IdeasPage, ActivityPage)
Setup = Callable[[Coop, Coop], Any]


def sync(a: Coop, b: Coop) -> None:
    for src, dst in ((a, b), (b, a)):
        for wire in list(src.wire_ops()):
            dst.apply(wire)


@dataclass
class World:
    home: Path
    bram: Coop  # the other member, a replica outside the GUI
    bridge: Bridge
    made: dict[str, bytes]  # what the setup function returned, by name
    stopped: bool = False
    widgets: list[QWidget] = field(default_factory=list)

    def keep(self, widget: QWidget) -> None:
        """Close `widget` only after the node stopped (late callbacks still find it alive)."""
        self.widgets.append(widget)

    def count(self, kind: Kind) -> int:
        return int(self.bridge.db(lambda c: len(c.items(kind))).result(10))

    def item(self, item_id: str | bytes) -> dict[str, Any]:
        raw = bytes.fromhex(item_id) if isinstance(item_id, str) else item_id
        view = self.bridge.db(lambda c: c.item(raw).view()).result(10)  # type: ignore[union-attr]
        return dict(view)

    def from_bram(self) -> None:
        """Deliver Bram's ops to the running node (and the node's to Bram)."""
        mine = self.bridge.call_sync(self.bridge.runtime._node.db(lambda c: list(c.wire_ops())))
        for wire in mine:
            self.bram.apply(wire)
        theirs = list(self.bram.wire_ops())
        self.bridge.run(
            self.bridge.runtime._node.write(lambda c: [c.apply(w) for w in theirs])
        ).result(10)

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            self.bridge.stop()


@pytest.fixture
def make_world(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., World]]:
    """Anna's data folder (the GUI user) and Bram's replica, both members of one coop."""
    worlds: list[World] = []

    def make(setup: Setup | None = None) -> World:
        home = tmp_path / "anna"
        homes.init(home, "Anna de Vries", PASS)
        anna = homes.open_coop(home, PASS)
        anna.create_coop("Brabant Interim")
        bram = Coop(
            Unlocked(Identity.generate("Bram Jansen"), p.random_bytes(32)),
            Store.open(tmp_path / "bram"),
        )
        bram.adopt_coop(anna.coop_id)  # type: ignore[arg-type]
        anna.add_member(bram.join_request())
        sync(anna, bram)
        made = setup(anna, bram) if setup is not None else {}
        sync(anna, bram)
        anna.store.close()
        prefs = Prefs(home)
        prefs.set("mdns", False)
        bridge = start_node(home, PASS, prefs)
        world = World(home, bram, bridge, made or {})
        worlds.append(world)
        return world

    yield make
    for w in worlds:
        qtbot.wait(50)
        w.stop()
        w.bram.store.close()
        qtbot.wait(50)  # deliver what was in flight while the widgets still exist
        for widget in w.widgets:
            widget.close()
            widget.deleteLater()
    qtbot.wait(10)


@pytest.fixture
def world(make_world: Callable[..., World]) -> World:
    return make_world()


def _shown(
    qtbot: QtBot, world: World, page: Page, rows: int, size: tuple[int, int] = (1100, 700)
) -> Page:
    """`page` kept by the world, shown at `size` and loaded with `rows` rows."""
    world.keep(page)
    page.resize(*size)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == rows, timeout=WAIT)
    return page


def leads_page(qtbot: QtBot, world: World, rows: int = 0) -> LeadsPage:
    return _shown(qtbot, world, LeadsPage(world.bridge), rows)


def ideas_page(qtbot: QtBot, world: World, rows: int = 0) -> IdeasPage:
    return _shown(qtbot, world, IdeasPage(world.bridge), rows)


def say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# --- leads --------------------------------------------------------------------------------------


def test_empty_leads_page_says_what_to_do(qtbot: QtBot, world: World) -> None:
    page = leads_page(qtbot, world)
    assert page.list_stack.currentWidget() is page.empty
    assert "Ctrl+N" in page.empty.text() and "sealed" in page.empty.text()
    assert page.page_title() == "Leads"


def test_create_lead_through_form_appears_in_list(qtbot: QtBot, world: World) -> None:
    page = leads_page(qtbot, world)
    page.new_item()
    form = page.form
    assert isinstance(form, LeadForm) and form.isVisible()
    assert not hasattr(form, "reason_edit")  # never stored, so never asked
    qtbot.keyClicks(form.title_edit, "Interim CFO zorginstelling")
    qtbot.keyClicks(form.role_edit, "Interim CFO")
    qtbot.keyClicks(form.skills_edit, "finance, zorg")
    qtbot.keyClicks(form.region_edit, "Eindhoven")
    form.remote_check.setChecked(True)
    form.hours_spin.setValue(32)
    form.duration_spin.setValue(26)
    form.respond_check.setChecked(True)
    assert form.respond_date.isEnabled()
    qtbot.keyClicks(form.org_edit, "Zorggroep De Kempen")
    qtbot.keyClicks(form.contact_edit, "M. Peters")
    form.rate_min_spin.setValue(115)
    form.rate_max_spin.setValue(140)
    form.referral_combo.setCurrentIndex(form.referral_combo.findData("fixed-fee"))
    form.referral_amount.setText("€ 750")  # keyClicks types ASCII only
    form.contract_combo.setCurrentIndex(2)  # "Through an intermediary"
    click(qtbot, form.save_button)

    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
    row = page.model.rows[0]
    assert row.title == "Interim CFO zorginstelling" and row.status == "open"
    stored = world.item(row.id)
    assert stored["skills"] == ["finance", "zorg"] and stored["hours_per_week"] == 32
    assert stored["remote"] is True and stored["referral_terms"] == "fixed-fee: € 750"
    assert stored["contract_form"] == "intermediary"  # a code, never the label shown (#23)
    assert (stored["rate_min"], stored["rate_max"], stored["org"]) == (
        115,
        140,
        "Zorggroep De Kempen",
    )
    # the new lead is selected and shown, with its sealed part visible to its giver
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    assert page.d_title.text() == "Interim CFO zorginstelling"
    assert page.d_status.text() == "Open"
    assert page.sealed_box.isVisibleTo(page)
    assert page.sealed_box.title() == "Sealed: only you and the claimer"  # the giver's view
    assert page.sealed_rows["org"].text() == "Zorggroep De Kempen"
    assert page.sealed_rows["rate"].text() == "€ 115 – € 140 per hour"
    assert page.form_rows["referral"].text() == "A fixed fee: € 750"
    assert page.form_rows["contract_form"].text() == "Through an intermediary"
    assert page.table.currentIndex().row() == 0


def test_bad_lead_input_shows_a_message_and_saves_nothing(qtbot: QtBot, world: World) -> None:
    page = leads_page(qtbot, world)
    page.new_item()
    form = page.form
    assert form is not None
    click(qtbot, form.save_button)  # no title
    assert form.error_label.isVisibleTo(form) and "title" in form.error_label.text()
    assert form.isVisible()

    qtbot.keyClicks(form.title_edit, "Programmamanager")
    form.rate_min_spin.setValue(150)
    form.rate_max_spin.setValue(100)
    click(qtbot, form.save_button)
    assert "150" in form.error_label.text() and "100" in form.error_label.text()
    assert form.isVisible()

    form.rate_max_spin.setValue(160)
    form.referral_combo.setCurrentIndex(form.referral_combo.findData("percent-first-invoice"))
    click(qtbot, form.save_button)  # a percentage needs an amount
    assert "referral" in form.error_label.text()
    assert form.isVisible()
    qtbot.wait(300)
    assert world.count(Kind.LEAD) == 0 and page.model.rowCount() == 0

    # fixed: Ctrl+Return saves
    qtbot.keyClicks(form.referral_amount, "5%")
    form.activateWindow()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert world.count(Kind.LEAD) == 1 and not form.isVisible()


def test_core_refusal_stays_in_the_form(qtbot: QtBot, world: World) -> None:
    """If the core refuses what the form let through, the dialog says why and stays open."""
    form = LeadForm(world.bridge)
    world.keep(form)
    form.show()
    qtbot.keyClicks(form.title_edit, "Lead")
    form.description_edit.setPlainText("x" * 20_001)  # the core allows 20,000 characters
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: form.error_label.isVisibleTo(form), timeout=WAIT)
    assert "description" in form.error_label.text()
    assert form.isVisible() and form.save_button.isEnabled()
    assert world.count(Kind.LEAD) == 0


def test_items_model_for_leads_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: Any, make_world: Callable[..., World]
) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        for title in ("Eerste", "Tweede"):
            anna.add_lead({"title": title})
        return {"bram": bram.add_lead({"title": "Van Bram", "org": "Geheim BV"})}

    world = make_world(setup)
    model = ItemsModel(world.bridge, Kind.LEAD)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=WAIT)
    qtmodeltester.check(model)
    world.bridge.write(lambda c: c.add_lead(NewLead("Vierde"))).result(10)
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=WAIT)
    qtmodeltester.check(model)
    assert "Geheim" not in str(model.rows)  # sealed fields never reach the list


# --- ideas --------------------------------------------------------------------------------------


def test_idea_needs_explicit_terms_and_audience(qtbot: QtBot, world: World) -> None:
    page = ideas_page(qtbot, world)
    assert page.list_stack.currentWidget() is page.empty
    page.new_item()
    form = page.form
    assert isinstance(form, IdeaForm)
    qtbot.waitUntil(lambda: form.loaded["members"] and form.loaded["ideas"], timeout=WAIT)
    assert form.chosen_terms() == ""  # nothing chosen for the user
    assert not form.audience_coop.isChecked() and not form.audience_named.isChecked()
    assert not form.embargo_date.isEnabled()

    qtbot.keyClicks(form.title_edit, "Gedeelde bench")
    form.body_edit.setPlainText("Leden vervangen elkaar bij ziekte.")
    click(qtbot, form.save_button)
    assert "usage terms" in form.error_label.text()
    form.terms_buttons["embargo"].setChecked(True)
    assert form.embargo_date.isEnabled()
    form.terms_buttons["view-only"].setChecked(True)
    assert not form.embargo_date.isEnabled()
    click(qtbot, form.save_button)
    assert "who can read" in form.error_label.text()
    qtbot.wait(200)
    assert world.count(Kind.IDEA) == 0

    form.audience_coop.setChecked(True)
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)  # the list may refresh first
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    banner = page.banner
    assert banner.objectName() == "termsBanner" and banner.isVisibleTo(page)
    assert "Owner: Anna de Vries" in banner.text()
    assert "View or discuss only" in banner.text()
    assert "the whole cooperative" in banner.text()
    assert page.model.rows[0].terms == "view-only"


def test_idea_for_named_members_and_with_embargo(qtbot: QtBot, world: World) -> None:
    page = ideas_page(qtbot, world)
    page.new_item()
    form = page.form
    assert form is not None
    qtbot.waitUntil(lambda: form.members_list.count() == 2, timeout=WAIT)
    me = form.members_list.item(0)
    assert me.checkState() == Qt.CheckState.Checked and "you" in me.text()
    assert not me.flags() & Qt.ItemFlag.ItemIsEnabled  # the owner is always in the audience
    qtbot.keyClicks(form.title_edit, "Tariefmodel")
    form.terms_buttons["embargo"].setChecked(True)
    form.embargo_date.setDate(form.embargo_date.date().addDays(-60))
    form.audience_named.setChecked(True)
    form.members_list.item(1).setCheckState(Qt.CheckState.Checked)
    click(qtbot, form.save_button)
    assert "after today" in form.error_label.text()
    form.embargo_date.setDate(form.embargo_date.date().addDays(90))
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    until = form.embargo_date.date().toString(Qt.DateFormat.ISODate)
    assert f"embargo until {until}" in page.banner.text()
    assert "only the members it was addressed to" in page.banner.text()
    idea = page.current
    assert idea is not None
    world.from_bram()
    assert world.bram.item(bytes.fromhex(idea.id)) is not None  # Bram was addressed


def test_derived_idea_keeps_attribution_and_stricter_terms(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"parent": bram.add_idea("Kennisavonden", "Elke maand.", "reuse-with-attribution")}

    world = make_world(setup)
    parent = world.made["parent"].hex()
    page = ideas_page(qtbot, world, rows=1)
    page.open_item(parent)
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    assert "Owner: Bram Jansen" in page.banner.text()
    click(qtbot, page.derive_button)  # "build on this idea": the parent is chosen already
    form = page.form
    assert form is not None
    qtbot.waitUntil(lambda: form.loaded["ideas"], timeout=WAIT)
    assert form.derived_combo.currentData() == parent
    qtbot.keyClicks(form.title_edit, "Kennisavonden per regio")
    form.audience_coop.setChecked(True)

    # meanwhile Bram made his idea stricter; this form still knows the old terms
    world.bram.edit_item(world.made["parent"], {"terms": "view-only"})
    world.from_bram()
    form.terms_buttons["reuse-with-attribution"].setChecked(True)
    click(qtbot, form.save_button)  # passes the form's check, refused by the core
    qtbot.waitUntil(lambda: "more permissive" in form.error_label.text(), timeout=WAIT)
    assert form.isVisible() and world.count(Kind.IDEA) == 1

    # a fresh form knows the new terms and says so before writing anything
    page.form = None
    form.reject()
    click(qtbot, page.derive_button)
    form2 = page.form
    assert form2 is not None
    qtbot.waitUntil(lambda: form2.loaded["ideas"], timeout=WAIT)
    qtbot.keyClicks(form2.title_edit, "Kennisavonden per regio")
    form2.audience_coop.setChecked(True)
    form2.terms_buttons["ask-before-use"].setChecked(True)
    click(qtbot, form2.save_button)
    assert "at least as strict" in form2.error_label.text()
    form2.terms_buttons["private"].setChecked(True)
    click(qtbot, form2.save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: len(page.link_buttons()) == 1, timeout=WAIT)
    link = page.link_buttons()[0]
    assert link.text() == "Kennisavonden"
    assert "Owner: Anna de Vries" in page.banner.text()
    click(qtbot, link)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == parent, timeout=WAIT)
    assert (
        "Owner: Bram Jansen" in page.banner.text() and "View or discuss only" in page.banner.text()
    )
    assert page.children_row.isVisibleTo(page)


def test_peer_text_on_leads_and_ideas_is_plain(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    hostile = "<b>bold</b>\u202eevil<img src=x>"

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        idea = bram.add_idea(hostile, "<script>alert(1)</script>", "view-only")
        sync(anna, bram)
        anna.accept_terms(idea)  # the text unlocks after the terms are accepted
        sync(anna, bram)
        bram.release(idea, anna.me.member_id)
        return {"lead": bram.add_lead({"title": hostile, "role": hostile}), "idea": idea}

    world = make_world(setup)
    leads = leads_page(qtbot, world, rows=1)
    leads.open_item(world.made["lead"].hex())
    qtbot.waitUntil(lambda: leads.current is not None, timeout=WAIT)
    assert leads.d_title.textFormat() == Qt.TextFormat.PlainText
    assert leads.d_title.text() == "<b>bold</b>evil<img src=x>"
    ideas = ideas_page(qtbot, world, rows=1)
    ideas.open_item(world.made["idea"].hex())
    qtbot.waitUntil(lambda: ideas.current is not None, timeout=WAIT)
    assert "<script>" in ideas.body.toPlainText()
    assert ideas.banner.textFormat() == Qt.TextFormat.PlainText


def test_main_window_routes_to_leads_and_ideas(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "lead": anna.add_lead({"title": "Routed lead"}),
            "idea": anna.add_idea("Routed idea", "", "private"),
        }

    world = make_world(setup)
    prefs = Prefs(world.home)
    w = MainWindow(world.bridge, prefs, world.home)
    world.keep(w)
    w.show()
    w.open_item("lead", world.made["lead"].hex())
    leads = w.pages["leads"]
    assert isinstance(leads, LeadsPage)
    qtbot.waitUntil(lambda: leads.current is not None, timeout=WAIT)
    assert leads.d_title.text() == "Routed lead"
    w.open_item("idea", world.made["idea"].hex())
    ideas = w.pages["ideas"]
    assert isinstance(ideas, IdeasPage)
    qtbot.waitUntil(lambda: ideas.current is not None, timeout=WAIT)
    assert "Private" in ideas.banner.text()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(ideas.form, IdeaForm) and ideas.form.isVisible()
    ideas.form.reject()


def test_my_own_leads_say_you_in_the_list(qtbot: QtBot, make_world: Callable[..., World]) -> None:
    """The "Given by" column says "(you)" on my own leads, as the lead's detail ("Given by
    you") and the People page do; a colleague's lead shows the colleague's name only."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "mine": anna.add_lead({"title": "Mijn lead"}),
            "theirs": bram.add_lead({"title": "Lead van Bram"}),
        }

    world = make_world(setup)
    page = leads_page(qtbot, world, rows=2)
    column = [h for _, h in page.model.columns].index("Given by")
    shown = {
        page.model.rows[i].title: page.model.data(page.model.index(i, column))
        for i in range(page.model.rowCount())
    }
    assert shown == {"Mijn lead": "Anna de Vries (you)", "Lead van Bram": "Bram Jansen"}
