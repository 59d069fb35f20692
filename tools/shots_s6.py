"""Screens changed in session 6 (issue 13's last defects), offscreen, on the demo cooperative.

    .venv/bin/python tools/shots_s6.py OUT_DIR [SHOT ...]

For every shot: light and dark, English and Dutch, the main window at 1024 px wide. A walk for
looking at, not a test.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtWidgets import QApplication  # noqa: E402
from shotutil import demo_window, pause, save, wait  # noqa: E402

from coopshare.gui import i18n, theme  # noqa: E402
from coopshare.gui.app import application  # noqa: E402
from coopshare.gui.main_window import MainWindow  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1])
    only = set(sys.argv[2:])
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    with demo_window(app, (1024, 720), "en") as window:
        for lang in ("en", "nl"):
            window.prefs.set("language", lang)
            i18n.install(app, lang)
            window.retranslate()
            for mode in ("light", "dark"):
                theme.apply(app, mode)
                for name, shot in SHOTS.items():
                    if only and name not in only:
                        continue
                    shot(app, window, out / f"{name}-{lang}-{mode}.png")
    return 0


def page_shot(key: str) -> Callable[[QApplication, MainWindow, Path], None]:
    def shot(app: QApplication, window: MainWindow, path: Path) -> None:
        page = window.show_page(key)
        model = getattr(page, "model", None)
        if model is not None:
            wait(app, lambda: model.rowCount() > 0, 60)
            rows = getattr(model, "rows", None)
            if rows and key in ("leads", "ideas", "notes"):
                page.open_item(rows[0].id)
        pause(app, 1.5)
        save(window, path)

    return shot


def idea_form(app: QApplication, window: MainWindow, path: Path) -> None:
    from coopshare.gui.dialogs.idea_form import IdeaForm

    form = IdeaForm(window.bridge, window)
    form.resize(900, 560)  # small: the problem line must not squash the date row
    form.show()
    wait(app, lambda: form.loaded["ideas"], 30)
    if form.derived_combo.count() > 1:
        form.derived_combo.setCurrentIndex(1)
    form.terms_buttons["embargo"].setChecked(True)
    form.submit()  # no title: the problem line shows
    pause(app, 0.5)
    save(form, path)
    form.close()


def switcher(app: QApplication, window: MainWindow, path: Path) -> None:
    window.menus.actions["switcher"].trigger()
    pause(app, 1.0)
    dialog = app.activeWindow() or app.activeModalWidget()
    for w in app.topLevelWidgets():
        if w.objectName() == "quickSwitcher" and w.isVisible():
            dialog = w
    assert dialog is not None
    save(dialog, path)
    dialog.close()


def settings(app: QApplication, window: MainWindow, path: Path) -> None:
    from coopshare.gui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(window.bridge, window.prefs, window.home, window)
    dialog.show()
    dialog.language.setCurrentIndex(dialog.language.findData("en" if "-nl-" in path.name else "nl"))
    pause(app, 0.5)
    save(dialog, path)
    dialog.reject()


def unlock(app: QApplication, window: MainWindow, path: Path) -> None:
    from coopshare.gui.dialogs.unlock import UnlockDialog

    for in_coop, suffix in ((False, "-new"), (True, "")):
        dialog = UnlockDialog(window.home, window, in_coop=in_coop)
        dialog.show()
        pause(app, 0.3)
        save(dialog, path.with_name(path.stem + suffix + ".png"))
        dialog.close()


SHOTS: dict[str, Callable[[QApplication, MainWindow, Path], None]] = {
    "activity": page_shot("activity"),
    "leads": page_shot("leads"),
    "nearby": page_shot("nearby"),
    "idea-form": idea_form,
    "switcher": switcher,
    "settings": settings,
    "unlock": unlock,
}


if __name__ == "__main__":
    raise SystemExit(main())
