"""Everyday polish (issue 13, items 1, 5 and 6), driven through the real window, bridge and node:
comments and the read-only look of a colleague's note, a link to a missing note, [[ and tag
completion, the tag filter, the menu bar, the meetup switch and network settings that apply at
once, Nearby one row per member, the "this device" card, and live edits.

Anna runs the app; Bram is a replica in this process (his own keys and store) whose ops reach
Anna's data folder as a sync would, or a real `coopshare serve` process on loopback.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication

from coopshare.crypto import primitives as p
from coopshare.gui.main_window import MainWindow
from coopshare.gui.pages import nearby as nearby_page
from coopshare.gui.pages.nearby import NearbyPage
from coopshare.gui.pages.nearby_rows import display_addr, per_member
from coopshare.gui.pages.note_tools import AUTOSAVE_MS, LIVE_AUTOSAVE_MS, link_prefix, suggest
from coopshare.gui.theme import ACCENT
from coopshare.identity.keys import Identity
from coopshare.identity.keystore import Unlocked
from coopshare.service import home as homes
from coopshare.service.api import NearbyPeer
from coopshare.service.api import events as ev
from coopshare.service.coop import Coop
from coopshare.store.db import Store
from tests.conftest import join, sync
from tests.gui.winutil import notes_shown, window_on
from tests.netutil import PASS, cli, new_member, serving


@dataclass
class World:
    window: MainWindow
    bram: Coop
    bram_note: str
    anna_note: str


@pytest.fixture
def world(qtbot: Any, tmp_path: Path, qapp: QApplication) -> Iterator[World]:
    home = tmp_path / "anna"
    homes.init(home, "Anna de Vries", PASS)
    anna = homes.open_coop(home, PASS)
    bram = Coop(Unlocked(Identity.generate("Bram"), p.random_bytes(32)), Store.open(tmp_path / "b"))
    try:
        anna.create_coop("Brabant Interim")
        join(anna, bram)
        anna_note = anna.add_note("Inkoopstrategie", "Zie [[Ontbreekt nog]].", ["inkoop"])
        anna.add_note("Aanbesteding", "Sluit 12 december.", ["tender", "inkoop"])
        bram_note = bram.add_note("Bram's aanpak", "Mijn tekst.", ["aanpak"])
        sync(anna, bram)
    finally:
        anna.store.close()
    try:
        with window_on(qtbot, home, PASS) as w:
            notes_shown(qtbot, w, 3)
            yield World(w, bram, bram_note.hex(), anna_note.hex())
    finally:
        bram.store.close()


def _open(qtbot: Any, w: MainWindow, item_id: str) -> None:
    w.notes.open_item(item_id)
    qtbot.waitUntil(lambda: w.notes.current is not None and w.notes.current.id == item_id)


def test_a_colleagues_note_looks_read_only_and_takes_comments(qtbot: Any, world: World) -> None:
    w, page = world.window, world.window.notes
    _open(qtbot, w, world.bram_note)
    tools = page.tools
    # #12: no editable-looking text box that ignores typing: the preview, and whose it is
    assert page.body.isHidden() and not page.preview.isHidden()
    assert not tools.banner.isHidden() and "Bram" in tools.banner.text()
    assert not page.title_edit.hasFrame() and page.title_edit.isReadOnly()
    # a comment: Anna's own record on Bram's note
    panel = tools.comments
    assert not panel.isHidden()
    qtbot.keyClicks(panel.input, "Mooi, ik gebruik dit bij de gemeente.")
    qtbot.keyClick(panel.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    assert "Anna de Vries" in panel.list.item(0).text()
    assert "gemeente" in panel.list.item(0).text()
    # the note itself did not change: still Bram's text
    detail = w.bridge.db(lambda a: a.note_detail(world.bram_note)).result(10)
    assert detail is not None and detail.body == "Mijn tekst." and not detail.mine
    # my own comment can be changed; the buttons show for mine only
    panel.list.setCurrentRow(0)
    assert not panel.edit_button.isHidden()
    panel.edit_button.click()
    panel.input.setText("Aangepast")
    panel.send_button.click()
    qtbot.waitUntil(lambda: "Aangepast" in panel.list.item(0).text(), timeout=10_000)
    # Bram sees Anna's comment once the ops reach him
    for wire in w.bridge.call_sync(w.bridge.runtime._node.db(lambda c: list(c.wire_ops()))):
        world.bram.apply(wire)
    shown = world.bram.item(bytes.fromhex(world.bram_note))
    assert shown is not None and shown.body == "Mijn tekst."
    # positive control of the look: my own note has the text box back, no banner
    _open(qtbot, w, world.anna_note)
    assert not page.body.isHidden() and tools.banner.isHidden() and page.title_edit.hasFrame()


def test_no_note_open_says_what_to_do(qtbot: Any, world: World) -> None:
    """#38: with no note selected the editor is off and a line says what to do."""
    page = world.window.notes
    assert page.current is None and not page.editor.isEnabled()
    assert not page.tools.idle.isHidden()
    page.new_item()
    assert page.tools.idle.isHidden()


def test_clicking_a_link_to_a_missing_note_creates_it(qtbot: Any, world: World) -> None:
    """#21: the link [[Ontbreekt nog]] names no note: clicking it makes one with that title."""
    w, page = world.window, world.window.notes
    _open(qtbot, w, world.anna_note)
    page._on_link(QUrl("note:Ontbreekt%20nog"))
    qtbot.waitUntil(
        lambda: any(r.title == "Ontbreekt nog" for r in page.model.rows), timeout=10_000
    )
    assert page.title_edit.text() == "Ontbreekt nog" and page.current is not None
    assert page.current.id  # saved, and open in the editor
    before = page.model.rowCount()
    page._on_link(QUrl("note:Aanbesteding"))  # an existing note opens, nothing is created
    qtbot.waitUntil(lambda: page.title_edit.text() == "Aanbesteding", timeout=10_000)
    assert page.model.rowCount() == before


def test_link_and_tag_completion_and_tag_filter(qtbot: Any, world: World) -> None:
    assert link_prefix("zie [[Inko") == "Inko" and link_prefix("zie [[Inkoop]] en") is None
    assert suggest(["Aanbesteding", "Inkoop", "Inkoopstrategie"], "inko") == [
        "Inkoop",
        "Inkoopstrategie",
    ]
    w, page = world.window, world.window.notes
    _open(qtbot, w, world.anna_note)
    page.body.setFocus()
    qtbot.waitUntil(page.body.hasFocus)
    page.body.moveCursor(page.body.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.body, " en [[Aanbe")
    popup = page.tools.links.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    assert page.tools.links.model().index(0, 0).data() == "Aanbesteding"
    page.tools.links.activated.emit("Aanbesteding")
    assert page.body.toPlainText().endswith("en [[Aanbesteding]]")
    # tags: the last tag typed is completed from the tags in use
    page.tags_edit.setFocus()
    page.tags_edit.setText("inkoop, ")
    qtbot.keyClicks(page.tags_edit, "ten")
    assert page.tools.tags.model().index(0, 0).data() == "tender"
    page.tools.tags.activated.emit("tender")
    assert page.tags_edit.text() == "inkoop, tender"
    # the tag filter lists tags by use and narrows the list
    combo = page.tools.tag_filter
    qtbot.waitUntil(lambda: combo.findData("inkoop") > 0, timeout=5_000)
    combo.setCurrentIndex(combo.findData("aanpak"))
    assert page.proxy.rowCount() == 1
    combo.setCurrentIndex(0)
    assert page.proxy.rowCount() == 3


def test_menu_bar_has_the_usual_shortcuts(qtbot: Any, world: World) -> None:
    w = world.window
    keys = {n: a.shortcut().toString() for n, a in w.menus.actions.items()}
    assert keys["new"] == "Ctrl+N" and keys["find"] == "Ctrl+F"
    assert keys["settings"] == "Ctrl+," and keys["search"] == "Ctrl+K"
    switcher = [s.toString() for s in w.menus.actions["switcher"].shortcuts()]
    assert switcher == ["Ctrl+O", "Ctrl+P"]
    titles = [m.title() for m in w.menuBar().findChildren(type(w.file_menu.menu))]
    assert {"&File", "&Edit", "&Go", "&Help"} <= set(titles)
    # Ctrl+F puts the cursor in the current page's filter; Ctrl+N writes a new note
    w.activateWindow()
    w.menus.actions["find"].trigger()
    assert QApplication.focusWidget() is w.notes.filter or w.notes.filter.hasFocus()
    w.menus.actions["new"].trigger()
    assert w.notes.current is not None and w.notes.current.id == ""


def _anna_and_bram(tmp_path: Path) -> tuple[Path, Path]:
    """Anna's data folder with her cooperative, and Bram's, a member of it (joined through
    Anna's `serve`)."""
    home = tmp_path / "anna"
    homes.init(home, "Anna de Vries", PASS)
    anna = homes.open_coop(home, PASS)
    anna.create_coop("Brabant Interim")
    anna.store.close()
    bram = tmp_path / "bram"
    with serving(home, "--no-mdns") as server:
        new_member(bram, "Bram", home, server)
    return home, bram


def test_meetup_switch_and_network_settings_apply_without_restart(
    qtbot: Any, tmp_path: Path
) -> None:
    """#10: the chip is a real switch, not green when off, and applies at once; members added
    by address in Settings are dialled at once."""
    assert nearby_page.MODE_CHIP_COLOURS["visible"] != ACCENT  # "off" is not the green of online
    home, bram = _anna_and_bram(tmp_path)
    with (
        serving(bram, "--no-mdns") as bram_node,
        window_on(qtbot, home, PASS, show=False) as w,
    ):
        bridge, prefs = w.bridge, w.prefs
        try:
            nearby = w.show_page("nearby")
            assert isinstance(nearby, NearbyPage)
            assert not nearby.mode_label.isEnabled()  # discovery off: nothing to switch
            qtbot.waitUntil(lambda: "waiting" in w.peers_label.text(), timeout=10_000)
            # Settings: add Bram by address, OK: connected without a restart
            from coopshare.gui.dialogs.settings import SettingsDialog

            dialog = SettingsDialog(bridge, prefs, home, w)
            dialog.peers.setText(bram_node.addr)
            dialog.save()
            qtbot.waitUntil(lambda: "online" in w.peers_label.text(), timeout=20_000)
            # Nearby: Bram once, by name, in sync; the card names me and where I listen
            qtbot.waitUntil(
                lambda: any(r.member == "Bram" for r in nearby.model.rows), timeout=10_000
            )
            qtbot.waitUntil(lambda: "In sync" in nearby.model.rows[0].state, timeout=20_000)
            assert [r.member for r in nearby.model.rows].count("Bram") == 1
            qtbot.waitUntil(lambda: nearby.this_device.info is not None, timeout=10_000)
            assert "Anna de Vries" in nearby.this_device.title.text()
            assert nearby.this_device.info is not None and nearby.this_device.info.listening
            # the meetup switch (discovery on, the network paused so no mDNS starts here):
            # one click sets meetup mode and the node's options, no restart
            bridge.call_sync(bridge.runtime.pause_network())
            prefs.set("mdns", True)
            nearby._show_mode()
            assert nearby.mode_label.isEnabled() and not nearby.mode_label.isChecked()
            nearby.mode_label.click()
            assert prefs.flag("meetup") and nearby.mode_label.isChecked()
            assert "on" in nearby.mode_label.text()
            qtbot.waitUntil(
                lambda: bridge.runtime._paused is not None and bridge.runtime._paused.meetup,
                timeout=10_000,
            )
            assert w.meetup_label.isVisibleTo(w)
        finally:
            prefs.set("mdns", False)


def test_nearby_folds_devices_into_one_row_per_member() -> None:
    """#24: a member seen by a session and in the peer book is one row; the IPv4-mapped
    address and the throwaway port of an inbound connection are not shown."""
    rows = [
        NearbyPeer("aa" * 32, "Bram", "[::ffff:192.168.1.20]:53422", "inbound", True, 100, True),
        NearbyPeer("aa" * 32, "Bram", "192.168.1.20:47490", "mdns", False, 50),
        NearbyPeer("bb" * 32, "Bram", "192.168.1.21:47490", "manual", False, 40),
        NearbyPeer("cc" * 32, "Carla", "10.0.0.5:47490", "manual", False, 10),
    ]
    folded = per_member(rows, {"cc" * 32: 90})
    assert [m.member for m in folded] == ["Bram", "Carla"]
    bram, carla = folded
    assert bram.connected and bram.in_sync and bram.addr == "192.168.1.20"
    assert bram.devices == ("aa" * 32, "bb" * 32)
    assert carla.last_seen == 90  # seen connected by this window after the peer book's time
    assert display_addr("[::ffff:10.0.0.5]:47490", "manual") == "10.0.0.5:47490"
    assert display_addr("[fe80::1]:47490", "mdns") == "[fe80::1]:47490"


def test_live_edit_is_saved_sooner_while_members_are_connected(qtbot: Any, world: World) -> None:
    """Live edits: with a member connected an edit is saved (so pushed) soon after typing
    pauses; alone, the longer autosave keeps the log small."""
    w, page = world.window, world.window.notes
    assert page._timer.interval() == AUTOSAVE_MS
    w._set_peers(1)
    assert page._timer.interval() == LIVE_AUTOSAVE_MS < 500
    w._set_peers(0)
    assert page._timer.interval() == AUTOSAVE_MS


def test_an_open_note_follows_a_peers_edit_on_the_sync_event(qtbot: Any, tmp_path: Path) -> None:
    """The receiving window refreshes on the node's ItemsChanged event, with no timer of its
    own: Bram (a real `serve` process) edits his note; Anna's open editor shows it."""
    home, bram = _anna_and_bram(tmp_path)
    note = cli(bram, "note", "add", "--title", "Live", "--body", "v1").stdout.split()[-1]
    with (
        serving(bram, "--no-mdns") as bram_node,
        window_on(qtbot, home, PASS, show=False, peers=bram_node.addr) as w,
    ):
        bridge = w.bridge
        page = w.notes
        w.show_page("notes")
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20_000)
        page.open_item(page.model.rows[0].id)
        qtbot.waitUntil(lambda: page.body.toPlainText() == "v1", timeout=10_000)
        events: list[object] = []
        bridge.core_event.connect(events.append)
        cli(bram, "note", "edit", note[:12], "--body", "v2")
        qtbot.waitUntil(lambda: page.preview.toPlainText().strip() == "v2", timeout=20_000)
        # the event may be handled just after another refresh (a roster reload) showed v2
        qtbot.waitUntil(lambda: any(isinstance(e, ev.ItemsChanged) for e in events), timeout=10_000)


def test_a_live_insert_does_not_shift_rows_under_the_pointer(qtbot: Any, tmp_path: Path) -> None:
    """#42: a member's new note arrives while Anna reads further down the list: the row under
    the pointer stays the same row; at the top with the pointer elsewhere, the new row shows."""
    from coopshare.gui.models import IdRole
    from coopshare.gui.steady_rows import SteadyRows

    home = tmp_path / "anna"
    homes.init(home, "Anna de Vries", PASS)
    anna = homes.open_coop(home, PASS)
    anna.create_coop("Brabant Interim")
    with anna.transaction():
        for i in range(80):
            anna.add_note(f"Notitie {i:02d}", "x")
    anna.store.close()
    with window_on(qtbot, home, PASS, show=False) as w:
        bridge = w.bridge
        w.resize(1024, 700)
        w.show()
        page = w.notes
        w.show_page("notes")
        qtbot.waitUntil(lambda: page.model.rowCount() == 80, timeout=10_000)
        table = page.table
        qtbot.waitExposed(table)
        point = QPoint(40, table.viewport().height() // 2)

        def under_pointer() -> str:
            return str(table.indexAt(point).data(IdRole))

        # at the top, pointer elsewhere: the new row shows at the top (positive control)
        assert table.verticalScrollBar().value() == 0
        bridge.write(lambda a: a.add_note("Nieuw bovenaan", "x")).result(10)
        qtbot.waitUntil(lambda: page.model.rowCount() == 81, timeout=10_000)
        assert table.indexAt(QPoint(40, 2)).data() == "Nieuw bovenaan"
        # reading further down: a new note arrives, the row under the pointer stays put
        table.verticalScrollBar().setValue(20)
        before = under_pointer()
        bridge.write(lambda a: a.add_note("Van een collega", "x")).result(10)
        qtbot.waitUntil(lambda: page.model.rowCount() == 82, timeout=10_000)
        assert under_pointer() == before
        assert table.verticalScrollBar().value() == 21
        assert any(isinstance(c, SteadyRows) for c in table.children())


def test_contract_form_reads_in_each_members_language(qapp: QApplication) -> None:
    """#23: the contract form is stored as a code; labels stored by older versions in English
    or Dutch read as that code, and everything shows in the interface's language."""
    from coopshare.gui import i18n
    from coopshare.gui.contract_forms import contract_code, contract_label

    try:
        i18n.install(qapp, "nl")
        assert contract_label("freelance") == "Freelance (zzp)"
        assert contract_label("Freelance (self-employed)") == "Freelance (zzp)"  # stored in EN
        assert contract_code("Detachering") == "secondment"  # the Dutch label, as shown
        assert contract_label("Raamcontract via de gemeente") == "Raamcontract via de gemeente"
        i18n.install(qapp, "en")
        assert contract_label("Via een intermediair") == "Through an intermediary"  # stored in NL
        assert contract_code("Temporary employment") == "temporary"
    finally:
        i18n.install(qapp, "en")


def test_activity_says_who_claimed_a_lead(make_replica: Any, qapp: QApplication) -> None:
    """#41: "Bram gave a lead · Claimed" said nothing of who took it; the row carries the
    claimer's name and the feed says it."""
    from coopshare.gui.pages.activity_model import sentence
    from coopshare.service import activity, views

    alice, bob = make_replica("Alice"), make_replica("Bob")
    alice.create_coop("Brabant Interim")
    join(alice, bob)
    lead = alice.add_lead({"title": "Interim HR", "referral_terms": "thanks"})
    sync(alice, bob)
    bob.claim_lead(lead)
    sync(alice, bob)
    st = alice.item(lead)
    assert st is not None
    row = views.row(alice, st)
    assert row.claimer == "Bob" and row.status == "claimed"
    unclaimed = views.row(alice, alice.item(alice.add_lead({"title": "Open"})))  # type: ignore[arg-type]
    assert unclaimed.claimer == ""  # control: nobody claimed it
    claim = next(e for e in activity.feed(alice) if e.what == "claim")  # one row per event
    assert sentence(claim) == "Bob claimed the lead" and claim.title == "Interim HR"
