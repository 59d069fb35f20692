"""Share an idea with its terms: who owns it, what readers may do with it, and who may read it.

Nothing is pre-selected for the usage terms or the audience: they are a contract the readers
accept, so the owner chooses them on purpose. The form checks its input before anything is
written; a refusal from the core (for example a derivative with more permissive terms than its
parent) is shown inside the dialog, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.form import ERROR_STYLE, Invalid, ItemForm, add_hint
from coopshare.gui.errors_text import error_text
from coopshare.gui.fit_height import grow_to_wrap
from coopshare.gui.text import PICKER_FORMAT, safe
from coopshare.service import api
from coopshare.service.api import Api, AudienceMember, IdeaChoice, NewIdea, Terms

MemberRole = Qt.ItemDataRole.UserRole
MeRole = Qt.ItemDataRole.UserRole + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("IdeaForm", text)


def terms_label(terms: str) -> str:
    labels = {
        Terms.PRIVATE.value: _t("Private"),
        Terms.EMBARGO.value: _t("Embargo until a date"),
        Terms.VIEW_ONLY.value: _t("View or discuss only"),
        Terms.ASK_BEFORE_USE.value: _t("Ask before use"),
        Terms.REUSE_FOR_FEE.value: _t("Reuse for a fee"),
        Terms.REUSE_WITH_ATTRIBUTION.value: _t("Reuse with attribution"),
    }
    return labels.get(terms, terms or _t("No terms given"))


def terms_explanation(terms: str) -> str:
    texts = {
        Terms.PRIVATE.value: _t("Readers keep it to themselves: no sharing, no use."),
        Terms.EMBARGO.value: _t("Nobody may use or pass it on before the date you set."),
        Terms.VIEW_ONLY.value: _t("Readers may read and talk about it, but not use it."),
        Terms.ASK_BEFORE_USE.value: _t("Readers must ask the owners before they use it."),
        Terms.REUSE_FOR_FEE.value: _t("Readers may use it after agreeing a fee with the owners."),
        Terms.REUSE_WITH_ATTRIBUTION.value: _t(
            "Readers may use it if they name the owners as its source."
        ),
    }
    return texts.get(terms, "")


class IdeaForm(ItemForm):
    def __init__(
        self, bridge: Bridge, parent: QWidget | None = None, derived_from: str | None = None
    ) -> None:
        super().__init__(bridge, parent)
        self.wanted_parent = derived_from
        self.parents: dict[str, IdeaChoice] = {}
        self.loaded = {"ideas": False, "members": False}
        self.setWindowTitle(self.tr("Share an idea"))
        self.setMinimumWidth(900)
        self.setStyleSheet(ERROR_STYLE)

        outer, columns = self.open_layout(
            self.tr(
                "You stay the owner of your idea. Members see its title, tags and terms; its text is sealed to you and unlocks for a member only after they sign these terms. While your app runs, it then releases the text by itself (with “Embargo”, not before the date), except for “Ask before use” and “Private”, where you approve each member. “Private” without chosen members: only you can read it."
            )
        )
        columns.addWidget(self._build_text(), 1)
        right = QVBoxLayout()
        right.addWidget(self._build_terms())
        right.addWidget(self._build_audience(), 1)
        columns.addLayout(right, 1)

        self.add_footer(
            outer,
            self.tr("Problem with this idea"),
            self.tr("Share idea"),
            self.tr("Share this idea on these terms (Ctrl+Return)"),
        )
        self.title_edit.setFocus()
        bridge.db(lambda a: a.ideas_to_derive_from(), self._got_ideas)
        bridge.db(lambda a: a.audience_members(), self._got_members)

    # --- layout ---------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_wrap(self)  # the Dutch terms explanations wrap instead of being cut off

    def _build_text(self) -> QGroupBox:
        box = QGroupBox(self.tr("The idea"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(300)
        form.addRow(self.tr("&Title (required)"), self.title_edit)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("Separated by commas"))
        form.addRow(self.tr("Ta&gs"), self.tags_edit)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(self.tr("Describe the idea."))
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.setAccessibleName(self.tr("Idea text"))
        self.body_edit.setMinimumHeight(200)
        form.addRow(self.tr("Te&xt"), self.body_edit)
        self.derived_combo = QComboBox()
        self.derived_combo.addItem(self.tr("Not derived from another idea"), "")
        self.derived_combo.setAccessibleName(self.tr("Derived from"))
        self.derived_combo.setMinimumContentsLength(24)
        self.derived_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        form.addRow(self.tr("&Derived from"), self.derived_combo)
        self.derived_combo.currentIndexChanged.connect(self._lock_terms)
        add_hint(
            form,
            self.tr(
                "Building on someone's idea keeps their name on yours. A derived idea cannot have more permissive terms than the idea it builds on."
            ),
        )
        return box

    def _build_terms(self) -> QGroupBox:
        box = QGroupBox(self.tr("Usage terms (choose one)"))
        v = QVBoxLayout(box)
        v.setSpacing(2)
        self.terms_group = QButtonGroup(self)
        self.terms_buttons: dict[str, QRadioButton] = {}
        self.terms_notes: dict[str, QLabel] = {}
        for terms in Terms:
            radio = QRadioButton(terms_label(terms.value))
            radio.setObjectName(f"terms-{terms.value}")
            radio.setToolTip(terms_explanation(terms.value))
            self.terms_group.addButton(radio)
            self.terms_buttons[terms.value] = radio
            explain = QLabel(terms_explanation(terms.value))
            explain.setWordWrap(True)
            explain.setStyleSheet(
                "color: palette(placeholder-text); margin-left: 22px; margin-bottom: 4px;"
            )
            self.terms_notes[terms.value] = explain
            v.addWidget(radio)
            v.addWidget(explain)
            if terms is Terms.EMBARGO:
                row = QHBoxLayout()
                row.setContentsMargins(22, 0, 0, 6)
                self.embargo_date = QDateEdit(QDate.currentDate().addDays(30))
                self.embargo_date.setCalendarPopup(True)
                self.embargo_date.setDisplayFormat(PICKER_FORMAT)
                self.embargo_date.setAccessibleName(self.tr("Embargo until"))
                self.embargo_date.setMinimumWidth(130)
                # its full height, also when the problem line takes room (#31)
                self.embargo_date.setMinimumHeight(self.embargo_date.sizeHint().height())
                self.embargo_date.setEnabled(False)
                until = QLabel(self.tr("&Until"))
                until.setBuddy(self.embargo_date)
                row.addWidget(until)
                row.addWidget(self.embargo_date)
                row.addStretch(1)
                v.addLayout(row)
                radio.toggled.connect(self.embargo_date.setEnabled)
        return box

    def _build_audience(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who can read it (choose one)"))
        v = QVBoxLayout(box)
        self.audience_group = QButtonGroup(self)
        self.audience_coop = QRadioButton(self.tr("The whole cooperative"))
        self.audience_named = QRadioButton(self.tr("Only these members:"))
        for radio in (self.audience_coop, self.audience_named):
            self.audience_group.addButton(radio)
            v.addWidget(radio)
        self.members_list = QListWidget()
        self.members_list.setAccessibleName(self.tr("Members who can read it"))
        self.members_list.setEnabled(False)
        self.members_list.setMinimumHeight(80)
        self.audience_named.toggled.connect(self.members_list.setEnabled)
        v.addWidget(self.members_list, 1)
        return box

    def _lock_terms(self) -> None:
        """Terms more permissive than the parent idea's are off before anyone picks them (#31):
        the core would refuse them (``api.terms_rank``); the tooltip says why."""
        parent = self.parents.get(str(self.derived_combo.currentData() or ""))
        for value, radio in self.terms_buttons.items():
            too_open = parent is not None and api.terms_rank(value) > parent.rank
            radio.setEnabled(not too_open)
            self.terms_notes[value].setEnabled(not too_open)
            tip = terms_explanation(value)
            if parent is not None and too_open:
                tip = self.tr(
                    "Not possible here: this idea builds on one shared as “{0}”, and a derived idea cannot have more permissive terms."
                ).format(terms_label(parent.terms))
            radio.setToolTip(tip)
            if too_open and radio.isChecked():
                self.terms_group.setExclusive(False)  # an exclusive group cannot uncheck
                radio.setChecked(False)
                self.terms_group.setExclusive(True)

    # --- loading --------------------------------------------------------------------------------

    def _got_ideas(self, ideas: list[IdeaChoice]) -> None:
        for idea in ideas:
            self.parents[idea.id] = idea
            label = self.tr("{0} — {1}, {2}").format(
                safe(idea.title, 80), safe(idea.author, 60), terms_label(idea.terms)
            )
            self.derived_combo.addItem(label, idea.id)
        if self.wanted_parent:
            i = self.derived_combo.findData(self.wanted_parent)
            if i >= 0:
                self.derived_combo.setCurrentIndex(i)
        self.loaded["ideas"] = True

    def _got_members(self, members: list[AudienceMember]) -> None:
        self.members_list.clear()
        for m in members:
            name = safe(m.name, 80)
            text = self.tr("{0} (you, owner)").format(name) if m.me else name
            item = QListWidgetItem(text)
            item.setData(MemberRole, m.member_id)
            item.setData(MeRole, m.me)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
            if m.me:
                flags = Qt.ItemFlag.ItemIsUserCheckable  # always in the audience: not changeable
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if m.me else Qt.CheckState.Unchecked)
            self.members_list.addItem(item)
        self.loaded["members"] = True

    # --- checking and saving ----------------------------------------------------------------------

    def chosen_terms(self) -> str:
        for value, radio in self.terms_buttons.items():
            if radio.isChecked():
                return value
        return ""

    def chosen_members(self) -> list[str]:
        out = []
        for i in range(self.members_list.count()):
            item = self.members_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(MemberRole)))
        return out

    def values(self) -> NewIdea:
        """The idea as Coop.add_idea takes it, checked; raises :class:`Invalid`."""
        title = self.title_edit.text().strip()
        if not title:
            raise Invalid(self.tr("Give the idea a title."), self.title_edit)
        tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        if any(len(t) > 64 for t in tags) or len(tags) > 50:
            raise Invalid(self.tr("Use at most 50 tags of up to 64 characters."), self.tags_edit)
        terms = self.chosen_terms()
        if not terms:
            raise Invalid(
                self.tr(
                    "Choose the usage terms: they are the agreement readers accept before they read your idea."
                ),
                self.terms_buttons[Terms.PRIVATE.value],
            )
        embargo = None
        if terms == Terms.EMBARGO.value:
            if self.embargo_date.date() <= QDate.currentDate():
                raise Invalid(self.tr("An embargo must end after today."), self.embargo_date)
            embargo = self.embargo_date.date().toString(Qt.DateFormat.ISODate)
        if not (self.audience_coop.isChecked() or self.audience_named.isChecked()):
            raise Invalid(self.tr("Choose who can read this idea."), self.audience_coop)
        to: list[str] = []
        if self.audience_named.isChecked():
            if not self.loaded["members"]:
                raise Invalid(self.tr("The list of members is still loading; try again."))
            to = self.chosen_members()
        parent_id = str(self.derived_combo.currentData() or "")
        if parent_id:
            parent = self.parents[parent_id]
            if api.terms_rank(terms) > parent.rank:
                raise Invalid(
                    self.tr(
                        "“{0}” builds on an idea shared as “{1}”, so it cannot be shared as “{2}”. Choose terms that are at least as strict."
                    ).format(safe(title, 80), terms_label(parent.terms), terms_label(terms)),
                    self.terms_buttons[terms],
                )
        return NewIdea(
            title=title,
            body=self.body_edit.toPlainText(),
            terms=terms,
            tags=tuple(tags),
            to=tuple(bytes.fromhex(m) for m in to),
            derived_from=(bytes.fromhex(parent_id),) if parent_id else (),
            embargo_until=embargo,
        )

    def write_call(self) -> Callable[[Api], str]:
        v = self.values()

        def add(door: Api) -> str:
            return door.add_idea(
                v.title,
                v.body,
                v.terms,
                tags=v.tags,
                to=v.to,
                derived_from=v.derived_from,
                embargo_until=v.embargo_until,
            )

        return add

    def failure_text(self, error: BaseException) -> str:
        return self.tr("Not saved: {0}").format(error_text(error))
