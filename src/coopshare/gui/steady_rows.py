"""Rows stay under the pointer when new ones arrive (#42).

A change from a member inserts its row at the top of a list. If the user is reading further
down, or has the pointer on the list ready to click, the rows would shift by one under the
pointer and the click would open the wrong item. :class:`SteadyRows` scrolls the view by the
inserted rows instead, so what was under the pointer stays there; at the very top with the
pointer elsewhere, the new row shows as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QAbstractItemView

Index = QModelIndex | QPersistentModelIndex


class SteadyRows(QObject):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        self._keep: int | None = None
        model = view.model()
        model.rowsAboutToBeInserted.connect(self._before)
        model.rowsInserted.connect(self._after)

    def pointer_on_list(self) -> bool:
        viewport = self.view.viewport()
        return viewport.isVisible() and viewport.rect().contains(
            viewport.mapFromGlobal(QCursor.pos())
        )

    def _before(self, parent: Index, first: int, _last: int) -> None:
        self._keep = None
        if parent.isValid() or not self.view.isVisible():
            return
        top = self.view.indexAt(QPoint(1, 1))
        if top.isValid() and first > top.row():
            return  # inserted below the first row shown: nothing moves on screen
        bar = self.view.verticalScrollBar()
        if bar.value() == 0 and not self.pointer_on_list():
            return  # at the top and nobody about to click: show the new row
        self._keep = bar.value()

    def _after(self, _parent: Index, first: int, last: int) -> None:
        if self._keep is None:
            return
        keep, self._keep = self._keep, None
        rows = last - first + 1
        per_item = self.view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
        step = rows if per_item else rows * max(self.view.sizeHintForRow(first), 1)
        self.view.updateGeometries()  # the scroll range grows now, not at the next layout
        self.view.verticalScrollBar().setValue(keep + step)
