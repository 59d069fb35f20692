"""The Activity feed's rows: one per event (who did what to which item, when), from
``Api.activity`` (#41), and the sentence each row says.

A reload that finds new events puts them in at the top (rowsInserted, so the rows under the
pointer stay: gui/steady_rows.py) and drops the oldest past the limit; anything else resets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.pages.lead_history import did_text
from coopshare.gui.text import safe, when
from coopshare.service.api import ActivityEvent

EventRole = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("ActivityPage", text)


def sentence(e: ActivityEvent) -> str:
    """Who did what, in the interface's language: "Bram Jansen claimed the lead"."""
    who = _t("You") if e.who_is_me else safe(e.who, 80)
    texts = {
        ("note", "created"): _t("{0} wrote a note"),
        ("note", "edited"): _t("{0} edited a note"),
        ("note", "deleted"): _t("{0} deleted a note"),
        ("note", "restored"): _t("{0} restored a note"),
        ("note", "commented"): _t("{0} commented on a note"),
        ("idea", "created"): _t("{0} shared an idea"),
        ("idea", "edited"): _t("{0} edited an idea"),
        ("idea", "deleted"): _t("{0} withdrew an idea"),
        ("idea", "restored"): _t("{0} shared an idea again"),
        ("idea", "commented"): _t("{0} commented on an idea"),
        ("idea", "accepted-terms"): _t("{0} accepted the terms of an idea"),
        ("lead", "created"): _t("{0} gave a lead"),
        ("lead", "edited"): _t("{0} edited a lead"),
        ("lead", "deleted"): _t("{0} deleted a lead"),
        ("lead", "restored"): _t("{0} gave a lead again"),
        ("lead", "commented"): _t("{0} commented on a lead"),
    }
    text = texts.get((e.kind, e.what))
    if text is not None:
        return text.format(who)
    member = _t("you") if e.member_is_me else safe(e.member, 80)
    return f"{who} {did_text(e.what, member)}"  # a lead's act: "claimed the lead"


def describe(e: ActivityEvent) -> str:
    """The row as one spoken sentence."""
    return _t("{0}: {1}, {2}").format(sentence(e), safe(e.title, 200), when(e.ms))


class EventsModel(QAbstractListModel):
    loading = Signal(bool)

    def __init__(self, bridge: Bridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.rows: list[ActivityEvent] = []
        self._asked = 0  # generation of the newest reload asked for

    def reload(self) -> None:
        self._asked += 1
        gen = self._asked
        self.loading.emit(True)
        self.bridge.db(lambda a: a.activity(), lambda rows: self._got(rows, gen))

    def _got(self, rows: list[ActivityEvent], gen: int) -> None:
        if gen != self._asked:
            return  # a newer reload is on its way
        self.loading.emit(False)
        old = [e.op_id for e in self.rows]
        new = [e.op_id for e in rows]
        k = new.index(old[0]) if old and old[0] in new else -1
        if k > 0 and new[k : k + len(old)] == old[: len(new) - k]:
            self.beginInsertRows(QModelIndex(), 0, k - 1)
            self.rows[:0] = rows[:k]
            self.endInsertRows()
            if len(self.rows) > len(rows):
                self.beginRemoveRows(QModelIndex(), len(rows), len(self.rows) - 1)
                del self.rows[len(rows) :]
                self.endRemoveRows()
        elif new != old:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        e = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return safe(e.title, 200)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(e)
        if role == EventRole:
            return e
        return None
