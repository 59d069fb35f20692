"""Small findings of the session-6 walk (walkthrough findings R7, R9, R10, R11): badges of
one width in the Activity feed, a hint instead of a large empty list in "Who fits" and in
search, and an invitation QR code that fits a small screen and still scans. Each test has its
control: the state the fix changes."""

# ruff: noqa: F401, F811 (make_world is a pytest fixture imported from the leads/ideas tests)

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coopshare.gui import i18n, qr_code
from coopshare.gui.dialogs.invite import InviteDialog
from coopshare.gui.dialogs.search import SearchDialog
from coopshare.gui.dialogs.who_fits import WhoFitsDialog
from coopshare.gui.pages.activity import KIND_COLORS, ActivityPage
from coopshare.gui.qr_read import read_qr_text
from coopshare.service.api import FitRow
from coopshare.service.coop import Coop
from tests.gui.test_leads_ideas import WAIT, World, _shown, make_world


def _span(image: QImage, y: int, x0: int, x1: int, colour: QColor) -> int:
    """Pixels from the first to the last one of `colour` (within a small tolerance) on row y."""
    hits = [
        x
        for x in range(x0, x1)
        if max(
            abs(image.pixelColor(x, y).red() - colour.red()),
            abs(image.pixelColor(x, y).green() - colour.green()),
            abs(image.pixelColor(x, y).blue() - colour.blue()),
        )
        <= 12
    ]
    return hits[-1] - hits[0] + 1 if hits else 0


def test_activity_badges_have_one_width_in_dutch(
    qtbot: QtBot, qapp: QApplication, make_world: Callable[..., World]
) -> None:
    """R7: "Notitie" made its badge wider than "Lead", so note titles started further right.
    Every badge is now as wide as the widest kind label. Control: "Notitie" really is wider
    than the badge's minimum, which "Lead" gets."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {
            "lead": anna.add_lead({"title": "Interim HR"}),
            "note": bram.add_note("Plan van aanpak", "Eerste versie."),
        }

    world = make_world(setup)
    i18n.install(qapp, "nl")
    try:
        page = _shown(qtbot, world, ActivityPage(world.bridge), 2, size=(900, 600))
        qtbot.wait(50)
        badge_font = QFont(page.feed.font())
        badge_font.setPointSizeF(max(badge_font.pointSizeF() * 0.8, 7.0))
        badge_font.setBold(True)
        fm = QFontMetrics(badge_font)
        assert fm.horizontalAdvance("Notitie") + 14 > max(46, fm.horizontalAdvance("Lead") + 14)
        image = page.feed.viewport().grab().toImage()
        line_h = QFontMetrics(page.feed.font()).height()
        widths = {}
        for row in range(2):
            index = page.model.index(row, 0)
            kind = page.row_text(index).kind  # type: ignore[union-attr]
            rect = page.feed.visualRect(index)
            y = rect.top() + 7 + line_h // 2
            widths[kind] = _span(
                image, y, rect.left(), rect.left() + 200, QColor(KIND_COLORS[kind])
            )
        assert set(widths) == {"note", "lead"} and min(widths.values()) > 40
        assert abs(widths["note"] - widths["lead"]) <= 1, widths
    finally:
        i18n.install(qapp, "en")


FIT = FitRow(
    member_id="bb" * 32,
    name="Bram",
    me=False,
    matched=("esco:1",),
    matched_en=("a",),
    matched_nl=("a",),
    asked=1,
    available_from=dt.date.today().isoformat(),
    hours=32,
    region="Tilburg",
    remote=False,
    reason="1 of 1 skills",
)


def test_who_fits_shows_a_hint_instead_of_an_empty_list(
    qtbot: QtBot, make_world: Callable[..., World]
) -> None:
    """R9: with nobody fitting, a large empty list stood above "Nobody fits yet.". Now the hint
    takes the list's place and says what makes a member show. Control: a fit shows the list."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"lead": anna.add_lead({"title": "Inkoper", "skills": ["Excel"]})}

    world = make_world(setup)
    dialog = WhoFitsDialog(world.bridge, world.made["lead"].hex(), "Inkoper")
    world.keep(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.empty.text().startswith("Nobody fits yet"), timeout=WAIT)
    assert not dialog.list.isVisible() and dialog.empty.isVisible()
    assert "profile" in dialog.empty.text()
    dialog.show_rows([FIT])  # control
    assert dialog.list.isVisible() and not dialog.empty.isVisible()


def test_search_opens_on_a_hint_in_the_box(qtbot: QtBot, make_world: Callable[..., World]) -> None:
    """R10: Ctrl+K opened on an empty white box. It now shows a hint there, results once a
    word matches, and "Nothing found" in the box when none does. Control: the results list
    takes the box as soon as something is found."""

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"note": bram.add_note("Plan van aanpak", "Eerste versie.")}

    world = make_world(setup)
    dialog = SearchDialog(world.bridge)
    world.keep(dialog)
    dialog.show()
    assert not dialog.results.isVisible()
    assert dialog.empty.isVisible()
    assert "title or its text" in dialog.empty.text()
    dialog.query.setText("aanpak")
    qtbot.waitUntil(lambda: dialog.results.isVisible(), timeout=WAIT)
    assert dialog.model.rowCount() == 1 and not dialog.empty.isVisible()
    dialog.query.setText("zwxqv")
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=WAIT)
    assert dialog.empty.text().startswith("Nothing found") and not dialog.results.isVisible()


def test_invitation_qr_fits_a_small_screen_and_still_scans(
    qtbot: QtBot, tmp_path: Path, make_world: Callable[..., World]
) -> None:
    """R11: the QR code took half the dialog. The invitation is now encoded in fewer modules
    (its base32 body in QR's alphanumeric mode) and drawn at whole pixels a module, 4 to 6,
    within a third of the screen's height: the offscreen test screen gets 4 px modules, the
    quiet zone stays, and the picture still reads back as the invitation.
    Control: one byte-mode segment, as before, needs a larger code."""
    world = make_world()
    dialog = InviteDialog(world.bridge)
    world.keep(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.create_button.isEnabled, timeout=WAIT)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.text()), timeout=WAIT)
    text = dialog.text()
    screen = dialog.screen().availableGeometry().height()
    modules = qr_code.modules(text)
    single = segno.make(text, error="m").symbol_size(scale=1, border=qr_code.QUIET)[0]
    assert modules < single  # control: the old encoding's size
    pixmap = dialog.qr.pixmap()
    scale = pixmap.width() // modules
    assert pixmap.width() == modules * scale and scale >= qr_code.MIN_SCALE
    assert pixmap.width() <= max(screen // 3, modules * qr_code.MIN_SCALE)
    image = pixmap.toImage()
    quiet = qr_code.QUIET * scale
    for x in range(quiet):  # the quiet zone: white all round
        for y in (x, pixmap.height() - 1 - x):
            assert image.pixelColor(x, y).lightness() > 240
            assert image.pixelColor(pixmap.width() - 1 - x, y).lightness() > 240
    picture = tmp_path / "qr.png"
    assert pixmap.save(str(picture), "PNG")
    assert read_qr_text(picture) == text
    assert qr_code.scale_for(text, 10_000) == qr_code.MAX_SCALE  # a large screen: larger
