"""Issue 13, the defects still open after session 5: sealed-details note only when sealed details
exist (#26), one "no fee" choice for referral terms (#29), the idea form's terms locked in
advance and its date row (#31), no icons on dialog buttons (#35), the unlock text before any
cooperative exists (#37). Each test has its control: the state the fix changes.
"""

# ruff: noqa: F401, F811 (make_world is a pytest fixture imported from the leads/ideas tests)

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QProxyStyle,
    QStyle,
    QStyleFactory,
)
from pytestqt.qtbot import QtBot

from coopshare.errors import NoSuchDevice
from coopshare.gui import i18n, theme
from coopshare.gui.app import start_node
from coopshare.gui.dialogs.idea_form import IdeaForm
from coopshare.gui.dialogs.lead_form import LeadForm, referral_text
from coopshare.gui.dialogs.unlock import UnlockDialog
from coopshare.gui.fit_columns import MIN_TITLE
from coopshare.gui.pages.activity import ActivityPage
from coopshare.gui.pages.activity_model import EventRole, sentence
from coopshare.gui.pages.device_naming import short_device
from coopshare.gui.pages.lead_look import status_label
from coopshare.gui.pages.nearby import NearbyPage
from coopshare.gui.settings import Prefs
from coopshare.service import home as homes
from coopshare.service.coop import Coop
from tests.conftest import sync
from tests.gui.test_leads_ideas import WAIT, World, _shown, leads_page, make_world
from tests.netutil import PASS


def test_sealed_note_only_when_the_giver_sealed_details(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    """#26: Anna reads Bram's leads. One has a sealed client (she is told it is sealed), one
    has none: nothing about sealed details is shown for it."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "plain": bram.add_lead({"title": "Open call", "referral_terms": "none"}),
            "sealed": bram.add_lead({"title": "Interim HR", "org": "Gemeente Tilburg"}),
        }

    world = make_world(setup)
    page = leads_page(qtbot, world, rows=2)
    page.open_item(world.made["sealed"].hex())
    qtbot.waitUntil(lambda: page.current is not None and page.current.title == "Interim HR",
                    timeout=WAIT)  # fmt: skip
    assert page.current is not None and page.current.has_sealed and not page.current.sealed
    assert page.sealed_note.isVisibleTo(page) and "sealed" in page.sealed_note.text()  # control
    page.open_item(world.made["plain"].hex())
    qtbot.waitUntil(lambda: page.current is not None and page.current.title == "Open call",
                    timeout=WAIT)  # fmt: skip
    assert not page.current.has_sealed
    assert page.sealed_note.isHidden() and page.sealed_box.isHidden()


class _DesktopLike(QProxyStyle):
    """Fusion as a GNOME or KDE platform theme makes it: stock icons on dialog buttons."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # type: ignore[no-untyped-def]
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)


def test_dialog_buttons_carry_no_stock_icons(qapp: QApplication) -> None:
    """#35: on a desktop whose theme puts icons on dialog buttons, the app's style sheet keeps
    them off (a red "No" orb on "Continue", a floppy disk and a red ✗ on Save / Cancel)."""
    sheet = qapp.styleSheet()
    qapp.setStyle(_DesktopLike(QStyleFactory.create("Fusion")))
    try:
        qapp.setStyleSheet("")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        assert not box.button(QDialogButtonBox.StandardButton.Save).icon().isNull()  # control
        theme.apply_sheet(qapp)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for b in box.buttons():
            assert b.icon().isNull(), b.text()
        yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        msg = QMessageBox(QMessageBox.Icon.Question, "t", "x", yes_no)
        assert msg.button(QMessageBox.StandardButton.No).icon().isNull()
    finally:
        qapp.setStyle(QStyleFactory.create("Fusion"))
        qapp.setStyleSheet(sheet)


def test_unlock_speaks_of_the_cooperative_only_once_there_is_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """#37: an identity without a cooperative (a first run left after the keys were made) is
    unlocked without "your cooperative's notes"; once the folder was opened in a cooperative,
    the next unlock says so (the control)."""
    home = tmp_path / "anna"
    homes.init(home, "Anna de Vries", PASS)
    prefs = Prefs(home)
    prefs.set("mdns", False)
    start_node(home, PASS, prefs).stop()
    before = UnlockDialog(home, in_coop=prefs.flag("in_coop"))
    qtbot.addWidget(before)
    assert "cooperative" not in before.subtitle.text()
    coop = homes.open_coop(home, PASS)
    coop.create_coop("Brabant Interim")
    coop.store.close()
    start_node(home, PASS, prefs).stop()
    after = UnlockDialog(home, in_coop=Prefs(home).flag("in_coop"))
    qtbot.addWidget(after)
    assert "your cooperative's notes" in after.subtitle.text()


def test_referral_terms_offer_one_no_fee_choice(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    """#29: "No referral fee" and "A thank-you is enough" were the same promise; a new lead
    offers one of them, and a lead stored with the other still reads as it did."""
    world = make_world()
    form = LeadForm(world.bridge)
    world.keep(form)
    kinds = [form.referral_combo.itemData(i) for i in range(form.referral_combo.count())]
    labels = [form.referral_combo.itemText(i) for i in range(form.referral_combo.count())]
    assert kinds == ["none", "fixed-fee", "percent-first-invoice"]
    assert "A thank-you is enough" not in labels and "No referral fee" in labels
    assert referral_text("thanks") == "A thank-you is enough"  # an old lead stays readable
    assert referral_text("none") == "No referral fee"


def test_idea_form_locks_terms_a_derivative_may_not_have(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    """#31: with a parent shared as "View or discuss only", the more permissive terms are off
    before they are picked, with a tooltip saying why; a picked one is unchecked. Control: with
    no parent every term is open. The embargo date keeps its height when the problem line
    shows in a small window."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"parent": bram.add_idea("Mentoring", "Text.", "view-only")}

    world = make_world(setup)
    form = IdeaForm(world.bridge)
    world.keep(form)
    form.resize(900, 560)
    form.show()
    qtbot.waitUntil(lambda: form.loaded["ideas"], timeout=WAIT)
    buttons = form.terms_buttons
    assert all(b.isEnabled() for b in buttons.values())  # control: no parent, nothing locked
    buttons["reuse-with-attribution"].setChecked(True)
    form.derived_combo.setCurrentIndex(form.derived_combo.findData(world.made["parent"].hex()))
    locked = {v for v, b in buttons.items() if not b.isEnabled()}
    assert locked == {"ask-before-use", "reuse-for-fee", "reuse-with-attribution"}
    assert "View or discuss only" in buttons["reuse-for-fee"].toolTip()
    assert form.chosen_terms() == ""  # the refused choice is not kept
    assert buttons["private"].isEnabled() and buttons["embargo"].isEnabled()
    buttons["embargo"].setChecked(True)
    hint = form.embargo_date.sizeHint().height()
    form.submit()  # no title: the problem line shows
    qtbot.waitUntil(lambda: form.error_label.isVisible(), timeout=WAIT)
    qtbot.wait(100)
    assert form.embargo_date.height() >= hint


def test_activity_is_one_row_per_event_and_says_who(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    """#41: Anna gave a lead and Bram wrote a note; then Bram claims the lead and edits his
    note. The feed has a row for each of the four events (one per item would be two: the
    control), and the claim says who claimed it."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "lead": anna.add_lead({"title": "Interim HR"}),
            "note": bram.add_note("Plan van aanpak", "Eerste versie."),
        }

    world = make_world(setup)
    page = _shown(qtbot, world, ActivityPage(world.bridge), 2, size=(900, 600))
    world.bram.claim_lead(world.made["lead"])
    world.bram.edit_item(world.made["note"], {}, body="Tweede versie.")
    world.from_bram()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=WAIT)
    rows = [page.model.index(i, 0) for i in range(4)]
    said = [sentence(i.data(EventRole)) for i in rows]
    assert len({i.data(EventRole).item_id for i in rows}) == 2  # two items, four rows
    assert set(said) == {
        "You gave a lead",
        "Bram Jansen wrote a note",
        "Bram Jansen claimed the lead",
        "Bram Jansen edited a note",
    }
    spoken = rows[0].data(Qt.ItemDataRole.AccessibleTextRole)
    assert said[0] in spoken and rows[0].data(EventRole).title in spoken
    with qtbot.waitSignal(page.open_requested, timeout=WAIT) as opened:
        page.feed.doubleClicked.emit(rows[0])
    assert opened.args == [rows[0].data(EventRole).kind, rows[0].data(EventRole).item_id]


def test_nearby_names_each_members_devices(
    qtbot: QtBot, make_world: Callable[..., World], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 item 5: Nearby shows a member once, with their devices by name, not a count.
    Bram's laptop is shown by the start of its id until Anna names it here (the control);
    then by that name, with the id in the tooltip. A device outside the roster cannot be named."""
    from coopshare.service import peers as peerbook

    world = make_world()
    device = world.bram.me.device_id
    node = world.bridge.runtime._node
    world.bridge.call_sync(
        node.db(lambda c: peerbook.record(c, "192.168.1.20:47490", device, "manual"))
    )
    page = NearbyPage(world.bridge)
    world.keep(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT)
    row = page.model.rows[0]
    assert row.member == "Bram Jansen" and row.device_short == short_device(device.hex())
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Bram's laptop", True))
    page.table.selectRow(0)
    page.name_button.click()
    qtbot.waitUntil(lambda: page.model.rows[0].device_short == "Bram's laptop", timeout=WAIT)
    tip = page.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Bram's laptop — {short_device(device.hex())}"
    with pytest.raises(NoSuchDevice):
        world.bridge.write(lambda a: a.name_device(b"\1" * 32, "x")).result(10)


def test_lead_list_keeps_title_and_status_readable_in_dutch(
    qtbot: QtBot, qapp: QApplication, make_world: Callable[..., World]
) -> None:
    """#34 "Geg…": in Dutch at 1024 px the status column fits its longest word and the title
    keeps its room; the last columns give way (they are in the detail panel). Control: in a
    wide page every column shows."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        lead = bram.add_lead({"title": "Interim programmamanager energietransitie"})
        sync(anna, bram)
        anna.claim_lead(lead)
        anna.set_lead_status(lead, "contacted")
        return {"lead": lead}

    world = make_world(setup)
    i18n.install(qapp, "nl")
    try:
        page = leads_page(qtbot, world, rows=1)
        table, header = page.table, page.table.horizontalHeader()
        page.resize(1400, 700)
        qtbot.waitUntil(lambda: not any(table.isColumnHidden(c) for c in range(4)), timeout=WAIT)
        page.resize(760, 700)  # the leads page of a 1024 px window
        status = status_label("contacted")
        assert status == "Opdrachtgever benaderd"
        need = table.fontMetrics().horizontalAdvance(status)
        qtbot.waitUntil(lambda: table.isColumnHidden(3), timeout=WAIT)  # "Bijgewerkt" first
        qtbot.wait(50)
        shown = [header.sectionSize(c) for c in range(4) if not table.isColumnHidden(c)]
        assert header.sectionSize(1) >= need  # not "Opdr…"
        assert sum(shown) <= table.viewport().width() + 1  # no sideways scrolling
        assert header.sectionSize(0) >= MIN_TITLE or table.isColumnHidden(2)
        page.resize(1400, 700)  # room again: the columns come back
        qtbot.waitUntil(lambda: not table.isColumnHidden(3), timeout=WAIT)
    finally:
        i18n.install(qapp, "en")
