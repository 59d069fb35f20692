"""Leads: a filterable list of opportunities, and a detail panel with the lead's lifecycle.

Everyone sees a lead's coop-visible fields. The sealed part (organisation, contact, the client's
rate) shows only for the giver, and for the claimer once the giver released it. Every status
change is a signed op that reaches the giver, whose list and detail update live.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.lead_form import LeadForm, referral_text
from coopshare.gui.pages.base import ItemListPage, empty_state, list_table, plain_label
from coopshare.gui.text import safe, when
from coopshare.service.api import Kind, LeadStatus
from coopshare.service.api import events as ev

# Status colours: (background, text); readable in the light and the dark theme.
STATUS_COLOURS = {
    "open": ("#d7efe6", "#145c48"),
    "interest": ("#d9ecf2", "#12506a"),
    "claimed": ("#dfe6fa", "#233f8f"),
    "contacted": ("#e8e0f7", "#4b2a8a"),
    "proposal": ("#f3e2f3", "#75246f"),
    "won": ("#2f7d6d", "#ffffff"),
    "lost": ("#eddcda", "#7a2a20"),
    "withdrawn": ("#e4e6e4", "#4a524e"),
    "passed-on": ("#f7e6cc", "#7a4b00"),
}
SEALED_STYLE = (
    "QGroupBox#sealedBox { border: 1px solid #c9a227; border-radius: 8px; margin-top: 9px;"
    " padding: 14px 10px 8px 10px; }"
    "QGroupBox#sealedBox::title { subcontrol-origin: margin; subcontrol-position: top left;"
    " left: 12px; padding: 0 5px; color: #8a6a00; font-weight: 600;"
    " background: palette(window); }"
)


def status_label(status: str) -> str:
    """A lead status in the reader's language."""
    labels = {
        LeadStatus.OPEN.value: QCoreApplication.translate("LeadStatus", "Open"),
        LeadStatus.INTEREST.value: QCoreApplication.translate("LeadStatus", "Interest window"),
        LeadStatus.CLAIMED.value: QCoreApplication.translate("LeadStatus", "Claimed"),
        LeadStatus.CONTACTED.value: QCoreApplication.translate("LeadStatus", "Client contacted"),
        LeadStatus.PROPOSAL.value: QCoreApplication.translate("LeadStatus", "Proposal sent"),
        LeadStatus.WON.value: QCoreApplication.translate("LeadStatus", "Won"),
        LeadStatus.LOST.value: QCoreApplication.translate("LeadStatus", "Lost"),
        LeadStatus.WITHDRAWN.value: QCoreApplication.translate("LeadStatus", "Withdrawn"),
        LeadStatus.PASSED_ON.value: QCoreApplication.translate("LeadStatus", "Passed on"),
    }
    return labels.get(status, status)


class LabelDelegate(QStyledItemDelegate):
    """Shows a stored value (a status, usage terms) as its translated label."""

    def __init__(self, label: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label

    def displayText(self, value: Any, locale: QLocale | QLocale.Language) -> str:
        return self.label(str(value or ""))


def sealed_title(kind: str) -> Callable[[str], str]:
    """A title column that says so when an item is sealed to other members."""

    def label(title: str) -> str:
        if title:
            return title
        if kind == "idea":
            return QCoreApplication.translate("Leads", "(an idea shared with other members)")
        return QCoreApplication.translate("Leads", "(not readable on this device)")

    return label


def status_chip(label: QLabel, status: str) -> None:
    bg, fg = STATUS_COLOURS.get(status, ("#e4e6e4", "#2a302e"))
    label.setText(status_label(status))
    label.setStyleSheet(
        f"background: {bg}; color: {fg}; border-radius: 9px; padding: 2px 10px; font-weight: 600;"
    )


def heading_font(label: QLabel, size: float = 14.0) -> None:
    font = QFont(label.font())
    font.setPointSizeF(size)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)


class LeadsPage(ItemListPage):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.current: dict[str, Any] | None = None
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
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter leads"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter leads"))
        self.filter.textChanged.connect(self._filter_text)
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

        self.list_stack = QStackedWidget()
        self.table = list_table(self.proxy, self.tr("Leads"))
        self.table.setItemDelegateForColumn(0, LabelDelegate(sealed_title("lead"), self.table))
        self.table.setItemDelegateForColumn(1, LabelDelegate(status_label, self.table))
        self.table.selectionModel().currentRowChanged.connect(self._on_select)
        self.empty = empty_state(
            self.tr(
                "No leads yet. Give the first one with Ctrl+N — its client details stay sealed until someone claims it."
            )
        )
        self.no_match = empty_state(self.tr("No leads match this filter."))
        for w in (self.empty, self.no_match, self.table):
            self.list_stack.addWidget(w)
        lv.addWidget(self.list_stack, 1)
        return left

    def _build_detail(self) -> QWidget:
        self.detail_stack = QStackedWidget()
        self.placeholder = empty_state(
            self.tr("Choose a lead to see what it is about, or give one with Ctrl+N.")
        )
        self.detail_stack.addWidget(self.placeholder)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        panel = QWidget()
        rv = QVBoxLayout(panel)
        rv.setContentsMargins(16, 4, 8, 8)
        rv.setSpacing(8)
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

        actions = QHBoxLayout()
        actions.setSpacing(8)
        self.claim_button = QPushButton(self.tr("&Claim"))
        self.claim_button.setToolTip(
            self.tr(
                "Take this lead on: the giver hears of it, and can release the client's details to you"
            )
        )
        self.claim_button.clicked.connect(self._claim)
        self.move_combo = QComboBox()
        self.move_combo.setAccessibleName(self.tr("Next status"))
        self.move_combo.setToolTip(self.tr("The steps this lead can take next"))
        self.move_label = QLabel(self.tr("&Next step"))
        self.move_label.setBuddy(self.move_combo)
        self.move_button = QPushButton(self.tr("&Move"))
        self.move_button.setToolTip(
            self.tr("Record the lead's next step; the giver sees it at once")
        )
        self.move_button.clicked.connect(self._move)
        self.withdraw_button = QPushButton(self.tr("&Withdraw"))
        self.withdraw_button.setToolTip(self.tr("Close this lead: it is no longer available"))
        self.withdraw_button.clicked.connect(self._withdraw)
        self.release_button = QPushButton(self.tr("&Release details to claimer"))
        self.release_button.setToolTip(
            self.tr("Let the claimer read the organisation, contact person and rate")
        )
        self.release_button.clicked.connect(self._release)
        actions.addWidget(self.claim_button)
        actions.addWidget(self.move_label)
        actions.addWidget(self.move_combo)
        actions.addWidget(self.move_button)
        actions.addStretch(1)
        actions.addWidget(self.release_button)
        actions.addWidget(self.withdraw_button)
        rv.addSpacing(4)
        rv.addLayout(actions)
        self.action_message = plain_label()
        rv.addWidget(self.action_message)
        rv.addStretch(1)
        scroll.setWidget(panel)
        self.detail_panel = scroll
        self.detail_stack.addWidget(scroll)
        return self.detail_stack

    def page_title(self) -> str:
        return self.tr("Leads")

    def refresh(self) -> None:
        self.title_label.setText(self.page_title())
        self.model.reload()

    # --- list -----------------------------------------------------------------------------------

    def _filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_empty()

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

    def open_item(self, item_id: str) -> None:
        self.current_id = item_id
        self._select_current()
        self._load()

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

    def _on_event(self, event: object) -> None:
        if self.current_id is None:
            return
        if isinstance(event, ev.ItemsChanged):
            ids = event.item_ids
            if ids is None or bytes.fromhex(self.current_id) in ids:
                self._load()
        elif isinstance(event, ev.RosterChanged):
            self._load()

    def _clear_detail(self) -> None:
        self.current = None
        self.detail_stack.setCurrentWidget(self.placeholder)

    def _show(self, item_id: str, d: dict[str, Any] | None) -> None:
        if item_id != self.current_id:
            return  # the user moved on to another lead meanwhile
        if d is None:
            self.current_id = None
            self._clear_detail()
            return
        previous = self.current
        self.current = d
        self.detail_stack.setCurrentWidget(self.detail_panel)
        if previous is None or previous.get("id") != d["id"]:
            self.action_message.clear()
        elif previous.get("status") != d["status"]:
            self._set_message(self.tr("Status is now “{0}”.").format(status_label(d["status"])))
        self.d_title.setText(safe(d.get("title", ""), 300))
        status_chip(self.d_status, d["status"])
        who = safe(d.get("author", ""), 80)
        if d["is_giver"]:
            meta = self.tr("Given by you · updated {0}").format(when(d.get("updated", 0)))
        else:
            meta = self.tr("Given by {0} · updated {1}").format(who, when(d.get("updated", 0)))
        self.d_meta.setText(meta)
        self._fill_fields(d)
        self._fill_sealed(d)
        self._fill_actions(d)

    def _fill_fields(self, d: dict[str, Any]) -> None:
        def text(key: str) -> str:
            return safe(d.get(key) or "", 500)

        region = text("region")
        if d.get("remote"):
            region = (
                self.tr("{0}, remote work possible").format(region) if region else self.tr("Remote")
            )
        weeks = int(d.get("duration_weeks") or 0)
        duration = ""
        if weeks == 1:
            duration = self.tr("1 week")
        elif weeks:
            duration = self.tr("{0} weeks").format(weeks)
        if d.get("extension"):
            duration = (
                self.tr("{0}, with an option to extend").format(duration)
                if duration
                else self.tr("Option to extend")
            )
        hours = int(d.get("hours_per_week") or 0)
        claimer = ""
        if d.get("claimer"):
            claimer = self.tr("you") if d["is_claimer"] else safe(d.get("claimer_name", ""), 80)
        values = {
            "role": text("role"),
            "skills": safe(", ".join(map(str, d.get("skills") or [])), 500),
            "region": region,
            "start": text("start"),
            "duration": duration,
            "hours": self.tr("{0} hours").format(hours) if hours else "",
            "respond_by": text("respond_by"),
            "contract_form": text("contract_form"),
            "dba": text("dba_assessment"),
            "referral": safe(referral_text(str(d.get("referral_terms") or "")), 500),
            "claimer": claimer,
        }
        for key, label in self.form_rows.items():
            label.setText(values[key])
            self.d_form.setRowVisible(label, bool(values[key]))
        self.d_description.setText(safe(d.get("description") or "", 20_000))
        self.d_description.setVisible(bool(d.get("description")))

    def _fill_sealed(self, d: dict[str, Any]) -> None:
        sealed: dict[str, Any] = d.get("sealed") or {}
        lo, hi = sealed.get("rate_min"), sealed.get("rate_max")
        if lo and hi:
            rate = self.tr("€ {0} – € {1} per hour").format(lo, hi)
        elif lo:
            rate = self.tr("from € {0} per hour").format(lo)
        elif hi:
            rate = self.tr("up to € {0} per hour").format(hi)
        else:
            rate = ""
        values = {
            "org": safe(sealed.get("org", ""), 200),
            "contact": safe(sealed.get("contact", ""), 500),
            "rate": rate,
            "intermediary": safe(sealed.get("intermediary", ""), 200),
            "fee": safe(sealed.get("fee", ""), 200),
        }
        for key, label in self.sealed_rows.items():
            label.setText(values[key])
            self.sealed_form.setRowVisible(label, bool(values[key]))
        self.sealed_box.setVisible(bool(sealed))
        if sealed:
            self.sealed_note.hide()
        elif d["is_giver"]:
            self.sealed_note.setText(self.tr("You gave no sealed details for this lead."))
            self.sealed_note.show()
        elif d["is_claimer"]:
            self.sealed_note.setText(
                self.tr(
                    "The client's details are sealed. They unlock for you once the giver releases them."
                )
            )
            self.sealed_note.show()
        else:
            self.sealed_note.setText(
                self.tr(
                    "The client's details are sealed: only the giver, and the member who claims this lead, can read them."
                )
            )
            self.sealed_note.show()

    def _fill_actions(self, d: dict[str, Any]) -> None:
        nxt: list[str] = d.get("next") or []
        involved = d["is_giver"] or d["is_claimer"]
        self.claim_button.setVisible(
            not d["is_giver"] and LeadStatus.CLAIMED.value in nxt and not d["is_claimer"]
        )
        moves = [s for s in nxt if s not in (LeadStatus.CLAIMED.value, LeadStatus.WITHDRAWN.value)]
        self.move_combo.clear()
        for s in moves:
            self.move_combo.addItem(status_label(s), s)
        self.move_combo.setVisible(involved and bool(moves))
        self.move_label.setVisible(involved and bool(moves))
        self.move_button.setVisible(involved and bool(moves))
        self.withdraw_button.setVisible(d["is_giver"] and LeadStatus.WITHDRAWN.value in nxt)
        self.release_button.setVisible(
            d["is_giver"]
            and bool(d.get("claimer"))
            and not d["is_claimer"]
            and not d["closed"]
            and bool(d.get("sealed"))
        )
        if d["closed"] and not self.action_message.text():
            self._set_message(self.tr("This lead is closed."))

    # --- actions --------------------------------------------------------------------------------

    def _set_message(self, text: str) -> None:
        self.action_message.setStyleSheet("color: palette(placeholder-text);")
        self.action_message.setText(text)

    def _set_error(self, text: str) -> None:
        self.action_message.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.action_message.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._set_error(self.tr("That did not work: {0}").format(str(error)))
        self._load()

    def _raw_id(self) -> bytes | None:
        return bytes.fromhex(self.current["id"]) if self.current else None

    def _claim(self) -> None:
        raw = self._raw_id()
        if raw is None:
            return
        self._set_message(self.tr("Claiming…"))
        self.bridge.write(
            lambda a: a.claim_lead(raw),
            lambda _r: self._set_message(
                self.tr("You claimed this lead. The giver has been told.")
            ),
            self._failed,
        )

    def _move(self) -> None:
        raw = self._raw_id()
        status = str(self.move_combo.currentData() or "")
        if raw is None or not status:
            return
        self.move_to(status)

    def move_to(self, status: str) -> None:
        """Record the lead's next step (one of the statuses the lifecycle allows from here)."""
        raw = self._raw_id()
        if raw is None:
            return
        self._set_message(self.tr("Saving…"))
        self.bridge.write(
            lambda a: a.set_lead_status(raw, status),
            lambda _r: self._set_message(
                self.tr("Status is now “{0}”.").format(status_label(status))
            ),
            self._failed,
        )

    def _withdraw(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Withdraw lead"),
            self.tr("Withdraw “{0}”? The lead closes and cannot be reopened.").format(
                safe(self.current.get("title", ""), 80)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.move_to(LeadStatus.WITHDRAWN.value)

    def _release(self) -> None:
        if self.current is None or not self.current.get("claimer"):
            return
        raw = bytes.fromhex(self.current["id"])
        claimer = bytes.fromhex(self.current["claimer"])
        name = safe(self.current.get("claimer_name", ""), 80)
        answer = QMessageBox.question(
            self,
            self.tr("Release details"),
            self.tr(
                "Let {0} read the organisation, contact person and rate of this lead? This cannot be undone."
            ).format(name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._set_message(self.tr("Releasing…"))
        self.bridge.write(
            lambda a: a.release(raw, claimer),
            lambda n: self._released(name, int(n)),
            self._failed,
        )

    def _released(self, name: str, count: int) -> None:
        if count:
            self._set_message(
                self.tr("{0} can now read the client's details once their device syncs.").format(
                    name
                )
            )
        else:
            self._set_message(self.tr("There were no sealed details to release."))
