"""The Leads page's detail panel: filling it from a lead's read model (``LeadDetail``), and the
lifecycle acts this member may take now (the rules decide: ``LeadDetail.acts``).
:class:`LeadsPage` builds the widgets. Texts are in the ``LeadsPage`` context (``_t``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui import theme
from coopshare.gui.contract_forms import contract_label
from coopshare.gui.dialogs.lead_form import referral_text
from coopshare.gui.dialogs.thanks import ThankButton
from coopshare.gui.errors_text import error_text
from coopshare.gui.pages.base import ItemListPage
from coopshare.gui.pages.lead_history import fill_history, history_text, state_note
from coopshare.gui.pages.lead_look import status_chip, status_label
from coopshare.gui.pages.skill_picker import skills_text
from coopshare.gui.text import safe, stored_date_text, when
from coopshare.service.api import Act, Candidate, LeadDetail


def _t(text: str) -> str:
    return QCoreApplication.translate("LeadsPage", text)


class LeadDetailPanel(ItemListPage):
    """The detail half of the Leads page (widgets made by LeadsPage._build_detail)."""

    current: LeadDetail | None
    current_id: str | None
    detail_stack: QStackedWidget
    placeholder: QWidget
    detail_panel: QWidget
    d_title: QLabel
    d_status: QLabel
    d_meta: QLabel
    d_state_note: QLabel
    d_form: QFormLayout
    d_description: QLabel
    form_rows: dict[str, QLabel]
    sealed_box: QGroupBox
    sealed_form: QFormLayout
    sealed_note: QLabel
    sealed_rows: dict[str, QLabel]
    history_box: QGroupBox
    history_rows: QVBoxLayout
    action_message: QLabel
    claim_button: QPushButton
    interest_button: QPushButton
    pick_button: QPushButton
    accept_button: QPushButton
    move_combo: QComboBox
    move_label: QLabel
    move_button: QPushButton
    give_back_button: QPushButton
    pass_on_button: QPushButton
    withdraw_button: QPushButton
    reopen_button: QPushButton
    confirm_button: QPushButton
    release_button: QPushButton
    fits_button: QPushButton
    thank_button: ThankButton

    def _load(self) -> None:
        raise NotImplementedError

    def _clear_detail(self) -> None:
        self.current = None
        self.detail_stack.setCurrentWidget(self.placeholder)

    def _show(self, item_id: str, d: LeadDetail | None) -> None:
        if item_id != self.current_id:
            return  # the user moved on to another lead meanwhile
        if d is None:
            self.current_id = None
            self._clear_detail()
            return
        previous = self.current
        self.current = d
        self.detail_stack.setCurrentWidget(self.detail_panel)
        if previous is None or previous.id != d.id:
            self.action_message.clear()
        elif previous.status != d.status:
            self._set_message(_t("Status is now “{0}”.").format(status_label(d.status)))
        self.d_title.setText(safe(d.title, 300))
        status_chip(self.d_status, d.status)
        who = safe(d.author, 80)
        if d.is_giver:
            meta = _t("Given by you · updated {0}").format(when(d.updated))
        else:
            meta = _t("Given by {0} · updated {1}").format(who, when(d.updated))
        self.d_meta.setText(meta)
        self._fill_state_note(d)
        self._fill_fields(d)
        self._fill_sealed(d)
        self._fill_actions(d)
        fill_history(self.history_rows, d, theme.is_dark(self))
        self.history_box.setVisible(bool(d.history))

    def history_text(self) -> str:
        """The history as shown, one step per line."""
        return history_text(self.history_rows)

    def _fill_state_note(self, d: LeadDetail) -> None:
        text = state_note(d)
        self.d_state_note.setText(text)
        self.d_state_note.setVisible(bool(text))

    def _fill_fields(self, d: LeadDetail) -> None:
        region = safe(d.region, 500)
        if d.remote:
            region = _t("{0}, remote work possible").format(region) if region else _t("Remote")
        weeks = d.duration_weeks
        duration = ""
        if weeks == 1:
            duration = _t("1 week")
        elif weeks:
            duration = _t("{0} weeks").format(weeks)
        if d.extension:
            duration = (
                _t("{0}, with an option to extend").format(duration)
                if duration
                else _t("Option to extend")
            )
        hours = d.hours_per_week
        claimer = ""
        if d.claimer:
            claimer = _t("you") if d.is_claimer else safe(d.claimer_name, 80)
        values = {
            "role": safe(d.role, 500),
            "skills": safe(skills_text(d.skills), 500),
            "region": region,
            "start": stored_date_text(d.start),
            "duration": duration,
            "hours": _t("{0} hours").format(hours) if hours else "",
            "respond_by": stored_date_text(d.respond_by),
            "contract_form": safe(contract_label(d.contract_form), 500),
            "dba": safe(d.dba_assessment, 500),
            "referral": safe(referral_text(d.referral_terms), 500),
            "claimer": claimer,
        }
        for key, label in self.form_rows.items():
            label.setText(values[key])
            self.d_form.setRowVisible(label, bool(values[key]))
        self.d_description.setText(safe(d.description, 20_000))
        self.d_description.setVisible(bool(d.description))

    def _fill_sealed(self, d: LeadDetail) -> None:
        sealed = d.sealed
        lo, hi = sealed.rate_min, sealed.rate_max
        if lo and hi:
            rate = _t("€ {0} – € {1} per hour").format(lo, hi)
        elif lo:
            rate = _t("from € {0} per hour").format(lo)
        elif hi:
            rate = _t("up to € {0} per hour").format(hi)
        else:
            rate = ""
        values = {
            "org": safe(sealed.org, 200),
            "contact": safe(sealed.contact, 500),
            "rate": rate,
            "intermediary": safe(sealed.intermediary, 200),
            "fee": safe(sealed.fee, 200),
        }
        for key, label in self.sealed_rows.items():
            label.setText(values[key])
            self.sealed_form.setRowVisible(label, bool(values[key]))
        self.sealed_box.setVisible(bool(sealed))
        self.sealed_box.setTitle(  # who else reads them, as seen by the reader (#26)
            _t("Sealed: only you and the claimer")
            if d.is_giver
            else _t("Sealed: only you and the giver")
        )
        if sealed or (not d.has_sealed and not d.is_giver):  # nothing sealed: nothing to say
            self.sealed_note.hide()
        elif d.is_giver:
            self.sealed_note.setText(_t("You gave no sealed details for this lead."))
            self.sealed_note.show()
        elif d.is_claimer and not d.terms_accepted:
            self.sealed_note.setText(
                _t(
                    "The client's details are sealed. Accept the referral terms; then the giver can release them to you."
                )
            )
            self.sealed_note.show()
        elif d.is_claimer:
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

    def _fill_actions(self, d: LeadDetail) -> None:
        acts = set(d.acts)
        self.claim_button.setVisible(Act.CLAIM.value in acts)
        self.interest_button.setVisible(Act.INTEREST.value in acts)
        self.pick_button.setVisible(Act.PICK.value in acts)
        self.accept_button.setVisible(d.is_claimer and not d.terms_accepted and not d.closed)
        self.move_combo.clear()
        for s in d.moves:
            self.move_combo.addItem(status_label(s), s)
        self.move_combo.setVisible(bool(d.moves))
        self.move_label.setVisible(bool(d.moves))
        self.move_button.setVisible(bool(d.moves))
        self.give_back_button.setVisible(Act.GIVE_BACK.value in acts)
        self.pass_on_button.setVisible(Act.PASS_ON.value in acts and bool(d.pass_to))
        self.withdraw_button.setVisible(Act.WITHDRAW.value in acts)
        self.reopen_button.setVisible(Act.REOPEN.value in acts)
        self.confirm_button.setVisible(Act.CONFIRM.value in acts)
        self.release_button.setVisible(
            d.is_giver and bool(d.claimer) and d.terms_accepted and not d.closed and bool(d.sealed)
        )
        received = d.is_claimer and not d.is_giver  # who received the lead thanks its giver
        self.thank_button.set_target(d.id if received else None, d.title)
        self.fits_button.setVisible(not d.closed)
        if d.closed and not self.action_message.text():
            self._set_message(_t("This lead is closed."))

    # --- actions --------------------------------------------------------------------------------

    def _set_message(self, text: str) -> None:
        self.action_message.setStyleSheet("color: palette(placeholder-text);")
        self.action_message.setText(text)

    def _set_error(self, text: str) -> None:  # the theme's error colour for light or dark
        colour = theme.ERROR_ON_DARK if theme.is_dark(self) else theme.ERROR
        self.action_message.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.action_message.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._set_error(error_text(error))
        self._load()

    def _raw_id(self) -> bytes | None:
        return bytes.fromhex(self.current.id) if self.current else None

    def _claim(self) -> None:
        d = self.current
        if d is None:
            return
        terms = safe(referral_text(d.referral_terms), 500) or _t("No referral terms")
        box = QMessageBox(self)
        box.setWindowTitle(_t("Claim lead"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(_t("Claim “{0}”?").format(safe(d.title, 80)))
        box.setInformativeText(
            _t(
                "Referral terms set by {0}: {1}\n\nClaiming signs that you accept these terms. The giver can then release the client's details to you."
            ).format(safe(d.author, 80), terms)
        )
        accept = box.addButton(_t("Accept terms and claim"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not accept:
            return
        raw = bytes.fromhex(d.id)
        self._set_message(_t("Claiming…"))
        self.bridge.write(
            lambda a: a.claim_lead(raw, accept_terms=True),
            lambda _r: self._set_message(_t("You claimed this lead. The giver has been told.")),
            self._failed,
        )

    def _act(self, act: Act, done: str, member: bytes | None = None) -> None:
        raw = self._raw_id()
        if raw is None:
            return
        self._set_message(_t("Saving…"))
        self.bridge.write(
            lambda a: a.lead_act(raw, act, member),
            lambda _r: self._set_message(done),
            self._failed,
        )

    def _interest(self) -> None:
        self._act(Act.INTEREST, _t("The giver knows you are interested."))

    def _accept(self) -> None:
        self._act(Act.ACCEPT, _t("You accepted the referral terms. The giver has been told."))

    def _give_back(self) -> None:
        self._act(Act.GIVE_BACK, _t("You gave the lead back. It is open again."))

    def _reopen(self) -> None:
        self._act(Act.REOPEN, _t("The lead is open again."))

    def _confirm(self) -> None:
        self._act(Act.CONFIRM, _t("You confirmed the assignment was won."))

    def _pick(self) -> None:
        if self.current is not None:
            self._act_on_member(
                Act.PICK,
                self.current.interested,
                (_t("Give the lead to"), _t("Members who are interested:")),
                _t("You gave the lead to {0}."),
            )

    def _pass_on(self) -> None:
        if self.current is not None:
            self._act_on_member(
                Act.PASS_ON,
                self.current.pass_to,
                (_t("Pass the lead on"), _t("Pass this lead on to:")),
                _t("You passed the lead on to {0}."),
            )

    def _act_on_member(
        self, act: Act, choices: tuple[Candidate, ...], ask: tuple[str, str], done: str
    ) -> None:
        """Let the user choose one of `choices`, then sign `act` naming that member."""
        if not choices:
            return
        names = [safe(c.name, 80) for c in choices]
        name, ok = QInputDialog.getItem(self, ask[0], ask[1], names, 0, False)
        if ok and name in names:
            chosen = choices[names.index(name)]
            self._act(act, done.format(name), bytes.fromhex(chosen.member_id))

    def _move(self) -> None:
        status = str(self.move_combo.currentData() or "")
        if status:
            self.move_to(status)

    def move_to(self, status: str) -> None:
        """Record the lead's next step (one of the statuses the rules allow from here)."""
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
            _t("Withdraw “{0}”? The lead closes; you can reopen it later.").format(
                safe(self.current.title, 80)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._act(Act.WITHDRAW, _t("The lead is withdrawn."))

    def _release(self) -> None:
        d = self.current
        if d is None or not d.claimer:
            return
        raw = bytes.fromhex(d.id)
        claimer = bytes.fromhex(d.claimer)
        name = safe(d.claimer_name, 80)
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
