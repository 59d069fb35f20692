"""Notes: a filterable list, and a Markdown editor with live preview, tags, [[links]] and
backlinks, autosave, and a visible conflict when two edits of one note collided."""

from __future__ import annotations

import dataclasses
from urllib.parse import unquote

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.thanks import ThankButton
from coopshare.gui.errors_text import error_text
from coopshare.gui.models import IdRole, ItemsFilter, ItemsModel
from coopshare.gui.note_attachments import NoteAttachments
from coopshare.gui.pages.base import Page, empty_state, list_table, plain_label
from coopshare.gui.pages.note_preview import SafePreview, preview_markdown, show_backlinks
from coopshare.gui.pages.note_tools import AUTOSAVE_MS, NoteTools
from coopshare.gui.pages.notes_trash import DeleteRun, TrashDialog, purge_old_trash
from coopshare.gui.text import safe, when
from coopshare.service.api import Api, ItemEdit, Kind, Link, NoteDetail


class NotesPage(Page):
    undo_offered = Signal(str, object)  # (message, callback) for the main window's undo bar

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.current: NoteDetail | None = None  # id "": a new note, not saved yet
        self._loading = False
        self._dirty = False
        self._wanted: str | None = None
        headers = {
            "Title": self.tr("Title"),
            "Tags": self.tr("Tags"),
            "Author": self.tr("Author"),
            "Updated": self.tr("Updated"),
        }
        self.model = ItemsModel(bridge, Kind.NOTE, self, headers)
        self.proxy = ItemsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.new_button = QPushButton(self.tr("New note"))
        self.new_button.setToolTip(self.tr("Write a new note (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        self.title_row.addWidget(self.new_button)
        self.trash_button = QPushButton(self.tr("Trash"))
        self.trash_button.setToolTip(self.tr("Deleted notes: restore them within 30 days"))
        self.trash_button.clicked.connect(lambda: TrashDialog(self.bridge, self).open())
        self.title_row.addWidget(self.trash_button)
        self._deletes = DeleteRun(bridge, self._failed)
        purge_old_trash(bridge)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.outer.addWidget(split, 1)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter notes"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        lv.addWidget(self.filter)
        self.list_stack = QStackedWidget()
        self.table = list_table(self.proxy, self.tr("Notes"), fit=True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 110)
        self.table.setColumnHidden(2, True)  # the author is shown in the editor
        self.table.selectionModel().currentRowChanged.connect(self._on_select)
        self.empty = empty_state(
            self.tr(
                "No notes yet.\nPress Ctrl+N to write the first one, or import a folder of Markdown files."
            )
        )
        self.list_stack.addWidget(self.empty)
        self.list_stack.addWidget(self.table)
        lv.addWidget(self.list_stack, 1)
        split.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(8, 0, 0, 0)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title"))
        self.title_edit.setAccessibleName(self.tr("Note title"))
        font = self.title_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_edit.setFont(font)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.info = plain_label()
        self.conflict = QLabel()
        self.conflict.setObjectName("conflictBanner")
        self.conflict.setWordWrap(True)
        self.conflict.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict.hide()
        self.conflict_keep = QPushButton(self.tr("Keep this version"))
        self.conflict_keep.setToolTip(
            self.tr("Save the text shown as the one version of this note")
        )
        self.conflict_keep.clicked.connect(self._save_now)
        self.conflict_keep.hide()
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("Write in Markdown. Link notes with [[Title]]."))
        self.body.setAccessibleName(self.tr("Note text"))
        self.preview = SafePreview()
        self.attachments = NoteAttachments(bridge, self.preview.images, self._render_preview, self)
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.anchorClicked.connect(self._on_link)
        editor_split = QSplitter(Qt.Orientation.Horizontal)
        editor_split.addWidget(self.body)
        editor_split.addWidget(self.preview)
        self.backlinks = QListWidget()
        self.backlinks.setMaximumHeight(72)
        self.backlinks.setAccessibleName(self.tr("Linked from"))
        self.backlinks.itemActivated.connect(
            lambda it: self.open_item(it.data(Qt.ItemDataRole.UserRole))
        )
        self.saved = QLabel()
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this note (it can be undone)"))
        self.delete_button.clicked.connect(self._delete)
        for w in (self.title_edit, self.tags_edit, self.info, self.conflict, self.conflict_keep):
            rv.addWidget(w)
        rv.addWidget(editor_split, 1)
        self.backlinks_label = QLabel(self.tr("Linked from"))
        rv.addWidget(self.backlinks_label)
        rv.addWidget(self.backlinks)
        foot = QHBoxLayout()
        foot.addWidget(self.saved, 1)
        self.thank_button = ThankButton(bridge, "note")
        foot.addWidget(self.thank_button)
        foot.addWidget(self.delete_button)
        rv.addLayout(foot)
        split.addWidget(right)
        split.setSizes([380, 700])
        self.editor = right

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self._save_now)
        self.title_edit.textEdited.connect(self._changed)
        self.tags_edit.textEdited.connect(self._changed)
        self.body.textChanged.connect(self._body_changed)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.model.rowsRemoved.connect(self._update_empty)
        self.model.dataChanged.connect(self._on_data_changed)
        self.tools = NoteTools(self)  # [[ and tag completion, tag filter, read-only look
        lv.insertWidget(1, self.tools.tag_filter)
        rv.insertWidget(0, self.tools.idle)
        rv.insertWidget(4, self.tools.banner)
        rv.insertWidget(rv.count() - 1, self.tools.comments)
        self._clear_editor()

    def page_title(self) -> str:
        return self.tr("Notes")

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self.model.reload()

    # --- list -----------------------------------------------------------------------------------

    def _update_empty(self) -> None:
        self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
        self._select_current()

    def _select_current(self) -> None:
        """The note in the editor is the one selected in the list (a new one, once listed)."""
        row = self.model.row_of(self.current.id) if self.current and self.current.id else None
        idx = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
        if idx is not None and idx.isValid() and self.table.currentIndex().row() != idx.row():
            self.table.selectionModel().blockSignals(True)  # selecting it: no reload of it
            self.table.selectRow(idx.row())
            self.table.selectionModel().blockSignals(False)

    def _on_select(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_item(str(current.data(IdRole)))

    def _on_data_changed(self) -> None:
        current = self.current
        if current and current.id and current.id == self._wanted and not self._dirty:
            row = self.model.row_of(current.id)
            if row is not None and self.model.rows[row].updated != current.updated:
                self.open_item(current.id)  # changed elsewhere (a peer, another device)

    # --- editor ---------------------------------------------------------------------------------

    def new_item(self) -> None:
        self._save_now()
        self._wanted = None
        self.table.clearSelection()
        self._clear_editor()
        self.current = NoteDetail.blank()
        self.tools.shown(self.current)
        self.editor.setEnabled(True)
        self.title_edit.setFocus()

    def _clear_editor(self) -> None:
        self._loading = True
        self._dirty = False
        self.current = None
        for w in (self.title_edit, self.tags_edit):
            w.clear()
        self.body.clear()
        self.preview.clear()
        self.info.clear()
        self.saved.clear()
        self.conflict.hide()
        self.conflict_keep.hide()
        self.backlinks.clear()
        self.backlinks_label.hide()
        self.backlinks.hide()
        self.delete_button.setEnabled(False)
        self.thank_button.set_target(None)
        self.editor.setEnabled(False)
        self.tools.shown(None)
        self._loading = False

    def open_item(self, item_id: str) -> None:
        if self.current and self.current.id == item_id and self._dirty:
            return
        self._save_now()
        self._wanted = item_id  # answers for any other note (still on their way) are dropped
        self.bridge.db(lambda a: a.note_detail(item_id), lambda d: self._show_if_wanted(item_id, d))
        self.bridge.db(
            lambda a: _backlinks_for(a, item_id),
            lambda links: self._show_backlinks(links) if self._wanted == item_id else None,
        )

    def _show_if_wanted(self, item_id: str, d: NoteDetail | None) -> None:
        if self._wanted == item_id:
            self._show(d)

    def _show(self, d: NoteDetail | None) -> None:
        if d is None:
            self._clear_editor()
            return
        self._loading = True
        same = self.current is not None and self.current.id == d.id
        self.current = d
        self.editor.setEnabled(True)
        self.title_edit.setText(safe(d.title, 300))
        self.tags_edit.setText(", ".join(d.tags))
        if self.body.toPlainText() != d.body:
            self.body.setPlainText(d.body)
        self._render_preview()
        if not same:
            self.attachments.load(d.id)
        mine = d.mine
        for w in (self.title_edit, self.tags_edit):
            w.setReadOnly(not mine)
        self.body.setReadOnly(not mine)
        self.delete_button.setEnabled(mine)
        self.tools.shown(d)
        if not same:
            self.thank_button.set_target(None if mine or not d.id else d.id, d.title)
        who = self.tr("you") if mine else safe(d.author, 80)  # as ideas and leads say
        self.info.setText(
            self.tr("By {0} · updated {1}").format(who, when(d.updated))
            + ("" if mine else self.tr(" · read only"))
        )
        conflicts = d.conflicts
        self.conflict.setVisible(bool(conflicts))
        self.conflict_keep.setVisible(bool(conflicts) and mine)
        if conflicts:
            other = safe(conflicts[0], 400)
            self.conflict.setText(
                self.tr(
                    "Two edits of this note were made at the same time. The other version reads:\n{0}"
                ).format(other)
            )
        if not same:
            self.saved.setText("")
        self._loading = False
        row = self.model.row_of(d.id)
        if row is not None:
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            if idx.isValid() and self.table.currentIndex().row() != idx.row():
                self.table.selectionModel().blockSignals(True)
                self.table.selectRow(idx.row())
                self.table.selectionModel().blockSignals(False)

    def _show_backlinks(self, links: list[Link]) -> None:
        show_backlinks(self.backlinks, self.backlinks_label, links)

    def _render_preview(self) -> None:
        doc = self.preview.document()
        doc.setMarkdown(
            preview_markdown(self.body.toPlainText()), QTextDocument.MarkdownFeature.MarkdownNoHTML
        )

    def _body_changed(self) -> None:
        self._render_preview()
        self._changed()

    def _changed(self) -> None:
        if self._loading or self.current is None:
            return
        self._dirty = True
        self.saved.setText(self.tr("Editing…"))
        self._timer.start()

    def _save_now(self) -> None:
        """Save pending edits now (autosave timer, leaving the note, closing, Keep this version)."""
        keep = self.sender() is self.conflict_keep
        if not (self._dirty or keep):
            return
        self._timer.stop()
        self._dirty = False
        if self.current is None:
            return
        title = self.title_edit.text().strip()
        tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        body = self.body.toPlainText()
        if not title:
            self._dirty = True  # keep the edits pending until there is a title
            self.saved.setText(self.tr("A note needs a title before it is saved."))
            return
        item_id = self.current.id
        self.saved.setText(self.tr("Saving…"))
        if not item_id:
            self.bridge.write(lambda a: a.add_note(title, body, tags), self._created, self._failed)
        else:
            raw = bytes.fromhex(item_id)
            self.bridge.write(
                lambda a: a.edit_item(raw, ItemEdit(title, tuple(tags), body)),
                lambda _r: self._saved(item_id),
                self._failed,
            )

    def _created(self, item_id: str) -> None:
        if self.current is not None:
            self.current = dataclasses.replace(self.current, id=item_id)
            self._wanted = item_id
            self.delete_button.setEnabled(True)  # a new note is mine, selected once listed
            self._select_current()
        self._saved(item_id)

    def _saved(self, item_id: str) -> None:
        self.saved.setText(self.tr("Saved"))
        if self.conflict.isVisible():
            self.open_item(item_id)

    def _failed(self, error: BaseException) -> None:
        self.saved.setText(self.tr("Not saved: {0}").format(error_text(error)))

    def _delete(self) -> None:
        if self.current is None or not self.current.id or not self.delete_button.isEnabled():
            return
        item_id = self.current.id
        raw = bytes.fromhex(item_id)
        title = self.current.title
        self._timer.stop()
        self._wanted = None
        self._clear_editor()  # Delete stays off until the user picks another note:
        self.table.selectionModel().clearCurrentIndex()  # no next row gets opened by itself
        self.table.clearSelection()
        self.bridge.write(lambda a: a.delete_item(raw), None, self._failed)
        self.undo_offered.emit(*self._deletes.add(raw, title))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "note":
            title = unquote(url.path())
            self.bridge.db(lambda a: a.find_by_title(title), lambda f: self._open_found(f, title))
        elif url.scheme() == "attachment":
            self.attachments.save(url)

    def _open_found(self, item_id: str | None, title: str = "") -> None:
        if item_id:
            self.open_item(item_id)
        elif title:
            self.tools.create_linked(title)  # a link to a missing note makes it (#21)


def _backlinks_for(door: Api, item_id: str) -> list[Link]:
    return door.backlinks_of(item_id)
