"""The File menu and drops on the main window (pytest-qt, offscreen, a real node)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from coopshare.gui.main_window import MainWindow
from coopshare.model.items import Kind
from coopshare.service import bundles
from tests.gui.winutil import anna_and_bob, running_window
from tests.netutil import PASS


@pytest.fixture
def homes_ab(tmp_path: Path) -> tuple[Path, Path]:
    """Anna's cooperative with Bob; Bob wrote a note Anna has not seen, and bundled it."""
    a, b = anna_and_bob(tmp_path)
    b.add_note("Van de USB-stick", "meegenomen", ["usb"])
    bundles.export_bundle(b, tmp_path / "van-bob.coopbundle", since=a.store.contiguous_vv())
    a.store.close()
    b.store.close()
    return tmp_path / "anna", tmp_path / "van-bob.coopbundle"


@pytest.fixture
def window(qtbot, homes_ab: tuple[Path, Path]) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    yield from running_window(qtbot, homes_ab[0], PASS)


def _drop(window: MainWindow, path: Path) -> bool:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(
        window.rect().center(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(window.rect().center()),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return True


def _titles(w: MainWindow) -> set[str]:
    return set(
        w.bridge.db(lambda a: [str(n.value("title")) for n in a.items(Kind.NOTE)]).result(10)
    )


def _box(w: MainWindow, name: str) -> QMessageBox | None:
    return w.findChild(QMessageBox, name)


def test_dropping_a_bundle_imports_it(
    qtbot, window: MainWindow, homes_ab: tuple[Path, Path]
) -> None:  # type: ignore[no-untyped-def]
    bundle = homes_ab[1]
    # a damaged copy first: refused with the reason, nothing imported
    cut = bundle.with_name("kapot.coopbundle")
    cut.write_bytes(bundle.read_bytes()[:-3])
    assert _drop(window, cut)
    qtbot.waitUntil(lambda: _box(window, "data_error") is not None, timeout=10_000)
    err = _box(window, "data_error")
    assert err is not None and "damaged" in err.text() and "truncated" in err.text()
    err.close()
    assert "Van de USB-stick" not in _titles(window)
    # a text file is not taken
    other = bundle.with_name("notes.txt")
    other.write_text("x")
    assert not _drop(window, other)
    # positive control: the bundle itself
    assert _drop(window, bundle)
    qtbot.waitUntil(lambda: _box(window, "bundle_imported") is not None, timeout=10_000)
    box = _box(window, "bundle_imported")
    assert box is not None and "1 new, 0 already here" in box.text()
    assert "Van de USB-stick" in _titles(window)


def test_file_menu_lists_the_bundle_actions(window: MainWindow) -> None:
    texts = [a.text() for a in window.file_menu.menu.actions()]
    assert "Import bundle…" in texts and "Export bundle…" in texts
    assert "Import Markdown folder…" in texts and "Back up…" in texts
    assert "Take out my own data (ZIP)…" in texts


def test_dropping_a_folder_imports_it_with_progress_and_a_report(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    vault = tmp_path / "kluis"
    vault.mkdir()
    for i in range(3):
        (vault / f"n{i}.md").write_text(f"# Notitie {i}\n\n#markdown tekst\n", encoding="utf-8")
    (vault / "foto.png").write_bytes(b"\x89PNG")
    assert _drop(window, vault)
    qtbot.waitUntil(lambda: _box(window, "import_report") is not None, timeout=20_000)
    box = _box(window, "import_report")
    assert box is not None and "3 new notes, 0 updated, 0 unchanged" in box.text()
    assert "Skipped foto.png: no note links to it" in box.detailedText()
    assert window.file_menu.progress is None  # the progress dialog was shown and closed
    assert {"Notitie 0", "Notitie 1", "Notitie 2"} <= _titles(window)
    box.setObjectName("seen")
    box.close()
    window.file_menu.import_folder(vault)  # again: updated in place, no duplicates
    qtbot.waitUntil(lambda: _box(window, "import_report") is not None, timeout=20_000)
    again = _box(window, "import_report")
    assert again is not None and "0 new notes, 0 updated, 3 unchanged" in again.text()
    assert window.bridge.db(lambda a: len(a.items(Kind.NOTE))).result(10) == 3


def test_export_warns_that_files_are_plaintext(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    dest = tmp_path / "leads.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    shown: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(answer[0].value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window.file_menu.exports.export_leads_csv()
    assert shown and "not encrypted" in shown[0]
    qtbot.wait(200)
    assert not dest.exists()  # cancelled: nothing written
    answer[0] = QMessageBox.StandardButton.Ok  # positive control: going on writes the file
    window.file_menu.exports.export_leads_csv()
    qtbot.waitUntil(lambda: _box(window, "export_done") is not None, timeout=10_000)
    done = _box(window, "export_done")
    assert done is not None and "not encrypted" in done.text()
    assert dest.read_bytes().startswith(b"\xef\xbb\xbf")
