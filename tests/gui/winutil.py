"""The app's main window on a data folder, with its node running (mDNS off), for GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from coopshare.gui.app import start_node
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs
from coopshare.service import home as homes
from coopshare.service.coop import Coop
from tests.conftest import join
from tests.netutil import PASS


@contextmanager
def window_on(
    qtbot: Any, home: Path, passphrase: str, *, show: bool = True, **prefs: object
) -> Iterator[MainWindow]:
    """The window (shown unless `show` is false) on `home`'s node, with mDNS off and the other
    `prefs` set first (say peers="127.0.0.1:5000"); closed and its node stopped on leaving."""
    settings = Prefs(home)
    settings.set("mdns", False)
    for key, value in prefs.items():
        settings.set(key, value)
    bridge = start_node(home, passphrase, settings)
    w = MainWindow(bridge, settings, home)
    qtbot.addWidget(w)
    if show:
        w.show()
    try:
        yield w
    finally:
        w.close()
        bridge.stop()


def running_window(qtbot: Any, home: Path, passphrase: str) -> Iterator[MainWindow]:
    """Yield the shown window; closed and its node stopped afterwards (use with `yield from`)."""
    with window_on(qtbot, home, passphrase) as w:
        yield w


def notes_shown(qtbot: Any, w: MainWindow, count: int) -> None:
    """Go to the Notes page and wait until its list has loaded `count` notes."""
    w.show_page("notes")
    qtbot.waitUntil(lambda: w.notes.model.rowCount() == count, timeout=10_000)


def anna_and_bob(tmp_path: Path) -> tuple[Coop, Coop]:
    """Anna's data folder (tmp_path/anna, for the app) and Bob's, both members of one
    cooperative, opened in this process with the tests' passphrase; the caller closes them."""
    anna, bob = tmp_path / "anna", tmp_path / "bob"
    homes.init(anna, "Anna de Vries", PASS)
    homes.init(bob, "Bob", PASS)
    a, b = homes.open_coop(anna, PASS), homes.open_coop(bob, PASS)
    a.create_coop("Brabant Interim")
    join(a, b)
    return a, b
