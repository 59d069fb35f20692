"""Deleting notes safely: the trash dialog, and an undo that covers a run of deletes.

A deleted note goes to the trash (its tombstone; service/trash.py): the Trash dialog lists my
deleted notes with the date each one is removed for good (30 days after its deletion) and
restores the chosen ones. :class:`DeleteRun` collects the notes deleted one after another
while the undo offer stands, so one Undo (Ctrl+Z) brings all of them back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.pages.base import empty_state
from coopshare.gui.text import day_text, safe
from coopshare.service.api import TRASH_DAYS, Api, TrashedNote

UNDO_MS = 10_000  # how long the main window offers Undo after a delete


class DeleteRun(QObject):
    """The notes deleted since the undo offer was last renewed: one Undo restores them all."""

    def __init__(self, bridge: Bridge, on_error: Callable[[BaseException], None]) -> None:
        super().__init__()
        self.bridge = bridge
        self.on_error = on_error
        self.ids: list[bytes] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_MS)
        self._timer.timeout.connect(self.ids.clear)

    def add(self, item_id: bytes, title: str) -> tuple[str, Callable[[], None]]:
        """Record one delete; returns the undo offer's message and its callback."""
        self.ids.append(item_id)
        self._timer.start()
        n = len(self.ids)
        if n == 1:
            message = self.tr("Deleted “{0}” (in the trash)").format(safe(title, 60))
        else:
            message = self.tr("Deleted %n note(s) (in the trash)", "", n)
        ids = list(self.ids)

        def restore(door: Api) -> None:
            for raw in ids:
                door.restore_note(raw)

        def undo() -> None:
            self.ids.clear()
            self._timer.stop()
            self.bridge.write(restore, None, self.on_error)

        return message, undo


def purge_old_trash(bridge: Bridge) -> None:
    """The 30-day rule, run at start and when the trash is opened (service/trash.py)."""
    bridge.write(lambda a: a.purge_old_trash())


class TrashDialog(QDialog):
    """My deleted notes, with Restore; each is removed for good 30 days after its deletion."""

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setWindowTitle(self.tr("Trash"))
        self.setObjectName("trashDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(560, 420)
        v = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Notes you deleted stay here for %n day(s), then this device removes them for "
                "good, also from the other members' devices.",
                "",
                TRASH_DAYS,
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.stack = QStackedWidget()
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName(self.tr("Deleted notes"))
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.empty = empty_state(self.tr("The trash is empty."))
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)
        v.addWidget(self.stack, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        v.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setToolTip(self.tr("Put the selected notes back in the list"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        self.entries: list[TrashedNote] = []
        # the 30-day rule runs when the trash is opened (and at start): then the list is read
        self.bridge.write(lambda a: a.purge_old_trash(), lambda _n: self.reload(), self._failed)

    def reload(self) -> None:
        self.bridge.db(lambda a: a.trash(), self._fill, self._failed)

    def _fill(self, entries: list[TrashedNote]) -> None:
        self.entries = entries
        self.list.clear()
        for e in entries:
            title = safe(e.title, 120) or self.tr("(untitled)")
            item = QListWidgetItem(
                self.tr("{0}\ndeleted {1} · removed for good on {2}").format(
                    title, day_text(e.deleted_ms), day_text(e.purge_ms)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.list.addItem(item)
        self.stack.setCurrentWidget(self.list if entries else self.empty)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))

    def restore_selected(self) -> None:
        ids = [str(it.data(Qt.ItemDataRole.UserRole)) for it in self.list.selectedItems()]
        if not ids:
            return
        self.restore_button.setEnabled(False)

        def restore(door: Api) -> int:
            for item_id in ids:
                door.restore_note(bytes.fromhex(item_id))
            return len(ids)

        self.bridge.write(restore, self._restored, self._failed)

    def _restored(self, n: int) -> None:
        self.message.setText(self.tr("Restored %n note(s).", "", n))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
