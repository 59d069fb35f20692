"""A language change in Settings applies to the whole window at once (#34): after the switch,
the window shows exactly the texts a window built in that language shows; no half state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from coopshare.gui import i18n
from coopshare.gui.app import start_node
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs
from coopshare.service import home as homes
from tests.netutil import PASS


def static_texts(w: MainWindow) -> set[str]:
    """Menus, sidebar, page titles, buttons, group titles and status-bar labels."""
    out = {a.text() for a in w.menuBar().findChildren(QAction)}
    out |= {w.sidebar.item(i).text() for i in range(w.sidebar.count())}
    out |= {p.title_label.text() for p in w.pages.values()}
    central = w.centralWidget()
    assert central is not None
    out |= {b.text() for b in central.findChildren(QAbstractButton)}
    out |= {g.title() for g in central.findChildren(QGroupBox)}
    out |= {lb.text() for lb in w.statusBar().findChildren(QLabel)}
    out |= {w.undo_button.text(), w.meetup_label.text()}
    return out - {""}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "anna"
    homes.init(home, "Anna de Vries", PASS)
    anna = homes.open_coop(home, PASS)
    anna.create_coop("Brabant Interim")
    anna.add_note("Inkoopstrategie", "Tekst.", ["inkoop"])
    anna.store.close()
    return home


def test_language_switch_rebuilds_every_page(qtbot: QtBot, qapp: QApplication, home: Path) -> None:
    prefs = Prefs(home)
    prefs.set("mdns", False)
    prefs.set("language", "en")
    i18n.install(qapp, "en")
    bridge = start_node(home, PASS, prefs)
    windows: list[MainWindow] = []
    try:
        w = MainWindow(bridge, prefs, home)
        windows.append(w)
        w.show()
        w.show_page("leads")
        qtbot.wait(300)
        english = static_texts(w)
        assert "Settings…" in english and "Leads" in english

        prefs.set("language", "nl")
        i18n.install(qapp, "nl")
        qtbot.wait(100)
        assert static_texts(w) == english  # control: a new translator alone changes nothing

        w.retranslate()
        qtbot.wait(300)
        switched = static_texts(w)
        assert w.current_page_key() == "leads"  # the page on screen stays

        fresh = MainWindow(bridge, prefs, home)  # built in Dutch from the start
        windows.append(fresh)
        fresh.show()
        fresh.show_page("leads")
        qtbot.wait(300)
        dutch = static_texts(fresh)
        assert "Instellingen…" in dutch and "Leads" in dutch
        assert switched == dutch, (switched - dutch, dutch - switched)
        # every shortcut still answers once: none is left on an old action
        keys = [
            a.shortcut().toString() for a in w.findChildren(QAction) if not a.shortcut().isEmpty()
        ]
        assert len(keys) == len(set(keys)) and "Ctrl+N" in keys
    finally:
        i18n.install(qapp, "en")
        for each in windows:
            each.background.quitting = True
            each.close()
        bridge.stop()
