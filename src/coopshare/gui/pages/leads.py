"""Leads: a filterable list of opportunities, and a detail panel with the lead's lifecycle.

Everyone sees a lead's coop-visible fields. The sealed part (organisation, contact, the client's
rate) shows only for the giver, and for the claimer once the giver released it. Every status
change is a signed op that reaches the giver, whose list and detail update live.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.lead_form import LeadForm
from coopshare.gui.dialogs.thanks import ThankButton
from coopshare.gui.dialogs.who_fits import WhoFitsDialog
from coopshare.gui.pages.base import list_table, plain_label
from coopshare.gui.pages.lead_detail import LeadDetailPanel
from coopshare.gui.pages.lead_look import (
    SEALED_STYLE,
    LabelDelegate,
    heading_font,
    sealed_title,
    status_label,
)
from coopshare.service.api import Kind, LeadDetail, LeadStatus


class LeadsPage(LeadDetailPanel):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.current: LeadDetail | None = None
        self.current_id: str | None = None
        self.form: LeadForm | None = None
        self.setStyleSheet(SEALED_STYLE)
        headers = {
            "Title": self.tr("Title"),
            "Status": self.tr("Status"),
            "Given by": self.tr("Given by"),
            "Updated": self.tr("Updated"),
        }
        new = (
            self.tr("Give a lead"),
            self.tr("Share an assignment with the cooperative (Ctrl+N)"),
        )
        self._set_up_list_and_detail(Kind.LEAD, headers, new, [460, 640])
        self._clear_detail()

    # --- layout ---------------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self._filter_field(self.tr("Filter leads"))
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show leads with status"))
        self.status_filter.setToolTip(self.tr("Show only leads with this status"))
        self.status_filter.addItem(self.tr("All statuses"), "")
        for s in LeadStatus:
            self.status_filter.addItem(status_label(s.value), s.value)
        self.status_filter.currentIndexChanged.connect(self._filter_status)
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.status_filter)
        lv.addLayout(filters)

        self.table = list_table(self.proxy, self.tr("Leads"), fit=True)
        self.table.setItemDelegateForColumn(0, LabelDelegate(sealed_title("lead"), self.table))
        self.table.setItemDelegateForColumn(1, LabelDelegate(status_label, self.table))
        self.table.selectionModel().currentRowChanged.connect(self._on_select)
        self._list_states(
            lv,
            self.tr(
                "No leads yet. Give the first one with Ctrl+N — its client details stay sealed until someone claims it."
            ),
            self.tr("No leads match this filter."),
        )
        return left

    def _build_detail(self) -> QWidget:
        panel, rv = self._detail_start(
            self.tr("Choose a lead to see what it is about, or give one with Ctrl+N.")
        )
        head = QHBoxLayout()
        self.d_title = plain_label()
        heading_font(self.d_title, 14)
        self.d_title.setAccessibleName(self.tr("Lead title"))
        self.d_status = QLabel()
        self.d_status.setTextFormat(Qt.TextFormat.PlainText)
        self.d_status.setAccessibleName(self.tr("Status"))
        head.addWidget(self.d_title, 1)
        head.addWidget(self.d_status, 0, Qt.AlignmentFlag.AlignTop)
        rv.addLayout(head)
        self.d_meta = plain_label()
        self.d_meta.setStyleSheet("color: palette(placeholder-text);")
        rv.addWidget(self.d_meta)
        self.d_state_note = plain_label()
        self.d_state_note.setStyleSheet("font-weight: 600;")
        rv.addWidget(self.d_state_note)

        self.form_rows: dict[str, QLabel] = {}
        self.d_form = QFormLayout()
        self.d_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.d_form.setHorizontalSpacing(18)
        self.d_form.setVerticalSpacing(6)
        for key, title in (
            ("role", self.tr("Role")),
            ("skills", self.tr("Skills")),
            ("region", self.tr("Region")),
            ("start", self.tr("Start")),
            ("duration", self.tr("Duration")),
            ("hours", self.tr("Hours per week")),
            ("respond_by", self.tr("Respond by")),
            ("contract_form", self.tr("Contract form")),
            ("dba", self.tr("Wet DBA")),
            ("referral", self.tr("Referral terms")),
            ("claimer", self.tr("Claimed by")),
        ):
            value = plain_label()
            value.setAccessibleName(title)
            self.form_rows[key] = value
            caption = QLabel(title)
            caption.setStyleSheet("color: palette(placeholder-text);")
            self.d_form.addRow(caption, value)
        rv.addLayout(self.d_form)
        self.d_description = plain_label()
        self.d_description.setAccessibleName(self.tr("Description"))
        rv.addWidget(self.d_description)

        self.sealed_box = QGroupBox(self.tr("Sealed: only you and the claimer"))
        self.sealed_box.setObjectName("sealedBox")
        sealed_form = QFormLayout(self.sealed_box)
        sealed_form.setHorizontalSpacing(18)
        self.sealed_rows: dict[str, QLabel] = {}
        for key, title in (
            ("org", self.tr("Organisation")),
            ("contact", self.tr("Contact person")),
            ("rate", self.tr("Client rate")),
            ("intermediary", self.tr("Intermediary")),
            ("fee", self.tr("Intermediary fee")),
        ):
            value = plain_label()
            value.setAccessibleName(title)
            self.sealed_rows[key] = value
            sealed_form.addRow(title, value)
        self.sealed_form = sealed_form
        rv.addWidget(self.sealed_box)
        self.sealed_note = plain_label()
        self.sealed_note.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        rv.addWidget(self.sealed_note)

        self.claim_button = self._button(
            self.tr("&Claim…"),
            self.tr("Take this lead on: you see and accept the giver's referral terms first"),
            self._claim,
        )
        self.interest_button = self._button(
            self.tr("I'm &interested"),
            self.tr(
                "Ask for this lead: the giver picks, or the first to ask gets it when the window ends"
            ),
            self._interest,
        )
        self.pick_button = self._button(
            self.tr("&Give to…"),
            self.tr("Choose one of the interested members"),
            self._pick,
        )
        self.accept_button = self._button(
            self.tr("&Accept terms"),
            self.tr("Sign the giver's current referral terms"),
            self._accept,
        )
        self.move_combo = QComboBox()
        self.move_combo.setAccessibleName(self.tr("Next status"))
        self.move_combo.setToolTip(self.tr("The steps this lead can take next"))
        self.move_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.move_label = QLabel(self.tr("&Next step"))
        self.move_label.setBuddy(self.move_combo)
        self.move_button = self._button(
            self.tr("&Move"),
            self.tr("Record the lead's next step; the giver sees it at once"),
            self._move,
        )
        self.give_back_button = self._button(
            self.tr("Give &back"),
            self.tr("Return the lead: it opens for other members"),
            self._give_back,
        )
        self.pass_on_button = self._button(
            self.tr("&Pass on…"), self.tr("Hand this lead to another member"), self._pass_on
        )
        self.withdraw_button = self._button(
            self.tr("&Withdraw"),
            self.tr("Close this lead: it is no longer available"),
            self._withdraw,
        )
        self.reopen_button = self._button(
            self.tr("&Reopen"), self.tr("Open this lead again for the cooperative"), self._reopen
        )
        self.confirm_button = self._button(
            self.tr("Confirm &won"),
            self.tr("Confirm the claimer won the assignment: it counts for both of you"),
            self._confirm,
        )
        self.release_button = self._button(
            self.tr("&Release details to claimer"),
            self.tr("Let the claimer read the organisation, contact person and rate"),
            self._release,
        )
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for w in (self.claim_button, self.interest_button, self.accept_button, self.move_label):
            actions.addWidget(w)
        actions.addWidget(self.move_combo)
        actions.addWidget(self.move_button)
        actions.addStretch(1)
        self.thank_button = ThankButton(self.bridge, "lead")
        self.fits_button = self._button(
            self.tr("Who &fits"), self.tr("Members who fit this lead, worked out here"), self._fits
        )
        more = QHBoxLayout()
        more.setSpacing(8)
        for w in (
            self.pick_button,
            self.give_back_button,
            self.pass_on_button,
            self.confirm_button,
            self.release_button,
            self.reopen_button,
            self.withdraw_button,
            self.thank_button,
            self.fits_button,
        ):
            more.addWidget(w)
        more.addStretch(1)
        rv.addSpacing(4)
        rv.addLayout(actions)
        rv.addLayout(more)
        self.action_message = plain_label()
        rv.addWidget(self.action_message)
        self.history_box = QGroupBox(self.tr("History"))
        hv = QVBoxLayout(self.history_box)
        self.history_rows = QVBoxLayout()
        self.history_rows.setSpacing(2)
        hv.addLayout(self.history_rows)
        rv.addWidget(self.history_box)
        rv.addStretch(1)
        return self._detail_end(panel)

    def _button(self, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _fits(self) -> None:
        if self.current is not None:
            self.fits_dialog = WhoFitsDialog(self.bridge, self.current.id, self.current.title, self)
            self.fits_dialog.open()

    def page_title(self) -> str:
        return self.tr("Leads")

    # --- list -----------------------------------------------------------------------------------

    def _filter_status(self) -> None:
        self.proxy.set_status(str(self.status_filter.currentData() or ""))
        self._update_empty()

    # --- detail ---------------------------------------------------------------------------------

    def new_item(self) -> None:
        if self.form is not None and not self.form.isVisible():
            self.form.deleteLater()  # the last one, closed
        self.form = LeadForm(self.bridge, self)
        self.form.created.connect(self._created)
        self.form.open()

    def _created(self, item_id: str) -> None:
        self.action_message.setText(self.tr("Lead given to the cooperative."))
        self.open_item(item_id)

    def _load(self) -> None:
        item_id = self.current_id
        if item_id is None:
            return
        self.bridge.db(
            lambda a: a.lead_detail(item_id),
            lambda d: self._show(item_id, d),
            self._load_failed,
        )

    def _load_failed(self, error: BaseException) -> None:
        self._set_error(self.tr("Could not read this lead: {0}").format(str(error)))
