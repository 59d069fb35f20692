"""What the notes page adds around its editor (kept out of notes.py, which is big already):

* ``[[`` completion of note titles in the text and completion of tags in the tags field;
* a tag filter above the list;
* a note someone else wrote looks read-only (the text shows as its preview only, a line says
  whose it is and that comments are open) (#12); no note selected says what to do (#38);
* clicking a ``[[link]]`` to a note that does not exist creates it (#21).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QPlainTextEdit

from coopshare.gui.pages.note_comments import CommentsPanel
from coopshare.gui.text import safe
from coopshare.service.api import NoteDetail

if TYPE_CHECKING:
    from coopshare.gui.pages.notes import NotesPage

AUTOSAVE_MS = 1200  # notes.py's autosave: nobody connected
MAX_SUGGESTIONS = 12
# While a member is connected, an edit is saved (and so pushed to them) this soon after typing
# pauses, so it shows in their window within a second; alone, the longer autosave of notes.py
# writes fewer versions of a note into the log.
LIVE_AUTOSAVE_MS = 350
_OPEN_LINK = re.compile(r"\[\[([^\[\]|#\n]{0,200})$")  # an unfinished [[link before the cursor


def link_prefix(text_before_cursor: str) -> str | None:
    """The title typed so far after an unclosed ``[[`` on this line, or None."""
    m = _OPEN_LINK.search(text_before_cursor)
    return None if m is None else m.group(1)


def suggest(candidates: list[str], typed: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
    """Titles or tags matching what was typed: those starting with it first, then those that
    contain it; case-insensitive, each once, at most `limit`."""
    t = typed.casefold().strip()
    starts: list[str] = []
    contains: list[str] = []
    seen: set[str] = set()
    for c in candidates:
        key = c.casefold()
        if not c or key in seen:
            continue
        if key.startswith(t):
            starts.append(c)
            seen.add(key)
        elif t and t in key:
            contains.append(c)
            seen.add(key)
        if len(starts) >= limit:
            break
    return (starts + contains)[:limit]


def _hide(completer: QCompleter) -> None:
    popup = completer.popup()
    if popup is not None:
        popup.hide()


class NoteTools(QObject):
    def __init__(self, page: NotesPage) -> None:
        super().__init__(page)
        self.page = page
        # [[ completion in the body
        self.links = QCompleter(QStringListModel(self), page.body)
        self.links.setWidget(page.body)
        self.links.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.links.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.links.activated.connect(self._insert_link)
        page.body.textChanged.connect(self._body_typed)
        # tag completion in the tags field (comma-separated: completes the last one)
        self.tags = QCompleter(QStringListModel(self), page.tags_edit)
        self.tags.setWidget(page.tags_edit)
        self.tags.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.tags.activated.connect(self._insert_tag)
        page.tags_edit.textEdited.connect(self._tags_typed)
        # tag filter above the list
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName(self.tr("Filter by tag"))
        self.tag_filter.setToolTip(self.tr("Show only the notes with this tag"))
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_filter.currentIndexChanged.connect(self._tag_chosen)
        self._tags_timer = QTimer(self)  # the list changes in bursts: count tags once after
        self._tags_timer.setSingleShot(True)
        self._tags_timer.setInterval(500)
        self._tags_timer.timeout.connect(self.refresh_tags)
        self._paging = False  # the list is loading page by page: count once it is done
        page.model.loading.connect(self._loading)
        for signal in (page.model.rowsInserted, page.model.dataChanged, page.model.rowsRemoved):
            signal.connect(self._rows_changed)
        self.refresh_tags()
        # whose note, when it is not mine; what to do when none is open
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.idle = QLabel(self.tr("Pick a note on the left, or press Ctrl+N to write a new one."))
        self.idle.setObjectName("empty")
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setWordWrap(True)
        self.comments = CommentsPanel(page.bridge)  # under the note, mine or not

    def set_live(self, live: bool) -> None:
        """Members connected: save edits sooner, so they see them live."""
        self.page._timer.setInterval(LIVE_AUTOSAVE_MS if live else AUTOSAVE_MS)

    # --- read-only look -------------------------------------------------------------------------

    def shown(self, d: NoteDetail | None) -> None:
        """Called whenever the editor shows a note (None: no note)."""
        page = self.page
        self.idle.setVisible(d is None)
        editable = d is None or d.mine
        page.body.setVisible(editable)  # someone else's note: read it as its preview
        for w in (page.title_edit, page.tags_edit):
            w.setFrame(editable)  # someone else's: plain text on the page, not a field
            w.setStyleSheet("" if editable else "background: transparent;")
        if d is not None and not d.mine:
            self.banner.setText(
                self.tr(
                    "{0} wrote this note: only they can change it. You can comment below."
                ).format(safe(d.author, 80))
            )
        self.banner.setVisible(d is not None and not d.mine)
        self.comments.show_note(d)

    # --- links ----------------------------------------------------------------------------------

    def _titles(self) -> list[str]:
        return [r.title for r in self.page.model.rows]

    def _body_typed(self) -> None:
        body: QPlainTextEdit = self.page.body
        if body.isReadOnly() or not body.hasFocus():
            _hide(self.links)
            return
        cursor = body.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()]
        typed = link_prefix(before)
        if typed is None:
            _hide(self.links)
            return
        found = suggest(self._titles(), typed)
        model = self.links.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(found)
        if not found:
            _hide(self.links)
            return
        rect = body.cursorRect()
        rect.setWidth(max(body.width() // 2, 240))
        self.links.complete(rect)

    def _insert_link(self, title: str) -> None:
        body = self.page.body
        cursor = body.textCursor()
        typed = link_prefix(cursor.block().text()[: cursor.positionInBlock()]) or ""
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(typed)
        )
        rest = cursor.block().text()[cursor.positionInBlock() + len(typed) :]
        cursor.insertText(title if rest.startswith("]]") else title + "]]")
        body.setTextCursor(cursor)

    def create_linked(self, title: str) -> None:
        """A click on a link to a note that does not exist: a new note with that title (#21)."""
        title = title.strip()
        if not title:
            return
        page = self.page
        page.new_item()
        page.title_edit.setText(title)
        page._changed()  # saved by autosave (or at once when the user leaves the note)
        page.body.setFocus()

    # --- tags -----------------------------------------------------------------------------------

    def _tag_counts(self) -> Counter[str]:
        return Counter(t for r in self.page.model.rows for t in r.tags)

    def _tags_typed(self, text: str) -> None:
        head, _, last = text.rpartition(",")
        have = {t.strip().casefold() for t in head.split(",")}
        found = [
            t
            for t in suggest([t for t, _ in self._tag_counts().most_common()], last)
            if t.casefold() not in have
        ]
        model = self.tags.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(found)
        if found and last.strip():
            self.tags.complete()
        else:
            _hide(self.tags)

    def _insert_tag(self, tag: str) -> None:
        edit: QLineEdit = self.page.tags_edit
        head, sep, _ = edit.text().rpartition(",")
        edit.setText(f"{head}{sep} {tag}".lstrip(" ,") if sep else tag)
        self.page._changed()

    def _loading(self, busy: bool) -> None:
        self._paging = busy
        if not busy:
            self._tags_timer.start()

    def _rows_changed(self) -> None:
        if not self._paging:
            self._tags_timer.start()

    def refresh_tags(self) -> None:
        current = self.tag_filter.currentData()
        tags = sorted(self._tag_counts().items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), "")
        for tag, n in tags[:200]:
            self.tag_filter.addItem(f"{safe(tag, 40)} ({n})", tag)
        index = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)
        self.tag_filter.setVisible(bool(tags))
        if current and index < 0:
            self._tag_chosen()  # the tag is gone: show every note again

    def _tag_chosen(self) -> None:
        self.page.proxy.set_tag(str(self.tag_filter.currentData() or ""))
