"""A question a person confirms before something that cannot be undone (remove a member, revoke
a device): plain text, the Cancel button the default, opened without blocking."""

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
    """Open the question with `buttons` (confirm, cancel); `answered(yes)` once it closes.
    Returns the box (the caller keeps it while it is open)."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.addButton(buttons[0], QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(buttons[1], QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.finished.connect(lambda _result: answered(box.clickedButton() is yes))
    box.open()
    return box
