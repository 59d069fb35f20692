"""Running in the background, as Syncthing's tray does: closing the main window hides it and the
node keeps syncing; the tray icon's menu opens the window again, pauses and resumes syncing, and
quits. The first time the window is closed to the tray, a one-time notice says so.

Where the desktop has no system tray (stock GNOME without the AppIndicator extension, Qt's
offscreen platform), there is nothing to come back through: closing the window quits, as before.
"""

from __future__ import annotations

import logging
import signal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QSystemTrayIcon

from coopshare.gui.appinfo import APP_ICON

if TYPE_CHECKING:
    from coopshare.gui.main_window import MainWindow

log = logging.getLogger("coopshare.gui")
NOTICE_PREF = "tray_notice_shown"


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Background(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.quitting = False
        self.paused = False
        self.notice: tuple[str, str] | None = None  # the one-time notice, once it was shown
        self.icon: QSystemTrayIcon | None = None
        self.paused_label = QLabel()
        self.paused_label.setObjectName("sync_paused")
        self.paused_label.hide()
        window.statusBar().addPermanentWidget(self.paused_label)
        if not tray_available():
            self.retranslate()
            return
        # the full-colour app icon: legible on light and dark panels alike (a one-colour symbolic
        # icon is installed too, for shells that ask for `<id>-symbolic` themselves)
        self.icon = QSystemTrayIcon(QIcon(str(APP_ICON)), self)
        self.icon.setToolTip("CoopShare")
        menu = QMenu(window)
        self.open_action = QAction(menu)
        self.open_action.triggered.connect(self.open_window)
        self.pause_action = QAction(menu)
        self.pause_action.triggered.connect(lambda: self.set_paused(not self.paused))
        self.quit_action = QAction(menu)
        self.quit_action.triggered.connect(self.quit)
        menu.addAction(self.open_action)
        menu.addAction(self.pause_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._activated)
        self.retranslate()
        self.icon.show()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)  # a hidden window is not the end: Quit is
            # at logout the session manager closes every window: then closing means quitting
            app.commitDataRequest.connect(self._session_ending)

    def retranslate(self) -> None:
        """Texts in the interface's language (also after a change in Settings, #34)."""
        self.paused_label.setText(self.tr("Sync paused"))
        if self.icon is not None:
            self.open_action.setText(self.tr("Open CoopShare"))
            self.pause_action.setText(
                self.tr("Resume sync") if self.paused else self.tr("Pause sync")
            )
            self.quit_action.setText(self.tr("Quit CoopShare"))

    # --- window ---------------------------------------------------------------------------------

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Context:
            return  # right click: the menu opens by itself
        if self.window.isVisible() and reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.window.hide()
        else:
            self.open_window()

    def open_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def hide_instead_of_closing(self, event: QCloseEvent) -> bool:
        """Called by the window's closeEvent: True when it hid the window (the app runs on)."""
        if self.icon is None or self.quitting:
            return False
        event.ignore()
        self.window.hide()
        log.info("window closed: syncing on in the background")
        prefs = self.window.prefs
        if not prefs.flag(NOTICE_PREF):
            prefs.set(NOTICE_PREF, True)
            self.notice = (
                self.tr("CoopShare keeps running"),
                self.tr(
                    "CoopShare keeps syncing in the background. Open it again from its icon in the system tray; choose “Quit CoopShare” there to stop it."
                ),
            )
            self.icon.showMessage(*self.notice, QSystemTrayIcon.MessageIcon.Information, 10_000)
        return True

    def _session_ending(self, _manager: object) -> None:
        self.quitting = True

    def quit(self) -> None:
        self.quitting = True
        self.window.close()
        if self.icon is not None:  # without a tray, closing the last window already quits
            QApplication.quit()

    def hide_icon(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    # --- pause ----------------------------------------------------------------------------------

    def set_paused(self, paused: bool) -> None:
        if paused == self.paused:
            return
        self.paused = paused
        runtime = self.window.bridge.runtime
        self.paused_label.setVisible(paused)
        if self.icon is not None:
            self.pause_action.setText(self.tr("Resume sync") if paused else self.tr("Pause sync"))
            self.icon.setToolTip(self.tr("CoopShare — sync paused") if paused else "CoopShare")
        log.info("sync %s", "paused" if paused else "resumed")
        self.window.bridge.run(runtime.pause_network() if paused else runtime.resume_network())


def quit_on_signals(app: QApplication) -> QTimer:
    """SIGTERM (logout, `kill`, a service manager) and SIGINT (Ctrl+C in a terminal) quit the app
    the normal way, so the note being edited is saved and the node closes its store. Qt's event
    loop does not let Python see a signal until Python code runs: a timer wakes it twice a second."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda _sig, _frame: QApplication.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)
    return timer
