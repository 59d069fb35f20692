"""A question a person confirms before something that cannot be undone (remove a member, revoke
a device, set a data folder aside, write before syncing, leave the first run): plain text,
the Cancel button the default, opened without blocking."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_confirm(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: tuple[str, str],
    answered: Callable[[bool], None],
) -> QMessageBox:
    """Open the question with `buttons` (the texts of its Yes and Cancel buttons); `answered(yes)`
    once it closes (Escape and closing the box are Cancel). Returns the box (the caller keeps it
    while it is open)."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    yes = box.button(QMessageBox.StandardButton.Yes)
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    yes.setText(buttons[0])
    cancel.setText(buttons[1])
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.finished.connect(lambda _result: answered(box.clickedButton() is yes))
    box.open()
    return box
