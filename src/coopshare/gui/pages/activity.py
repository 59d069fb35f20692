"""Activity: a feed of recent events in notes, leads and ideas, newest first, one row per event
(activity_model.py).

Rows are drawn by :class:`TwoLineDelegate` (also used by the search dialog): a coloured kind
badge, the title, and a muted second line. Everything is painted as plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
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
from coopshare.gui.pages.activity_model import EventRole, EventsModel, sentence
from coopshare.gui.pages.base import Page, empty_state
from coopshare.gui.steady_rows import SteadyRows
from coopshare.gui.text import safe, when
from coopshare.gui.theme import ACCENT, AMBER
from coopshare.service.api import ActivityEvent
from coopshare.service.api import events as ev

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

    def __init__(
        self,
        texts: Callable[[Index], RowText | None],
        parent: QObject | None = None,
        badges: Callable[[], Iterable[str]] = tuple,
    ):
        """`badges`: every badge a row may carry; each is drawn as wide as the widest, so the
        titles line up (a Dutch "Notitie" beside "Lead" and "Idee")."""
        super().__init__(parent)
        self.texts = texts
        self.badges = badges

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
        badge_w = max(46, *(bfm.horizontalAdvance(b) + 14 for b in (row.badge, *self.badges())))
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


class ActivityPage(Page):
    """One row per event: who did what to which note, lead or idea, and when (#41)."""

    open_requested = Signal(str, str)  # (kind, item id)

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.model = EventsModel(bridge, self)
        self.stack = QStackedWidget()
        self.feed = QListView()
        self.feed.setModel(self.model)
        self.feed.setItemDelegate(TwoLineDelegate(self.row_text, self.feed, self.kind_labels))
        self.feed.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.feed.setUniformItemSizes(True)
        self.feed.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.steady = SteadyRows(self.feed)  # new events do not shift rows under the pointer
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
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._update_empty)
        self._update_empty()
        self._later = QTimer(self)  # a burst of changes: one reload
        self._later.setSingleShot(True)
        self._later.setInterval(300)
        self._later.timeout.connect(self.model.reload)
        bridge.core_event.connect(self._on_event)

    def page_title(self) -> str:
        return self.tr("Activity")

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self.model.reload()

    def _on_event(self, event: object) -> None:
        if isinstance(event, ev.ItemsChanged | ev.RosterChanged):
            self._later.start()

    def _update_empty(self) -> None:
        self.stack.setCurrentWidget(self.feed if self.model.rowCount() else self.empty)

    def kind_label(self, kind: str) -> str:
        return {"note": self.tr("Note"), "lead": self.tr("Lead"), "idea": self.tr("Idea")}.get(
            kind, kind
        )

    def kind_labels(self) -> list[str]:
        return [self.kind_label(k) for k in ("note", "lead", "idea")]

    def row_text(self, index: Index) -> RowText | None:
        e = index.data(EventRole)
        if not isinstance(e, ActivityEvent):
            return None
        return RowText(
            badge=self.kind_label(e.kind),
            kind=e.kind,
            title=safe(e.title, 200) or self.tr("(untitled)"),
            subtitle=sentence(e),
            right=when(e.ms),
        )

    def _open(self, index: QModelIndex) -> None:
        e = index.data(EventRole)
        if isinstance(e, ActivityEvent):
            self.open_requested.emit(e.kind, e.item_id)
