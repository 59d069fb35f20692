"""What every main-window page shares: the bridge, a title row, an empty state, messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge


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
