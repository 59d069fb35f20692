"""The main window and the notes page, driven through their widgets (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coopshare.gui.app import start_node
from coopshare.gui.main_window import MainWindow
from coopshare.gui.models import ItemsModel
from coopshare.gui.pages.activity_model import EventsModel
from coopshare.gui.pages.note_preview import preview_markdown
from coopshare.gui.settings import Prefs
from coopshare.model.items import Kind
from coopshare.service import home as homes
from coopshare.service.api import Act, LeadGlance, LeadStep, NewLead, Watch
from tests.gui.winutil import notes_shown, window_on
from tests.netutil import PASS, cli, new_member, serving


def make_home(path: Path, notes: int = 2) -> Path:
    homes.init(path, "Anna de Vries", PASS)
    coop = homes.open_coop(path, PASS)
    coop.create_coop("Brabant Interim")
    coop.add_note("Inkoopstrategie", "Notes on procurement.\n\n- one\n- two", ["inkoop"])
    for i in range(notes - 1):
        coop.add_note(
            f"Aanbesteding {i}", "Sluit 12 december. Zie [[Inkoopstrategie]].", ["tender"]
        )
    coop.store.close()
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with window_on(qtbot, make_home(tmp_path / "home"), PASS) as w:
        notes_shown(qtbot, w, 2)
        yield w


def _count(w: MainWindow, kind: Kind) -> int:
    return int(w.bridge.db(lambda c: len(c.items(kind))).result(10))


def test_create_edit_and_link_a_note(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.notes
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.isEnabled() and page.title_edit.text() == ""
    qtbot.keyClicks(page.title_edit, "Marktverkenning zorg")
    qtbot.keyClicks(page.tags_edit, "zorg, markt")
    page.body.setPlainText("Zie [[Inkoopstrategie]] voor de aanpak.")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    assert _count(window, Kind.NOTE) == 3
    new = next(r for r in page.model.rows if r.title == "Marktverkenning zorg")
    assert new.tags == ("zorg", "markt")
    page.body.setPlainText("Zie [[Inkoopstrategie]] voor de aanpak. Bijgewerkt.")
    qtbot.waitUntil(lambda: page.saved.text() == "Saved", timeout=10_000)
    detail = window.bridge.db(lambda c: c.item(bytes.fromhex(new.id)).body).result(10)  # type: ignore[union-attr]
    assert detail.endswith("Bijgewerkt.")
    # the preview turns [[links]] into links, and the target lists its backlinks
    assert "](note:Inkoopstrategie)" in preview_markdown(page.body.toPlainText())
    target = next(r.id for r in page.model.rows if r.title == "Inkoopstrategie")
    page.open_item(target)
    qtbot.waitUntil(lambda: page.backlinks.count() == 2, timeout=10_000)


def test_untitled_note_is_not_saved(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.notes
    page.new_item()
    page.body.setPlainText("text without a title")
    qtbot.waitUntil(lambda: "needs a title" in page.saved.text(), timeout=5_000)
    assert _count(window, Kind.NOTE) == 2


def test_delete_offers_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.notes
    page.open_item(page.model.rows[0].id)
    qtbot.waitUntil(lambda: page.delete_button.isEnabled(), timeout=5_000)
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert window.undo_button.isVisible()
    window.undo_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)


def test_filter_and_models(qtbot, qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.notes
    qtbot.keyClicks(page.filter, "tender")
    assert page.proxy.rowCount() == 1
    page.filter.setText("inkoop")  # a title, and a [[link]] in the other note's text
    assert page.proxy.rowCount() == 2
    page.filter.clear()
    assert page.proxy.rowCount() == 2
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    everything = ItemsModel(window.bridge, None)
    everything.reload()
    qtbot.waitUntil(lambda: everything.rowCount() == 2, timeout=5_000)
    qtmodeltester.check(everything)


def test_peer_text_is_plain(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    hostile = "<img src=http://example.invalid/x.png>\u202eevil\u200b" + "x" * 5000
    window.bridge.write(
        lambda c: c.add_note(hostile[:300], "<b>bold?</b> <script>alert(1)</script>")
    ).result(10)
    page = window.notes
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    shown = page.model.data(page.model.index(0, 0))
    assert isinstance(shown, str)
    assert "\u202e" not in shown and "\u200b" not in shown and len(shown) <= 200
    page.open_item(page.model.rows[0].id)
    qtbot.waitUntil(lambda: "alert" in page.preview.toPlainText(), timeout=5_000)
    assert "<script>" in page.preview.toPlainText()  # shown as text, never interpreted
    assert "bold?" in page.preview.toPlainText()


def test_note_from_a_headless_peer_appears_without_user_action(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    home = make_home(tmp_path / "anna")
    bram = tmp_path / "bram"
    with serving(home, "--no-mdns") as server:
        new_member(bram, "Bram", home, server)
    with (
        serving(bram, "--no-mdns") as bram_node,
        window_on(qtbot, home, PASS, show=False, peers=bram_node.addr) as w,
    ):
        notes_shown(qtbot, w, 2)
        qtbot.waitUntil(lambda: "online" in w.peers_label.text(), timeout=20_000)
        cli(bram, "note", "add", "--title", "Van Bram", "--body", "live over loopback")
        qtbot.waitUntil(
            lambda: any(r.title == "Van Bram" for r in w.notes.model.rows), timeout=20_000
        )


def test_preview_loads_no_local_file(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage, QTextDocument

    secret = tmp_path / "secret.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    image.save(str(secret))
    page = window.notes
    page.new_item()
    page.body.setPlainText(f"![leak]({secret})")
    doc = page.preview.document()
    for name in (str(secret), secret.as_uri()):
        resource = doc.resource(QTextDocument.ResourceType.ImageResource, name)
        assert resource is None or resource.isNull(), f"the preview read {name}"


def test_damaged_database_warning_is_shown_as_plain_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from coopshare.service import events as ev

    window.bridge.core_event.emit(ev.StoreDamaged("<b>Tree 4 page 9</b> cell 0: invalid"))
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "store_damaged") is not None, timeout=5_000
    )
    box = window.findChild(QMessageBox, "store_damaged")
    assert box is not None and box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Tree 4 page 9</b>" in box.text() and "copy of the data folder" in box.text()
    box.close()


def test_activity_feed_keeps_the_newest_rows_only(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The notes list pages in every note; the activity feed reads only the newest ops and
    stops at the newest FEED_EVENTS (memory and time at 100k notes), newest first."""
    from coopshare.service.activity import FEED_EVENTS

    home = make_home(tmp_path / "home", notes=1)
    coop = homes.open_coop(home, PASS)
    with coop.transaction():
        for i in range(FEED_EVENTS + 300):
            coop.add_note(f"bulk {i}", "x")
    coop.store.close()
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, PASS, prefs)
    try:
        everything, feed = ItemsModel(bridge, Kind.NOTE), EventsModel(bridge)
        done: list[bool] = []
        feed.loading.connect(lambda busy: done.append(not busy))
        everything.reload()
        feed.reload()
        qtbot.waitUntil(lambda: everything.rowCount() == FEED_EVENTS + 301, timeout=30_000)
        qtbot.waitUntil(lambda: bool(done) and done[-1], timeout=30_000)
        assert feed.rowCount() == FEED_EVENTS
        assert feed.rows[0].title == f"bulk {FEED_EVENTS + 299}"  # the newest first
    finally:
        bridge.stop()


def test_tray_tells_when_my_lead_moves(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The notifier's baseline and comparisons are read through the door (`Api.watch`)."""
    tray = window.tray
    qtbot.waitUntil(lambda: tray.state is not None, timeout=10_000)
    lead = window.bridge.write(lambda a: a.add_lead(NewLead("Havenmeester"))).result(10)
    qtbot.waitUntil(lambda: tray.state is not None and lead in tray.state.leads, timeout=10_000)
    assert not hasattr(tray, "last_message")  # my own new lead is no news to me
    raw = bytes.fromhex(lead)
    window.bridge.write(lambda a: a.lead_act(raw, Act.WITHDRAW)).result(10)
    qtbot.waitUntil(lambda: hasattr(tray, "last_message"), timeout=10_000)
    title, message = tray.last_message
    assert title == "Your lead moved" and "Havenmeester" in message


def test_tray_tells_the_giver_every_step_of_others(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tray = window.tray
    qtbot.waitUntil(lambda: tray.state is not None, timeout=10_000)

    def step(act: str, who: str, mine: bool) -> LeadStep:
        return LeadStep(
            hlc=1 << 16,
            ms=1,
            act=act,
            who=who,
            who_is_me=mine,
            member="",
            member_is_me=False,
            ok=True,
            reason="",
        )

    claimed = LeadGlance("Havenmeester", "claimed", True, (), 1, step("claim", "Bram", False))
    tray.state = Watch(skills=frozenset(), leads={"aa": claimed})
    accepted = LeadGlance(
        "Havenmeester", "claimed", True, (), 2, step("accept-terms", "Bram", False)
    )
    tray._compare(Watch(skills=frozenset(), leads={"aa": accepted}))
    title, message = tray.last_message  # no status change, still news for the giver
    assert title == "Your lead: Havenmeester"
    assert message == "Bram accepted the referral terms"  # no "1 Jan 1970, 01:00  " before it
    del tray.last_message
    mine = LeadGlance("Havenmeester", "claimed", True, (), 3, step("withdraw", "Anna", True))
    tray._compare(Watch(skills=frozenset(), leads={"aa": mine}))
    assert not hasattr(tray, "last_message")  # my own step, no status change: no message


def test_tray_tells_of_a_new_lead_matching_my_skills(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tray = window.tray
    qtbot.waitUntil(lambda: tray.state is not None, timeout=10_000)
    base = Watch(skills=frozenset({"logistiek"}))
    tray.state = base
    theirs = LeadGlance(title="Interim", status="open", mine=False, skills=("Logistiek", "IT"))
    tray._compare(Watch(skills=base.skills, leads={"aa": theirs}))
    assert tray.last_message == ("New lead for you", "“Interim” matches your skills: logistiek")
    del tray.last_message
    other = LeadGlance(title="Kok", status="open", mine=False, skills=("koken",))
    tray._compare(Watch(skills=base.skills, leads={"aa": theirs, "bb": other}))
    assert not hasattr(tray, "last_message")  # no skill in common: no message
