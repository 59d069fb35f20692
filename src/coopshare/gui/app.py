"""Start the desktop app: preferences, language, theme, first run or unlock, node, window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from coopshare.errors import AlreadySyncing
from coopshare.gui import i18n, logfile, refcheck, theme
from coopshare.gui.appinfo import APP_ICON, APP_ID
from coopshare.gui.background import quit_on_signals
from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.main_window import MainWindow
from coopshare.gui.network_live import parse_peers
from coopshare.gui.settings import Prefs
from coopshare.service import api
from coopshare.service.api import DEFAULT_PORT, NetworkOptions, env_passphrase, is_initialised

log = logging.getLogger("coopshare.gui")


def application(argv: list[str] | None = None) -> QApplication:
    refcheck.guard()  # before any signal: a binding that loses references aborts the app
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("CoopShare")
    app.setApplicationDisplayName("CoopShare")
    app.setOrganizationName("CoopShare")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(APP_ICON)))
    return app


def start_node(
    home: Path,
    passphrase: str | None,
    prefs: Prefs,
    *,
    demo_peers: list[tuple[str, int]] | None = None,
) -> Bridge:
    bridge = Bridge()
    bridge.open(home, passphrase)
    demo = demo_peers is not None
    opts = NetworkOptions(
        host="127.0.0.1" if demo else None,
        port=0 if demo else DEFAULT_PORT,
        mdns=prefs.flag("mdns") and not demo,
        meetup=prefs.flag("meetup"),
        peers=parse_peers(prefs.text("peers")) + (demo_peers or []),
    )
    try:
        if bridge.runtime.has_coop:
            prefs.set("in_coop", True)  # the next unlock may speak of the cooperative (#37)
            bridge.call_sync(bridge.runtime.start_network(opts))
    except AlreadySyncing as e:  # the store is shared: work here, the other process syncs
        log.warning("network not started: %s", e)
        QMessageBox.information(None, "CoopShare", error_text(e))
    except Exception as e:  # stay usable offline
        log.warning("network not started: %s", e)
        QMessageBox.warning(
            None,
            "CoopShare",
            QApplication.translate(
                "app",
                "CoopShare could not start its network connection ({0}). You can keep working; changes sync later.",
            ).format(e),
        )
    return bridge


def first_run(home: Path) -> str | None:
    """The first-run wizard on the empty data folder `home`; its passphrase, None if left."""
    from coopshare.gui.dialogs.first_run import FirstRunWizard

    wizard = FirstRunWizard(home)
    return wizard.passphrase if wizard.exec() else None


def run(home: Path, *, demo: bool = False, argv: list[str] | None = None) -> int:
    app = application(argv)
    logfile.install()
    world = None
    if demo:
        world = api.start_demo()
        home = world.home
        Prefs(home).set("mdns", False)  # the demo's members are on loopback only
    prefs = Prefs(home)
    i18n.install(app, prefs.text("language"))
    theme.apply(app, prefs.text("theme"))
    passphrase: str | None
    if world is not None:
        passphrase = world.passphrase
    elif not is_initialised(home):
        passphrase = first_run(home)
        if passphrase is None:
            return 0
    else:
        passphrase = env_passphrase()
        if passphrase is None and api.needs_passphrase(home):
            from coopshare.gui.dialogs.unlock import UnlockDialog

            dialog = UnlockDialog(home, in_coop=prefs.flag("in_coop"))
            if not dialog.exec():
                return 0
            passphrase = first_run(home) if dialog.start_over else dialog.passphrase
            if passphrase is None:  # the first run after "Forgot your passphrase?" was left
                return 0
            prefs = Prefs(home)  # a restored or new folder brings its own gui.ini
            if dialog.needs_coop:
                from coopshare.gui.dialogs.coop_choice import CoopChoiceDialog

                if not CoopChoiceDialog(home, passphrase).exec():
                    return 0
    bridge = start_node(home, passphrase, prefs, demo_peers=world.peers if world else None)
    window = MainWindow(bridge, prefs, home)
    if world is not None:
        window.mark_demo()
    window.show()
    quit_on_signals(app)
    log.info("main window shown")
    try:
        return int(app.exec())
    finally:
        log.info("quitting")
        bridge.stop()
        if world is not None:
            world.stop()
