"""The new member's walk of session 6: what a Dutch member stumbled on. Each test has its
control: the state the fix changes."""

# ruff: noqa: F401, F811 (make_world is a pytest fixture imported from the leads/ideas tests)

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from coopshare.gui import i18n
from coopshare.gui.dialogs.idea_form import IdeaForm
from tests.gui.test_leads_ideas import WAIT, World, make_world


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

