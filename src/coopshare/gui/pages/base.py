"""What every main-window page shares: the bridge, a title row, an empty state, messages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.models import IdRole


class Page(QWidget):
    """A main-window page. Subclasses build their widgets in __init__ and load in refresh()."""

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(16, 12, 16, 8)
        self.title_row = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.title_row.addWidget(self.title_label)
        self.title_row.addStretch(1)
        self.outer.addLayout(self.title_row)

    def page_title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Load or reload what the page shows (called when it is first shown)."""

    def new_item(self) -> None:
        """Ctrl+N on this page (default: nothing)."""

    def open_item(self, item_id: str) -> None:
        """Show one item (from search or the activity feed)."""

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("CoopShare"), message)


def empty_state(text: str) -> QLabel:
    """A centred hint shown when a list is empty: says what to do next."""
    label = QLabel(text)
    label.setObjectName("empty")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "") -> QLabel:
    """A label that never interprets rich text (for anything a peer wrote)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ItemListPage(Page):
    """A page with a filterable item table beside a detail panel (leads, ideas).

    Subclasses set: model (ItemsModel), proxy (ItemsFilter), table, list_stack, empty,
    no_match, current_id; and implement open_item().
    """

    model: Any
    proxy: Any
    table: Any
    list_stack: Any
    empty: QWidget
    no_match: QWidget
    current_id: str | None

    def _update_empty(self) -> None:
        if not self.model.rowCount():
            self.list_stack.setCurrentWidget(self.empty)
        elif not self.proxy.rowCount():
            self.list_stack.setCurrentWidget(self.no_match)
        else:
            self.list_stack.setCurrentWidget(self.table)

    def _rows_inserted(self) -> None:
        self._update_empty()
        self._select_current()

    def _on_select(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            item_id = str(current.data(IdRole))
            if item_id != self.current_id:
                self.open_item(item_id)

    def _select_current(self) -> None:
        if self.current_id is None:
            return
        row = self.model.row_of(self.current_id)
        if row is None:
            return
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if idx.isValid() and self.table.currentIndex().row() != idx.row():
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(idx.row())
            self.table.selectionModel().blockSignals(False)
            self.table.scrollTo(idx)


def list_table(model: Any, accessible: str) -> QTableView:
    """The list view every page of this kind uses: whole rows, no grid, title stretches."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    table.setAccessibleName(accessible)
    return table
