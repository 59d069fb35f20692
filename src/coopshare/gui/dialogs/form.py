"""What the lead and idea forms share: the problem line, the buttons, and saving once.

User-visible strings stay in the subclasses: Qt looks a translation up in the context of the
object's own class, which is where lupdate files the strings it finds in that class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge

ERROR_STYLE = (
    "QLabel#formError { color: #b3261e; background: #fdecea; border: 1px solid #f1b8b0;"
    " border-radius: 6px; padding: 6px 10px; font-weight: 600; }"
)


class Invalid(Exception):
    """A form field is wrong; `widget` gets the focus."""

    def __init__(self, message: str, widget: QWidget | None = None) -> None:
        super().__init__(message)
        self.widget = widget


def add_hint(form: QFormLayout, text: str) -> None:
    """A muted, wrapped explanation as a row of its own at the end of `form`."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: palette(placeholder-text);")
    form.addRow(hint)


class ItemForm(QDialog):
    """A dialog that writes one new item; subclasses build the fields and implement
    write_call() (the store call, or Invalid) and failure_text()."""

    created = Signal(str)  # the new item's id (hex)

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.saving = False

    def open_layout(self, intro: str) -> tuple[QVBoxLayout, QHBoxLayout]:
        """The dialog's layout with the wrapped `intro` on top, and the row of columns under it
        (it takes the height the dialog gains)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 14)
        outer.setSpacing(10)
        label = QLabel(intro)
        label.setWordWrap(True)
        outer.addWidget(label)
        columns = QHBoxLayout()
        columns.setSpacing(14)
        outer.addLayout(columns, 1)
        return outer, columns

    def add_footer(self, outer: QVBoxLayout, problem: str, save: str, save_tip: str) -> None:
        """The plain-text problem line (accessible name `problem`) and OK/Cancel, Ctrl+Return."""
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setAccessibleName(problem)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(save)
        self.save_button.setToolTip(save_tip)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)

    def write_call(self) -> Callable[[Any], str]:
        raise NotImplementedError

    def failure_text(self, error: BaseException) -> str:
        raise NotImplementedError

    def submit(self) -> None:
        if self.saving:
            return
        try:
            call = self.write_call()
        except Invalid as e:
            self.show_error(str(e))
            if e.widget is not None:
                e.widget.setFocus()
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.error_label.hide()
        self.bridge.write(call, self._saved, self._failed)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _saved(self, item_id: str) -> None:
        self.saving = False
        self.created.emit(item_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.show_error(self.failure_text(error))
