"""A language change from Settings, applied to the whole window at once (#34).

Qt's translations are looked up when a text is set, so a window built in English stays English
after the Dutch translator is installed. Instead of a retranslate method per page (which each
new page would have to keep complete), the window builds its body and menus again: sidebar,
header, every page and the menu bar, from the same code that built them first, now in the new
language. The status bar and the tray menu are set again in place (they hold state: sync paused,
an Undo on offer). The page on screen stays on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar

if TYPE_CHECKING:
    from coopshare.gui.main_window import MainWindow


def rebuild(window: MainWindow) -> None:
    key = window.current_page_key()
    window.notes._save_now()  # an edit in progress is kept before its page goes
    for action in window.menuBar().findChildren(QAction):
        action.setShortcuts([])  # two actions with one shortcut: neither would fire
    window.removeEventFilter(window.file_menu)  # drops: the new File menu takes them
    window.file_menu.deleteLater()
    window.menus.deleteLater()
    window.setMenuBar(QMenuBar(window))  # deletes the old one
    old = window.takeCentralWidget()
    if old is not None:
        old.hide()
        old.deleteLater()
    window._build_body()
    window._build_menus()
    window.retranslate_bar()
    window.background.retranslate()
    window.refresh_overview()
    if key:
        window.show_page(key)
