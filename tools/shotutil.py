"""What the screenshot tools (take_screenshots.py, shots_s6.py, talent_screenshots.py) share:
waiting on the Qt event loop, saving a widget's picture, and the demo cooperative's main window.
Imported by those scripts (their folder is on sys.path when run as a script), after they put
``src`` on sys.path and chose the offscreen platform."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from coopshare.gui import i18n, theme
from coopshare.gui.app import start_node
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs
from coopshare.service import api


def wait(
    app: QApplication,
    ok: Callable[[], bool],
    timeout: float = 30,
    *,
    every: float = 0.05,
    message: str = "timed out",
) -> None:
    """Run the event loop until `ok()`; exit with `message` after `timeout` seconds."""
    end = time.monotonic() + timeout
    while not ok():
        if time.monotonic() > end:
            raise SystemExit(message)
        app.processEvents()
        time.sleep(every)


def pause(app: QApplication, seconds: float, *, every: float = 0.05) -> None:
    """Run the event loop for `seconds` (a picture after the last repaint)."""
    end = time.monotonic() + seconds
    wait(app, lambda: time.monotonic() > end, seconds + 5, every=every)


def save(widget: QWidget, path: Path) -> None:
    if not widget.grab().toImage().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print("wrote", path)


@contextmanager
def demo_window(
    app: QApplication, size: tuple[int, int], language: str | None = None
) -> Iterator[MainWindow]:
    """The demo cooperative (``coopshare --demo``) in the main window at `size`, in `language`
    if given, once both simulated members are connected; all stopped on leaving."""
    world = api.start_demo()
    prefs = Prefs(world.home)
    prefs.set("mdns", False)
    if language is not None:
        i18n.install(app, language)
    bridge = start_node(world.home, world.passphrase, prefs, demo_peers=world.peers)
    window = MainWindow(bridge, prefs, world.home)
    try:
        window.resize(*size)
        window.show()
        wait(
            app,
            lambda: bridge.runtime.session_count >= 2,
            240,
            message="timed out waiting for the demo",
        )
        yield window
    finally:
        theme.apply(app, "light")
        window.close()
        bridge.stop()
        world.stop()
