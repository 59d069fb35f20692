"""The main window's menus after File (data_menu.py): Edit, Go and Help, with the usual
shortcuts (Ctrl+N, Ctrl+O / Ctrl+P quick switcher, Ctrl+K search, Ctrl+F filter, Ctrl+, settings,
Ctrl+1…7 pages). Every shortcut lives on one menu action: a QShortcut with the same keys would
make both ambiguous, and then neither fires."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu

if TYPE_CHECKING:
    from coopshare.gui.main_window import MainWindow

Keys = QKeySequence | QKeySequence.StandardKey | str


class Menus(QObject):
    """Edit / Go / Help on `window`'s menu bar; `actions` by name for tests and the tray."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        bar = window.menuBar()
        file_menu = window.file_menu.menu
        first = file_menu.actions()[0] if file_menu.actions() else None
        new = self._action(file_menu, "new", self.tr("New"), window._new_in_page, "Ctrl+N")
        if first is not None:
            file_menu.removeAction(new)
            file_menu.insertAction(first, new)
            file_menu.insertSeparator(first)
        file_menu.addSeparator()
        self._action(file_menu, "quit", self.tr("Quit"), window.background.quit, "Ctrl+Q")

        edit = bar.addMenu(self.tr("&Edit"))
        self._action(edit, "undo", self.tr("Undo delete"), window._do_undo, "Ctrl+Z")
        edit.addSeparator()
        self._action(edit, "find", self.tr("Filter this list"), self.focus_filter, "Ctrl+F")
        self._action(edit, "search", self.tr("Search everything…"), window.open_search, "Ctrl+K")
        edit.addSeparator()
        self._action(edit, "settings", self.tr("Settings…"), window.open_settings, "Ctrl+,")

        go = bar.addMenu(self.tr("&Go"))
        switcher = self._action(
            go, "switcher", self.tr("Quick switcher…"), lambda: window.open_search(True), "Ctrl+O"
        )
        switcher.setShortcuts([QKeySequence("Ctrl+O"), QKeySequence("Ctrl+P")])
        go.addSeparator()
        for i, (key, page) in enumerate(window.pages.items()):
            self._action(
                go,
                f"page_{key}",
                page.page_title(),
                functools.partial(window.sidebar.setCurrentRow, i),
                f"Ctrl+{i + 1}",
            )
        go.addSeparator()
        self._action(go, "invite", self.tr("Invite someone…"), window.open_invite, "Ctrl+I")

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, "shortcuts", self.tr("Keyboard shortcuts"), self.show_shortcuts)

    def _action(
        self, menu: QMenu, name: str, text: str, slot: Callable[[], object], keys: Keys = ""
    ) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(f"action_{name}")
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        self.actions[name] = action
        return action

    def focus_filter(self) -> None:
        """Ctrl+F: the current page's filter field, selected (each list page has one)."""
        page = self.window.stack.currentWidget()
        field = getattr(page, "filter", None)
        if isinstance(field, QLineEdit):
            field.setFocus()
            field.selectAll()
        else:
            self.window.open_search()

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        lines = [
            (
                a.text(),
                ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()
                ),
            )
            for a in self.actions.values()
            if not a.shortcut().isEmpty()
        ]
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("Keyboard shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)  # a table: "Ctrl+O, Ctrl+P" overran a tab stop
        cell = '<tr><td style="padding-right: 18px;">{0}</td><td>{1}</td></tr>'
        rows = (cell.format(html.escape(k), html.escape(t.replace("&", ""))) for t, k in lines)
        box.setText(f"<table>{''.join(rows)}</table>")
        box.open()
