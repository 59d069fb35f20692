"""The Ideas page's terms panel (pytest-qt, offscreen): the reader accepts and waits, the owner
sees the signed acceptance (the receipt) and releases on a click for ask-before-use."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from coopshare.gui.pages.ideas import IdeasPage
from coopshare.service import releases
from coopshare.service.coop import Coop

from . import test_leads_ideas
from .test_leads_ideas import WAIT, World, click, ideas_page

make_world = test_leads_ideas.make_world  # the fixture: Anna in the app, Bram a replica

SECRET = "BEAVER-IDEA-3307"


def _idea_open(
    qtbot: QtBot, make_world: Callable[..., World], setup: Callable[[Coop, Coop], dict[str, bytes]]
) -> tuple[World, bytes, IdeasPage]:
    """The world `setup` made (its one idea under "idea"), that idea open on the Ideas page with
    its terms loaded."""
    world = make_world(setup)
    idea = world.made["idea"]
    page = ideas_page(qtbot, world, rows=1)
    page.open_item(idea.hex())
    qtbot.waitUntil(lambda: page.terms_panel.terms is not None, timeout=WAIT)
    return world, idea, page


def test_owner_sees_receipt_and_releases(qtbot: QtBot, make_world: Callable[..., World]) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"idea": anna.add_idea("Werkplaats", f"Plan: {SECRET}", "ask-before-use")}

    world, idea, page = _idea_open(qtbot, make_world, setup)
    panel = page.terms_panel
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

    world, idea, page = _idea_open(qtbot, make_world, setup)
    panel = page.terms_panel
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


def test_claim_terms_accept_then_details_unlock(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    """Anna claims Bram's lead in the app (the dialog shows his terms; claiming signs them);
    Bram's device releases; the sealed details show on Anna's page, the release in its history."""
    from PySide6.QtCore import QTimer

    from .test_lead_rules_gui import _answer_claim_box
    from .test_leads_ideas import leads_page

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        fields = {"title": "Interim HR", "org": "Gemeente-MARKER", "referral_terms": "thanks"}
        return {"lead": bram.add_lead(fields)}

    world = make_world(setup)
    lead = world.made["lead"]
    page = leads_page(qtbot, world, rows=1)
    page.open_item(lead.hex())
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_claim_box(seen))
    click(qtbot, page.claim_button)
    qtbot.waitUntil(lambda: page.d_status.text() == "Claimed", timeout=WAIT)
    assert "Bram Jansen" in seen[-1]  # the giver's terms were shown before signing
    assert page.sealed_box.isHidden()
    world.from_bram()
    assert releases.step(world.bram, [lead]) == 1  # Bram's device sees the acceptance
    world.from_bram()
    qtbot.waitUntil(lambda: page.sealed_box.isVisibleTo(page), timeout=WAIT)
    assert page.sealed_rows["org"].text() == "Gemeente-MARKER"
    assert page.sealed_box.title() == "Sealed: only you and the giver"  # the claimer's view (#26)
    assert "Bram Jansen released the client" in page.history_text()


def test_referral_terms_with_a_coop_share(qtbot: QtBot, make_world: Callable[..., World]) -> None:
    from coopshare.gui.dialogs.lead_form import LeadForm, referral_text

    world = make_world()
    form = LeadForm(world.bridge)
    world.keep(form)
    qtbot.keyClicks(form.title_edit, "Interim HR")
    form.referral_combo.setCurrentIndex(form.referral_combo.findData("percent-first-invoice"))
    qtbot.keyClicks(form.referral_amount, "5%")
    form.coop_share_spin.setValue(10)
    terms = form.fields().referral_terms
    assert terms == "percent-first-invoice: 5%; coop-share: 10%"  # what the claimer signs
    assert referral_text(terms) == "A percentage of the first invoice: 5%; 10% to the cooperative"
    assert referral_text("thanks") == "A thank-you is enough"
    assert referral_text("5% of the fee") == "5% of the fee"  # free text from the CLI, as it is
