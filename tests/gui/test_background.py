"""Running in the background (gui/background.py), the log file (gui/logfile.py) and "Start at
login" (gui/autostart.py), with pytest-qt offscreen.

Qt's offscreen platform has no system tray, so the tests that need one tell the app a tray is
there (``background.tray_available``); the icon and its menu are then real Qt objects, driven
through their actions. The other member is a real ``coopshare serve`` process on loopback.
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from coopshare.gui import autostart, background, logfile
from coopshare.gui.app import start_node
from coopshare.gui.appinfo import APP_ID
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs
from coopshare.service import home as homes
from tests.netutil import PASS, Server, cli, new_member, serving

SLOW = 30_000


def make_home(path: Path) -> Path:
    homes.init(path, "Anna", PASS)
    coop = homes.open_coop(path, PASS)
    coop.create_coop("Achtergrond")
    coop.store.close()
    return path


@pytest.fixture
def with_tray(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(background, "tray_available", lambda: True)
    yield
    QApplication.setQuitOnLastWindowClosed(True)  # as the app had it before


@pytest.fixture
def two_members(tmp_path: Path) -> Iterator[tuple[Path, Path, Server]]:
    """Anna's data folder (for the app) and Bram's, served by a real process."""
    anna = make_home(tmp_path / "anna")
    bram = tmp_path / "bram"
    with serving(anna, "--no-mdns") as server:
        new_member(bram, "Bram", anna, server)
    with serving(bram, "--no-mdns") as bram_node:
        yield anna, bram, bram_node


def open_window(qtbot: Any, home: Path, peer: str) -> MainWindow:
    prefs = Prefs(home)
    prefs.set("mdns", False)
    prefs.set("peers", peer)
    bridge = start_node(home, PASS, prefs)
    window = MainWindow(bridge, prefs, home)
    qtbot.addWidget(window)
    window.show()
    window.show_page("notes")
    qtbot.waitUntil(lambda: bridge.runtime.session_count == 1, timeout=SLOW)
    return window


def titles(window: MainWindow) -> set[str]:
    return {str(r.title) for r in window.notes.model.rows}


def accepts(addr: tuple[str, int]) -> bool:
    try:
        with socket.create_connection(addr, timeout=5):
            return True
    except OSError:
        return False


def test_closing_hides_to_the_tray_and_sync_goes_on_without_user_content_in_the_log(
    qtbot: Any, with_tray: None, two_members: tuple[Path, Path, Server], tmp_path: Path
) -> None:
    anna, bram, bram_node = two_members
    handler = logfile.install(tmp_path / "logs")
    try:
        window = open_window(qtbot, anna, bram_node.addr)
        bg = window.background
        assert bg.icon is not None and bg.icon.isVisible()
        assert not bg.icon.icon().isNull()  # the app's own icon, not a stock one
        assert [a.text() for a in bg.menu.actions() if a.text()] == [
            "Open CoopShare",
            "Pause sync",
            "Quit CoopShare",
        ]

        window.close()
        assert not window.isVisible()  # hidden, not closed
        assert bg.notice is not None and "keeps syncing" in bg.notice[1]
        assert window.prefs.flag(background.NOTICE_PREF)

        # the node still syncs: a note Bram writes now arrives in the hidden window's model
        marker = "MARKER" + secrets.token_hex(6)
        cli(bram, "note", "add", "--title", f"{marker} titel", "--body", f"{marker} tekst",
            "--tag", marker.lower())  # fmt: skip
        qtbot.waitUntil(lambda: f"{marker} titel" in titles(window), timeout=SLOW)
        assert window.bridge.runtime.session_count == 1

        # the notice is shown once only
        bg.notice = None
        bg.open_action.trigger()
        assert window.isVisible()
        window.close()
        assert not window.isVisible() and bg.notice is None
    finally:
        logfile.uninstall(handler)

    text = (tmp_path / "logs" / logfile.FILE_NAME).read_text("utf-8")
    # positive control: the file did get the lines of this run, sync included
    assert "window closed: syncing on in the background" in text
    assert "syncing with" in text and "127.0.0.1" in text
    for secret in (marker, marker.lower(), PASS, "Bram", "Achtergrond"):
        assert secret not in text, f"{secret!r} is in the log file"
    window.background.quitting = True
    window.close()
    window.bridge.stop()


def test_pause_stops_listening_and_dialling_and_resume_syncs_again(
    qtbot: Any, with_tray: None, two_members: tuple[Path, Path, Server]
) -> None:
    anna, bram, bram_node = two_members
    window = open_window(qtbot, anna, bram_node.addr)
    runtime = window.bridge.runtime
    try:
        listen = runtime.listen_addr
        assert listen is not None and accepts(listen)  # control: listening before the pause
        network = runtime._network
        assert network is not None and network.tasks

        window.background.pause_action.trigger()
        qtbot.waitUntil(lambda: runtime.paused and runtime.session_count == 0, timeout=SLOW)
        qtbot.waitUntil(lambda: all(t.done() for t in network.tasks), timeout=SLOW)
        assert not accepts(listen)  # not listening
        assert window.background.paused_label.isVisible()
        assert window.background.pause_action.text() == "Resume sync"

        cli(bram, "note", "add", "--title", "Tijdens de pauze", "--body", "komt later")
        window.background.pause_action.trigger()  # resume
        qtbot.waitUntil(lambda: "Tijdens de pauze" in titles(window), timeout=SLOW)
        assert not runtime.paused and runtime.session_count == 1
        assert not window.background.paused_label.isVisible()
        assert window.background.pause_action.text() == "Pause sync"
    finally:
        window.background.quitting = True
        window.close()
        window.bridge.stop()


def test_tray_quit_really_quits(qtbot: Any, with_tray: None, tmp_path: Path) -> None:
    home = make_home(tmp_path / "anna")
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, PASS, prefs)
    window = MainWindow(bridge, prefs, home)
    qtbot.addWidget(window)
    window.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication) and not app.quitOnLastWindowClosed()
    window.close()  # to the tray first: the event loop must keep running
    assert not window.isVisible()
    fallback = QTimer()
    fallback.setSingleShot(True)
    fallback.timeout.connect(lambda: app.exit(99))  # only if Quit did not quit
    fallback.start(60_000)
    QTimer.singleShot(200, window.background.quit_action.trigger)
    try:
        assert app.exec() == 0
    finally:
        fallback.stop()
        bridge.stop()
    assert window.background.quitting and not window.isVisible()
    assert not window.background.icon.isVisible()  # type: ignore[union-attr]


def test_without_a_tray_closing_closes(qtbot: Any, tmp_path: Path) -> None:
    home = make_home(tmp_path / "anna")
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, PASS, prefs)
    window = MainWindow(bridge, prefs, home)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.background.icon is None  # offscreen: no system tray
        assert window.close()  # accepted: nothing to come back through
        assert not window.isVisible() and window.background.notice is None
    finally:
        bridge.stop()


def test_start_at_login_writes_and_removes_the_autostart_entry(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coopshare.gui.dialogs.settings import SettingsDialog

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    home = make_home(tmp_path / "my data")  # a space: the Exec line must quote it
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, PASS, prefs)
    entry = tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    try:
        dialog = SettingsDialog(bridge, prefs, home)
        qtbot.addWidget(dialog)
        assert dialog.autostart is not None and not dialog.autostart.isChecked()
        dialog.autostart.setChecked(True)
        dialog.save()
        text = entry.read_text("utf-8")
        assert f'--home "{home}"' in text and f"Icon={APP_ID}" in text
        if shutil.which("desktop-file-validate"):
            check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
            assert check.returncode == 0, check.stdout
        # the command it names really starts CoopShare on that data folder
        argv = autostart.command(home)
        out = subprocess.run([*argv[:-2], "--version"], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0 and out.stdout.startswith("coopshare ")

        again = SettingsDialog(bridge, prefs, home)
        qtbot.addWidget(again)
        assert again.autostart is not None and again.autostart.isChecked()
        again.autostart.setChecked(False)
        again.save()
        assert not entry.exists()
    finally:
        bridge.stop()
