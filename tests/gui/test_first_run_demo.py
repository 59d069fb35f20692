"""First run, unlock and the demo, driven through their widgets (pytest-qt, offscreen).

Slow work (Argon2id, joining) runs on worker threads; these tests wait for it with waitUntil, so
they also show the GUI thread is never blocked by it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QDialog, QMessageBox, QWizard

from coopshare.gui.app import start_node
from coopshare.gui.dialogs.coop_choice import CoopChoiceDialog
from coopshare.gui.dialogs.first_run import FirstRunWizard
from coopshare.gui.dialogs.unlock import UnlockDialog
from coopshare.gui.main_window import MainWindow
from coopshare.gui.models import ItemsModel
from coopshare.gui.onboarding import parse_address
from coopshare.gui.settings import Prefs
from coopshare.gui.widgets import passphrase_strength
from coopshare.identity import keystore, recovery
from coopshare.model.items import Kind
from coopshare.service import home as homes
from coopshare.service.demo import DemoWorld
from coopshare.service.demo_content import COOP_NAME, LIVE_LEADS
from tests.netutil import PASS, cli, init, serving

NAME = "Anna de Vries"
SLOW = 30_000  # ms: Argon2id, a join, a sync


def click(qtbot: Any, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{which} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot: Any, box: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator (the widget may be much wider)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def to_recovery_key(qtbot: Any, home: Path) -> FirstRunWizard:
    """Welcome -> identity (typed, checked inline) -> recovery key shown."""
    wizard = FirstRunWizard(home)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.identity_page
    assert wizard.currentPage() is page
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()
    qtbot.keyClicks(page.name_edit, NAME)
    qtbot.keyClicks(page.pass_edit, "kempen")
    assert "Too short" in page.strength.hint.text() and not commit.isEnabled()
    page.pass_edit.clear()
    qtbot.keyClicks(page.pass_edit, PASS)
    qtbot.keyClicks(page.repeat_edit, PASS + "x")
    assert "do not match" in page.repeat_message.text() and not commit.isEnabled()
    page.repeat_edit.clear()
    qtbot.keyClicks(page.repeat_edit, PASS)
    assert commit.isEnabled() and not page.repeat_message.text().startswith("The two")
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    rec = wizard.recovery_page
    assert wizard.currentPage() is rec
    assert rec.busy.isVisible()  # Argon2id runs on a worker thread while the page stays live
    qtbot.waitUntil(lambda: rec.code is not None, timeout=SLOW)
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # identity committed
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # not written down yet
    return wizard


def test_first_run_create_a_coop_then_write_a_note(qtbot: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    wizard = to_recovery_key(qtbot, home)
    rec = wizard.recovery_page
    assert rec.code is not None
    # the key on screen is the member key's recovery code, and the Copy button copies it
    unlocked = keystore.unlock(home, PASS)
    assert recovery.decode(rec.code) == unlocked.identity.member_seed()
    assert unlocked.identity.name == NAME
    assert recovery.decode(rec.code_label.text()) == recovery.decode(rec.code)
    qtbot.mouseClick(rec.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == rec.code
    tick(qtbot, rec.written)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    coop = wizard.coop_page
    assert wizard.currentPage() is coop
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "Create cooperative" and not commit.isEnabled()
    qtbot.keyClicks(coop.form.name_edit, "Brabant Interim")
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=SLOW)
    assert "Brabant Interim" in wizard.done_page.summary.text()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # coop committed
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.passphrase == PASS

    # what app.run does next: the node and the main window; then a first note
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, wizard.passphrase, prefs)
    try:
        window = MainWindow(bridge, prefs, home)
        qtbot.addWidget(window)
        window.show()
        window.show_page("notes")
        page = window.notes
        page.new_item()
        qtbot.keyClicks(page.title_edit, "Eerste notitie")
        qtbot.keyClicks(page.body, "Hallo allemaal! Zie [[Later]].")
        qtbot.waitUntil(
            lambda: any(r.title == "Eerste notitie" for r in page.model.rows), timeout=10_000
        )
        qtbot.waitUntil(lambda: page.saved.text() == "Saved", timeout=10_000)
        window.close()
    finally:
        bridge.stop()


def test_join_with_an_invitation_file_and_retry_after_a_used_one(
    qtbot: Any, tmp_path: Path
) -> None:
    admin = tmp_path / "admin"
    init(admin, "Bram")
    cli(admin, "coop", "create", "--name", "Coöperatie De Kempen")
    cli(admin, "note", "add", "--title", "Welkom", "--body", "Hallo nieuw lid")
    with serving(admin) as server:
        used = tmp_path / "used.txt"
        cli(admin, "invite", "create", "--out", str(used))
        init(tmp_path / "other", "Carla")
        cli(tmp_path / "other", "join", str(used))  # someone else used this one already
        fresh = tmp_path / "fresh.txt"
        cli(admin, "invite", "create", "--out", str(fresh))

        wizard = to_recovery_key(qtbot, tmp_path / "home")
        tick(qtbot, wizard.recovery_page.written)
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
        form = wizard.coop_page.form
        tick(qtbot, form.join_radio)
        commit = wizard.button(QWizard.WizardButton.CommitButton)
        assert commit.text() == "Join" and not commit.isEnabled()
        qtbot.keyClicks(form.token_edit, "not an invitation")
        assert "not a CoopShare invitation" in form.token_info.text()
        assert not commit.isEnabled()

        form.load_token_file(used)  # what "Open file…" does after the file dialog
        assert form.invitation is not None and str(server.port) in form.token_info.text()
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
        qtbot.waitUntil(lambda: form.error.isVisible(), timeout=SLOW)
        assert "did not accept this invitation" in form.error.text()
        assert wizard.currentPage() is wizard.coop_page  # still here: the user can retry

        form.token_edit.clear()
        form.load_token_file(fresh)
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=SLOW)
        assert "You joined Coöperatie De Kempen" in wizard.done_page.summary.text()
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    coop = homes.open_coop(tmp_path / "home", PASS)
    try:
        assert coop.coop_name() == "Coöperatie De Kempen"
        assert [st.value("title") for st in coop.items(Kind.NOTE)] == ["Welkom"]
    finally:
        coop.store.close()


def test_unlock_wrong_then_right_and_the_no_coop_state(qtbot: Any, tmp_path: Path) -> None:
    home = tmp_path / "home"
    # the wizard left after the identity was made: the next start has no cooperative
    wizard = to_recovery_key(qtbot, home)
    click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    box = wizard.confirm_box
    assert box is not None and wizard.isVisible()  # asks first: the identity exists already
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert homes.is_initialised(home)

    dialog = UnlockDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Type your passphrase."
    qtbot.keyClicks(dialog.field, "not my passphrase")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.field.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=SLOW)
    assert "Wrong passphrase" in dialog.error.text() and dialog.error.isVisible()
    assert dialog.isVisible() and dialog.passphrase is None and dialog.field.isEnabled()
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, PASS)
    with qtbot.waitSignal(dialog.accepted, timeout=SLOW):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.passphrase == PASS and dialog.needs_coop

    choice = CoopChoiceDialog(home, dialog.passphrase)
    qtbot.addWidget(choice)
    choice.show()
    assert not choice.ok_button.isEnabled()
    qtbot.keyClicks(choice.form.name_edit, "Brabant Interim")
    with qtbot.waitSignal(choice.accepted, timeout=SLOW):
        qtbot.mouseClick(choice.ok_button, Qt.MouseButton.LeftButton)
    assert choice.coop_name == "Brabant Interim"

    again = UnlockDialog(home)
    qtbot.addWidget(again)
    qtbot.keyClicks(again.field, PASS)
    with qtbot.waitSignal(again.accepted, timeout=SLOW):
        again.unlock()
    assert not again.needs_coop


def test_strength_hint_and_address_parsing() -> None:
    assert passphrase_strength("")[0] == 0
    assert passphrase_strength("short")[0] == 1
    assert passphrase_strength("password12345")[0] == 1
    assert passphrase_strength("abcdefghijk")[0] == 1
    assert passphrase_strength("brabantse wind over de heide")[0] == 4
    assert parse_address("192.168.1.20:47490") == ("192.168.1.20", 47490)
    assert parse_address("[fe80::1]:5000") == ("fe80::1", 5000)
    assert parse_address("laptop.local") == ("laptop.local", 47490)
    for bad in ("", "host:99999", "host:port", "two words:1"):
        assert parse_address(bad) is None


def test_demo_members_sync_live(qtbot: Any) -> None:
    world = DemoWorld.start()
    bridge = None
    try:
        assert world.home.is_relative_to(world.root) and len(world.peers) == 2
        assert all(host == "127.0.0.1" for host, _ in world.peers)
        prefs = Prefs(world.home)
        assert prefs.flag("mdns")  # the default: start_node itself must keep the demo off mDNS
        bridge = start_node(world.home, world.passphrase, prefs, demo_peers=world.peers)
        network = bridge.runtime._network
        assert network is not None and network.discovery is None  # loopback only
        assert network.addr[0] == "127.0.0.1"
        window = MainWindow(bridge, prefs, world.home)
        qtbot.addWidget(window)
        window.mark_demo()  # what app.run does for --demo (#39)
        window.show()
        assert "Nothing you do is kept" in window.demo_label.text()
        me = bridge.db(lambda a: a.overview().me.name).result(120)
        assert me != "You"  # shown as "NAME (you)" on People, never "You (you)"
        window.show_page("notes")
        leads = ItemsModel(bridge, Kind.LEAD)
        leads.reload()

        def titles(model: ItemsModel) -> set[str]:
            return {str(r.title) for r in model.rows}

        # the simulated members' own notes are there, next to the user's
        qtbot.waitUntil(
            lambda: (
                {
                    "Welkom bij De Kempen",
                    "Netwerkborrel Eindhoven — verslag",
                    "Data governance for housing corporations",
                }
                <= titles(window.notes.model)
            ),
            timeout=SLOW,
        )
        qtbot.waitUntil(lambda: window.coop_label.text() == COOP_NAME, timeout=SLOW)
        # and without any user action, a member gives a new lead that arrives live
        live = {str(lead["title"]) for lead in LIVE_LEADS}
        qtbot.waitUntil(
            lambda: any(r.title in live and r.author in ("Bram", "Carla") for r in leads.rows),
            timeout=SLOW,
        )
        assert world.actions and "gave the lead" in world.actions[0]
        window.close()
    finally:
        if bridge is not None:
            bridge.stop()
        world.stop()
    assert not world.root.exists()
