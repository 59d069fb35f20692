"""File → "Write before syncing…": the app's explicit override of the restored-folder guard
(service/restored.py). Shown only while this data folder, restored from a backup, has not yet
synced with another device; it asks before it lets the device write, because writing before
its own later changes are back hides notes on both sides (docs/security.md, Backups)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.confirm import ask_to_confirm
from coopshare.gui.errors_text import error_text


class ResumeWriting(QObject):
    def __init__(self, window: QMainWindow, bridge: Bridge, menu: QMenu) -> None:
        super().__init__(window)
        self.window, self.bridge = window, bridge
        self.action = menu.addAction(self.tr("Write before syncing…"))
        self.action.setObjectName("resume_writing")
        self.action.setVisible(False)
        self.action.triggered.connect(self.ask)
        self.box: QMessageBox | None = None
        bridge.db(lambda api: api.restored_not_caught_up(), self.action.setVisible)

    def ask(self) -> None:
        self.box = ask_to_confirm(
            self.window,
            QMessageBox.Icon.Warning,
            self.tr("Write before syncing?"),
            self.tr(
                "This data folder was restored from a backup and has not synced with another "
                "device of the cooperative yet. Only continue if no other device has anything "
                "this device wrote after the backup: otherwise notes get hidden on both sides."
            ),
            (self.tr("Write now"), self.tr("Cancel")),
            self._answered,
        )
        self.box.setObjectName("resume_writing_box")

    def _answered(self, yes: bool) -> None:
        self.box = None
        if not yes:
            return
        self.bridge.write(lambda api: api.resume_writing(), self._done, self._failed)

    def _done(self, _held: bool) -> None:
        self.action.setVisible(False)
        self.window.statusBar().showMessage(self.tr("This device may write again."), 10_000)

    def _failed(self, error: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("CoopShare"), error_text(error))
