"""The Leads page's detail panel: filling it from a lead's read model, and the lifecycle
actions (claim, move, withdraw, release). :class:`LeadsPage` builds the widgets.

Texts are translated in the ``LeadsPage`` context (``_t``), where they always were.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from coopshare.gui.dialogs.lead_form import referral_text
from coopshare.gui.dialogs.thanks import ThankButton
from coopshare.gui.pages.base import ItemListPage
from coopshare.gui.pages.lead_look import status_chip, status_label
from coopshare.gui.text import safe, when
from coopshare.service.api import LeadStatus


def _t(text: str) -> str:
    return QCoreApplication.translate("LeadsPage", text)


class LeadDetailPanel(ItemListPage):
    """The detail half of the Leads page (widgets made by LeadsPage._build_detail)."""

    current: dict[str, Any] | None
    current_id: str | None
    detail_stack: QStackedWidget
    placeholder: QWidget
    detail_panel: QWidget
    d_title: QLabel
    d_status: QLabel
    d_meta: QLabel
    d_form: QFormLayout
    d_description: QLabel
    form_rows: dict[str, QLabel]
    sealed_box: QGroupBox
    sealed_form: QFormLayout
    sealed_note: QLabel
    sealed_rows: dict[str, QLabel]
    action_message: QLabel
    claim_button: QPushButton
    move_combo: QComboBox
    move_label: QLabel
    move_button: QPushButton
    withdraw_button: QPushButton
    release_button: QPushButton
    thank_button: ThankButton

    def _load(self) -> None:
        raise NotImplementedError

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
            self._set_message(_t("Status is now “{0}”.").format(status_label(d["status"])))
        self.d_title.setText(safe(d.get("title", ""), 300))
        status_chip(self.d_status, d["status"])
        who = safe(d.get("author", ""), 80)
        if d["is_giver"]:
            meta = _t("Given by you · updated {0}").format(when(d.get("updated", 0)))
        else:
            meta = _t("Given by {0} · updated {1}").format(who, when(d.get("updated", 0)))
        self.d_meta.setText(meta)
        self._fill_fields(d)
        self._fill_sealed(d)
        self._fill_actions(d)

    def _fill_fields(self, d: dict[str, Any]) -> None:
        def text(key: str) -> str:
            return safe(d.get(key) or "", 500)

        region = text("region")
        if d.get("remote"):
            region = _t("{0}, remote work possible").format(region) if region else _t("Remote")
        weeks = int(d.get("duration_weeks") or 0)
        duration = ""
        if weeks == 1:
            duration = _t("1 week")
        elif weeks:
            duration = _t("{0} weeks").format(weeks)
        if d.get("extension"):
            duration = (
                _t("{0}, with an option to extend").format(duration)
                if duration
                else _t("Option to extend")
            )
        hours = int(d.get("hours_per_week") or 0)
        claimer = ""
        if d.get("claimer"):
            claimer = _t("you") if d["is_claimer"] else safe(d.get("claimer_name", ""), 80)
        values = {
            "role": text("role"),
            "skills": safe(", ".join(map(str, d.get("skills") or [])), 500),
            "region": region,
            "start": text("start"),
            "duration": duration,
            "hours": _t("{0} hours").format(hours) if hours else "",
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
            rate = _t("€ {0} – € {1} per hour").format(lo, hi)
        elif lo:
            rate = _t("from € {0} per hour").format(lo)
        elif hi:
            rate = _t("up to € {0} per hour").format(hi)
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
            self.sealed_note.setText(_t("You gave no sealed details for this lead."))
            self.sealed_note.show()
        elif d["is_claimer"]:
            self.sealed_note.setText(
                _t(
                    "The client's details are sealed. They unlock for you once the giver releases them."
                )
            )
            self.sealed_note.show()
        else:
            self.sealed_note.setText(
                _t(
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
        received = d["is_claimer"] and not d["is_giver"]  # who received the lead thanks its giver
        self.thank_button.set_target(d["id"] if received else None, d.get("title", ""))
        if d["closed"] and not self.action_message.text():
            self._set_message(_t("This lead is closed."))

    # --- actions --------------------------------------------------------------------------------

    def _set_message(self, text: str) -> None:
        self.action_message.setStyleSheet("color: palette(placeholder-text);")
        self.action_message.setText(text)

    def _set_error(self, text: str) -> None:
        self.action_message.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.action_message.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._set_error(_t("That did not work: {0}").format(str(error)))
        self._load()

    def _raw_id(self) -> bytes | None:
        return bytes.fromhex(self.current["id"]) if self.current else None

    def _claim(self) -> None:
        raw = self._raw_id()
        if raw is None:
            return
        self._set_message(_t("Claiming…"))
        self.bridge.write(
            lambda a: a.claim_lead(raw),
            lambda _r: self._set_message(_t("You claimed this lead. The giver has been told.")),
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
        self._set_message(_t("Saving…"))
        self.bridge.write(
            lambda a: a.set_lead_status(raw, status),
            lambda _r: self._set_message(_t("Status is now “{0}”.").format(status_label(status))),
            self._failed,
        )

    def _withdraw(self) -> None:
        if self.current is None:
            return
        answer = QMessageBox.question(
            self,
            _t("Withdraw lead"),
            _t("Withdraw “{0}”? The lead closes and cannot be reopened.").format(
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
            _t("Release details"),
            _t(
                "Let {0} read the organisation, contact person and rate of this lead? This cannot be undone."
            ).format(name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._set_message(_t("Releasing…"))
        self.bridge.write(
            lambda a: a.release(raw, claimer),
            lambda n: self._released(name, int(n)),
            self._failed,
        )

    def _released(self, name: str, count: int) -> None:
        if count:
            self._set_message(
                _t("{0} can now read the client's details once their device syncs.").format(name)
            )
        else:
            self._set_message(_t("There were no sealed details to release."))
