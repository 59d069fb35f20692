"""What the People page's own sections share (availability I publish: bench_box.py; clients I
will not work for: coi_box.py): a bold title, an error line under the section, and on a failed
write the error shown and the section read again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text

ERROR_STYLE = "color: #c0392b;"


class SectionBox(QWidget):
    """Subclasses add their widgets to `v` under the title, then call add_error_line()."""

    def __init__(self, bridge: Bridge, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.v = QVBoxLayout(self)
        self.v.setContentsMargins(0, 6, 0, 0)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600;")
        self.v.addWidget(heading)

    def add_error_line(self) -> None:
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.v.addWidget(self.error)

    def reload(self) -> None:
        raise NotImplementedError

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        self.error.show()
        self.reload()
