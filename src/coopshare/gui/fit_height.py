"""Dialogs full of word-wrapped text: Qt sizes a window by its labels' one-line hints, so a long
(Dutch) explanation is cut off at the right instead of wrapping. ``grow_to_wrap`` makes the
window as tall as its wrapped text needs at its width, within the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_wrap(window: QWidget) -> None:
    """Make `window` tall enough for its word-wrapped labels at its current width."""
    layout = window.layout()
    if layout is None:
        return
    need = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else -1
    screen = window.screen()
    room = screen.availableGeometry().height() if screen is not None else need
    need = min(need, room)
    if need > window.height():
        window.setMinimumHeight(need)
        window.resize(window.width(), need)
