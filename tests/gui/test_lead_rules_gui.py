"""The Leads page under the lifecycle rules: each member sees exactly the acts the fold allows.

Anna runs the app (a real node on her data folder); Bram is a second replica whose ops the test
delivers to her node (``World.from_bram``).
"""

# ruff: noqa: F401, F811 (make_world is a pytest fixture imported from the leads/ideas tests)

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from coopshare.model import lead_rules
from coopshare.model.items import Act, Kind
from coopshare.service.coop import Coop
from tests.gui.test_leads_ideas import (
    WAIT,
    World,
    click,
    leads_page,
    make_world,
    say_yes,
)


def _answer_claim_box(seen: list[str], accept: bool = True) -> None:
    """Read the open claim dialog (what the claimer is shown) and press one of its buttons."""
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    seen.append(box.informativeText())
    for b in box.buttons():
        if (b.text() == "Accept terms and claim") == accept and (
            accept or box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole
        ):
            b.click()
            return
    raise AssertionError("no such button")


def test_giver_withdraws_and_reopens_and_never_moves_the_claimers_steps(
    qtbot: QtBot, make_world: Callable[..., World], monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(lambda a, b: {"lead": a.add_lead({"title": "Projectleider"})})
    page = leads_page(qtbot, world, rows=1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    # the giver: no claim, no claimer's steps; withdraw only
    assert page.claim_button.isHidden() and page.interest_button.isHidden()
    assert page.move_button.isHidden() and page.give_back_button.isHidden()
    assert page.withdraw_button.isVisibleTo(page) and page.reopen_button.isHidden()
    say_yes(monkeypatch)
    click(qtbot, page.withdraw_button)
    qtbot.waitUntil(lambda: page.d_status.text() == "Withdrawn", timeout=WAIT)
    qtbot.waitUntil(lambda: page.model.rows[0].status == "withdrawn", timeout=WAIT)
    assert page.withdraw_button.isHidden() and page.reopen_button.isVisibleTo(page)
    assert "You withdrew the lead" in page.history_text()
    click(qtbot, page.reopen_button)
    qtbot.waitUntil(lambda: page.d_status.text() == "Open", timeout=WAIT)
    assert "You reopened the lead" in page.history_text()


def test_claim_shows_the_terms_and_signs_them(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "lead": bram.add_lead(
                {
                    "title": "Interim HR",
                    "org": "Gemeente Tilburg",
                    "referral_terms": "percent-first-invoice:5",
                }
            )
        }

    world = make_world(setup)
    lead = world.made["lead"]
    page = leads_page(qtbot, world, rows=1)
    page.open_item(lead.hex())
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    assert page.sealed_box.isHidden() and page.claim_button.isVisibleTo(page)
    assert page.move_button.isHidden() and page.withdraw_button.isHidden()

    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_claim_box(seen, accept=False))  # control: cancel
    click(qtbot, page.claim_button)
    qtbot.wait(200)
    assert page.current is not None and page.current.status == "open"

    QTimer.singleShot(0, lambda: _answer_claim_box(seen))
    click(qtbot, page.claim_button)
    qtbot.waitUntil(lambda: page.d_status.text() == "Claimed", timeout=WAIT)
    assert "Bram Jansen" in seen[-1] and "5" in seen[-1]  # the giver's terms were shown
    qtbot.waitUntil(lambda: page.form_rows["claimer"].text() == "you", timeout=WAIT)
    assert page.current.terms_accepted and page.accept_button.isHidden()
    options = [page.move_combo.itemData(i) for i in range(page.move_combo.count())]
    assert options == ["contacted", "lost"]  # the claimer's next steps
    assert page.give_back_button.isVisibleTo(page) and page.withdraw_button.isHidden()
    assert "once the giver releases" in page.sealed_note.text()
    assert "lapses" in page.d_state_note.text()
    # the acceptance is in the log Bram receives: his replica sees the terms accepted
    world.from_bram()
    st = world.bram.item(lead)
    assert st is not None
    state = lead_rules.derive(st)
    assert state.claimer is not None and state.accepted_terms == lead_rules.terms_hash(st)


def test_giver_sees_claim_live_and_releases_only_after_acceptance(
    qtbot: QtBot, make_world: Callable[..., World], monkeypatch: pytest.MonkeyPatch
) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "lead": anna.add_lead(
                {"title": "Interim CFO", "org": "Achmea", "rate_min": 120, "rate_max": 140}
            )
        }

    world = make_world(setup)
    lead = world.made["lead"]
    page = leads_page(qtbot, world, rows=1)
    page.open_item(lead.hex())
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    assert page.release_button.isHidden()  # nobody to release to yet

    world.bram.claim_lead(lead)  # on Bram's laptop, without accepting the terms...
    world.from_bram()  # ...and synced to Anna's: the list and the open detail follow
    qtbot.waitUntil(lambda: page.model.rows[0].status == "claimed", timeout=WAIT)
    qtbot.waitUntil(lambda: page.form_rows["claimer"].text() == "Bram Jansen", timeout=WAIT)
    assert "Bram Jansen claimed the lead" in page.history_text()
    assert page.release_button.isHidden()  # no acceptance yet: nothing to release to

    st = world.bram.item(lead)
    assert st is not None
    world.bram.lead_act(lead, Act.ACCEPT, terms=lead_rules.terms_hash(st))
    world.from_bram()
    qtbot.waitUntil(lambda: page.release_button.isVisibleTo(page), timeout=WAIT)
    assert "accepted the referral terms" in page.history_text()

    say_yes(monkeypatch)
    click(qtbot, page.release_button)
    qtbot.waitUntil(lambda: "can now read" in page.action_message.text(), timeout=WAIT)
    assert world.bram.item(lead).value("org") is None  # type: ignore[union-attr]
    world.from_bram()
    assert world.bram.item(lead).value("org") == "Achmea"  # type: ignore[union-attr]


def test_a_members_forbidden_move_shows_as_flagged_history(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    """Bram (neither giver nor claimer) signs "lost" on Anna's open lead with his own key,
    bypassing the writer's check: Anna's page keeps the lead open and flags his step."""
    world = make_world(lambda a, b: {"lead": a.add_lead({"title": "Data-architect"})})
    lead = world.made["lead"]
    page = leads_page(qtbot, world, rows=1)
    page.open_item(lead.hex())
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    world.bram.write_item(Kind.LEAD, lead, {"act": "lost"})  # bypasses the writer check
    world.from_bram()
    qtbot.waitUntil(lambda: "no effect" in page.history_text(), timeout=WAIT)
    assert page.d_status.text() == "Open"
    assert "Bram Jansen lost the assignment — no effect" in page.history_text()


def test_lead_form_opens_an_interest_window(qtbot: QtBot, make_world: Callable[..., World]) -> None:
    world = make_world()
    page = leads_page(qtbot, world)
    page.new_item()
    form = page.form
    assert form is not None
    qtbot.keyClicks(form.title_edit, "Interim PMO")
    form.window_check.setChecked(True)  # the window ends in two days by default
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    assert page.model.rows[0].status == "interest"
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    assert page.current is not None and page.current.interest_until
    assert "Interest window open until" in page.d_state_note.text()
    assert page.interest_button.isHidden()  # not for the giver
    # Bram sees the window and asks; the giver can then pick him
    world.from_bram()
    lead = bytes.fromhex(page.current.id)
    world.bram.lead_act(lead, Act.INTEREST)
    world.from_bram()
    qtbot.waitUntil(lambda: page.pick_button.isVisibleTo(page), timeout=WAIT)
    assert "said they are interested" in page.history_text()


def test_a_backdated_act_shows_as_flagged_history(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    """Bram gives a lead, writes a note, then signs a withdraw dated between the two with his
    own key: his own log shows it backdated, so Anna's page keeps the lead open and says why."""
    from tests.forge import coop_change, forge

    world = make_world(lambda a, b: {"lead": b.add_lead({"title": "Controller"})})
    lead = world.made["lead"]
    bram = world.bram
    created = bram.item(lead).created[0]  # type: ignore[union-attr]
    bram.add_note("Later", "dated after the withdraw below")
    op = forge(bram, coop_change(bram, Kind.LEAD, lead, {"act": "withdraw"}), hlc=created + 1)
    bram.apply(op.encode())
    page = leads_page(qtbot, world, rows=1)  # the lead came with the set-up's sync
    world.from_bram()  # the note and the withdraw
    page.open_item(lead.hex())
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: "backdated" in page.history_text(), timeout=WAIT)
    assert page.d_status.text() == "Open"
    assert "Bram Jansen withdrew the lead — no effect" in page.history_text()
    # plain text, never markup (it once showed "<span style=...>" to the member)
    assert "<span" not in page.history_text()
    # control: the same acts without the evidence would have withdrawn it
    st = bram.item(lead)
    assert st is not None
    acts = [(*a[:6], False) for a in st.acts]
    undone = lead_rules.replay(lead, acts, created_hlc=created)
    assert undone.status.value == "withdrawn"
