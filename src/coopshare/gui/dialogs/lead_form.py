"""Give a lead: the assignment everyone sees, and the client's details sealed to the claimer.

The form checks its input before anything is written; if the core still refuses (a
:class:`~coopshare.errors.SchemaError` or :class:`~coopshare.errors.UserError`), the reason is
shown inside the dialog, nothing is saved and the dialog stays open. There is deliberately no
field for the reason for hiring: CoopShare never stores it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.contract_forms import contract_code
from coopshare.gui.dialogs.date_row import optional_date
from coopshare.gui.dialogs.form import ERROR_STYLE, Invalid, ItemForm, add_hint
from coopshare.gui.errors_text import error_text
from coopshare.gui.pages.skill_picker import SkillPicker
from coopshare.service.api import Api, NewLead

MAX_RATE = 100_000
MAX_HOURS = 80
MAX_WEEKS = 520
SEALED_STYLE = (
    "QGroupBox#sealedGroup { border: 1px solid #c9a227; border-radius: 8px; margin-top: 9px;"
    " padding: 14px 10px 8px 10px; }"
    "QGroupBox#sealedGroup::title { subcontrol-origin: margin; subcontrol-position: top left;"
    " left: 12px; padding: 0 5px; color: #8a6a00; font-weight: 600;"
    " background: palette(window); }"
)

# Referral terms are stored as "<kind>" or "<kind>: <amount>", optionally followed by
# "; coop-share: <n>%" (the part that goes to the cooperative), so every peer can show them in
# its own language; free text written elsewhere (the command line) is shown as it is. The
# claimer signs the hash of exactly this text (model/lead_rules.py terms_hash).
REFERRAL_KINDS = ("none", "thanks", "fixed-fee", "percent-first-invoice")
# the choices for a new lead: "thanks" (no fee, a thank-you) was a near-duplicate of "none"
# (#29); leads stored with it still read as before
OFFERED_KINDS = ("none", "fixed-fee", "percent-first-invoice")
COOP_SHARE = "; coop-share: "


def _t(text: str) -> str:
    return QCoreApplication.translate("LeadForm", text)


def referral_kind_label(kind: str) -> str:
    labels = {
        "none": _t("No referral fee"),
        "thanks": _t("A thank-you is enough"),
        "fixed-fee": _t("A fixed fee"),
        "percent-first-invoice": _t("A percentage of the first invoice"),
    }
    return labels.get(kind, kind)


def referral_text(value: str) -> str:
    """Show stored referral terms in the reader's language (plain text)."""
    value, _sep, share = value.partition(COOP_SHARE)
    kind, _sep, amount = value.partition(": ")
    if kind in REFERRAL_KINDS:
        label = referral_kind_label(kind)
        value = _t("{0}: {1}").format(label, amount) if amount else label
    return _t("{0}; {1} to the cooperative").format(value, share) if share else value


def labelled(form: QFormLayout, text: str, field: QWidget | QLayout, buddy: QWidget) -> None:
    """A form row whose label's &-shortcut moves the focus to `buddy`."""
    label = QLabel(text)
    label.setBuddy(buddy)
    if isinstance(field, QWidget):
        form.addRow(label, field)
    else:
        form.addRow(label, field)


def unset_spin(parent: QWidget, maximum: int, unset: str, suffix: str = "") -> QSpinBox:
    """A number field whose lowest value (0) means "not given"."""
    spin = QSpinBox(parent)
    spin.setRange(0, maximum)
    spin.setSpecialValueText(unset)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(max(110, spin.sizeHint().width()))  # "niet opgegeven" whole
    return spin


class TitledBox(QGroupBox):
    """A group box never narrower than its title, drawn bold (SEALED_STYLE)."""

    def minimumSizeHint(self) -> QSize:
        hint, bold = super().minimumSizeHint(), self.font()
        bold.setBold(True)
        title = QFontMetrics(bold).horizontalAdvance(self.title()) + 44
        return QSize(max(hint.width(), title), hint.height())


class LeadForm(ItemForm):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.setWindowTitle(self.tr("Give a lead"))
        self.setMinimumWidth(880)
        self.setStyleSheet(ERROR_STYLE + SEALED_STYLE)

        outer, columns = self.open_layout(
            self.tr(
                "Share an assignment with the cooperative. Everyone sees the assignment; the client's details stay sealed until you release them to the member who claims it."
            )
        )
        columns.addWidget(self._build_visible(), 3)
        right = QVBoxLayout()
        right.addWidget(self._build_sealed())
        right.addWidget(self._build_referral())
        right.addStretch(1)
        never = QLabel(self.tr("CoopShare never stores the reason for hiring."))
        never.setObjectName("neverStored")
        never.setWordWrap(True)
        never.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        right.addWidget(never)
        columns.addLayout(right, 2)

        self.add_footer(
            outer,
            self.tr("Problem with this lead"),
            self.tr("Give lead"),
            self.tr("Share this lead with the cooperative (Ctrl+Return)"),
        )
        self.title_edit.setFocus()
        self.resize(960, self.sizeHint().height())  # Dutch labels need it; fits a 1024 screen

    # --- layout ---------------------------------------------------------------------------------

    def _build_visible(self) -> QGroupBox:
        box = QGroupBox(self.tr("The assignment — visible to the whole cooperative"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(300)
        self.title_edit.setPlaceholderText(self.tr("e.g. Interim finance manager, 6 months"))
        form.addRow(self.tr("&Title (required)"), self.title_edit)
        self.role_edit = QLineEdit()
        self.role_edit.setMaxLength(200)
        self.role_edit.setPlaceholderText(self.tr("e.g. Interim CFO"))
        form.addRow(self.tr("&Role"), self.role_edit)
        self.skills_edit = QLineEdit()
        self.skills_edit.setPlaceholderText(
            self.tr("Type to pick ESCO skills; separate them with commas")
        )
        self.skills_edit.setAccessibleName(self.tr("Skills, separated by commas"))
        self.skill_picker = SkillPicker(self.bridge, self.skills_edit)  # labels in, ids out
        form.addRow(self.tr("&Skills"), self.skills_edit)

        self.region_edit = QLineEdit()
        self.region_edit.setMaxLength(200)
        self.region_edit.setPlaceholderText(self.tr("e.g. Eindhoven"))
        self.remote_check = QCheckBox(self.tr("Remote work possible"))
        labelled(form, self.tr("Re&gion"), self.region_edit, self.region_edit)
        form.addRow("", self.remote_check)  # own rows: the Dutch form fits 1024 px

        self.start_check, self.start_date, start_row = optional_date(
            self, self.tr("Start date"), 30
        )
        labelled(form, self.tr("St&art date"), start_row, self.start_check)
        self.duration_spin = unset_spin(self, MAX_WEEKS, self.tr("not given"), self.tr(" weeks"))
        self.duration_spin.setAccessibleName(self.tr("Duration in weeks"))
        self.extension_check = QCheckBox(self.tr("Option to extend"))
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.duration_spin)
        duration_row.addStretch(1)
        labelled(form, self.tr("D&uration"), duration_row, self.duration_spin)
        form.addRow("", self.extension_check)
        self.hours_spin = unset_spin(self, MAX_HOURS, self.tr("not given"), self.tr(" h/week"))
        self.hours_spin.setAccessibleName(self.tr("Hours per week"))
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours_spin)
        hours_row.addStretch(1)
        labelled(form, self.tr("&Hours per week"), hours_row, self.hours_spin)
        self.respond_check, self.respond_date, respond_row = optional_date(
            self, self.tr("Respond by"), 7
        )
        labelled(form, self.tr("Res&pond by"), respond_row, self.respond_check)
        self.window_check, self.window_date, window_row = optional_date(
            self, self.tr("Interest window until"), 2
        )
        self.window_check.setToolTip(
            self.tr(
                "Members say they are interested until this day; you pick one, or the first to ask gets it"
            )
        )
        labelled(form, self.tr("&Interest window until"), window_row, self.window_check)

        self.contract_combo = QComboBox()
        self.contract_combo.setEditable(True)
        self.contract_combo.addItems(
            [
                "",
                self.tr("Freelance (self-employed)"),
                self.tr("Through an intermediary"),
                self.tr("Secondment"),
                self.tr("Temporary employment"),
            ]
        )
        self.contract_combo.setAccessibleName(self.tr("Contract form"))
        line = self.contract_combo.lineEdit()
        if line is not None:
            line.setMaxLength(100)
        form.addRow(self.tr("&Contract form"), self.contract_combo)
        self.dba_edit = QLineEdit()
        self.dba_edit.setMaxLength(500)
        self.dba_edit.setPlaceholderText(self.tr("e.g. model agreement in place"))
        form.addRow(self.tr("Wet &DBA assessment"), self.dba_edit)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            self.tr("What the assignment is about. Leave out why the client is hiring.")
        )
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setMinimumHeight(70)
        form.addRow(self.tr("D&escription"), self.description_edit)
        return box

    def _build_sealed(self) -> QGroupBox:
        box = TitledBox(self.tr("Sealed — only you, and the claimer once you release them"))
        box.setObjectName("sealedGroup")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.org_edit = QLineEdit()
        self.org_edit.setMaxLength(200)
        form.addRow(self.tr("&Organisation"), self.org_edit)
        self.contact_edit = QLineEdit()
        self.contact_edit.setMaxLength(500)
        self.contact_edit.setPlaceholderText(self.tr("Name, phone or e-mail"))
        form.addRow(self.tr("Co&ntact person"), self.contact_edit)
        self.rate_min_spin = unset_spin(self, MAX_RATE, self.tr("not given"), self.tr(" €/h"))
        self.rate_min_spin.setAccessibleName(self.tr("Client rate from"))
        self.rate_max_spin = unset_spin(self, MAX_RATE, self.tr("not given"), self.tr(" €/h"))
        self.rate_max_spin.setAccessibleName(self.tr("Client rate up to"))
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate_min_spin, 1)
        rate_row.addWidget(QLabel(self.tr("to")))
        rate_row.addWidget(self.rate_max_spin, 1)
        labelled(form, self.tr("C&lient rate"), rate_row, self.rate_min_spin)
        self.intermediary_edit = QLineEdit()
        self.intermediary_edit.setMaxLength(200)
        form.addRow(self.tr("&Intermediary"), self.intermediary_edit)
        self.fee_edit = QLineEdit()
        self.fee_edit.setMaxLength(200)
        self.fee_edit.setPlaceholderText(self.tr("The intermediary's fee"))
        form.addRow(self.tr("Intermediary &fee"), self.fee_edit)
        return box

    def _build_referral(self) -> QGroupBox:
        box = QGroupBox(self.tr("Referral terms"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.referral_combo = QComboBox()
        for kind in OFFERED_KINDS:
            self.referral_combo.addItem(referral_kind_label(kind), kind)
        self.referral_combo.setAccessibleName(self.tr("Referral terms"))
        self.referral_amount = QLineEdit()
        self.referral_amount.setMaxLength(100)
        self.referral_amount.setEnabled(False)
        self.referral_amount.setAccessibleName(self.tr("Referral fee amount"))
        self.referral_combo.currentIndexChanged.connect(self._referral_changed)
        labelled(form, self.tr("&Kind"), self.referral_combo, self.referral_combo)
        labelled(form, self.tr("A&mount"), self.referral_amount, self.referral_amount)
        self.coop_share_spin = QSpinBox()
        self.coop_share_spin.setRange(0, 100)
        self.coop_share_spin.setSuffix(" %")
        self.coop_share_spin.setSpecialValueText(self.tr("None"))
        self.coop_share_spin.setAccessibleName(self.tr("Share of the fee for the cooperative"))
        labelled(form, self.tr("Coop &share"), self.coop_share_spin, self.coop_share_spin)
        add_hint(
            form,
            self.tr(
                "The claimer signs these terms before the sealed details unlock; while your app runs, it then releases them to the claimer."
            ),
        )
        return box

    def _referral_changed(self) -> None:
        kind = self.referral_combo.currentData()
        needs_amount = kind in ("fixed-fee", "percent-first-invoice")
        self.referral_amount.setEnabled(needs_amount)
        self.referral_amount.setPlaceholderText(
            self.tr("e.g. € 500")
            if kind == "fixed-fee"
            else self.tr("e.g. 5%")
            if needs_amount
            else ""
        )
        if not needs_amount:
            self.referral_amount.clear()

    # --- reading and checking the form ------------------------------------------------------------

    def fields(self) -> NewLead:
        """The lead, checked; raises :class:`Invalid` naming the first problem."""
        title = self.title_edit.text().strip()
        if not title:
            raise Invalid(self.tr("Give the lead a title."), self.title_edit)
        typed = [s.strip() for s in self.skills_edit.text().split(",") if s.strip()]
        skills = tuple(dict.fromkeys(self.skill_picker.stored(s) for s in typed))  # ESCO ids
        if any(len(s) > 64 for s in skills):
            raise Invalid(self.tr("Each skill can be at most 64 characters."), self.skills_edit)
        if len(skills) > 50:
            raise Invalid(self.tr("A lead can list at most 50 skills."), self.skills_edit)
        today = QDate.currentDate()
        hours = self.hours_spin.value()
        if not 0 <= hours <= MAX_HOURS:
            raise Invalid(self.tr("Hours per week must be between 0 and 80."), self.hours_spin)
        respond_by = ""
        if self.respond_check.isChecked():
            if self.respond_date.date() < today:
                raise Invalid(self.tr("The respond-by date is in the past."), self.respond_date)
            respond_by = self._iso(self.respond_date)
        interest_until = ""
        if self.window_check.isChecked():
            if self.window_date.date() < today:
                raise Invalid(self.tr("The interest window ends in the past."), self.window_date)
            interest_until = self._iso(self.window_date)
        kind = str(self.referral_combo.currentData())
        amount = self.referral_amount.text().strip()
        if kind in ("fixed-fee", "percent-first-invoice") and not amount:
            raise Invalid(self.tr("Say how much the referral fee is."), self.referral_amount)
        terms = f"{kind}: {amount}" if amount else kind
        if self.coop_share_spin.value():
            terms += f"{COOP_SHARE}{self.coop_share_spin.value()}%"
        lo, hi = self.rate_min_spin.value(), self.rate_max_spin.value()
        if lo and hi and lo > hi:
            raise Invalid(
                self.tr("The lowest client rate ({0} €/h) is above the highest ({1} €/h).").format(
                    lo, hi
                ),
                self.rate_min_spin,
            )
        return NewLead(
            title=title,
            role=self.role_edit.text().strip(),
            skills=skills,
            region=self.region_edit.text().strip(),
            remote=self.remote_check.isChecked(),
            start=self._iso(self.start_date) if self.start_check.isChecked() else "",
            duration_weeks=self.duration_spin.value(),
            extension=self.extension_check.isChecked(),
            hours_per_week=hours,
            respond_by=respond_by,
            interest_until=interest_until,
            contract_form=contract_code(self.contract_combo.currentText()),  # #23
            dba_assessment=self.dba_edit.text().strip(),
            description=self.description_edit.toPlainText().strip(),
            referral_terms=terms,
            org=self.org_edit.text().strip(),
            contact=self.contact_edit.text().strip(),
            rate_min=lo,
            rate_max=hi,
            intermediary=self.intermediary_edit.text().strip(),
            fee=self.fee_edit.text().strip(),
        )

    @staticmethod
    def _iso(edit: QDateEdit) -> str:
        return edit.date().toString(Qt.DateFormat.ISODate)

    # --- saving ---------------------------------------------------------------------------------

    def write_call(self) -> Callable[[Api], str]:
        fields = self.fields()
        return lambda a: a.add_lead(fields)

    def failure_text(self, error: BaseException) -> str:
        return self.tr("Not saved: {0}").format(error_text(error))
