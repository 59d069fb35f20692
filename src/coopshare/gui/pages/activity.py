"""Activity: a feed of recent changes to notes, leads and ideas, newest first.

Rows are drawn by :class:`TwoLineDelegate` (also used by the search dialog): a coloured kind
badge, the title, and a muted second line. Everything is painted as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.models import IdRole, ItemsFilter, ItemsModel, SummaryRole
from coopshare.gui.pages.base import Page, empty_state
from coopshare.gui.pages.lead_look import status_label
from coopshare.gui.steady_rows import SteadyRows
from coopshare.gui.text import safe, when
from coopshare.gui.theme import ACCENT, AMBER
from coopshare.service.api import Row

FEED_KINDS = ("note", "lead", "idea")
MUTED_ALPHA = 170  # secondary text of a feed row: still 4.5:1 on the base colour
KIND_COLORS = {"note": "#3b6ea8", "lead": ACCENT, "idea": AMBER}
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class RowText:
    badge: str  # short kind label, e.g. "Note"
    kind: str  # note | lead | idea (picks the badge colour)
    title: str
    subtitle: str
    right: str = ""  # e.g. the time, right-aligned on the first line


class TwoLineDelegate(QStyledItemDelegate):
    """Paints a row as: [badge] title ........ right / subtitle (muted). Plain text only."""

    def __init__(self, texts: Callable[[Index], RowText | None], parent: QObject | None = None):
        super().__init__(parent)
        self.texts = texts

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + 22)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = self.texts(index)
        if row is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect.adjusted(12, 6, -12, -6)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pal: QPalette = opt.palette
        text_color = pal.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = QColor(text_color)
        muted.setAlpha(MUTED_ALPHA)
        base_font = QFont(opt.font)
        fm = QFontMetrics(base_font)
        line_h = fm.height()

        # badge
        badge_font = QFont(base_font)
        badge_font.setPointSizeF(max(base_font.pointSizeF() * 0.8, 7.0))
        badge_font.setBold(True)
        bfm = QFontMetrics(badge_font)
        badge_w = max(bfm.horizontalAdvance(row.badge) + 14, 46)
        badge = QRect(rect.left(), rect.top() + 1, badge_w, line_h)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLORS.get(row.kind, "#6b7470")))
        if selected:
            painter.setPen(QColor("#ffffff"))
        painter.drawRoundedRect(badge, 5, 5)
        painter.setFont(badge_font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, row.badge)

        # right-hand text (time)
        painter.setFont(base_font)
        right_w = fm.horizontalAdvance(row.right) + 4 if row.right else 0
        if row.right:
            painter.setPen(muted)
            painter.drawText(
                QRect(rect.right() - right_w, rect.top(), right_w, line_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                row.right,
            )

        # title
        title_font = QFont(base_font)
        title_font.setWeight(QFont.Weight.DemiBold)
        tfm = QFontMetrics(title_font)
        title_x = badge.right() + 10
        title_w = max(rect.right() - right_w - 12 - title_x, 20)
        painter.setFont(title_font)
        painter.setPen(text_color)
        painter.drawText(
            QRect(title_x, rect.top(), title_w, line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tfm.elidedText(row.title, Qt.TextElideMode.ElideRight, title_w),
        )

        # subtitle
        painter.setFont(base_font)
        painter.setPen(muted)
        sub_w = max(rect.right() - title_x, 20)
        painter.drawText(
            QRect(title_x, rect.top() + line_h + 4, sub_w, line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(row.subtitle, Qt.TextElideMode.ElideRight, sub_w),
        )
        painter.restore()


class FeedFilter(ItemsFilter):
    """Only notes, leads and ideas; newest change first; a spoken sentence per row."""

    def __init__(self, describe: Callable[[Row], str], parent: QObject | None = None):
        super().__init__(parent)
        self.describe = describe

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.AccessibleTextRole:
            row = super().data(index, SummaryRole)
            if isinstance(row, Row):
                return self.describe(row)
        return super().data(index, role)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if (
            isinstance(model, ItemsModel)
            and source_row < len(model.rows)
            and model.rows[source_row].kind not in FEED_KINDS
        ):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


FEED_LIMIT = 2000  # the newest changes; the pages of each kind list everything


class ActivityPage(Page):
    open_requested = Signal(str, str)  # (kind, item id)

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.model = ItemsModel(bridge, None, self, limit=FEED_LIMIT)
        self.proxy = FeedFilter(self.describe, self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setDynamicSortFilter(True)
        self.proxy.sort(3, Qt.SortOrder.DescendingOrder)  # column 3: "updated"

        self.stack = QStackedWidget()
        self.feed = QListView()
        self.feed.setModel(self.proxy)
        self.feed.setModelColumn(0)
        self.feed.setItemDelegate(TwoLineDelegate(self.row_text, self.feed))
        self.feed.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.feed.setUniformItemSizes(True)
        self.feed.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.steady = SteadyRows(self.feed)  # new changes do not shift rows under the pointer
        self.feed.setAccessibleName(self.tr("Recent activity"))
        self.feed.setToolTip(self.tr("Double-click or press Enter to open"))
        self.feed.activated.connect(self._open)
        self.feed.doubleClicked.connect(self._open)
        self.empty = empty_state(
            self.tr("Nothing has happened yet. Write a note, give a lead, or invite a colleague.")
        )
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.feed)
        self.outer.addWidget(self.stack, 1)
        for signal in (
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_empty)
        self._update_empty()

    def page_title(self) -> str:
        return self.tr("Activity")

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self.model.reload()

    def _update_empty(self) -> None:
        self.stack.setCurrentWidget(self.feed if self.proxy.rowCount() else self.empty)

    def kind_label(self, kind: str) -> str:
        return {"note": self.tr("Note"), "lead": self.tr("Lead"), "idea": self.tr("Idea")}.get(
            kind, kind
        )

    def what(self, row: Row) -> str:
        """One sentence saying who did what."""
        who = safe(row.author, 80)
        kind = row.kind
        if kind == "lead":
            status = row.status
            claimer = safe(row.claimer, 80)
            if status and status != "open" and claimer:  # says who took it (#41)
                return self.tr("{0} gave a lead · with {2}, now {1}").format(
                    who, status_label(status), claimer
                )
            if status and status != "open":
                return self.tr("{0} gave a lead · now {1}").format(who, status_label(status))
            return self.tr("{0} gave a lead").format(who)
        if kind == "idea":
            return self.tr("{0} shared an idea").format(who)
        return self.tr("{0} wrote a note").format(who)

    def describe(self, row: Row) -> str:
        title = safe(row.title, 200)
        return self.tr("{0}: {1}, {2}").format(self.what(row), title, when(row.updated))

    def row_text(self, index: Index) -> RowText | None:
        row = index.data(SummaryRole)
        if not isinstance(row, Row):
            return None
        kind = row.kind or ""
        title = safe(row.title, 200) or self.tr("(untitled)")
        if row.conflict:
            title = "⚠ " + title
        return RowText(
            badge=self.kind_label(kind),
            kind=kind,
            title=title,
            subtitle=self.what(row),
            right=when(row.updated),
        )

    def _open(self, index: QModelIndex) -> None:
        row = index.data(SummaryRole)
        if isinstance(row, Row) and row.kind in FEED_KINDS:
            self.open_requested.emit(str(row.kind), str(index.data(IdRole)))
