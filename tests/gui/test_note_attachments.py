"""An imported note's picture shows in the preview (a document resource from the note's own
attachment), a file on disk named the same way does not, and "Save as" writes the attachment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from coopshare.gui.main_window import MainWindow
from coopshare.model.items import Kind
from coopshare.service import home as homes
from coopshare.service import importer
from tests.gui.winutil import notes_shown, window_on
from tests.netutil import PASS


def _png(width: int, height: int, colour: int, path: Path) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(colour)
    assert image.save(str(path))  # the format from the .png suffix
    return path.read_bytes()


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    homes.init(home, "Anna de Vries", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("Brabant Interim")
    vault = tmp_path / "kluis"
    vault.mkdir()
    _png(40, 30, 0xFF0000, vault / "rood.png")
    (vault / "offerte.pdf").write_bytes(b"%PDF-1.4 offerte")
    (vault / "plaatje.md").write_text(
        "# Met plaatje\n\n![rood vlak](rood.png)\n\n[De offerte](offerte.pdf)\n", encoding="utf-8"
    )
    assert importer.import_folder(coop, vault).attached == 2
    coop.store.close()
    with window_on(qtbot, home, PASS) as w:
        notes_shown(qtbot, w, 1)
        yield w


def _red_pixels(image: QImage) -> int:
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 60
    )


def test_preview_shows_the_imported_picture_and_saves_the_pdf(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.notes
    note_id = window.bridge.db(lambda a: a.items(Kind.NOTE)[0].item_id.hex()).result(10)
    page.open_item(note_id)
    qtbot.waitUntil(lambda: len(page.attachments.files) == 2, timeout=10_000)
    (pdf,) = [a for a in page.attachments.files.values() if a.mime == "application/pdf"]
    (png,) = [a for a in page.attachments.files.values() if a.mime == "image/png"]
    assert f"![rood vlak](attachment:{png.id})" in page.body.toPlainText()
    doc = page.preview.document()
    shown = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(f"attachment:{png.id}"))
    assert isinstance(shown, QImage) and (shown.width(), shown.height()) == (40, 30)
    qtbot.waitUntil(lambda: _red_pixels(page.preview.viewport().grab().toImage()) > 50)
    # control: the same picture named as a file on disk is not shown (the preview loads nothing)
    page.body.setPlainText(f"![rood vlak]({tmp_path / 'kluis' / 'rood.png'})")
    qtbot.wait(100)
    assert _red_pixels(page.preview.viewport().grab().toImage()) == 0
    # clicking the PDF link offers Save as; the file is written decrypted where chosen
    dest = tmp_path / "opgeslagen.pdf"
    monkeypatch.setattr(
        "coopshare.gui.note_attachments.QFileDialog.getSaveFileName",
        lambda *a, **k: (str(dest), ""),
    )
    page._on_link(QUrl(f"attachment:{pdf.id}"))
    qtbot.waitUntil(dest.exists, timeout=10_000)
    assert dest.read_bytes() == b"%PDF-1.4 offerte"
