""" "Who fits" for a lead: the members whose ESCO skills, availability and region match, best
first, each with the reason ("3 of 4 skills, available from 6 Jan, 32 h/week"). Worked out on
this device only (``Api.who_fits``); my private conflict-of-interest names leave me out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.pages.base import empty_state
from coopshare.gui.pages.skill_picker import interface_language
from coopshare.gui.text import day_month_text, safe
from coopshare.service.api import FitRow


def _t(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("WhoFits", text, None, n)


def fit_text(f: FitRow) -> str:
    """The reason in the interface's language."""
    day = QDate.fromString(f.available_from, Qt.DateFormat.ISODate)
    parts = (
        [_t("%1 of %2 skills").replace("%1", str(len(f.matched))).replace("%2", str(f.asked))]
        if f.asked
        else []
    )
    parts.append(_t("available from {0}").format(day_month_text(day)))
    if f.hours:
        parts.append(_t("{0} h/week").format(f.hours))
    if f.remote:
        parts.append(_t("remote"))
    elif f.region:
        parts.append(safe(f.region, 60))
    return ", ".join(parts)


def fit_line(f: FitRow) -> str:
    labels = f.matched_nl if interface_language() == "nl" else f.matched_en
    skills = f" ({', '.join(safe(s, 60) for s in labels)})" if labels else ""
    return f"{safe(f.name, 60)}: {fit_text(f)}{skills}"


class WhoFitsDialog(QDialog):
    def __init__(self, bridge: Bridge, lead_id: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_t("Who fits: {0}").format(safe(title, 60)))
        self.resize(560, 360)
        v = QVBoxLayout(self)
        intro = QLabel(
            _t(
                "Members whose skills, availability and region match this lead, best first. "
                "Worked out on this device only; nothing of it is shared."
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(_t("Members who fit"))
        # nobody (yet): a short hint where the list would be, not a large empty list (R9)
        self.empty = empty_state(_t("Looking for members who fit…"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)
        v.addWidget(self.stack, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)
        self.rows: list[FitRow] = []
        bridge.db(lambda a: a.who_fits(lead_id) or [], self.show_rows)

    def show_rows(self, rows: list[FitRow]) -> None:
        self.rows = rows
        self.list.clear()
        for f in rows:
            self.list.addItem(fit_line(f))
        self.empty.setText(
            _t(
                "Nobody fits yet. A member shows here once their profile has one of this lead's skills and time for its period, in a region that suits."
            )
        )
        self.stack.setCurrentWidget(self.list if rows else self.empty)
