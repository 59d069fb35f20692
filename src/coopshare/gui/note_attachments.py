"""A note's attachments in the Notes page: images shown in the preview, files saved on request.

When a note opens, its attachments (decrypted on the store thread, through the door) are loaded;
images become pictures the preview shows for ``![alt](attachment:<id>)`` (a QTextDocument
resource: the preview loads nothing else, notes.SafePreview). Clicking a link to an attachment
(a PDF, or an image) offers "Save as…": the file is written decrypted where the user chose.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.service.api import Api, Attachment

SCHEME = "attachment"


def images_of(found: list[Attachment]) -> dict[str, QImage]:
    """The pictures among `found`, keyed by the URL a note links them with."""
    out: dict[str, QImage] = {}
    for a in found:
        if a.mime.startswith("image/"):
            image = QImage.fromData(a.data)
            if not image.isNull():
                out[f"{SCHEME}:{a.id}"] = image
    return out


class NoteAttachments(QObject):
    """Loads the open note's attachments into `images` (shared with the preview)."""

    def __init__(
        self,
        bridge: Bridge,
        images: dict[str, QImage],
        rerender: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.bridge, self.images, self.rerender, self.parent_widget = (
            bridge,
            images,
            rerender,
            parent,
        )
        self.files: dict[str, Attachment] = {}
        self._note: str | None = None

    def load(self, note_id: str) -> None:
        self._note = note_id
        self.images.clear()
        self.files.clear()
        if note_id:
            self.bridge.db(
                lambda a: _attachments(a, note_id), lambda found: self._loaded(note_id, found)
            )

    def _loaded(self, note_id: str, found: list[Attachment]) -> None:
        if note_id != self._note:
            return  # another note was opened meanwhile
        self.files = {a.id: a for a in found}
        self.images.update(images_of(found))
        if self.images:
            self.rerender()

    def save(self, url: QUrl) -> None:
        found = self.files.get(url.path())
        if found is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Save attachment as"), found.name
        )
        if chosen:
            self.bridge.db(lambda a: a.save_attachment(found.id, Path(chosen)), None, self._failed)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self.parent_widget, self.tr("Saving failed"), error_text(error))


def _attachments(door: Api, note_id: str) -> list[Attachment]:
    return door.note_attachments(note_id)
