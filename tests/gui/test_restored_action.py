"""File → "Write before syncing…" (gui/restored_action.py): shown only while a restored data
folder is held (service/restored.py), asks first, and lets the device write (pytest-qt,
offscreen, a real node)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from coopshare.errors import RestoredNotCaughtUp
from coopshare.gui.main_window import MainWindow
from coopshare.service import restored
from tests.gui.winutil import anna_and_bob, running_window
from tests.netutil import PASS


def _anna(tmp_path: Path, held: bool) -> Path:
    a, b = anna_and_bob(tmp_path)
    if held:
        assert restored.mark(a)  # as a restore does (tests/test_restored_hold.py)
    a.store.close()
    b.store.close()
    return tmp_path / "anna"


def _window(qtbot, home: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield from running_window(qtbot, home, PASS)


@pytest.fixture
def held(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield from _window(qtbot, _anna(tmp_path, held=True))


@pytest.fixture
def free(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield from _window(qtbot, _anna(tmp_path, held=False))


def _add_note(window: MainWindow) -> object:
    try:
        return window.bridge.call_sync(
            window.bridge.runtime.write(lambda api: api.add_note("N", "b"))
        )
    except RestoredNotCaughtUp as e:
        return e


def test_a_held_folder_offers_the_override_and_writes_after_it(qtbot, held: MainWindow) -> None:  # type: ignore[no-untyped-def]
    action = held.file_menu.resume_writing.action
    qtbot.waitUntil(action.isVisible, timeout=10_000)
    assert isinstance(_add_note(held), RestoredNotCaughtUp)  # control: writing is refused
    action.trigger()
    box = held.file_menu.resume_writing.box
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel).click()  # cancelled: still held
    assert action.isVisible() and isinstance(_add_note(held), RestoredNotCaughtUp)
    action.trigger()
    box = held.file_menu.resume_writing.box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not action.isVisible(), timeout=10_000)
    assert isinstance(_add_note(held), str)  # a note id: written


def test_the_override_is_hidden_when_not_restored(qtbot, free: MainWindow) -> None:  # type: ignore[no-untyped-def]
    done: list[bool] = []
    free.bridge.db(lambda api: api.restored_not_caught_up(), done.append)
    qtbot.waitUntil(lambda: done == [False], timeout=10_000)
    # the action's own question went to the one store thread first: its answer came first
    assert not free.file_menu.resume_writing.action.isVisible()
