"""The Notes page's Markdown preview: [[links]] made clickable, and nothing loaded from disk or
the network."""

from __future__ import annotations

import re
from urllib.parse import quote

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTextBrowser

from coopshare.gui.text import safe
from coopshare.service.api import Link

_LINK = re.compile(r"\[\[([^\[\]|#]{1,200})(?:[|#][^\[\]]*)?\]\]")


def preview_markdown(body: str) -> str:
    """Turn [[Target]] into a link the preview can handle; everything else stays Markdown."""
    return _LINK.sub(lambda m: f"[{m.group(1)}](note:{quote(m.group(1))})", body)


class SafePreview(QTextBrowser):
    """A Markdown preview that loads nothing: no local files, no remote resources.

    A peer's note could name ``![](/home/you/secret.png)``; the preview shows the alt text only.
    Only the note's own attachments (gui/note_attachments.py) are shown, from `images`.
    """

    def __init__(self) -> None:
        super().__init__()
        self.images: dict[str, QImage] = {}  # URL -> picture, filled by NoteAttachments

    def loadResource(self, type: int, name: QUrl | str) -> object:  # Qt override: load nothing
        # an empty (but valid) answer: Qt would otherwise fall back to reading the file itself
        key = name.toString() if isinstance(name, QUrl) else name
        return self.images.get(key, QImage())


def show_backlinks(view: QListWidget, label: QLabel, links: list[Link]) -> None:
    """The notes that link here, by title (each row keeps its note's id); hidden when none."""
    view.clear()
    for link in links:
        item = QListWidgetItem(safe(link.title, 200))
        item.setData(Qt.ItemDataRole.UserRole, link.id)
        view.addItem(item)
    label.setVisible(bool(links))
    view.setVisible(bool(links))
