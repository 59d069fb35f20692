"""People, Nearby and Activity pages; search, invite and settings dialogs — against a real data
folder and a running Node (offscreen Qt, no mocks of the core)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import shiboken6

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from coopshare.errors import WrongPassphrase
from coopshare.gui import i18n, theme
from coopshare.gui.app import application, start_node
from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.invite import InviteDialog
from coopshare.gui.dialogs.search import SearchDialog, plain_snippet
from coopshare.gui.dialogs.settings import SettingsDialog, parse_peer_list
from coopshare.gui.models import RowsModel
from coopshare.gui.pages.activity import ActivityPage
from coopshare.gui.pages.device_naming import short_device
from coopshare.gui.pages.nearby import NearbyPage
from coopshare.gui.pages.people import PeoplePage
from coopshare.gui.settings import Prefs
from coopshare.identity import keystore
from coopshare.protocol.invite import parse
from coopshare.service import home as homes
from coopshare.service import views_people
from coopshare.service.api import Row, Window

PASS = "correct horse"


@dataclass
class Running:
    home: Path
    prefs: Prefs
    bridge: Bridge
    coop_id: bytes

    def db(self, fn: Any) -> Any:
        return self.bridge.call_sync(self.bridge.runtime._node.db(fn))


def make_home(root: Path, name: str = "Anna de Vries") -> tuple[Path, bytes]:
    """A data folder with a cooperative, two notes, a lead and an idea (then closed)."""
    home = root / "home"
    homes.init(home, name, PASS)
    coop = homes.open_coop(home, PASS)
    try:
        coop_id = coop.create_coop("Brabant Interim")
        coop.add_note("Havenvisie Rotterdam", "The port's **vision** for 2030.", ["haven"])
        coop.add_note("Inkoopstrategie", "Notes on procurement.", ["inkoop"])
        coop.add_lead({"title": "Interim havenmeester", "skills": ["logistics"]})
        coop.add_idea("Haven als leerplek", "Apprentices in the port.", "reuse-with-attribution")
    finally:
        coop.store.close()
    return home, coop_id


def start(home: Path, coop_id: bytes) -> Running:
    application()
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, PASS, prefs)
    return Running(home, prefs, bridge, coop_id)


@pytest.fixture
def running(tmp_path: Path, qapp: QApplication) -> Iterator[Running]:
    home, coop_id = make_home(tmp_path)
    r = start(home, coop_id)
    try:
        yield r
    finally:
        r.bridge.stop()


# --- search -------------------------------------------------------------------------------------


def test_search_finds_a_note_a_lead_and_an_idea_as_you_type(running: Running, qtbot: Any) -> None:
    dialog = SearchDialog(running.bridge)  # deletes itself on close: not left to qtbot
    dialog.show()
    try:
        qtbot.keyClicks(dialog.query, "have")
        qtbot.waitUntil(
            lambda: {r.kind for r in dialog.model.rows} == {"note", "lead", "idea"},
            timeout=5000,
        )
        assert "3" in dialog.status.text()

        dialog.query.clear()
        qtbot.keyClicks(dialog.query, "inkoopstr")
        qtbot.waitUntil(
            lambda: [r.title for r in dialog.model.rows] == ["Inkoopstrategie"], timeout=5000
        )
        first = dialog.model.rows[0].id
    except BaseException:
        dialog.close()
        raise
    with qtbot.waitSignal(dialog.chosen, timeout=3000) as blocker:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    kind, item_id = blocker.args
    assert kind == "note"
    assert item_id == first
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=3000)


def test_search_ignores_a_stale_answer_and_says_when_nothing_matches(
    running: Running, qtbot: Any
) -> None:
    dialog = SearchDialog(running.bridge)  # deletes itself on close: not left to qtbot
    dialog.show()
    try:
        qtbot.keyClicks(dialog.query, "zzzqqq")
        qtbot.waitUntil(lambda: "zzzqqq" in dialog.status.text(), timeout=5000)
        assert dialog.model.rowCount() == 0
        stale = dialog._generation - 1
        dialog._got([Row(id="00", kind="note", title="old answer")], stale, "zz")
        assert dialog.model.rowCount() == 0
    except BaseException:
        dialog.close()
        raise
    with qtbot.waitSignal(dialog.destroyed, timeout=5000):  # Escape closes and deletes it
        qtbot.keyClick(dialog.query, Qt.Key.Key_Escape)


def test_search_snippet_is_plain_text() -> None:
    assert plain_snippet("# Deadline **12 december**, see [[Plan]]") == (
        "Deadline 12 december, see Plan"
    )
    assert "\u202e" not in plain_snippet("evil \u202e text")


# --- invitations --------------------------------------------------------------------------------


def test_invite_dialog_creates_a_token_that_parses_and_shows_a_qr_code(
    running: Running, qtbot: Any
) -> None:
    dialog = InviteDialog(running.bridge)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.create_button.isEnabled, timeout=5000)
    dialog.role.setCurrentIndex(dialog.role.findData("admin"))
    dialog.hours.setValue(2)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.text()), timeout=5000)

    invitation = parse(dialog.text())
    assert invitation.coop_id == running.coop_id
    assert invitation.role == "admin"
    assert not invitation.expired()
    assert invitation.expires <= dt.datetime.now().timestamp() + 2 * 3600 + 5
    assert invitation.addrs, "a joiner needs an address to dial"
    pixmap = dialog.qr.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 100
    assert "once" in dialog.expiry.text()
    assert not dialog.error.isVisible()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == dialog.text()


def test_only_admins_may_invite(tmp_path: Path, qapp: QApplication, qtbot: Any) -> None:
    admin_home, coop_id = make_home(tmp_path / "admin")
    member_home = tmp_path / "member" / "home"
    homes.init(member_home, "Bram Jansen", PASS)
    admin, member = homes.open_coop(admin_home, PASS), homes.open_coop(member_home, PASS)
    try:
        member.adopt_coop(coop_id)
        admin.add_member(member.join_request())
        for wire in list(admin.wire_ops()):
            member.apply(wire)
    finally:
        admin.store.close()
        member.store.close()
    r = start(member_home, coop_id)
    try:
        dialog = InviteDialog(r.bridge)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
        assert "admin" in dialog.error.text()
        assert not dialog.create_button.isEnabled()
        assert not dialog.result_box.isVisible()
    finally:
        r.bridge.stop()


# --- settings -----------------------------------------------------------------------------------


def test_settings_save_theme_meetup_and_language(
    running: Running, qapp: QApplication, qtbot: Any
) -> None:
    prefs = running.prefs
    dialog = SettingsDialog(running.bridge, prefs, running.home)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        assert qapp.palette().window().color().lightness() < 100  # applied at once
        dialog.meetup.setChecked(True)
        dialog.language.setCurrentIndex(dialog.language.findData("nl"))
        assert dialog.language_note.isVisibleTo(dialog)  # "applies fully after a restart"

        dialog.peers.setText("10.0.0.5:47490, not an address")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.peers_error.isVisibleTo(dialog)
        assert prefs.text("theme") != "dark"  # nothing saved half-done

        dialog.peers.setText("10.0.0.5:47490; [fe80::1]:47490")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert prefs.text("theme") == "dark"
        assert prefs.flag("meetup") is True
        assert prefs.text("language") == "nl"
        assert prefs.flag("mdns") is False
        assert prefs.text("peers") == "10.0.0.5:47490, [fe80::1]:47490"
    finally:
        i18n.install(qapp, "en")
        theme.apply(qapp, "light")


def test_settings_cancel_undoes_the_theme_preview(
    running: Running, qapp: QApplication, qtbot: Any
) -> None:
    running.prefs.set("theme", "light")
    theme.apply(qapp, "light")
    dialog = SettingsDialog(running.bridge, running.prefs, running.home)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.reject()
    assert qapp.palette().window().color().lightness() > 150
    assert running.prefs.text("theme") == "light"


def test_parse_peer_list() -> None:
    assert parse_peer_list("a.local:1, 10.0.0.1:47490 [::1]:5") == (
        ["a.local:1", "10.0.0.1:47490", "[::1]:5"],
        [],
    )
    assert parse_peer_list("host, h:0, h:99999, h:80")[1] == ["host", "h:0", "h:99999"]


def test_wrong_old_passphrase_shows_an_error_and_keeps_the_old_one(
    running: Running, qtbot: Any
) -> None:
    dialog = SettingsDialog(running.bridge, running.prefs, running.home)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)

    dialog.old_pass.setText(PASS)
    dialog.new_pass.setText("one")
    dialog.repeat_pass.setText("two")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.pass_status.text()

    dialog.old_pass.setText("not my passphrase")
    dialog.new_pass.setText("a new passphrase")
    dialog.repeat_pass.setText("a new passphrase")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not correct" in dialog.pass_status.text(), timeout=20_000)
    assert dialog.change_button.isEnabled()
    keystore.unlock(running.home, PASS)  # the old passphrase still works
    with pytest.raises(WrongPassphrase):
        keystore.unlock(running.home, "a new passphrase")

    dialog.old_pass.setText(PASS)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "changed" in dialog.pass_status.text(), timeout=20_000)
    assert dialog.old_pass.text() == ""
    keystore.unlock(running.home, "a new passphrase")
    with pytest.raises(WrongPassphrase):
        keystore.unlock(running.home, PASS)


# --- people -------------------------------------------------------------------------------------


def test_people_lists_members_with_safety_numbers(running: Running, qtbot: Any) -> None:
    page = PeoplePage(running.bridge)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.members.rowCount() == 1 and page._profile_loaded, timeout=5000)
    me = page.members.rows[0]
    assert me.name == "Anna de Vries (you)"
    assert me.role_label == "Admin"
    assert "safety number" in page.verify_hint.text()
    assert "Anna de Vries" in page.detail_name.text()


def test_profile_window_longer_than_90_days_shows_an_error_and_saves_nothing(
    running: Running, qtbot: Any
) -> None:
    page = PeoplePage(running.bridge)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page._profile_loaded, timeout=5000)
    page.skills.setText("logistics, port operations")
    page.ambitions.setPlainText("Run a port.")
    qtbot.mouseClick(page.add_window, Qt.MouseButton.LeftButton)
    window = page.windows[0]
    start = QDate.currentDate()
    window.start.setDate(start)
    window.end.setDate(start.addDays(120))
    window.region.setText("Rotterdam")

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.errors.isVisible()
    assert "120 days" in page.errors.text() and "90" in page.errors.text()
    qtbot.wait(300)
    assert running.db(views_people.my_profile)["exists"] is False  # nothing saved

    window.end.setDate(start.addDays(90))
    window.remote.setCurrentIndex(window.remote.findData(True))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in page.status.text(), timeout=5000)
    assert not page.errors.isVisible()
    prof = running.db(views_people.my_profile)
    assert prof["skills"] == ["logistics", "port operations"]
    assert prof["ambitions"] == "Run a port."
    assert prof["availability"] == [
        {
            "from": start.toString(Qt.DateFormat.ISODate),
            "to": start.addDays(90).toString(Qt.DateFormat.ISODate),
            "hours": 24,
            "region": "Rotterdam",
            "remote": True,
        }
    ]


def test_window_that_ends_before_it_starts_is_refused(running: Running, qtbot: Any) -> None:
    page = PeoplePage(running.bridge)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page._profile_loaded, timeout=5000)
    row = page.add_window_row(Window(start="2030-05-10", end="2030-05-01"))
    assert row.start.date() == QDate(2030, 5, 10)
    _fields, problems = page.collect()
    assert problems and "ends before it starts" in problems[0]


# --- activity and nearby ------------------------------------------------------------------------


def test_activity_feed_lists_changes_and_opens_an_item(running: Running, qtbot: Any) -> None:
    page = ActivityPage(running.bridge)
    qtbot.addWidget(page)
    page.resize(800, 500)
    page.show()
    assert page.stack.currentWidget() is page.empty
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 4, timeout=5000)
    assert page.stack.currentWidget() is page.feed
    n = page.model.rowCount()
    kinds = {page.model.index(i, 0).data(Qt.ItemDataRole.UserRole).kind for i in range(n)}
    assert kinds == {"note", "lead", "idea"}
    first = page.model.index(0, 0)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole).startswith("You ")  # my own event
    with qtbot.waitSignal(page.open_requested, timeout=2000) as blocker:
        page.feed.doubleClicked.emit(first)
    assert blocker.args[0] in ("note", "lead", "idea") and len(blocker.args[1]) == 32


def test_nearby_shows_an_empty_state_with_the_meetup_mode(running: Running, qtbot: Any) -> None:
    running.prefs.set("mdns", True)
    running.prefs.set("meetup", True)
    page = NearbyPage(running.bridge)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.wait(300)
    assert page.stack.currentWidget() is page.empty
    assert "No one nearby yet" in page.empty.text()
    assert "Meetup mode is on" in page.empty.text()
    assert short_device("a1b2c3d4e5f60718") == "a1b2 c3d4 e5f6"


def test_nearby_lists_a_known_peer(running: Running, qtbot: Any) -> None:
    from coopshare.service import peers as peerbook

    device = bytes(range(32))
    running.db(lambda c: peerbook.record(c, "192.168.1.20:47490", device, "manual"))
    page = NearbyPage(running.bridge)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    row = page.model.rows[0]
    assert row.addr == "192.168.1.20:47490"
    assert row.device_short == "0001 0203 0405"  # no name given here: the start of its id
    assert row.peer.devices == (device.hex(),)
    assert not row.peer.connected
    assert page.stack.currentWidget() is page.table


# --- models -------------------------------------------------------------------------------------


def test_rows_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    @dataclass(frozen=True)
    class Line:
        name: str
        role: str
        online: bool = False

    model = RowsModel([("name", "Name"), ("role", "Role"), ("online", "Online")])
    model.set_rows(
        [Line("Anna", "admin", True), Line("Bram \u202eevil", "member"), Line("Carla", "member")]
    )
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "Bram evil"  # bidi override stripped
    assert model.index(0, 2).data() == "✓"
