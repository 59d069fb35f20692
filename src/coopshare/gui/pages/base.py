"""What every main-window page shares: the bridge, a title row, an empty state, messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.fit_columns import FitColumns
from coopshare.gui.models import IdRole, ItemsFilter, ItemsModel
from coopshare.gui.steady_rows import SteadyRows
from coopshare.service.api import Kind
from coopshare.service.api import events as ev


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


def scrolling(panel: QWidget) -> QScrollArea:
    """`panel` in a frameless area that scrolls up and down when the window is too short."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(panel)
    return scroll


class ItemListPage(Page):
    """A page with a filterable item table beside a detail panel (leads, ideas).

    Subclasses set table and current_id; implement new_item(), _build_list(), _build_detail()
    and _load() (read current_id's detail); and call _set_up_list_and_detail(), which makes
    model (ItemsModel) and proxy (ItemsFilter). The list side is built with _filter_field() and
    _list_states(), the detail side between _detail_start() and _detail_end().
    """

    new_item: Callable[[], None]
    _build_list: Callable[[], QWidget]
    _build_detail: Callable[[], QWidget]
    _load: Callable[[], None]

    model: Any
    proxy: Any
    table: Any
    list_stack: Any
    empty: QWidget
    no_match: QWidget
    current_id: str | None
    detail_stack: QStackedWidget
    placeholder: QWidget
    detail_panel: QWidget

    def _set_up_list_and_detail(
        self,
        kind: Kind,
        headers: dict[str, str],
        new: tuple[str, str],
        sizes: list[int],
    ) -> None:
        """Model, filter, the "new" button (text, tooltip) and the list beside the detail panel
        (the subclass's _build_list and _build_detail), wired to keep the empty states right."""
        self.model = ItemsModel(self.bridge, kind, self, headers)
        self.proxy = ItemsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.new_button = QPushButton(new[0])
        self.new_button.setToolTip(new[1])
        self.new_button.clicked.connect(self.new_item)
        self.title_row.addWidget(self.new_button)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.outer.addWidget(split, 1)
        split.addWidget(self._build_list())
        split.addWidget(self._build_detail())
        split.setSizes(sizes)
        # both sides give way when the window is narrower than `sizes` (at 1024 px the list
        # kept its width and the detail panel was squeezed into a horizontal scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._rows_inserted)
        for signal in (
            self.model.rowsRemoved,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
        ):
            signal.connect(self._update_empty)
        self.bridge.core_event.connect(self._on_event)

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self.model.reload()

    def open_item(self, item_id: str) -> None:
        self.current_id = item_id
        self._select_current()
        self._load()

    def _on_event(self, event: object) -> None:
        """Read the open item again when it (or the roster, for names) changed."""
        if self.current_id is None:
            return
        if isinstance(event, ev.ItemsChanged):
            ids = event.item_ids
            if ids is None or bytes.fromhex(self.current_id) in ids:
                self._load()
        elif isinstance(event, ev.RosterChanged):
            self._load()

    # --- building the two sides -----------------------------------------------------------------

    def _filter_field(self, text: str) -> QLineEdit:
        """The filter above the list; `text` is its placeholder and accessible name."""
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(text)
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(text)
        self.filter.textChanged.connect(self._filter_text)
        return self.filter

    def _list_states(self, layout: QVBoxLayout, empty: str, no_match: str) -> None:
        """The table, or in its place the hint for no items (`empty`) or none that match the
        filter (`no_match`), at the bottom of `layout`."""
        self.list_stack = QStackedWidget()
        self.empty = empty_state(empty)
        self.no_match = empty_state(no_match)
        for w in (self.empty, self.no_match, self.table):
            self.list_stack.addWidget(w)
        layout.addWidget(self.list_stack, 1)

    def _detail_start(self, placeholder: str) -> tuple[QWidget, QVBoxLayout]:
        """The detail side's stack with the `placeholder` hint, and the panel (with its layout)
        that shows an item; the subclass fills it, then calls _detail_end(panel)."""
        self.detail_stack = QStackedWidget()
        self.placeholder = empty_state(placeholder)
        self.detail_stack.addWidget(self.placeholder)
        panel = QWidget()
        rv = QVBoxLayout(panel)
        rv.setContentsMargins(16, 4, 8, 8)
        rv.setSpacing(8)
        return panel, rv

    def _detail_end(self, panel: QWidget) -> QWidget:
        """The filled `panel` in a frameless scroll area (detail_panel); returns the stack."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(panel)
        self.detail_panel = scroll
        self.detail_stack.addWidget(scroll)
        return self.detail_stack

    def _filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_empty()

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


def list_table(model: Any, accessible: str, *, fit: bool = False) -> QTableView:
    """The list view every page of this kind uses: whole rows, no grid, title stretches.
    `fit`: a list of items by title (fit_columns.py: the last columns give way to the title)."""
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
    SteadyRows(table)  # live inserts at the top do not shift rows under the pointer (#42)
    if fit:
        FitColumns(table)
    return table
