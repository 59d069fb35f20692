"""Comments under a note: anyone in the note's audience may comment; each comment is its
writer's own signed record (model/comments.py), so the note stays its author's. My own
comments can be changed or removed; nobody else's can."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import safe, when
from coopshare.service.api import CommentView, NoteDetail
from coopshare.service.api import events as ev


class CommentsPanel(QWidget):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.note_id = ""
        self.editing: str | None = None  # id of my comment being changed
        self.comments: list[CommentView] = []
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 4, 0, 0)
        v.setSpacing(4)
        self.heading = QLabel(self.tr("Comments"))
        self.heading.setStyleSheet("font-weight: 600;")
        v.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Comments"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)  # one comment apart from the next
        self.list.setAlternatingRowColors(True)
        self.list.setMaximumHeight(120)
        self.list.currentRowChanged.connect(self._picked)
        v.addWidget(self.list)
        row = QHBoxLayout()
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("Write a comment…"))
        self.input.setAccessibleName(self.tr("New comment"))
        self.input.setMaxLength(2000)
        self.input.returnPressed.connect(self.send)
        self.send_button = QPushButton(self.tr("Comment"))
        self.send_button.clicked.connect(self.send)
        self.edit_button = QPushButton(self.tr("Change"))
        self.edit_button.setToolTip(self.tr("Change your selected comment"))
        self.edit_button.clicked.connect(self._start_edit)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove your selected comment"))
        self.remove_button.clicked.connect(self._remove)
        for w in (self.input, self.send_button, self.edit_button, self.remove_button):
            row.addWidget(w, 1 if w is self.input else 0)
        v.addLayout(row)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        v.addWidget(self.message)
        bridge.core_event.connect(self._on_event)
        self._picked(-1)

    def show_note(self, d: NoteDetail | None) -> None:
        note_id = d.id if d is not None and not d.deleted else ""
        if note_id != self.note_id:
            self.editing = None
            self.input.clear()
            self.message.hide()
        self.note_id = note_id
        self.setVisible(bool(note_id))
        if note_id:
            self.reload()

    def reload(self) -> None:
        note_id = self.note_id
        self.bridge.db(lambda a: a.comments(note_id), lambda got: self._got(note_id, got))

    def _got(self, note_id: str, got: list[CommentView]) -> None:
        if note_id != self.note_id:
            return
        self.comments = got
        self.list.clear()
        for c in got:
            edited = self.tr(" (edited)") if c.edited else ""
            item = QListWidgetItem(
                f"{safe(c.author, 80)} · {when(c.created)}{edited}\n{safe(c.text, 2000)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        self.list.setVisible(bool(got))
        self.heading.setText(self.tr("Comments (%n)", "", len(got)) if got else self.tr("Comments"))
        self._picked(self.list.currentRow())

    def _mine_selected(self) -> CommentView | None:
        row = self.list.currentRow()
        if 0 <= row < len(self.comments) and self.comments[row].mine:
            return self.comments[row]
        return None

    def _picked(self, _row: int) -> None:
        mine = self._mine_selected() is not None
        self.edit_button.setVisible(mine)
        self.remove_button.setVisible(mine)

    def _start_edit(self) -> None:
        c = self._mine_selected()
        if c is not None:
            self.editing = c.id
            self.input.setText(c.text)
            self.send_button.setText(self.tr("Save"))
            self.input.setFocus()

    def _remove(self) -> None:
        c = self._mine_selected()
        if c is not None:
            self._write("", bytes.fromhex(c.id))

    def send(self) -> None:
        text = self.input.text().strip()
        if not self.note_id or (not text and self.editing is None):
            return
        of = bytes.fromhex(self.editing) if self.editing else None
        self._write(text, of)

    def _write(self, text: str, of: bytes | None) -> None:
        raw = bytes.fromhex(self.note_id)
        self.send_button.setEnabled(False)
        self.bridge.write(lambda a: a.comment(raw, text, of), self._sent, self._failed)

    def _sent(self, _op: str) -> None:
        self.send_button.setEnabled(True)
        self.send_button.setText(self.tr("Comment"))
        self.editing = None
        self.input.clear()
        self.message.hide()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.send_button.setEnabled(True)
        self.message.setText(error_text(error))
        self.message.show()

    def _on_event(self, event: object) -> None:
        if isinstance(event, ev.ItemsChanged) and self.note_id:
            ids = event.item_ids
            if ids is None or bytes.fromhex(self.note_id) in ids:
                self.reload()  # a comment (or an edit of one) arrived from a member
