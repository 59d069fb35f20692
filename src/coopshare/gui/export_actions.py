"""File menu entries that write plain-text files: notes, leads (CSV, calendar), take-out ZIP.

Each asks where to write, says first that the files will not be encrypted (the user may stop
there), runs the export on the store thread through the door (``Api.export_*``), and says
again, with the count, where the plain-text files are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from coopshare.gui.bridge import Bridge
from coopshare.gui.text import safe
from coopshare.service.api import Api, Exported

Run = Callable[[Api], Exported]


class ExportActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        bridge: Bridge,
        menu: QMenu,
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = bridge
        self.on_error = on_error
        menu.addSeparator()
        for text, slot in (
            (self.tr("Export notes as Markdown…"), self.export_notes),
            (self.tr("Export leads for Excel (CSV)…"), self.export_leads_csv),
            (self.tr("Export respond-by dates to a calendar (.ics)…"), self.export_leads_ics),
            (self.tr("Take out my own data (ZIP)…"), self.take_out),
        ):
            menu.addAction(text).triggered.connect(slot)

    def plaintext_ok(self) -> bool:
        """Say that the files will not be encrypted; True if the user goes on."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Files without encryption"),
            self.tr(
                "The exported files are not encrypted: anyone who has them can read them. "
                "Keep them somewhere safe and delete them when you no longer need them."
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("plaintext_warning")
        return box.exec() == QMessageBox.StandardButton.Ok

    def _file(self, title: str, name: str, pattern: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.window, title, name, pattern)
        return Path(chosen) if chosen else None

    def export_notes(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.window, self.tr("Export notes to a folder"))
        if chosen:
            folder = Path(chosen) / f"coopshare-notes-{dt.date.today().isoformat()}"
            self.run(lambda api: api.export_notes(folder))

    def export_leads_csv(self) -> None:
        dest = self._file(self.tr("Export leads"), "leads.csv", self.tr("CSV files (*.csv)"))
        if dest:
            self.run(lambda api: api.export_leads_csv(dest))

    def export_leads_ics(self) -> None:
        dest = self._file(self.tr("Export to calendar"), "leads.ics", self.tr("Calendars (*.ics)"))
        if dest:
            self.run(lambda api: api.export_leads_ics(dest))

    def take_out(self) -> None:
        dest = self._file(
            self.tr("Take out my own data"),
            f"coopshare-takeout-{dt.date.today().isoformat()}.zip",
            self.tr("ZIP archives (*.zip)"),
        )
        if dest:
            self.run(lambda api: api.take_out(dest))

    def run(self, fn: Run) -> None:
        if self.plaintext_ok():
            self.bridge.db(fn, self._done, self.on_error)

    def _done(self, out: Exported) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export finished"),
            self.tr(
                "%n item(s) written to {0}. These files are not encrypted.", "", out.items
            ).format(safe(out.path, 300)),
            parent=self.window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("export_done")
        box.open()
