"""How leads look: status colours and labels, sealed titles, the chip and heading helpers.

Shared by the Leads, Ideas and Activity pages and the tray notifications.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QStyledItemDelegate

from coopshare.gui.theme import ACCENT
from coopshare.service.api import LeadStatus

# Status colours: (background, text); readable in the light and the dark theme.
STATUS_COLOURS = {
    "open": ("#d7efe6", "#145c48"),
    "interest": ("#d9ecf2", "#12506a"),
    "claimed": ("#dfe6fa", "#233f8f"),
    "contacted": ("#e8e0f7", "#4b2a8a"),
    "proposal": ("#f3e2f3", "#75246f"),
    "won": (ACCENT, "#ffffff"),
    "lost": ("#eddcda", "#7a2a20"),
    "withdrawn": ("#e4e6e4", "#4a524e"),
    "passed-on": ("#f7e6cc", "#7a4b00"),
}
SEALED_STYLE = (
    "QGroupBox#sealedBox { border: 1px solid #c9a227; border-radius: 8px; margin-top: 9px;"
    " padding: 14px 10px 8px 10px; }"
    "QGroupBox#sealedBox::title { subcontrol-origin: margin; subcontrol-position: top left;"
    " left: 12px; padding: 0 5px; color: palette(window-text); font-weight: 600;"
    " background: palette(window); }"
)


def status_label(status: str) -> str:
    """A lead status in the reader's language."""
    labels = {
        LeadStatus.OPEN.value: QCoreApplication.translate("LeadStatus", "Open"),
        LeadStatus.INTEREST.value: QCoreApplication.translate("LeadStatus", "Interest window"),
        LeadStatus.CLAIMED.value: QCoreApplication.translate("LeadStatus", "Claimed"),
        LeadStatus.CONTACTED.value: QCoreApplication.translate("LeadStatus", "Client contacted"),
        LeadStatus.PROPOSAL.value: QCoreApplication.translate("LeadStatus", "Proposal sent"),
        LeadStatus.WON.value: QCoreApplication.translate("LeadStatus", "Won"),
        LeadStatus.LOST.value: QCoreApplication.translate("LeadStatus", "Lost"),
        LeadStatus.WITHDRAWN.value: QCoreApplication.translate("LeadStatus", "Withdrawn"),
        LeadStatus.PASSED_ON.value: QCoreApplication.translate("LeadStatus", "Passed on"),
    }
    return labels.get(status, status)


class LabelDelegate(QStyledItemDelegate):
    """Shows a stored value (a status, usage terms) as its translated label."""

    def __init__(self, label: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label

    def displayText(self, value: Any, locale: QLocale | QLocale.Language) -> str:
        return self.label(str(value or ""))


def sealed_title(kind: str) -> Callable[[str], str]:
    """A title column that says so when an item is sealed to other members."""

    def label(title: str) -> str:
        if title:
            return title
        if kind == "idea":
            return QCoreApplication.translate("Leads", "(an idea shared with other members)")
        return QCoreApplication.translate("Leads", "(not readable on this device)")

    return label


def status_chip(label: QLabel, status: str) -> None:
    bg, fg = STATUS_COLOURS.get(status, ("#e4e6e4", "#2a302e"))
    label.setText(status_label(status))
    label.setStyleSheet(
        f"background: {bg}; color: {fg}; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
    )


def heading_font(label: QLabel, size: float = 14.0) -> None:
    font = QFont(label.font())
    font.setPointSizeF(size)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
