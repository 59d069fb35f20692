"""Take the AppStream screenshots from the real app on the demo cooperative, offscreen.

    .venv/bin/python tools/take_screenshots.py [OUT_DIR]   # default packaging/linux/screenshots

Starts the demo (``coopshare --demo``: a sample cooperative with two simulated members on
loopback), opens the main window at 1280x800 and grabs the pages the metainfo shows
(packaging/linux/nl.coopshare.CoopShare.metainfo.xml names them): notes and leads in the light
theme, people in the dark theme once the simulated members are online.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QAbstractItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from coopshare.gui import theme  # noqa: E402
from coopshare.gui.app import application, start_node  # noqa: E402
from coopshare.gui.main_window import MainWindow  # noqa: E402
from coopshare.gui.settings import Prefs  # noqa: E402
from coopshare.service import api  # noqa: E402

SHOTS = [
    ("notes", "light", "notes"),
    ("leads", "light", "leads"),
    ("people", "dark", "people-dark"),
]


def wait(app: QApplication, ok: Callable[[], bool], timeout: float) -> None:
    end = time.monotonic() + timeout
    while not ok():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the demo")
        app.processEvents()
        time.sleep(0.05)


def has_rows(model: QAbstractItemModel) -> bool:
    return model.rowCount() > 0


def pause(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    wait(app, lambda: time.monotonic() > end, seconds + 5)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging/linux/screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    world = api.start_demo()
    prefs = Prefs(world.home)
    prefs.set("mdns", False)
    bridge = start_node(world.home, world.passphrase, prefs, demo_peers=world.peers)
    window = MainWindow(bridge, prefs, world.home)
    try:
        window.resize(1280, 800)
        window.show()
        wait(app, lambda: bridge.runtime.session_count >= 2, 240)
        for key, mode, name in SHOTS:
            theme.apply(app, mode)
            page = window.show_page(key)
            model = getattr(page, "model", None)
            if model is not None:
                wait(app, functools.partial(has_rows, model), 60)
                page.open_item(model.rows[0]["id"])
            pause(app, 1.5)
            path = out / f"{name}.png"
            if not window.grab().toImage().save(str(path)):
                raise SystemExit(f"could not write {path}")
            print("wrote", path)
    finally:
        theme.apply(app, "light")
        window.close()
        bridge.stop()
        world.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
