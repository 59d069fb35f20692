"""Settings → Open folder says so when no file manager opens the data folder (defect #36)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from coopshare.gui.dialogs.settings import SettingsDialog
from coopshare.gui.main_window import MainWindow
from tests.gui.test_notes_trash import window  # noqa: F401  (the fixture)


def test_open_folder_shows_an_error_when_nothing_opens_it(  # type: ignore[no-untyped-def]
    qtbot,
    monkeypatch,
    window: MainWindow,  # noqa: F811 (the fixture)
) -> None:
    dialog = SettingsDialog(window.bridge, window.prefs, window.home, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.folder_message.isHidden()
    # offscreen there is no file manager: openUrl fails, as on a desktop without xdg-open
    dialog.open_folder.click()
    assert not dialog.folder_message.isHidden()  # (its tab is not the one shown)
    assert "No file manager" in dialog.folder_message.text()
    assert dialog.folder.selectedText() == str(window.home)

    opened: list[str] = []  # positive control: when a file manager opens it, no error

    def file_manager(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", file_manager)
    dialog.open_folder.click()
    assert opened == [str(Path(window.home))]
    assert dialog.folder_message.isHidden()
