"""The talent bank's remaining flows in the app, each on real data folders of three members
(Anna runs the app; Bram and Carol are folders whose ops reach her as a sync or a bundle would):
publishing availability for a colleague who consented (and only for them), consent buttons that
follow what is signed, the private conflict-of-interest editor, and lead skills picked from
ESCO in Dutch stored as ids and matched on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QGroupBox, QScrollArea

from coopshare.errors import RULE_NO_CONSENT, NotAllowed
from coopshare.gui import i18n
from coopshare.gui.app import start_node
from coopshare.gui.dialogs.bench_window import BenchWindowDialog
from coopshare.gui.dialogs.lead_form import LeadForm, TitledBox
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs
from coopshare.service.api import Api, NewLead
from coopshare.service.coop import Coop
from tests.doorutil import PASS, edit, everything, make_coop

PROCUREMENT_STRATEGY = "esco:29cd7e7b-215c-483a-b67a-6bdad0647de9"  # inkoopstrategie ontwikkelen
PROCUREMENT_NEEDS = "esco:6dd4ce8c-1813-429d-9f06-3382c4833ca3"  # inkoopbehoefte bepalen
WAIT = 15_000


def day(n: int) -> str:
    return (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=n)).isoformat()


@dataclass
class World:
    window: MainWindow
    homes: dict[str, Path]
    ids: dict[str, bytes]

    def db(self, fn: Callable[[Api], object]) -> object:
        return self.window.bridge.db(fn).result(10)


Prepare = Callable[[dict[str, Coop]], None]


@pytest.fixture
def world(qtbot, tmp_path: Path) -> Iterator[Callable[[Prepare], World]]:  # type: ignore[no-untyped-def]
    made: list[World] = []

    def build(prepare: Prepare) -> World:
        names = ["Anna", "Bram", "Carol"]
        homes = dict(zip(names, make_coop(tmp_path, names), strict=True))
        coops = {n: _open(h) for n, h in homes.items()}
        prepare(coops)
        for name in ("Bram", "Carol"):
            everything(coops[name], coops["Anna"])  # what a sync would bring Anna
        ids = {n: c.me.member_id for n, c in coops.items()}
        for c in coops.values():
            c.store.close()
        prefs = Prefs(homes["Anna"])
        prefs.set("mdns", False)
        bridge = start_node(homes["Anna"], PASS, prefs)
        w = MainWindow(bridge, prefs, homes["Anna"])
        qtbot.addWidget(w)
        w.show()
        made.append(World(w, homes, ids))
        return made[-1]

    yield build
    for m in made:
        m.window.close()
        m.window.bridge.stop()


def _open(home: Path) -> Coop:
    from coopshare.service import home as homes

    return homes.open_coop(home, PASS)


def bram_consents(coops: dict[str, Coop]) -> None:
    Api(coops["Bram"]).set_consent(coops["Anna"].me.member_id, True)


# --- 1. publishing availability for a colleague ------------------------------------------------


def test_publish_and_remove_a_window_for_a_colleague_who_consented(qtbot, world) -> None:  # type: ignore[no-untyped-def]
    w = world(bram_consents)
    page = w.window.show_page("people")
    box = page.bench_box
    qtbot.waitUntil(lambda: box.bench is not None and box.isVisible(), timeout=WAIT)
    assert [g.name for g in box.bench.givers] == ["Bram"]  # Carol never consented: not offered
    assert box.publish.isEnabled() and not box.remove.isVisible()

    box.publish.click()
    dialog = box.findChild(BenchWindowDialog)
    assert dialog is not None and dialog.isVisible()
    assert [dialog.member.itemText(i) for i in range(dialog.member.count())] == ["Bram"]
    assert dialog.end.maximumDate().toString("yyyy-MM-dd") == box.bench.last_day
    dialog.region.setText("Utrecht")
    dialog.publish()
    qtbot.waitUntil(lambda: box.list.count() == 1, timeout=WAIT)
    assert box.list.item(0).text().startswith("Bram: ") and "Utrecht" in box.list.item(0).text()
    shown = [(e.subject, e.publisher, e.region) for e in w.db(lambda a: a.windows())]  # type: ignore[attr-defined]
    assert shown == [("Bram", "Anna", "Utrecht")]  # the window counts, under Bram's name

    # positive control: the log itself refuses a window for Carol, who gave no consent, which
    # is why the screen never offers her
    carol = w.ids["Carol"]
    with pytest.raises(NotAllowed) as refused:
        w.db(lambda a: a.publish_window(day(1), day(5), 8, "", False, for_member=carol))
    assert refused.value.rule == RULE_NO_CONSENT

    box.list.setCurrentRow(0)
    assert box.remove.isEnabled()
    box.remove.click()
    qtbot.waitUntil(lambda: box.list.count() == 0, timeout=WAIT)
    assert w.db(lambda a: a.windows()) == []


def test_nothing_to_publish_for_others_without_a_consent(qtbot, world) -> None:  # type: ignore[no-untyped-def]
    w = world(lambda coops: None)
    page = w.window.show_page("people")
    qtbot.waitUntil(lambda: page.bench_box.bench is not None, timeout=WAIT)
    assert page.bench_box.bench.givers == () and not page.bench_box.isVisible()
    assert page.coi_box.isVisible()  # control: the page below it is drawn


def test_revoked_consent_takes_the_offer_and_the_window_away(qtbot, world, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def prepare(coops: dict[str, Coop]) -> None:
        bram_consents(coops)
        everything(coops["Bram"], coops["Anna"])
        Api(coops["Anna"]).publish_window(
            day(2), day(20), 16, "Tilburg", False, coops["Bram"].me.member_id
        )

    w = world(prepare)
    page = w.window.show_page("people")
    box = page.bench_box
    qtbot.waitUntil(lambda: box.list.count() == 1 and box.isVisible(), timeout=WAIT)  # control
    anna = w.ids["Anna"]
    bundle = tmp_path / "bram.coopbundle"

    def revoke_and_export(c: Coop) -> None:  # Bram, on his own device
        Api(c).set_consent(anna, False)
        Api(c).export_bundle(bundle)

    edit(w.homes["Bram"], revoke_and_export)
    w.window.bridge.write(lambda a: a.import_bundle(bundle)).result(30)
    qtbot.waitUntil(lambda: box.bench is not None and not box.bench.givers, timeout=WAIT)
    assert box.list.count() == 0 and not box.isVisible()
    assert w.db(lambda a: a.windows()) == []  # every replica drops it: here too


def test_consent_buttons_follow_the_signed_state(qtbot, world) -> None:  # type: ignore[no-untyped-def]
    w = world(lambda coops: None)
    box = w.window.show_page("people").consent_box
    qtbot.waitUntil(lambda: box.member.count() == 2, timeout=WAIT)
    box.member.setCurrentIndex(box.member.findText("Bram"))
    assert box.allow.isEnabled() and not box.revoke.isEnabled()  # nothing signed to revoke
    box.allow.click()
    qtbot.waitUntil(lambda: box.revoke.isEnabled(), timeout=WAIT)
    assert not box.allow.isEnabled() and box.state.text() == "Allowed: Bram"
    given = w.db(lambda a: [(c.publisher, c.granted) for c in a.my_consents()])
    assert given == [("Bram", True)]
    box.member.setCurrentIndex(box.member.findText("Carol"))
    assert box.allow.isEnabled() and not box.revoke.isEnabled()  # control: Carol not allowed
    box.member.setCurrentIndex(box.member.findText("Bram"))
    box.revoke.click()
    qtbot.waitUntil(lambda: box.allow.isEnabled(), timeout=WAIT)
    assert box.state.text() == "Nobody is allowed."
    assert w.db(lambda a: [(c.publisher, c.granted) for c in a.my_consents()]) == [("Bram", False)]


# --- 2. conflict-of-interest names --------------------------------------------------------------


def _amphia_lead(coops: dict[str, Coop]) -> None:
    anna = Api(coops["Anna"])
    anna.set_talent_profile(
        ("develop procurement strategy",), "", ((day(0), day(40), 32, "Breda", False),)
    )
    coops["Bram"].add_lead({"title": "Inkoper Amphia", "skills": [PROCUREMENT_STRATEGY]})


def test_coi_editor_keeps_names_here_and_leaves_me_out_of_who_fits(qtbot, world) -> None:  # type: ignore[no-untyped-def]
    w = world(_amphia_lead)
    lead = next(r.id for r in w.db(lambda a: a.page(None, 0, 50)) if r.kind == "lead")  # type: ignore[attr-defined]

    def fits() -> list[str]:
        return [f.name for f in w.db(lambda a: a.who_fits(lead))]  # type: ignore[union-attr]

    assert fits() == ["Anna"]  # control: without a declaration I fit
    box = w.window.show_page("people").coi_box
    qtbot.waitUntil(lambda: box.isVisible(), timeout=WAIT)
    assert "never sent" in box.privacy.text() and not box.add.isEnabled()
    ops = w.db(lambda a: a.status().ops)  # type: ignore[attr-defined]
    box.name.setText("  Amphia ")
    box.add.click()
    qtbot.waitUntil(lambda: box.list.count() == 1, timeout=WAIT)
    assert w.db(lambda a: a.coi_names()) == ("Amphia",)
    assert fits() == []  # silently left out
    assert w.db(lambda a: a.status().ops) == ops  # nothing signed, nothing to send
    box.list.setCurrentRow(0)
    box.remove.click()
    qtbot.waitUntil(lambda: box.list.count() == 0, timeout=WAIT)
    assert w.db(lambda a: a.coi_names()) == () and fits() == ["Anna"]


# --- 3. lead skills as ESCO ids -----------------------------------------------------------------


def _two_candidates(coops: dict[str, Coop]) -> None:
    window = ((day(0), day(40), 32, "Eindhoven", False),)
    Api(coops["Bram"]).set_talent_profile((PROCUREMENT_STRATEGY,), "", window)
    Api(coops["Carol"]).set_talent_profile((PROCUREMENT_NEEDS,), "", window)


def test_lead_form_dutch_pick_is_stored_as_esco_id_and_matched_on_it(
    qtbot, qapp: QApplication, world
) -> None:  # type: ignore[no-untyped-def]
    w = world(_two_candidates)
    assert i18n.install(qapp, "nl") == "nl"
    try:
        form = LeadForm(w.window.bridge, w.window)
        qtbot.addWidget(form)
        picker = form.skill_picker
        qtbot.waitUntil(lambda: bool(picker.known_labels), timeout=WAIT)
        form.skills_edit.setText("inkoop")
        assert "inkoopstrategie ontwikkelen" in picker.matches("inkoop")
        index = picker.model.index(picker.model.stringList().index("inkoopstrategie ontwikkelen"))
        form.skills_edit.setText(picker.completer.pathFromIndex(index))  # the pick
        form.title_edit.setText("Interim inkoper")
        assert form.fields().skills == (PROCUREMENT_STRATEGY,)
        with qtbot.waitSignal(form.created, timeout=WAIT) as made:
            form.submit()
    finally:
        i18n.install(qapp, "en")
    lead = made.args[0]
    stored = w.db(lambda a: a.lead_detail(lead).skills)  # type: ignore[union-attr]
    assert stored == (PROCUREMENT_STRATEGY,)
    assert [f.name for f in w.db(lambda a: a.who_fits(lead))] == ["Bram"]  # type: ignore[union-attr]
    # Carol's skill is another ESCO id: she has a window in the same period and does not fit

    page = w.window.show_page("leads")
    page.open_item(lead)
    qtbot.waitUntil(lambda: page.form_rows["skills"].text() != "", timeout=WAIT)
    assert page.form_rows["skills"].text() == "develop procurement strategy"  # a label, not an id
    for words, rows in (("procurement strategy", 1), ("inkoopstrategie", 1), ("inkoopbehoefte", 0)):
        page.filter.setText(words)  # the list's filter finds the id by either label (control: 0)
        qtbot.waitUntil(lambda n=rows: page.proxy.rowCount() == n, timeout=WAIT)


def test_leads_made_the_old_way_still_match_by_label(qtbot, world) -> None:  # type: ignore[no-untyped-def]
    w = world(_two_candidates)
    by_label = NewLead(title="Inkoper (oud)", skills=("inkoopstrategie ontwikkelen",))
    lead = w.window.bridge.write(lambda a: a.add_lead(by_label)).result(10)
    assert w.db(lambda a: a.lead_detail(lead).skills) == ("inkoopstrategie ontwikkelen",)  # type: ignore[union-attr]
    assert [f.name for f in w.db(lambda a: a.who_fits(lead))] == ["Bram"]  # type: ignore[union-attr]
    other = NewLead(title="Inkoper (ander)", skills=("inkoopbehoefte bepalen",))  # control
    needs = w.window.bridge.write(lambda a: a.add_lead(other)).result(10)
    assert [f.name for f in w.db(lambda a: a.who_fits(needs))] == ["Carol"]  # type: ignore[union-attr]


# --- 4. the screens fit a 1024 x 740 screen ---------------------------------------------------


def test_lead_form_fits_1024_px_in_dutch_with_its_sealed_title_whole(qtbot, qapp, world) -> None:  # type: ignore[no-untyped-def]
    w = world(lambda coops: None)
    assert i18n.install(qapp, "nl") == "nl"
    try:
        form = LeadForm(w.window.bridge, w.window)
        qtbot.addWidget(form)
        layout, box = form.layout(), form.findChild(TitledBox)
        assert layout is not None and box is not None
        needed = layout.minimumSize().width()
        assert needed <= form.width() <= 1000  # every field whole, on a 1024 px screen
        bold = box.font()
        bold.setBold(True)
        title = QFontMetrics(bold).horizontalAdvance(box.title())
        assert box.minimumSizeHint().width() > title
        plain = QGroupBox(box.title())  # control: a plain box would be narrower than its title
        qtbot.addWidget(plain)
        assert plain.minimumSizeHint().width() < title
    finally:
        i18n.install(qapp, "en")


def test_people_page_scrolls_instead_of_growing_past_a_small_screen(qtbot, world) -> None:  # type: ignore[no-untyped-def]
    w = world(bram_consents)
    w.window.resize(1024, 740)
    page = w.window.show_page("people")
    qtbot.waitUntil(lambda: page.bench_box.isVisible(), timeout=WAIT)
    scroll = page.findChild(QScrollArea)
    panel = scroll.widget()
    assert panel.minimumSizeHint().height() > scroll.viewport().height()  # taller than the view
    assert w.window.minimumSizeHint().height() <= 740  # yet the window fits the screen
    assert w.window.height() <= 740
