"""ESCO skill autocomplete for the profile's skills field: a QCompleter over the labels of the
bundled ESCO subset in the interface's language (Dutch labels are the project's translation;
skills without one show in English), matching anywhere in a label, for the entry after the last
comma. Stored skills (``esco:<uuid>``) are shown as labels; labels are turned back into ids
when a profile is saved (``Api.set_talent_profile``) and by :meth:`SkillPicker.stored` (the
lead form); other words stay free text."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLocale, QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from coopshare.gui.bridge import Bridge
from coopshare.service.api import Skill, skill_label


def interface_language() -> str:
    """'nl' when the interface is Dutch (gui/i18n.py sets the default locale), else 'en'."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


def skills_text(skills: Iterable[str]) -> str:
    """Stored skills as the interface shows them: ESCO labels in its language, free words as
    written (plain text: pass it through ``safe``)."""
    lang = interface_language()
    return ", ".join(skill_label(s, lang) for s in skills)


class ListCompleter(QCompleter):
    """Completes the entry after the last comma and keeps the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: object) -> str:
        chosen = str(super().pathFromIndex(index))  # type: ignore[arg-type]
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + chosen


class SkillPicker(QObject):
    """Attaches ESCO completion to `edit` once the catalogue arrives from the store thread."""

    def __init__(self, bridge: Bridge, edit: QLineEdit, lang: str | None = None) -> None:
        super().__init__(edit)
        self.edit = edit
        self.lang = lang or interface_language()
        self.labels: dict[str, str] = {}
        self.model = QStringListModel(self)
        self.completer = ListCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        edit.setCompleter(self.completer)
        self.known_labels: set[str] = set()
        self.ids: dict[str, str] = {}  # label (English or Dutch, casefolded) -> ESCO id
        bridge.db(lambda a: a.skill_catalog(), self.load)

    def load(self, skills: list[Skill]) -> None:
        self.labels = {s.id: s.label(self.lang) for s in skills}
        self.known_labels = set(self.labels.values())
        self.ids = {}
        for s in skills:
            for text in (s.en, s.nl):
                self.ids.setdefault(text.casefold(), s.id)
        self.model.setStringList(sorted(self.known_labels, key=str.casefold))

    def known(self, label: str) -> bool:
        """A label of the catalogue (saved as its ESCO id, whatever its length)."""
        return label in self.known_labels

    def stored(self, text: str) -> str:
        """What is stored for a typed or picked entry: the ESCO id of a label (English or Dutch,
        any case) or an id already, else the words as typed (free text)."""
        t = text.strip()
        return t if t in self.labels else self.ids.get(t.casefold(), t)

    def display(self, skill: str) -> str:
        """A stored skill as the field shows it: its label, or the free word."""
        return self.labels.get(skill, skill)

    def matches(self, text: str) -> list[str]:
        """The labels the completer offers for `text` (what the popup lists)."""
        self.completer.setCompletionPrefix(text)
        out = []
        for row in range(self.completer.completionCount()):
            self.completer.setCurrentRow(row)
            out.append(self.completer.currentCompletion())
        return out
