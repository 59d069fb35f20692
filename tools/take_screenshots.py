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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtCore import QAbstractItemModel  # noqa: E402
from shotutil import demo_window, pause, save, wait  # noqa: E402

from coopshare.gui import theme  # noqa: E402
from coopshare.gui.app import application  # noqa: E402

SHOTS = [
    ("notes", "light", "notes"),
    ("leads", "light", "leads"),
    ("people", "dark", "people-dark"),
]


def has_rows(model: QAbstractItemModel) -> bool:
    return model.rowCount() > 0


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging/linux/screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    with demo_window(app, (1280, 800)) as window:
        for key, mode, name in SHOTS:
            theme.apply(app, mode)
            page = window.show_page(key)
            model = getattr(page, "model", None)
            if model is not None:
                wait(app, functools.partial(has_rows, model), 60,
                     message="timed out waiting for the demo")  # fmt: skip
                page.open_item(model.rows[0].id)
            pause(app, 1.5)
            save(window, out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
