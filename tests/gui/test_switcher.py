"""The quick switcher (Ctrl+O / Ctrl+P, issue 13 item 5): jump to a note, lead or idea by its
title with the keyboard only. It matches any part of a title (full-text search matches words
and their beginnings, in the title or the text: the controls)."""

# ruff: noqa: F401, F811 (world is a pytest fixture imported from test_polish)

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coopshare.gui.dialogs.search import SearchDialog
from tests.gui.test_polish import World, world

WAIT = 10_000


def _open_dialog(qtbot: Any, w: Any, keys: str) -> SearchDialog:
    w.activateWindow()
    action = w.menus.actions["switcher" if keys != "Ctrl+K" else "search"]
    assert keys in [s.toString() for s in action.shortcuts()]  # listed in the Go menu
    action.trigger()
    found: list[SearchDialog] = []

    def shown() -> bool:
        found[:] = [d for d in w.findChildren(SearchDialog) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=WAIT)
    return found[-1]


def _titles(d: SearchDialog) -> list[str]:
    return [r.title for r in d.model.rows]


def test_quick_switcher_jumps_by_part_of_a_title(qtbot: Any, world: World) -> None:
    w = world.window
    d = _open_dialog(qtbot, w, "Ctrl+P")
    assert d.windowTitle() == "Quick switcher"
    qtbot.waitUntil(lambda: len(d.model.rows) == 3, timeout=WAIT)  # the newest, untyped
    qtbot.keyClicks(d.query, "strat")  # inside a word: "Inkoopstrategie"
    qtbot.waitUntil(lambda: _titles(d) == ["Inkoopstrategie"], timeout=WAIT)
    qtbot.keyClick(d.query, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(d.query, "december")  # in a note's text, not in a title
    qtbot.waitUntil(lambda: d.status.text().startswith("Nothing found"), timeout=WAIT)
    assert _titles(d) == []
    qtbot.keyClick(d.query, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(d.query, "inkoop")
    qtbot.waitUntil(lambda: _titles(d) == ["Inkoopstrategie"], timeout=WAIT)
    qtbot.keyClick(d.query, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: w.notes.current is not None and w.notes.current.id == world.anna_note,
        timeout=WAIT,
    )

    # control: full-text search (Ctrl+K) finds the text, and not the inside of a word
    s = _open_dialog(qtbot, w, "Ctrl+K")
    assert s.windowTitle() == "Search"
    qtbot.keyClicks(s.query, "december")
    qtbot.waitUntil(lambda: _titles(s) == ["Aanbesteding"], timeout=WAIT)
    qtbot.keyClick(s.query, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(s.query, "strat")
    qtbot.waitUntil(lambda: s.status.text().startswith("Nothing found"), timeout=WAIT)
    s.close()
    QApplication.processEvents()
