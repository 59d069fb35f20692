"""Deleting notes (defect #4): one click deletes one note, Undo (Ctrl+Z) brings back a run of
deletes, and the Trash restores a deleted note (pytest-qt, offscreen, real node)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coopshare.gui.main_window import MainWindow
from coopshare.gui.pages.notes import NotesPage
from coopshare.gui.pages.notes_trash import TrashDialog
from coopshare.model.items import Kind
from tests.gui.test_notes_window import make_home
from tests.gui.winutil import notes_shown, window_on
from tests.netutil import PASS


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with window_on(qtbot, make_home(tmp_path / "home", notes=4), PASS) as w:
        notes_shown(qtbot, w, 4)
        yield w


def _count(w: MainWindow) -> int:
    return int(w.bridge.db(lambda c: len(c.items(Kind.NOTE))).result(10))


def _pick(qtbot, page: NotesPage, row: int) -> str:  # type: ignore[no-untyped-def]
    """Select a row as the user does (it becomes the table's current row)."""
    page.table.setCurrentIndex(page.proxy.index(row, 0))
    qtbot.waitUntil(lambda: page.delete_button.isEnabled(), timeout=5_000)
    assert page.current is not None
    return page.current.id


def test_a_double_click_on_delete_deletes_one_note(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.notes
    first = _pick(qtbot, page, 0)
    page.delete_button.click()
    # the list loses the row; before the fix the next note was opened with Delete enabled
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    qtbot.wait(200)  # let any selection change the removal caused run
    assert not page.delete_button.isEnabled()
    assert page.current is None and not page.table.currentIndex().isValid()
    page.delete_button.click()  # the second click of the double-click
    page._delete()  # and even a direct call: nothing is open, nothing is deleted
    qtbot.wait(300)
    assert _count(window) == 3
    assert first not in {r.id for r in page.model.rows}
    # a note the user picks can be deleted again
    _pick(qtbot, page, 0)
    page.delete_button.click()
    qtbot.waitUntil(lambda: _count(window) == 2, timeout=10_000)


def test_undo_brings_back_every_note_of_a_run_of_deletes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.notes
    for left in (3, 2, 1):
        _pick(qtbot, page, 0)
        page.delete_button.click()
        qtbot.waitUntil(lambda left=left: page.model.rowCount() == left, timeout=10_000)
    assert window.undo_button.isVisible()
    assert "3" in window.statusBar().currentMessage()  # "Deleted 3 notes (in the trash)"
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    assert _count(window) == 4
    assert not window.undo_button.isVisible()


def test_the_trash_lists_a_deleted_note_and_restores_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.notes
    note = _pick(qtbot, page, 1)
    title = page.title_edit.text()
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    dialog = TrashDialog(window.bridge, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
    assert dialog.entries[0].id == note
    assert dialog.list.item(0).text().startswith(title)
    assert "removed for good on" in dialog.list.item(0).text()
    assert not dialog.restore_button.isEnabled()  # nothing chosen yet
    dialog.list.item(0).setSelected(True)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.empty, timeout=10_000)
    assert "Restored 1 note" in dialog.message.text()


def test_a_new_note_is_selected_and_can_be_deleted(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Defect #30: the note just written is the selected row, and Delete works on it."""
    page = window.notes
    page.new_item()
    assert not page.delete_button.isEnabled()  # nothing saved yet
    qtbot.keyClicks(page.title_edit, "Brand new")
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10_000)
    qtbot.waitUntil(lambda: page.current is not None and bool(page.current.id), timeout=10_000)
    assert page.current is not None
    new_id = page.current.id
    qtbot.waitUntil(lambda: page.table.currentIndex().isValid(), timeout=5_000)
    assert page.table.currentIndex().data(Qt.ItemDataRole.DisplayRole) == "Brand new"
    assert page.delete_button.isEnabled()
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    assert new_id not in {r.id for r in page.model.rows}


def test_the_status_bar_says_waiting_not_offline_while_listening(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Defect #15: a node that listens but has no member connected is not "offline"."""
    assert window.bridge.call_sync(_listen_addr(window)) is not None  # it really listens
    window.refresh_peers()
    qtbot.waitUntil(lambda: "waiting for members" in window.peers_label.text(), timeout=10_000)
    assert "online" in window.peers_label.toolTip()
    window._set_peers(0, listening=False)  # control: a node without network says offline
    assert "offline" in window.peers_label.text()
    window._set_peers(2)
    assert window.peers_label.text().startswith("● 2 member")


async def _listen_addr(window: MainWindow) -> tuple[str, int] | None:
    return window.bridge.runtime.listen_addr
