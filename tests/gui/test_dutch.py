"""The Dutch translation, driven through the real window (pytest-qt, offscreen).

With Dutch installed before the window is built, no English source string of
``gui/i18n/coopshare_nl.ts`` may be left on the main window, its pages, its forms or its dialogs:
not as a label, button, placeholder, sidebar entry, tab, group title, combo item, table header,
table cell, feed row, tooltip, accessible name or window title, and not as an English template
filled in (``"Given by {0} · updated {1}"``). Every tr() lookup the app makes on the way must find
a Dutch translation in the catalogue, in the context Qt asks for. Strings that read the same in
both languages ("CoopShare", "Lead", "Status", "Tags: {0}") are not English leftovers.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import PySide6
import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QStyledItemDelegate,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coopshare.gui import i18n
from coopshare.gui.app import start_node
from coopshare.gui.dialogs.idea_form import IdeaForm
from coopshare.gui.dialogs.invite import InviteDialog
from coopshare.gui.dialogs.lead_form import LeadForm
from coopshare.gui.dialogs.search import SearchDialog
from coopshare.gui.dialogs.settings import SettingsDialog
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs
from coopshare.service import home as homes
from tests.netutil import PASS

WAIT = 10_000
TS = i18n.I18N / "coopshare_nl.ts"
QM = i18n.I18N / "coopshare_nl.qm"
PAGES = ("activity", "notes", "leads", "ideas", "people", "ledger", "nearby")
PLACEHOLDER = re.compile(r"(\{\d+\}|%n|%v|%m)")


# --- the catalogue ----------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Catalogue:
    english: frozenset[str]  # source texts whose Dutch reads differently
    templates: tuple[tuple[re.Pattern[str], str], ...]  # English with placeholders, as patterns
    translated: frozenset[tuple[str, str]]  # (context, source) with a finished translation
    messages: tuple[tuple[str, str, bool, tuple[str, ...], str | None], ...]  # for the checks


def _pattern(source: str) -> re.Pattern[str]:
    parts = PLACEHOLDER.split(source)
    rx = "".join(
        (r"\d+" if p in ("%n", "%v", "%m") else "(.+?)") if i % 2 else re.escape(p)
        for i, p in enumerate(parts)
    )
    return re.compile(rx, re.DOTALL)


def load_catalogue() -> Catalogue:
    differs: set[str] = set()
    same: set[str] = set()
    translated: set[tuple[str, str]] = set()
    messages = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            source = m.findtext("source") or ""
            t = m.find("translation")
            assert t is not None, (name, source)
            kind = t.get("type")
            if kind in ("vanished", "obsolete"):
                continue
            forms = tuple(f.text or "" for f in t.iter("numerusform")) or (t.text or "",)
            messages.append((name, source, m.get("numerus") == "yes", forms, kind))
            if kind == "unfinished":
                continue
            translated.add((name, source))
            (same if source in forms else differs).add(source)
    english = differs - same
    templates = tuple(
        (_pattern(s), s)
        for s in sorted(english)
        if PLACEHOLDER.search(s) and re.search("[A-Za-z]{2,}", PLACEHOLDER.sub("", s))
    )
    return Catalogue(frozenset(english), templates, frozenset(translated), tuple(messages))


CATALOGUE = load_catalogue()


def english_in(texts: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(where, text, English source) for every text that is an English source string."""
    found = []
    for where, text in texts:
        if text in CATALOGUE.english:
            found.append((where, text, text))
            continue
        for pattern, source in CATALOGUE.templates:
            if pattern.fullmatch(text):
                found.append((where, text, source))
                break
    return found


# --- what a user sees ---------------------------------------------------------------------------


def _cells(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None or isinstance(view, QHeaderView | QListWidget):
        return
    top = QModelIndex()
    if isinstance(view, QListView):
        columns: list[int] = [view.modelColumn()]
    else:
        columns = list(range(model.columnCount(top)))
        for col in columns:
            header = model.headerData(col, Qt.Orientation.Horizontal)
            if isinstance(header, str):
                yield f"{where} header {col}", header
    for row in range(min(model.rowCount(top), 50)):
        for col in columns:
            index = model.index(row, col, top)
            delegate = view.itemDelegateForIndex(index)
            texts = getattr(delegate, "texts", None)  # the two-line feed/search rows
            if callable(texts):
                shown = texts(index)
                for field in dataclasses.fields(shown) if shown is not None else ():
                    value = getattr(shown, field.name)
                    if field.name != "kind" and isinstance(value, str):
                        yield f"{where} row {row} {field.name}", value
            elif isinstance(delegate, QStyledItemDelegate):
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
                if value is not None:
                    yield f"{where} cell {row},{col}", delegate.displayText(value, QLocale())


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every user-visible string on `root` and its children (shown now, or on another page)."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}({w.objectName()})"
        texts: list[tuple[str, str]] = [
            ("windowTitle", w.windowTitle()),
            ("toolTip", w.toolTip()),
            ("accessibleName", w.accessibleName()),
            ("accessibleDescription", w.accessibleDescription()),
            ("statusTip", w.statusTip()),
        ]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(("text", w.text()))
        if isinstance(w, QLineEdit):
            texts += [("placeholderText", w.placeholderText()), ("text", w.text())]
        if isinstance(w, QPlainTextEdit | QTextEdit):
            texts.append(("placeholderText", w.placeholderText()))
        if isinstance(w, QGroupBox):
            texts.append(("title", w.title()))
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                texts += [(f"tab {i}", w.tabText(i)), (f"tab {i} toolTip", w.tabToolTip(i))]
        if isinstance(w, QComboBox):
            texts.append(("placeholderText", w.placeholderText()))
            texts += [(f"item {i}", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                texts += [(f"item {i}", item.text()), (f"item {i} toolTip", item.toolTip())]
        if isinstance(w, QSpinBox | QDoubleSpinBox):
            texts += [("prefix", w.prefix()), ("suffix", w.suffix())]
        if isinstance(w, QAbstractSpinBox):
            texts.append(("specialValueText", w.specialValueText()))
        if isinstance(w, QProgressBar):
            texts += [("format", w.format()), ("text", w.text())]
        if isinstance(w, QMainWindow):
            texts.append(("status message", w.statusBar().currentMessage()))
        for action in w.actions():
            texts += [("action", action.text()), ("action toolTip", action.toolTip())]
        out += [(f"{where}.{what}", text) for what, text in texts if text]
        if isinstance(w, QAbstractItemView):
            out += list(_cells(w, where))
    return out


# --- the app, in Dutch ----------------------------------------------------------------------------


class LookupRecorder(QTranslator):
    """Asked first by Qt: records each lookup and lets the real translators answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> Any:
        self.asked.append((str(context), str(source)))
        return None  # a null string: Qt goes on to the next translator

    def isEmpty(self) -> bool:
        return False

    def unresolved(self) -> list[tuple[str, ...]]:
        """App lookups (not Qt's own, Q-classes) that no asked context has a translation for."""
        contexts: dict[str, set[str]] = {}
        for context, source in self.asked:
            contexts.setdefault(source, set()).add(context)
        return sorted(
            (source, *sorted(ctxs))
            for source, ctxs in contexts.items()
            if any(not re.match("Q[A-Z]", c) for c in ctxs)
            and not any((c, source) in CATALOGUE.translated for c in ctxs)
        )


@dataclasses.dataclass
class Dutch:
    window: MainWindow
    ids: dict[str, str]
    recorder: LookupRecorder


def make_home(path: Path) -> tuple[Path, dict[str, str]]:
    """A data folder with a cooperative, a note, a lead and an idea (then closed)."""
    homes.init(path, "Anna de Vries", PASS)
    coop = homes.open_coop(path, PASS)
    try:
        coop.create_coop("Brabant Interim")
        ids = {
            "note": coop.add_note(
                "Havenvisie Rotterdam", "De **visie** van de haven voor 2030.", ["haven"]
            ),
            "lead": coop.add_lead(
                {
                    "title": "Interim havenmeester",
                    "role": "Havenmeester",
                    "skills": ["logistiek"],
                    "region": "Rotterdam",
                    "remote": True,
                    "duration_weeks": 12,
                    "extension": True,
                    "hours_per_week": 32,
                    "referral_terms": "thanks",
                    "org": "Havenbedrijf Rotterdam",
                    "rate_min": 110,
                    "rate_max": 135,
                }
            ),
            "idea": coop.add_idea(
                "Haven als leerplek", "Leerlingen in de haven.", "reuse-with-attribution"
            ),
        }
    finally:
        coop.store.close()
    return path, {kind: raw.hex() for kind, raw in ids.items()}


@pytest.fixture
def dutch(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[Dutch]:
    home, ids = make_home(tmp_path / "home")
    prefs = Prefs(home)
    prefs.set("mdns", False)
    recorder = LookupRecorder()
    assert i18n.install(qapp, "nl") == "nl"  # before any widget exists
    qapp.installTranslator(recorder)
    bridge = start_node(home, PASS, prefs)
    window: MainWindow | None = None
    try:
        window = MainWindow(bridge, prefs, home)
        window.show()
        yield Dutch(window, ids, recorder)
    finally:
        if window is not None:
            window.close()
        bridge.stop()
        qapp.removeTranslator(recorder)
        i18n.install(qapp, "en")  # the other tests read English
        if window is not None:
            window.deleteLater()


def _has(widget: QWidget, text: str) -> bool:
    return any(text in t for _, t in visible_texts(widget))


def assert_dutch(texts: list[tuple[str, str]]) -> None:
    left = english_in(texts)
    assert not left, "English left in Dutch:\n" + "\n".join(
        f"  {where}: {text!r}" + (f"  (from {src!r})" if src != text else "")
        for where, text, src in left
    )


# --- the tests ----------------------------------------------------------------------------------


def test_catalogue_is_complete_and_compiled(tmp_path: Path) -> None:
    assert len(CATALOGUE.messages) > 500
    for context, source, numerus, forms, kind in CATALOGUE.messages:
        where = f"{context}: {source!r}"
        assert kind is None, f"{where} is {kind}"
        assert len(forms) == (2 if numerus else 1), where  # Dutch: one, other
        for form in forms:
            assert form.strip(), f"{where} has no translation"
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), where
            assert form.count("\n") == source.count("\n"), f"{where}: line breaks"
            assert form.replace("&&", "").count("&") == source.replace("&&", "").count("&"), (
                f"{where}: one mnemonic (&) each"
            )
            assert form[:1].isspace() == source[:1].isspace(), f"{where}: leading space"
    # the .qm next to it is what lrelease makes of this .ts
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        lrelease = Path(PySide6.__file__).with_name("lrelease")
    out = tmp_path / "coopshare_nl.qm"
    run = subprocess.run(
        [str(lrelease), str(TS), "-qm", str(out)], capture_output=True, text=True, check=True
    )
    assert "0 unfinished" in run.stdout, run.stdout
    assert out.read_bytes() == QM.read_bytes(), "coopshare_nl.qm is stale: run the script"


def test_main_window_pages_are_dutch(qtbot: QtBot, dutch: Dutch) -> None:
    w = dutch.window
    loaded: dict[str, Callable[[Any], bool]] = {
        "activity": lambda p: p.model.rowCount() == 3,
        "notes": lambda p: p.model.rowCount() == 1,
        "leads": lambda p: p.model.rowCount() == 1,
        "ideas": lambda p: p.model.rowCount() == 1,
        "people": lambda p: p.members.rowCount() == 1,
        "ledger": lambda p: p.ledger is not None,
        "nearby": lambda p: _has(p, "Nog niemand in de buurt"),
    }
    texts: list[tuple[str, str]] = []
    for key in PAGES:
        page = w.show_page(key)
        assert w.stack.currentWidget() is page
        qtbot.waitUntil(functools.partial(loaded[key], page), timeout=WAIT)
        texts += visible_texts(w)
    # one item open on each kind of page: the detail panels fill in
    for kind, key in (("note", "notes"), ("lead", "leads"), ("idea", "ideas")):
        w.open_item(kind, dutch.ids[kind])
        assert w.stack.currentWidget() is w.pages[key]
    qtbot.waitUntil(lambda: w.notes.title_edit.text() == "Havenvisie Rotterdam", timeout=WAIT)
    for key, words in (("leads", "Aangebracht door jou"), ("ideas", "Gedeeld door jou")):
        page = w.pages[key]
        qtbot.waitUntil(functools.partial(_has, page, words), timeout=WAIT)
    texts += visible_texts(w)

    assert_dutch(texts)
    shown = {text for _, text in texts}
    sidebar = [w.sidebar.item(i).text() for i in range(w.sidebar.count())]
    assert sidebar == [
        "Activiteit",
        "Notities",
        "Leads",
        "Ideeën",
        "Mensen",
        "Geven en ontvangen",
        "In de buurt",
    ]
    assert {"Zoeken…", "Uitnodigen", "Instellingen", "Notities filteren", "Titel"} <= shown
    assert {"Auteur", "Bijgewerkt", "Aangebracht door", "Voorwaarden", "Eigenaar"} <= shown
    assert "Hergebruik met bronvermelding" in shown  # the ideas table's usage terms column
    assert "Een bedankje is genoeg" in shown  # the lead's referral terms
    assert {"Notitie", "Lead", "Idee", "Jij bracht een lead aan"} <= shown  # the feed: my event
    assert w.windowTitle() == "Brabant Interim — CoopShare"
    # the tray's notifications go through window.tr(): the MainWindow context
    assert w.tr("New member") == "Nieuw lid"
    assert w.tr("“{0}” matches your skills: {1}") == "“{0}” past bij je vaardigheden: {1}"
    assert w.tr("● %n member(s) online", "", 1) == "● 1 lid online"
    assert w.tr("● %n member(s) online", "", 3) == "● 3 leden online"
    assert not dutch.recorder.unresolved(), "tr() without a Dutch translation"


def test_forms_and_dialogs_are_dutch(qtbot: QtBot, dutch: Dutch) -> None:
    w = dutch.window

    # Ctrl+N on the leads and ideas pages: the forms open over the window
    leads = w.show_page("leads")
    leads.new_item()
    lead_form = w.findChild(LeadForm)
    assert lead_form is not None
    qtbot.waitUntil(lead_form.isVisible, timeout=WAIT)
    assert lead_form.windowTitle() == "Een lead aanbrengen"
    assert_dutch(visible_texts(lead_form))
    lead_form.reject()

    ideas = w.show_page("ideas")
    ideas.new_item()
    idea_form = w.findChild(IdeaForm)
    assert idea_form is not None
    qtbot.waitUntil(lambda: all(idea_form.loaded.values()), timeout=WAIT)
    assert idea_form.windowTitle() == "Een idee delen"
    assert_dutch(visible_texts(idea_form))
    idea_form.reject()

    # search, as the header button opens it, with a note, a lead and an idea found
    w.search_button.click()
    search = w.findChild(SearchDialog)
    assert search is not None
    qtbot.waitUntil(search.isVisible, timeout=WAIT)
    texts = visible_texts(search)
    qtbot.keyClicks(search.query, "haven")
    qtbot.waitUntil(lambda: search.model.rowCount() == 3, timeout=WAIT)
    texts += visible_texts(search)
    assert_dutch(texts)
    assert search.windowTitle() == "Zoeken"
    assert search.status.text() == "3 resultaten"
    assert search.query.placeholderText() == "Notities, leads en ideeën doorzoeken"
    search.close()

    # settings, every tab (the dialog's exec() would block: built as open_settings builds it)
    settings = SettingsDialog(w.bridge, w.prefs, w.home, w)
    settings.show()
    qtbot.waitUntil(settings.isVisible, timeout=WAIT)
    assert_dutch(visible_texts(settings))
    assert settings.windowTitle() == "Instellingen"
    tabs = settings.findChild(QTabWidget)
    assert tabs is not None
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Algemeen",
        "Netwerk",
        "Wachtwoordzin",
        "Gegevens",
    ]
    assert _has(settings, "Meetup-modus")
    save = settings.buttons.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "")
    network = [x.text() for x in settings.findChildren(QLabel) if "Netwerkwijzig" in x.text()]
    assert network and save in network[0]  # the hint names the button there is ("OK" was not)
    settings.reject()

    # an invitation, made and shown
    invite = InviteDialog(w.bridge, w)
    invite.show()
    qtbot.waitUntil(invite.create_button.isEnabled, timeout=WAIT)
    texts = visible_texts(invite)
    invite.create_button.click()
    qtbot.waitUntil(lambda: bool(invite.text()), timeout=WAIT)
    texts += visible_texts(invite)
    assert_dutch(texts)
    assert _has(invite, "Deze uitnodiging werkt één keer")
    invite.reject()

    assert not dutch.recorder.unresolved(), "tr() without a Dutch translation"
