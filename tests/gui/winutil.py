"""The app's main window on a data folder, with its node running (mDNS off), for GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from coopshare.gui.app import start_node
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs


def running_window(qtbot: Any, home: Path, passphrase: str) -> Iterator[MainWindow]:
    """Yield the shown window; closed and its node stopped afterwards (use with `yield from`)."""
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, passphrase, prefs)
    w = MainWindow(bridge, prefs, home)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    bridge.stop()
