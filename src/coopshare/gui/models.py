"""Qt item models over the replica: rows are compact ``Row`` objects fetched on the
store's thread.

:class:`ItemsModel` loads in pages (newest first) so the first rows show at once even with
100,000 notes, then keeps itself current from ``ItemsChanged`` events. Filtering is a proxy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.text import safe, when
from coopshare.service.api import Kind, Row, skill_label
from coopshare.service.api import events as ev

PAGE = 1000
IdRole = Qt.ItemDataRole.UserRole + 1
SummaryRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def _columns(kind: Kind | None) -> list[tuple[str, str]]:
    """(field, header) per column; headers are translated by the views' tr()."""
    if kind is Kind.LEAD:
        return [
            ("title", "Title"),
            ("status", "Status"),
            ("author", "Given by"),
            ("updated", "Updated"),
        ]
    if kind is Kind.IDEA:
        return [("title", "Title"), ("terms", "Terms"), ("author", "Owner"), ("updated", "Updated")]
    if kind is None:
        return [("title", "Title"), ("kind", "Kind"), ("author", "By"), ("updated", "Updated")]
    return [("title", "Title"), ("tags", "Tags"), ("author", "Author"), ("updated", "Updated")]


# the list columns that show one text field of the row as it is
_TEXT_COLUMNS: dict[str, Callable[[Row], str]] = {
    "title": lambda r: r.title,
    "status": lambda r: r.status,
    "terms": lambda r: r.terms,
    "author": lambda r: r.author,
    "kind": lambda r: r.kind or "",
}


class _Table(QAbstractTableModel):
    """What the item and record tables share: `rows` under `columns` (field, header key), the
    header key shown through `headers` (translated by the page) or as it is."""

    def __init__(
        self,
        columns: list[tuple[str, str]],
        parent: QObject | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.headers = headers or {}
        self.rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def row_at(self, index: Index) -> Any:
        """The record at `index`, or None when it is not a valid row."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            key = self.columns[section][1]
            return self.headers.get(key, key)
        return None


class ItemsModel(_Table):
    loading = Signal(bool)

    def __init__(
        self,
        bridge: Bridge,
        kind: Kind | None,
        parent: QObject | None = None,
        headers: dict[str, str] | None = None,
        limit: int | None = None,
    ) -> None:
        """`limit`: load only the newest this many rows (the activity feed)."""
        super().__init__(_columns(kind), parent, headers)
        self.bridge = bridge
        self.kind = kind
        self.limit = limit
        self.rows: list[Row] = []
        self._row_of: dict[str, int] = {}
        self._generation = 0
        bridge.core_event.connect(self._on_event)

    # --- Qt model API ---------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is None:
            return None
        if role == IdRole:
            return row.id
        if role == SummaryRole:
            return row
        field = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "updated":
                return when(row.updated)
            if field == "tags":
                return safe(", ".join(row.tags), 120)
            if field == "title" and row.conflict:
                return "⚠ " + safe(row.title, 200)
            if field == "author" and row.mine:  # as the detail and the People page say it
                return QCoreApplication.translate("ItemsModel", "{0} (you)").format(
                    safe(row.author, 200)
                )
            return safe(_TEXT_COLUMNS[field](row), 200)
        if role == Qt.ItemDataRole.ToolTipRole and field == "title":
            return safe(row.snippet, 300) or None
        if role == Qt.ItemDataRole.UserRole and field == "updated":
            return row.updated
        return None

    # --- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        gen = self._generation
        self.beginResetModel()
        self.rows, self._row_of = [], {}
        self.endResetModel()
        self.loading.emit(True)
        self._fetch(0, gen)

    def _fetch(self, offset: int, gen: int) -> None:
        kind = self.kind
        self.bridge.db(
            lambda a: a.page(kind, offset, PAGE), lambda rows: self._got(rows, offset, gen)
        )

    def _got(self, rows: list[Row], offset: int, gen: int) -> None:
        if gen != self._generation:
            return  # a newer reload started
        fresh = [r for r in rows if r.id not in self._row_of]
        if fresh:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            for r in fresh:
                self._row_of[r.id] = len(self.rows)
                self.rows.append(r)
            self.endInsertRows()
        if len(rows) == PAGE and (self.limit is None or offset + PAGE < self.limit):
            self._fetch(offset + PAGE, gen)
        else:
            self.loading.emit(False)

    def _on_event(self, event: object) -> None:
        if isinstance(event, ev.ItemsChanged):
            if event.item_ids is None:
                self.reload()
            else:
                ids = event.item_ids
                self.bridge.db(lambda a: a.summaries_of(ids), self.apply_summaries)
        elif isinstance(event, ev.RosterChanged):
            self.reload()  # names may have become readable

    def apply_summaries(self, summaries: list[Row]) -> None:
        for s in summaries:
            row = self._row_of.get(s.id)
            if s.deleted:
                if row is not None:
                    self._remove(row)
                continue
            if self.kind is not None and s.kind != self.kind.value:
                continue
            if row is not None:
                self.rows[row] = s
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            else:
                self.beginInsertRows(QModelIndex(), 0, 0)
                self.rows.insert(0, s)
                self._row_of = {r.id: i for i, r in enumerate(self.rows)}
                self.endInsertRows()

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self._row_of = {r.id: i for i, r in enumerate(self.rows)}
        self.endRemoveRows()

    def row_of(self, item_id: str) -> int | None:
        return self._row_of.get(item_id)


class ItemsFilter(QSortFilterProxyModel):
    """Filters rows by words (title, tags, snippet, author) and optionally by lead status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status = ""
        self._tag = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange()

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def set_tag(self, tag: str) -> None:
        self.beginFilterChange()
        self._tag = tag
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ItemsModel) or source_row >= len(model.rows):
            return True
        r = model.rows[source_row]
        if self._status and r.status != self._status:
            return False
        if self._tag and self._tag not in r.tags:
            return False
        if not self._words:
            return True
        tags = " ".join(  # a lead's ESCO ids: found by their English and Dutch labels
            f"{skill_label(t)} {skill_label(t, 'nl')}" if t.startswith("esco:") else t
            for t in r.tags
        )
        hay = " ".join([r.title, tags, r.snippet, r.author]).casefold()
        return all(w in hay for w in self._words)


class RowsModel(_Table):
    """A small read-only table of records (members, peers: frozen dataclasses), a column per
    attribute named in `columns` (the header as given); replaced wholesale on refresh."""

    def __init__(self, columns: list[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)

    def set_rows(self, rows: Sequence[object]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, self.columns[index.column()][0], "")
            if isinstance(value, bool):
                return "✓" if value else ""
            return safe(value, 120)
        if role == SummaryRole:
            return row
        return None
