"""Ideas: ownership-tagged notes. Every view of an idea says, before anything else, who owns it,
on which terms it may be used and who may read it; "derived from" links keep attribution."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.idea_form import IdeaForm, terms_explanation, terms_label
from coopshare.gui.pages.base import ItemListPage, list_table, plain_label
from coopshare.gui.pages.idea_proof import ProofPanel
from coopshare.gui.pages.idea_terms import TermsPanel
from coopshare.gui.pages.lead_look import LabelDelegate, heading_font, sealed_title
from coopshare.gui.text import safe, when
from coopshare.service.api import IdeaDetail, IdeaLink, Kind, Terms

LINK_STYLE = (
    "QPushButton#ideaLink { border: none; background: transparent; color: palette(link);"
    " text-decoration: underline; text-align: left; padding: 1px 2px; }"
    "QPushButton#ideaLink:focus { outline: 1px dotted palette(link); }"
    "QPushButton#ideaLink:disabled { color: palette(placeholder-text); text-decoration: none; }"
)


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class IdeasPage(ItemListPage):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.current: IdeaDetail | None = None
        self.current_id: str | None = None
        self.form: IdeaForm | None = None
        self.setStyleSheet(LINK_STYLE)
        headers = {
            "Title": self.tr("Title"),
            "Terms": self.tr("Terms"),
            "Owner": self.tr("Owner"),
            "Updated": self.tr("Updated"),
        }
        new = (self.tr("Share an idea"), self.tr("Share an idea on your own terms (Ctrl+N)"))
        self._set_up_list_and_detail(Kind.IDEA, headers, new, [440, 660])
        self.detail_stack.setCurrentWidget(self.placeholder)

    # --- layout ---------------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self._filter_field(self.tr("Filter ideas")))
        self.table = list_table(self.proxy, self.tr("Ideas"), fit=True)
        self.table.setItemDelegateForColumn(0, LabelDelegate(sealed_title("idea"), self.table))
        self.table.setItemDelegateForColumn(1, LabelDelegate(terms_label, self.table))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, 150)
        self.table.selectionModel().currentRowChanged.connect(self._on_select)
        self._list_states(
            lv,
            self.tr(
                "No ideas yet. Share one with Ctrl+N — you stay its owner and choose who may read it and how it may be used."
            ),
            self.tr("No ideas match this filter."),
        )
        return left

    def _build_detail(self) -> QWidget:
        panel, rv = self._detail_start(
            self.tr("Choose an idea to read it, or share one with Ctrl+N.")
        )
        self.d_title = plain_label()
        heading_font(self.d_title, 14)
        self.d_title.setAccessibleName(self.tr("Idea title"))
        rv.addWidget(self.d_title)
        self.d_meta = plain_label()
        self.d_meta.setStyleSheet("color: palette(placeholder-text);")
        rv.addWidget(self.d_meta)

        self.banner = QLabel()
        self.banner.setObjectName("termsBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setAccessibleName(self.tr("Owners, terms and audience"))
        rv.addWidget(self.banner)

        self.parents_row = QWidget()
        prow = QHBoxLayout(self.parents_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.setSpacing(6)
        self.parents_caption = QLabel(self.tr("Derived from:"))
        prow.addWidget(self.parents_caption)
        self.parents_links = QHBoxLayout()
        self.parents_links.setSpacing(10)
        prow.addLayout(self.parents_links)
        prow.addStretch(1)
        rv.addWidget(self.parents_row)

        self.children_row = QWidget()
        crow = QHBoxLayout(self.children_row)
        crow.setContentsMargins(0, 0, 0, 0)
        crow.setSpacing(6)
        crow.addWidget(QLabel(self.tr("Built on by:")))
        self.children_links = QHBoxLayout()
        self.children_links.setSpacing(10)
        crow.addLayout(self.children_links)
        crow.addStretch(1)
        rv.addWidget(self.children_row)

        self.d_tags = plain_label()
        self.d_tags.setStyleSheet("color: palette(placeholder-text);")
        rv.addWidget(self.d_tags)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.setOpenExternalLinks(False)
        self.body.setAccessibleName(self.tr("Idea text"))
        self.body.setMinimumHeight(160)
        self.terms_panel = TermsPanel(self.bridge, self._load, self.body)  # accept, receipts
        rv.insertWidget(rv.indexOf(self.banner) + 1, self.terms_panel)
        rv.addWidget(self.body, 1)

        actions = QHBoxLayout()
        self.derive_button = QPushButton(self.tr("&Build on this idea"))
        self.derive_button.setToolTip(
            self.tr("Share a new idea derived from this one; its owners stay credited")
        )
        self.derive_button.clicked.connect(self._derive)
        actions.addStretch(1)
        actions.addWidget(self.derive_button)
        self.proof_panel = ProofPanel(self.bridge)  # prove priority, export evidence (mine only)
        rv.addWidget(self.proof_panel)
        rv.addLayout(actions)
        self.message = plain_label()
        self.message.setStyleSheet("color: palette(placeholder-text);")
        rv.addWidget(self.message)
        return self._detail_end(panel)

    def page_title(self) -> str:
        return self.tr("Ideas")

    # --- detail ---------------------------------------------------------------------------------

    def new_item(self) -> None:
        self._open_form(None)

    def _derive(self) -> None:
        if self.current is not None:
            self._open_form(self.current.id)

    def _open_form(self, derived_from: str | None) -> None:
        if self.form is not None and not self.form.isVisible():
            self.form.deleteLater()  # the last one, closed
        self.form = IdeaForm(self.bridge, self, derived_from=derived_from)
        self.form.created.connect(self._created)
        self.form.open()

    def _created(self, item_id: str) -> None:
        self.open_item(item_id)
        self.message.setText(self.tr("Idea shared."))

    def _load(self) -> None:
        item_id = self.current_id
        if item_id is None:
            return
        self.bridge.db(lambda a: a.idea_detail(item_id), lambda d: self._show(item_id, d))

    def banner_text(self, d: IdeaDetail) -> str:
        """Owners, usage terms and audience, in whole sentences for the banner."""
        owners = [safe(n, 80) for n in d.owner_names]
        names = ", ".join(owners)
        owner_line = (
            self.tr("Owners: {0}").format(names)
            if len(owners) > 1
            else self.tr("Owner: {0}").format(names)
        )
        terms = d.terms
        if terms == Terms.EMBARGO.value and d.embargo_until:
            terms_line = self.tr("Terms: embargo until {0} — {1}").format(
                safe(d.embargo_until, 20), terms_explanation(terms)
            )
        elif terms:
            terms_line = self.tr("Terms: {0} — {1}").format(
                terms_label(terms), terms_explanation(terms)
            )
        else:
            terms_line = self.tr("Terms: none given — ask the owners before using it.")
        if d.audience == "owner":
            audience_line = self.tr("Audience: only its owners; never released to anyone")
        elif d.audience == "named":
            audience_line = self.tr("Audience: only the members it was addressed to")
        else:
            audience_line = self.tr("Audience: the whole cooperative")
        return "\n".join((owner_line, terms_line, audience_line))

    def _show(self, item_id: str, d: IdeaDetail | None) -> None:
        if item_id != self.current_id:
            return
        if d is None:
            self.current = None
            self.current_id = None
            self.detail_stack.setCurrentWidget(self.placeholder)
            return
        if self.current is None or self.current.id != d.id:
            self.message.clear()
        self.current = d
        self.detail_stack.setCurrentWidget(self.detail_panel)
        self.d_title.setText(safe(d.title, 300))
        updated = when(d.updated)
        self.d_meta.setText(
            self.tr("Shared by you · updated {0}").format(updated)
            if d.mine
            else self.tr("Shared by {0} · updated {1}").format(safe(d.author, 80), updated)
        )
        self.banner.setText(self.banner_text(d))
        tags = [safe(t, 64) for t in d.tags]
        self.d_tags.setText(self.tr("Tags: {0}").format(", ".join(tags)) if tags else "")
        self.d_tags.setVisible(bool(tags))
        self.body.setPlainText(safe(d.body, 200_000))
        self.terms_panel.load(item_id)
        self.proof_panel.load(item_id, d.mine)
        self._fill_links(self.parents_links, d.parents)
        self.parents_row.setVisible(bool(d.parents))
        self._fill_links(self.children_links, d.children)
        self.children_row.setVisible(bool(d.children))

    def _fill_links(self, layout: QHBoxLayout, ideas: tuple[IdeaLink, ...]) -> None:
        clear_layout(layout)
        for idea in ideas:
            readable = idea.readable
            text = safe(idea.title, 80) if readable else self.tr("an idea you cannot read")
            button = QPushButton(text)
            button.setObjectName("ideaLink")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setEnabled(readable)
            button.setAccessibleName(self.tr("Open the idea “{0}”").format(text))
            button.setToolTip(self.tr("Open this idea"))
            target = idea.id
            button.clicked.connect(lambda _checked=False, t=target: self.open_item(t))
            layout.addWidget(button)

    def link_buttons(self) -> list[QPushButton]:
        """The "derived from" links shown now (for keyboard users and tests)."""
        out = []
        for i in range(self.parents_links.count()):
            item = self.parents_links.itemAt(i)
            w = item.widget() if item is not None else None
            if isinstance(w, QPushButton):
                out.append(w)
        return out
