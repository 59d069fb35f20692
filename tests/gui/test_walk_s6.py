"""The new member's walk of session 6: what a Dutch member stumbled on. Each test has its
control: the state the fix changes."""

# ruff: noqa: F401, F811 (make_world is a pytest fixture imported from the leads/ideas tests)

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from coopshare.gui import i18n
from coopshare.gui.contract_forms import CONTRACT_FORMS, contract_label
from coopshare.gui.dialogs.idea_form import IdeaForm
from coopshare.gui.pages.notes import NotesPage
from coopshare.service import demo_content
from coopshare.service.coop import Coop
from tests.gui.test_leads_ideas import WAIT, World, leads_page, make_world


def _clipped(label: QLabel) -> bool:
    return label.isVisible() and label.height() < label.heightForWidth(label.width())


def test_dutch_idea_terms_are_not_cut_off(
    qtbot: QtBot, qapp: QApplication, make_world: Callable[..., World]
) -> None:
    """The idea form in Dutch, opened at its own size: every terms explanation wraps onto as
    many lines as it needs (they were cut to one line: "…vóór de datum die"). Control: the
    Dutch explanations really are wider than their column."""
    world = make_world(lambda anna, bram: {})
    i18n.install(qapp, "nl")
    try:
        form = IdeaForm(world.bridge)
        world.keep(form)
        form.show()
        qtbot.waitUntil(lambda: form.loaded["ideas"], timeout=WAIT)
        qtbot.wait(100)
        notes = list(form.terms_notes.values())
        one_line = notes[0].fontMetrics().height()
        assert any(n.heightForWidth(n.width()) > 1.5 * one_line for n in notes)  # control
        assert not [n.text() for n in notes if _clipped(n)]
        assert form.height() <= (form.screen().availableGeometry().height() or 10_000)
    finally:
        i18n.install(qapp, "en")


def test_lead_dates_read_as_dates_in_dutch(
    qtbot: QtBot, qapp: QApplication, make_world: Callable[..., World]
) -> None:
    """The lead detail showed "Start 2026-12-21" beside a history of "7 dec 2026, 06:18": a
    stored date now reads like every other date in the app. Control: the stored value really is
    ISO."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "lead": bram.add_lead(
                {"title": "Interim HR", "start": "2026-12-21", "respond_by": "2026-12-14"}
            ),
        }

    world = make_world(setup)
    i18n.install(qapp, "nl")
    try:
        page = leads_page(qtbot, world, rows=1)
        page.open_item(world.made["lead"].hex())
        qtbot.waitUntil(lambda: page.current is not None and page.current.title == "Interim HR",
                        timeout=WAIT)  # fmt: skip
        assert page.current is not None and page.current.start == "2026-12-21"  # control
        assert page.form_rows["start"].text() == "21 dec 2026"
        assert page.form_rows["respond_by"].text() == "14 dec 2026"
    finally:
        i18n.install(qapp, "en")


class _Recorder:
    """Stands in for a member's Coop while the demo seeds it: keeps the leads given."""

    def __init__(self) -> None:
        self.leads: list[dict[str, object]] = []

    def add_lead(self, fields: dict[str, object]) -> bytes:
        self.leads.append(fields)
        return bytes(16)

    def items(self, _kind: object) -> list[object]:
        return []

    def __getattr__(self, _name: str) -> Callable[..., bytes]:
        return lambda *_a, **_k: bytes(16)


def test_demo_leads_name_a_contract_form_every_member_reads_in_their_language(
    qapp: QApplication,
) -> None:
    """The demo's leads said "direct" and "zzp" as their contract form, shown untranslated
    in English and Dutch alike: they are stored as the codes the lead form stores."""
    recorders = [_Recorder() for _ in range(3)]
    for seed, rec in zip((demo_content.seed_user, demo_content.seed_bram,
                          demo_content.seed_carla), recorders, strict=True):  # fmt: skip
        seed(rec)  # type: ignore[arg-type]
    leads = [lead for rec in recorders for lead in rec.leads] + demo_content.LIVE_LEADS
    forms = [str(lead["contract_form"]) for lead in leads if "contract_form" in lead]
    assert len(forms) >= 3  # control: the demo does give contract forms
    assert set(forms) <= set(CONTRACT_FORMS)
    i18n.install(qapp, "nl")
    try:
        assert contract_label("freelance") == "Freelance (zzp)"
    finally:
        i18n.install(qapp, "en")


def test_passphrase_warning_points_to_the_recovery_key(qtbot: QtBot, qapp: QApplication) -> None:
    """The identity page said there is "no way to recover your data" without the passphrase,
    although the recovery key of the next step restores the identity and opens backups
    (RestoreDialog's "I forgot my passphrase"). Now it says so, in English and Dutch."""
    from coopshare.gui.dialogs.identity_pages import IdentityPage

    for lang, key in (("en", "recovery key"), ("nl", "herstelsleutel")):
        i18n.install(qapp, lang)
        try:
            page = IdentityPage()
            qtbot.addWidget(page)
            assert key in page.warning.text()
            assert "no way" not in page.warning.text()
        finally:
            i18n.install(qapp, "en")


def _cut(label: QLabel) -> bool:
    """Is the label's text cut off: wrapped onto fewer lines than it needs, or one line that
    does not fit its width."""
    if label.wordWrap():
        return label.height() < label.heightForWidth(label.width())
    return label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width()


def test_dutch_restore_by_recovery_key_keeps_its_intro(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """Restore from a backup, "I forgot my passphrase" ticked: three more fields appeared and
    the intro above them lost its top line ("Kies een CoopShare-back-upbestand…" cut off).
    Control: unticked, the intro fits too; ticked, the fields really are shown."""
    from coopshare.gui.dialogs.backup import RestoreDialog

    i18n.install(qapp, "nl")
    try:
        dialog = RestoreDialog(tmp_path / "new", None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        intro = dialog.findChildren(QLabel)[0]
        assert intro.text().startswith("Kies een CoopShare")
        assert not _cut(intro)  # control
        dialog.forgot.setChecked(True)
        qtbot.wait(100)
        assert dialog.recovery_edit.isVisible() and dialog.repeat_edit.isVisible()
        assert not _cut(intro)
    finally:
        i18n.install(qapp, "en")


def test_dutch_pairing_heading_is_not_cut_off(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """First run → "Dit is nog een apparaat van mij…": the heading "Deze computer toevoegen als
    nog een apparaat van mij" ran past the dialog's right edge. Control: it is wider than
    the dialog's minimum width on one line."""
    from coopshare.gui.dialogs.pair_device import NewDeviceDialog

    i18n.install(qapp, "nl")
    try:
        dialog = NewDeviceDialog(tmp_path / "new", None)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(50)
        heading = dialog.heading
        one_line = heading.fontMetrics().horizontalAdvance(heading.text())
        assert one_line > heading.contentsRect().width() or one_line > dialog.minimumWidth() - 36
        assert not _cut(heading)
    finally:
        i18n.install(qapp, "en")


def test_add_my_device_names_the_first_run_button(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, make_world: Callable[..., World]
) -> None:
    """People → My devices → Add my device tells what to choose on the new computer: it
    names the first-run button as it reads, in English and Dutch (it ran the button's words
    into the sentence without quotes and without its "…")."""
    from coopshare.gui.dialogs.first_run import FirstRunWizard
    from coopshare.gui.dialogs.pair_device import AddMyDeviceDialog

    world = make_world(lambda anna, bram: {})
    for lang in ("en", "nl"):
        i18n.install(qapp, lang)
        try:
            wizard = FirstRunWizard(tmp_path / lang)
            qtbot.addWidget(wizard)
            dialog = AddMyDeviceDialog(world.bridge)
            world.keep(dialog)
            button = wizard.welcome_page.device_button.text().replace("&", "")
            assert f"“{button}”" in dialog.intro.text()
        finally:
            i18n.install(qapp, "en")


def test_shortcut_list_lines_up_in_dutch(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    """Help → Keyboard shortcuts: keys and what they do were separated by a tab, so
    "Ctrl+O, Ctrl+P" pushed "Snel openen…" a column further than every other line. Now a
    two-column table: every description starts in the same column. Control: one entry has two
    key sequences, longer than the others."""
    from PySide6.QtWidgets import QMessageBox

    from coopshare.gui.main_window import MainWindow
    from coopshare.service import home as homes
    from tests.netutil import PASS

    home = tmp_path / "anna"
    homes.init(home, "Anna", PASS)
    i18n.install(qapp, "nl")
    bridge = None
    try:
        from coopshare.gui.app import start_node
        from coopshare.gui.settings import Prefs

        prefs = Prefs(home)
        prefs.set("mdns", False)
        bridge = start_node(home, PASS, prefs)
        window = MainWindow(bridge, prefs, home)
        qtbot.addWidget(window)
        window.menus.show_shortcuts()
        box = window.findChild(QMessageBox)
        assert box is not None
        text = box.text()
        assert "Ctrl+O, Ctrl+P" in text  # control
        assert box.textFormat() == Qt.TextFormat.RichText and "\t" not in text
        assert text.count("<tr>") == text.count("Ctrl+") - 1  # one row per action
        assert "<td>Snel openen…</td>" in text
        box.close()
        window.close()
    finally:
        if bridge is not None:
            bridge.stop()
        i18n.install(qapp, "en")


def _rows_are(page: NotesPage, n: int) -> bool:
    return page.model.rowCount() == n


def _info_starts(page: NotesPage, text: str) -> bool:
    return page.info.text().startswith(text)


def test_my_own_note_says_by_you(
    qtbot: QtBot, qapp: QApplication, make_world: Callable[..., World]
) -> None:
    """My own idea says "Shared by you", my own lead "Given by you", but my own note said
    "By Anna de Vries": now "By you" (Dutch "Door jou"). Control: Bram's note names Bram."""
    from coopshare.gui.pages.notes import NotesPage

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "mine": anna.add_note("Mijn notitie", "Tekst.", []),
            "theirs": bram.add_note("Notitie van Bram", "Tekst.", []),
        }

    world = make_world(setup)
    for lang, mine, theirs in (
        ("en", "By you ·", "By Bram Jansen ·"),
        ("nl", "Door jou ·", "Door Bram Jansen ·"),
    ):
        i18n.install(qapp, lang)
        try:
            page = NotesPage(world.bridge)
            world.keep(page)
            page.show()
            page.refresh()
            qtbot.waitUntil(functools.partial(_rows_are, page, 2), timeout=WAIT)
            for key, want in (("theirs", theirs), ("mine", mine)):
                page.open_item(world.made[key].hex())
                qtbot.waitUntil(functools.partial(_info_starts, page, want), timeout=WAIT)
        finally:
            i18n.install(qapp, "en")
