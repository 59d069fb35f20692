"""Screenshots of the main screens, light and dark, written to screenshots/ (git-ignored).

Look at them after a change: they are how a new member first sees CoopShare. The test checks
that every picture was drawn (not blank) and that the two themes differ.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from coopshare.gui import theme
from coopshare.gui.app import application, start_node
from coopshare.gui.main_window import MainWindow
from coopshare.gui.settings import Prefs
from coopshare.service import home as homes
from tests.netutil import PASS

OUT = Path(__file__).resolve().parents[2] / "screenshots"
PAGES = ["activity", "notes", "leads", "ideas", "people", "ledger", "nearby"]


def sample_home(path: Path) -> Path:
    homes.init(path, "Anna de Vries", PASS)
    c = homes.open_coop(path, PASS)
    c.create_coop("Coöperatie De Kempen")
    c.add_note(
        "Inkoopstrategie gemeenten",
        "## Aanpak\n\n- Marktverkenning eerst\n- Zie [[Aanbesteding Eindhoven]]",
        ["inkoop", "overheid"],
    )
    c.add_note(
        "Aanbesteding Eindhoven", "Sluit **12 december**. Gunning op kwaliteit (60%).", ["tender"]
    )
    c.add_note("Onboarding new members", "What every new member should know in week one.", ["coop"])
    c.add_lead(
        {
            "title": "Interim CFO, zorginstelling",
            "role": "CFO",
            "skills": ["finance", "zorg"],
            "region": "Brabant",
            "hours_per_week": 32,
            "duration_weeks": 26,
            "org": "Zorggroep Zuid",
            "rate_min": 120,
            "rate_max": 140,
        }
    )
    c.add_lead(
        {
            "title": "Programmamanager digitalisering",
            "skills": ["ICT", "verandermanagement"],
            "remote": True,
        }
    )
    c.add_idea(
        "Gezamenlijke inkoop van verzekeringen",
        "Samen inkopen scheelt 20%.",
        "ask-before-use",
        tags=["idee"],
    )
    c.set_profile(
        {"skills": ["finance", "zorg", "governance"], "ambitions": "Toezichthoudende rollen"}
    )
    c.store.close()
    return path


def test_screenshots_of_main_screens(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = application()
    home = sample_home(tmp_path / "home")
    prefs = Prefs(home)
    prefs.set("mdns", False)
    bridge = start_node(home, PASS, prefs)
    OUT.mkdir(exist_ok=True)
    window = MainWindow(bridge, prefs, home)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    shots: dict[str, QImage] = {}
    try:
        for mode in ("light", "dark"):
            theme.apply(app, mode)
            for key in PAGES:
                page = window.show_page(key)
                qtbot.wait(400)
                if key in ("notes", "leads", "ideas") and hasattr(page, "model"):
                    qtbot.waitUntil(lambda p=page: p.model.rowCount() > 0, timeout=10_000)
                    first = page.model.rows[0].id
                    page.open_item(first)
                    qtbot.wait(400)
                image = window.grab().toImage()
                path = OUT / f"{key}-{mode}.png"
                assert image.save(str(path)), path
                shots[f"{key}-{mode}"] = image
    finally:
        theme.apply(app, "light")
        window.close()
        bridge.stop()
    for name, image in shots.items():
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 37)
            for y in range(0, image.height(), 29)
        }
        assert len(colours) > 8, f"{name} looks blank"
    assert shots["notes-light"].pixel(600, 400) != shots["notes-dark"].pixel(600, 400)
