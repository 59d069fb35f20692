"""Search (Ctrl+K): results as you type across notes, leads and ideas.

The query runs on the store's thread (``views.search`` over the in-memory index) ~150 ms after
the last key press; an answer to an older query than the one on screen is dropped.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.pages.activity import RowText, TwoLineDelegate
from coopshare.gui.pages.base import empty_state
from coopshare.gui.text import safe, when
from coopshare.service.api import Row

DEBOUNCE_MS = 150
_MARKS = re.compile(r"\[\[|\]\]|\*\*|__|`+")
_HEADINGS = re.compile(r"(?:^|\s)(?:#{1,6}|>)\s+")
LIMIT = 30
KINDS = ("note", "lead", "idea")
Index = QModelIndex | QPersistentModelIndex


def plain_snippet(text: str) -> str:
    """A snippet without the most visible Markdown marks (headings, bold, [[links]])."""
    return safe(" ".join(_HEADINGS.sub(" ", _MARKS.sub("", text)).split()), 300)


class ResultsModel(QAbstractListModel):
    """Search hits (list rows from ``Api.search``), best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = [r for r in rows if r.kind in KINDS]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return safe(row.title, 200)
        if role == Qt.ItemDataRole.ToolTipRole:
            return safe(row.snippet, 300) or None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


class SearchDialog(QDialog):
    chosen = Signal(str, str)  # (kind, item id)

    def __init__(
        self, bridge: Bridge, parent: QWidget | None = None, *, switcher: bool = False
    ) -> None:
        """`switcher`: the quick switcher (Ctrl+O / Ctrl+P): jump to an item by its title, the
        newest first before anything is typed; else search their text (Ctrl+K)."""
        super().__init__(parent)
        self.bridge = bridge
        self.switcher = switcher
        self._generation = 0
        self._shown = 0  # generation of the results on screen
        self._choose_when_ready = False  # Enter was pressed before the results arrived
        self._closed = False  # answers may still arrive after the dialog is gone
        self.setWindowTitle(self.tr("Quick switcher") if switcher else self.tr("Search"))
        self.setObjectName("quickSwitcher" if switcher else "search")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(640, 460)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 10)
        layout.setSpacing(8)
        self.query = QLineEdit()
        self.query.setPlaceholderText(
            self.tr("Jump to a note, lead or idea by its title")
            if switcher
            else self.tr("Search notes, leads and ideas")
        )
        self.query.setAccessibleName(self.tr("Search text"))
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumHeight(34)
        font = self.query.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.query.setFont(font)
        self.query.textChanged.connect(self._typed)
        self.query.returnPressed.connect(self._choose_current)
        self.query.installEventFilter(self)
        layout.addWidget(self.query)

        self.model = ResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(
            TwoLineDelegate(self._row_text, self.results, lambda: self._badges().values())
        )
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setUniformItemSizes(True)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the search field
        self.results.doubleClicked.connect(self._choose)
        self.results.activated.connect(self._choose)
        # before anything is typed, and when nothing is found: a hint in the box, not an empty
        # white list (R10); the quick switcher shows the newest items at once instead
        self.empty = empty_state(self.empty_hint())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.results)
        self.stack.setCurrentWidget(self.results if switcher else self.empty)
        layout.addWidget(self.stack, 1)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("searchStatus")
        self.status.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.status)
        self._hint()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run)
        self.query.setFocus()
        if switcher:
            self._run()  # the newest items, before anything is typed

    # --- typing and querying --------------------------------------------------------------------

    def _hint(self) -> None:
        self.status.setText(
            self.tr("Type part of a title. ↑ ↓ to move, Enter to open, Esc to close.")
            if self.switcher
            else self.tr("Type to search. ↑ ↓ to move, Enter to open, Esc to close.")
        )

    def _typed(self, _text: str) -> None:
        self._choose_when_ready = False
        self._timer.start()

    def _run(self) -> None:
        text = self.query.text().strip()
        self._generation += 1
        gen = self._generation
        if not text and not self.switcher:
            self._shown = gen
            self.model.set_rows([])
            self._hint()
            self._show_empty(self.empty_hint())
            return
        self.status.setText(self.tr("Searching…"))
        switcher = self.switcher
        self.bridge.db(
            lambda a: a.jump_to(text, LIMIT) if switcher else a.search(text, LIMIT),
            lambda rows: self._got(rows, gen, text),
            lambda e: self._failed(e, gen),
        )

    def _got(self, rows: list[Row], gen: int, text: str) -> None:
        if self._closed or gen != self._generation:
            return  # an answer to an older query: a newer one is on its way
        self._shown = gen
        self.model.set_rows(rows)
        n = self.model.rowCount()
        if n:
            self.stack.setCurrentWidget(self.results)
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.status.setText(self.tr("%n result(s)", "", n))
            if self._choose_when_ready:
                self._choose(self.model.index(0, 0))
                return
        else:
            self.status.setText(
                self.tr("Nothing found for “{0}”.").format(safe(text, 80))
                if text
                else self.tr("There is nothing to open yet.")
            )
            self._show_empty(self.status.text())

    def empty_hint(self) -> str:
        return self.tr(
            "Type a few letters of any word in a note, lead or idea: its title or its text."
        )

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _failed(self, error: BaseException, gen: int) -> None:
        if not self._closed and gen == self._generation:
            self.status.setText(self.tr("Search failed: {0}").format(str(error)))

    # --- choosing -------------------------------------------------------------------------------

    def _badges(self) -> dict[str, str]:
        return {"note": self.tr("Note"), "lead": self.tr("Lead"), "idea": self.tr("Idea")}

    def _row_text(self, index: Index) -> RowText | None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if not isinstance(row, Row):
            return None
        kind = str(row.kind or "")
        badge = self._badges()
        snippet = plain_snippet(row.snippet)
        author = safe(row.author, 80)
        return RowText(
            badge=badge.get(kind, kind),
            kind=kind,
            title=safe(row.title, 200) or self.tr("(untitled)"),
            subtitle=snippet or self.tr("by {0}").format(author),
            right=when(row.updated),
        )

    def _choose_current(self) -> None:
        if self._timer.isActive() or self._shown != self._generation:
            # Enter right after typing: choose the best hit once the answer is in
            self._choose_when_ready = True
            if self._timer.isActive():
                self._timer.stop()
                self._run()
            return
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        if index.isValid():
            self._choose(index)

    def _choose(self, index: QModelIndex) -> None:
        row = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(row, Row):
            self.chosen.emit(str(row.kind), row.id)
            self.accept()

    def done(self, result: int) -> None:
        self._closed = True
        self._timer.stop()
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key()
            in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
        ):
            self._move(event.key())
            return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        n = self.model.rowCount()
        if not n:
            return
        row = self.results.currentIndex().row()
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5}.get(Qt.Key(key), -5)
        row = min(max(row + step, 0), n - 1)
        index = self.model.index(row, 0)
        self.results.setCurrentIndex(index)
        self.results.scrollTo(index)
