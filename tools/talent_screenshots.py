"""Grab the talent-bank screens offscreen at 1024 px wide, light and dark, English and Dutch.

    .venv/bin/python tools/talent_screenshots.py [OUT_DIR]   # default screenshots/talent

Builds a throw-away cooperative of three members in a temporary folder (Anna is "me"; Bram
lets Anna publish his availability, and she did; Anna lets Carol publish hers; Anna has two
private conflict-of-interest names), opens Anna's main window at 1024x740 and writes, per
language and theme: the People page (profile editor, consent, publishing for a colleague,
conflicts of interest), the "Publish for a colleague" dialog and the lead form with ESCO
skills picked. Look at the pictures after a change to these screens (clipping, overlap).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402
from shotutil import pause, save, wait  # noqa: E402

from coopshare.gui import i18n, theme  # noqa: E402
from coopshare.gui.app import application, start_node  # noqa: E402
from coopshare.gui.dialogs.bench_window import BenchWindowDialog  # noqa: E402
from coopshare.gui.dialogs.lead_form import LeadForm  # noqa: E402
from coopshare.gui.main_window import MainWindow  # noqa: E402
from coopshare.gui.settings import Prefs  # noqa: E402
from coopshare.service import api  # noqa: E402
from coopshare.service import home as homes  # noqa: E402
from coopshare.service.coop import Coop  # noqa: E402

PASS = "correct horse battery staple"  # noqa: S105 - a throw-away folder
WIDTH, HEIGHT = 1024, 740


def day(n: int) -> str:
    return (dt.date.today() + dt.timedelta(days=n)).isoformat()


def build(root: Path) -> Path:
    """Three members' data folders (as tests/doorutil.py make_coop does); returns Anna's."""
    coops = {}
    for name in ("Anna", "Bram", "Carol"):
        homes.init(root / name.lower(), name, PASS)
        coops[name] = homes.open_coop(root / name.lower(), PASS)
    anna, bram, carol = coops["Anna"], coops["Bram"], coops["Carol"]
    anna.create_coop("Coöperatie De Kempen")
    for c in (bram, carol):
        c.adopt_coop(anna.coop_id)  # type: ignore[arg-type]
        anna.add_member(c.join_request())
    for c in (bram, carol):
        everything(anna, c)
    me = api.Api(anna)
    api.Api(bram).set_consent(anna.me.member_id, True)
    everything(bram, anna)
    me.set_talent_profile(
        ("inkoopstrategie ontwikkelen", "aanbesteden", "Excel"),
        "Een inkooptraject in de zorg leiden.",
        ((day(1), day(60), 32, "Brabant", True),),
    )
    me.publish_window(day(7), day(50), 16, "Utrecht", False, bram.me.member_id)
    me.set_consent(carol.me.member_id, True)
    me.set_coi_names(["Amphia", "Catharina Ziekenhuis"])
    for c in coops.values():
        c.store.close()
    return root / "anna"


def everything(src: Coop, dst: Coop) -> None:
    for wire in list(src.wire_ops()):
        dst.apply(wire)


def settle(app: QApplication, seconds: float = 0.6) -> None:
    pause(app, seconds, every=0.02)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots" / "talent"
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        home = build(Path(tmp))
        prefs = Prefs(home)
        prefs.set("mdns", False)
        bridge = start_node(home, PASS, prefs)
        try:
            for lang in ("en", "nl"):
                i18n.install(app, lang)
                window = MainWindow(bridge, prefs, home)
                window.resize(WIDTH, HEIGHT)
                window.show()
                people = window.show_page("people")
                wait(
                    app,
                    lambda p=people: p.bench_box.isVisible() and p.coi_box.names != (),
                    every=0.02,
                )
                for mode in ("light", "dark"):
                    theme.apply(app, mode)
                    window.show_page("people")
                    settle(app)
                    save(window, out / f"people-{lang}-{mode}.png")
                    bar = people.findChild(QScrollArea).verticalScrollBar()  # type: ignore[union-attr]
                    bar.setValue(bar.maximum())
                    settle(app, 0.3)
                    save(window, out / f"people-lower-{lang}-{mode}.png")
                    bar.setValue(0)
                    bench = BenchWindowDialog(bridge, people.bench_box.bench, window)  # type: ignore[arg-type]
                    bench.show()
                    settle(app, 0.3)
                    save(bench, out / f"publish-for-colleague-{lang}-{mode}.png")
                    bench.close()
                    form = LeadForm(bridge, window)
                    form.show()
                    wait(app, lambda f=form: bool(f.skill_picker.known_labels), every=0.02)
                    form.title_edit.setText("Interim inkoper, zorginstelling")
                    picks = "inkoopstrategie ontwikkelen, aanbesteden"
                    form.skills_edit.setText(
                        picks if lang == "nl" else "develop procurement strategy, tendering"
                    )
                    settle(app, 0.3)
                    save(form, out / f"lead-form-{lang}-{mode}.png")
                    form.close()
                window.close()
        finally:
            theme.apply(app, "light")
            i18n.install(app, "en")
            bridge.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
