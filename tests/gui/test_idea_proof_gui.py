"""The Ideas page's priority-proof row (pytest-qt, offscreen): the owner clicks "Prove
priority", Bram's device returns a receipt, the row shows it; "Export evidence…" writes a ZIP
that verifies, after the plain-text warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from coopshare import evidence_check as ev
from coopshare.service import proofs
from coopshare.service.coop import Coop

from . import test_leads_ideas
from .test_leads_ideas import WAIT, World, click, ideas_page

make_world = test_leads_ideas.make_world  # the fixture: Anna in the app, Bram a replica


def _answer_warning(button: QMessageBox.StandardButton) -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.objectName() == "evidence_warning" and w.isVisible():
            w.done(button)
            return
    QTimer.singleShot(20, lambda: _answer_warning(button))


def test_prove_priority_then_export_evidence(
    qtbot: QtBot, make_world: Callable[..., World], tmp_path: Path, monkeypatch: object
) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"idea": anna.add_idea("Werkplaats", "Plan: GANNET-7720", "private")}

    world = make_world(setup)
    idea = world.made["idea"]
    page = ideas_page(qtbot, world, rows=1)
    page.open_item(idea.hex())
    panel = page.proof_panel
    qtbot.waitUntil(lambda: "No priority proof yet" in panel.status.text(), timeout=WAIT)
    assert panel.isVisibleTo(page) and not panel.export_button.isEnabled()
    click(qtbot, panel.prove_button)
    qtbot.waitUntil(lambda: "0 witness receipt" in panel.status.text(), timeout=WAIT)
    assert "Waiting for other members" in panel.status.text()
    world.from_bram()
    assert proofs.witness_step(world.bram) == 1  # Bram's device signs that it saw it
    world.from_bram()
    qtbot.waitUntil(lambda: "1 witness receipt" in panel.status.text(), timeout=WAIT)
    assert "Earliest proven time" in panel.status.text() and panel.export_button.isEnabled()
    dest = tmp_path / "bewijs.zip"
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(dest), ""))
    )
    QTimer.singleShot(0, lambda: _answer_warning(QMessageBox.StandardButton.Cancel))
    click(qtbot, panel.export_button)
    assert not dest.exists()  # cancelled at the warning: nothing written
    QTimer.singleShot(0, lambda: _answer_warning(QMessageBox.StandardButton.Ok))
    click(qtbot, panel.export_button)
    qtbot.waitUntil(dest.exists, timeout=WAIT)
    qtbot.waitUntil(lambda: "not encrypted" in panel.status.text(), timeout=WAIT)
    assert len(ev.verify(dest.read_bytes()).receipts) == 1


def test_row_hidden_on_someone_elses_idea(qtbot: QtBot, make_world: Callable[..., World]) -> None:
    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"idea": bram.add_idea("Kennisavonden", "Elke maand", "view-only")}

    world = make_world(setup)
    page = ideas_page(qtbot, world, rows=1)
    page.open_item(world.made["idea"].hex())
    qtbot.waitUntil(lambda: page.current is not None, timeout=WAIT)
    assert not page.proof_panel.isVisibleTo(page)


def test_tsa_setting_and_a_time_stamped_commitment(
    qtbot: QtBot, make_world: Callable[..., World], tmp_path: Path
) -> None:
    from coopshare.gui.dialogs.settings import SettingsDialog
    from coopshare.gui.settings import Prefs
    from tests.tsa_local import local_tsa

    def setup(anna: Coop, bram: Coop) -> dict[str, bytes]:
        return {"idea": anna.add_idea("Werkplaats", "Plan: TERN-5512", "private")}

    world = make_world(setup)

    def tsa_url() -> str | None:
        return world.bridge.db(lambda a: a.tsa_url()).result(10)  # type: ignore[no-any-return]

    assert tsa_url() is None  # off by default
    with local_tsa(tmp_path / "tsa") as url:
        dialog = SettingsDialog(world.bridge, Prefs(world.home), world.home)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.tsa.loaded == "", timeout=WAIT)
        dialog.tsa.url.setText("ftp://example")
        dialog.save()
        assert dialog.isVisible() is False or dialog.result() == 0
        assert "http" in dialog.tsa.message.text() and tsa_url() is None
        dialog.tsa.url.setText(url)
        dialog.save()
        qtbot.waitUntil(lambda: tsa_url() == url, timeout=WAIT)
        page = ideas_page(qtbot, world, rows=1)
        page.open_item(world.made["idea"].hex())
        panel = page.proof_panel
        qtbot.waitUntil(lambda: "No priority proof yet" in panel.status.text(), timeout=WAIT)
        click(qtbot, panel.prove_button)
        qtbot.waitUntil(lambda: "Time-stamped by the TSA" in panel.status.text(), timeout=WAIT)
