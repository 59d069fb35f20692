"""The main window's File menu and drops: data carried in and out by file.

A bundle (``.coopbundle``) dropped on the window, or opened from the menu, is verified and
applied whole through ``Api.import_bundle`` on the store thread; the answer says how many ops
were new and how many this device held already. Every call goes through the bridge (the one
door); errors are shown with the app's sentence per error type.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.export_actions import ExportActions
from coopshare.gui.restored_action import ResumeWriting
from coopshare.gui.text import safe
from coopshare.service.api import Api, BundleExported, BundleImported, ImportReport, Skip

BUNDLE_SUFFIX = ".coopbundle"


def dropped_bundles(paths: list[Path]) -> list[Path]:
    return [p for p in paths if p.suffix == BUNDLE_SUFFIX and p.is_file()]


def dropped_folders(paths: list[Path]) -> list[Path]:
    return [p for p in paths if p.is_dir()]


class FileMenu(QObject):
    """Adds the File menu to `window` and accepts bundle files and folders dropped on it."""

    import_progress = Signal(int, int)  # (notes done, notes in all): emitted on the store thread

    def __init__(self, window: QMainWindow, bridge: Bridge) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = bridge
        menu = window.menuBar().addMenu(self.tr("&File"))
        menu.setObjectName("file_menu")
        self.import_folder_action = menu.addAction(self.tr("Import Markdown folder…"))
        self.import_folder_action.triggered.connect(self.choose_folder)
        menu.addSeparator()
        self.import_bundle_action = menu.addAction(self.tr("Import bundle…"))
        self.import_bundle_action.triggered.connect(self.choose_bundle)
        self.export_bundle_action = menu.addAction(self.tr("Export bundle…"))
        self.export_bundle_action.triggered.connect(self.export_bundle)
        self.menu = menu
        self.exports = ExportActions(window, bridge, menu, self._failed)
        menu.addSeparator()
        self.backup_action = menu.addAction(self.tr("Back up…"))
        self.backup_action.triggered.connect(self.back_up)
        self.resume_writing = ResumeWriting(window, bridge, menu)  # only after a restore
        self.progress: QProgressDialog | None = None
        self.import_progress.connect(self._show_progress)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # --- drops -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            if not dropped_bundles(paths) and not dropped_folders(paths):
                return False
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                for path in dropped_bundles(paths):
                    self.import_bundle(path)
                for path in dropped_folders(paths)[:1]:  # one import at a time
                    self.import_folder(path)
            return True
        return super().eventFilter(watched, event)

    # --- Markdown folders ------------------------------------------------------------------------

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self.window, self.tr("Import Markdown folder"))
        if name:
            self.import_folder(Path(name))

    def import_folder(self, folder: Path) -> None:
        dialog = QProgressDialog(
            self.tr("Importing notes from {0}…").format(safe(folder.name, 80)),
            "",
            0,
            0,
            self.window,
        )
        dialog.setObjectName("import_progress")
        dialog.setCancelButton(None)  # one transaction: all or nothing, not stopped halfway
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        self.progress = dialog
        emit = self.import_progress.emit  # thread-safe: queued to the GUI thread
        self.bridge.write(
            lambda api: api.import_markdown(folder, emit),
            lambda report: self._folder_imported(folder, report),
            self._failed,
        )

    def _show_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _folder_imported(self, folder: Path, report: ImportReport) -> None:
        self._close_progress()
        text = self.tr("{0}: {1} new notes, {2} updated, {3} unchanged.").format(
            safe(folder.name, 80), report.imported, report.updated, report.unchanged
        )
        if report.attached:
            text += " " + self.tr("%n attachment(s) imported.", "", report.attached)
        why = {
            Skip.UNLINKED: self.tr("no note links to it"),
            Skip.TYPE: self.tr("not a PNG, JPEG, GIF or WebP image or a PDF"),
            Skip.TOO_LARGE: self.tr("larger than 2 MB"),
            Skip.LIMIT: self.tr("you already have the most attachments a member may have"),
        }
        lines = [
            self.tr("Skipped {0}: {1}").format(safe(path, 200), why[skip])
            for path, skip in report.skipped
        ] + [
            self.tr("Skipped {0}: {1}").format(safe(path, 200), safe(reason, 200))
            for path, reason in report.failed
        ]
        if lines:
            text += " " + self.tr("%n file(s) skipped.", "", len(lines))
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Import finished"), text, parent=self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("import_report")
        if lines:
            box.setDetailedText("\n".join(lines))
        box.open()

    # --- bundles ---------------------------------------------------------------------------------

    def choose_bundle(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import bundle"), "", self.tr("CoopShare bundles (*.coopbundle)")
        )
        if name:
            self.import_bundle(Path(name))

    def import_bundle(self, path: Path) -> None:
        self.window.statusBar().showMessage(self.tr("Checking bundle {0}…").format(path.name))
        self.bridge.write(
            lambda api: api.import_bundle(path),
            lambda got: self._bundle_imported(path, got),
            self._failed,
        )

    def _bundle_imported(self, path: Path, got: BundleImported) -> None:
        text = self.tr("{0}: {1} new, {2} already here.").format(
            safe(path.name, 120), got.new, got.known
        )
        if got.parked:
            text += " " + self.tr("{0} wait for earlier changes that have not arrived yet.").format(
                got.parked
            )
        self.window.statusBar().showMessage(text, 10_000)
        self._inform(self.tr("Bundle imported"), text, "bundle_imported")

    def export_bundle(self) -> None:
        self.bridge.db(lambda api: [m.name for m in api.members() if not m.me], self._pick_member)

    def _pick_member(self, names: list[str]) -> None:
        everyone = self.tr("Everyone (all changes)")
        choice, ok = QInputDialog.getItem(
            self.window,
            self.tr("Export bundle"),
            self.tr("Who is the bundle for? Their own changes are left out."),
            [everyone, *names],
            0,
            False,
        )
        if not ok:
            return
        stamp = dt.date.today().isoformat()
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export bundle"),
            f"coopshare-{stamp}{BUNDLE_SUFFIX}",
            self.tr("CoopShare bundles (*.coopbundle)"),
        )
        if not name:
            return
        dest = Path(name if name.endswith(BUNDLE_SUFFIX) else name + BUNDLE_SUFFIX)
        member = None if choice == everyone else choice

        def run(api: Api) -> BundleExported:
            return api.export_bundle(dest, for_member=member)

        self.bridge.db(run, lambda out: self._bundle_exported(dest, out), self._failed)

    def _bundle_exported(self, dest: Path, out: BundleExported) -> None:
        self._inform(
            self.tr("Bundle exported"),
            self.tr(
                "{0} changes written to {1}. They stay encrypted and signed: only members of "
                "the cooperative can read them."
            ).format(out.ops, safe(str(dest), 200)),
            "bundle_exported",
        )

    # --- backup ----------------------------------------------------------------------------------

    def back_up(self) -> None:
        from coopshare.gui.dialogs.backup import BackupDialog

        dialog = BackupDialog(self.bridge.runtime.home, self.window)
        if dialog.exec():
            self.window.statusBar().showMessage(dialog.done_text, 10_000)

    # --- answers ---------------------------------------------------------------------------------

    def _inform(self, title: str, text: str, name: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName(name)
        box.open()

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        self.window.statusBar().clearMessage()
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("CoopShare"), error_text(error), parent=self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("data_error")
        box.open()
