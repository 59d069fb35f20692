"""Talent bank in the app: ESCO autocomplete in Dutch and English, the profile saved as ESCO
ids and shown as labels, consent, "Who fits" texts, and the tray's news of a lead that fits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from coopshare.gui.dialogs.who_fits import WhoFitsDialog, fit_line, fit_text
from coopshare.gui.main_window import MainWindow
from coopshare.gui.pages.skill_picker import SkillPicker
from coopshare.service import home as homes
from coopshare.service.api import FitRow, LeadGlance, Watch
from tests.gui.winutil import running_window
from tests.netutil import PASS


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    homes.init(home, "Anna de Vries", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("Brabant Interim")
    coop.store.close()
    yield from running_window(qtbot, home, PASS)


def test_esco_autocomplete_in_dutch_finds_inkoop_and_aanbesteden(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    nl = SkillPicker(window.bridge, edit, lang="nl")
    qtbot.waitUntil(lambda: bool(nl.known_labels), timeout=10_000)
    inkoop = nl.matches("inkoop")
    assert len(inkoop) >= 3 and all("inkoop" in s.casefold() for s in inkoop)
    assert "aanbesteden" in nl.matches("aanbest")
    assert "aanbestedingsrecht" in nl.matches("aanbest")
    # the entry after the last comma is what is completed; the ones before it stay
    edit.setText("contractenrecht, aanbest")
    assert nl.completer.splitPath(edit.text()) == ["aanbest"]
    index = nl.model.index(nl.model.stringList().index("aanbesteden"))
    assert nl.completer.pathFromIndex(index) == "contractenrecht, aanbesteden"
    en = SkillPicker(window.bridge, QLineEdit(), lang="en")  # control: English labels
    qtbot.waitUntil(lambda: bool(en.known_labels), timeout=10_000)
    assert en.matches("inkoop") == [] and "carry out tendering" in en.matches("tendering")


def test_profile_skills_saved_as_esco_ids_and_shown_as_labels(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("people")
    qtbot.waitUntil(lambda: bool(page.skill_picker.known_labels), timeout=10_000)
    page.skills.setText("carry out tendering, Excel")
    page._dirty = True
    page.save()
    qtbot.waitUntil(lambda: not page._dirty, timeout=10_000)
    prof = window.bridge.db(lambda a: a.my_profile()).result(10)
    assert prof.skills[0].startswith("esco:") and prof.skills[1] == "Excel"
    page._got_profile(prof)
    assert page.skills.text() == "carry out tendering, Excel"


def test_consent_box_lists_nobody_for_a_lone_member(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("people")
    box = page.consent_box
    qtbot.waitUntil(lambda: bool(box.state.text()), timeout=10_000)
    assert box.member.count() == 0 and not box.allow.isEnabled()


FIT = FitRow(
    member_id="ab" * 32,
    name="Bram",
    me=False,
    matched=("esco:1", "esco:2", "esco:3"),
    matched_en=("a", "b", "c"),
    matched_nl=("x", "y", "z"),
    asked=4,
    available_from="2027-01-06",
    hours=32,
    region="Brabant",
    remote=False,
    reason="3 of 4 skills, available from 6 Jan, 32 h/week, Brabant",
)


def test_who_fits_dialog_explains_each_member(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert fit_text(FIT) == FIT.reason  # the app's English is the core's reason
    dialog = WhoFitsDialog(window.bridge, "00" * 16, "Inkoper")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.empty.isVisibleTo(dialog), timeout=10_000)  # not a lead
    dialog.show_rows([FIT])
    assert dialog.list.item(0).text() == f"Bram: {FIT.reason} (a, b, c)"
    assert fit_line(FIT) == dialog.list.item(0).text()


def test_tray_news_of_a_fitting_lead_and_silence_on_my_conflict(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    tray = window.tray
    qtbot.waitUntil(lambda: tray.state is not None, timeout=10_000)
    tray._fits_me("Inkoper", FIT)
    assert tray.last_message == ("New lead for you", f"“Inkoper” fits you: {FIT.reason}")
    del tray.last_message
    tray._fits_me("Inkoper", None)
    assert not hasattr(tray, "last_message")
    base = Watch(skills=frozenset({"logistiek"}))
    tray.state = base
    conflicted = LeadGlance("Amphia", "open", False, ("logistiek",), excluded=True)
    tray._compare(Watch(skills=base.skills, leads={"aa": conflicted}))
    assert not hasattr(tray, "last_message")  # my conflict-of-interest names: silent
    tray.state = base
    free = LeadGlance("Amphia", "open", False, ("logistiek",), excluded=False)
    tray._compare(Watch(skills=base.skills, leads={"aa": free}))
    assert tray.last_message[0] == "New lead for you"  # control: the same lead, no conflict


def test_who_fits_reason_in_dutch(qapp) -> None:  # type: ignore[no-untyped-def]
    from coopshare.gui import i18n

    assert i18n.install(qapp, "nl") == "nl"
    try:
        assert fit_text(FIT) == "3 van 4 vaardigheden, beschikbaar vanaf 6 jan, 32 u/week, Brabant"
        assert fit_line(FIT).endswith("(x, y, z)")  # the skills' Dutch labels
    finally:
        i18n.install(qapp, "en")
    assert fit_text(FIT) == FIT.reason  # control: English again
