"""The main window: sidebar of pages, header with search and invite, status bar, tray."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui import notify
from coopshare.gui.background import Background
from coopshare.gui.bridge import Bridge
from coopshare.gui.data_menu import FileMenu
from coopshare.gui.glyphs import glyph_icon
from coopshare.gui.menus import Menus
from coopshare.gui.pages.activity import ActivityPage
from coopshare.gui.pages.base import Page
from coopshare.gui.pages.ideas import IdeasPage
from coopshare.gui.pages.leads import LeadsPage
from coopshare.gui.pages.ledger import LedgerPage
from coopshare.gui.pages.nearby import NearbyPage
from coopshare.gui.pages.notes import NotesPage
from coopshare.gui.pages.notes_trash import UNDO_MS
from coopshare.gui.pages.people import PeoplePage
from coopshare.gui.roster_news import NewsBanner, RosterNews
from coopshare.gui.settings import Prefs
from coopshare.gui.text import safe
from coopshare.service.api import Overview
from coopshare.service.api import events as ev


class MainWindow(QMainWindow):
    def __init__(
        self, bridge: Bridge, prefs: Prefs, home: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.prefs = prefs
        self.home = home
        self.setWindowTitle("CoopShare")
        self.resize(1180, 760)
        self._undo: Callable[[], None] | None = None
        self._progress: dict[bytes, tuple[int, int]] = {}
        self._listening = False  # the node accepts connections (known after refresh_peers)

        self.roster_news = RosterNews(bridge, prefs, self)  # "X was admitted", "a new device"
        self.roster_news.show_people.connect(lambda: self.show_page("people"))
        self._build_body()

        self._build_status_bar()
        self.background = Background(self)  # the tray: close to it, pause, quit
        self._build_menus()
        self.tray = notify.Tray(self, self.background.icon)
        bridge.core_event.connect(self._on_event)
        bridge.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self._restore()
        self.refresh_overview()
        self.refresh_peers()  # sessions may have started before this window existed
        self._peer_timer = QTimer(self)
        self._peer_timer.timeout.connect(self.refresh_peers)
        self._peer_timer.start(5000)
        self.sidebar.setCurrentRow(1 if self.prefs.text("last_page") in ("", "notes") else 0)
        last = self.prefs.text("last_page")
        if last in self.pages:
            self.sidebar.setCurrentRow(list(self.pages).index(last))

    # --- layout ---------------------------------------------------------------------------------

    def _build_body(self) -> None:
        """Sidebar, header and pages: built again in the new language by retranslate()."""
        central = QWidget()
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(236)  # fits "Given and received" / "Geven en ontvangen"
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setAccessibleName(self.tr("Sections"))
        root.addWidget(self.sidebar)

        main = QWidget()
        mv = QVBoxLayout(main)
        mv.setContentsMargins(0, 0, 0, 0)
        header = QFrame()
        header.setObjectName("header")
        hv = QHBoxLayout(header)
        hv.setContentsMargins(16, 8, 16, 8)
        self.coop_label = QLabel()
        self.coop_label.setTextFormat(Qt.TextFormat.PlainText)
        self.coop_label.setStyleSheet("font-weight: 600;")
        hv.addWidget(self.coop_label)
        hv.addStretch(1)
        self.search_button = QPushButton(self.tr("Search…"))
        self.search_button.setToolTip(self.tr("Search notes, leads and ideas (Ctrl+K)"))
        self.search_button.clicked.connect(self.open_search)
        self.invite_button = QPushButton(self.tr("Invite"))
        self.invite_button.setToolTip(self.tr("Invite someone to the cooperative (Ctrl+I)"))
        self.invite_button.clicked.connect(self.open_invite)
        self.settings_button = QPushButton()
        self.settings_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        self.settings_button.setToolTip(self.tr("Settings (Ctrl+,)"))
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.clicked.connect(self.open_settings)
        for b in (self.search_button, self.invite_button, self.settings_button):
            hv.addWidget(b)
        mv.addWidget(header)
        self.stack = QStackedWidget()
        mv.addWidget(self.stack, 1)
        root.addWidget(main, 1)
        self.setCentralWidget(central)

        self.pages: dict[str, Page] = {}
        self.notes = NotesPage(self.bridge)
        for key, page in (
            ("activity", ActivityPage(self.bridge)),
            ("notes", self.notes),
            ("leads", LeadsPage(self.bridge)),
            ("ideas", IdeasPage(self.bridge)),
            ("people", PeoplePage(self.bridge)),
            ("ledger", LedgerPage(self.bridge)),
            ("nearby", NearbyPage(self.bridge)),
        ):
            self._add_page(key, page)
        self.notes.undo_offered.connect(self.offer_undo)
        nearby = self.pages["nearby"]
        assert isinstance(nearby, NearbyPage)
        nearby.meetup_changed.connect(
            lambda: self.meetup_label.setVisible(self.prefs.flag("meetup"))
        )
        for key in ("people", "activity"):
            self.pages[key].outer.insertWidget(1, NewsBanner(self.roster_news, self.pages[key]))
        for each in self.pages.values():
            if hasattr(each, "open_requested"):
                each.open_requested.connect(self.open_item)
        self.sidebar.currentRowChanged.connect(self._show_page)

    def _build_menus(self) -> None:
        self.file_menu = FileMenu(self, self.bridge)  # File menu; drops of bundles and folders
        self.menus = Menus(self)  # Edit, Go, Help: every shortcut is a menu action

    def retranslate(self) -> None:
        """The language changed (Settings): every page, menu and label in it now (#34)."""
        from coopshare.gui.retranslate import rebuild

        rebuild(self)

    def _add_page(self, key: str, page: Page) -> None:
        self.pages[key] = page
        self.stack.addWidget(page)
        glyphs = {
            "activity": "◷",
            "notes": "✎",
            "leads": "➜",
            "ideas": "✦",
            "people": "☺",
            "ledger": "⇄",
            "nearby": "◎",
        }
        item = QListWidgetItem(glyph_icon(glyphs[key]), page.page_title())
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.sidebar.addItem(item)
        page.title_label.setText(page.page_title())

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        key = self.sidebar.item(row).data(Qt.ItemDataRole.UserRole)
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        if not getattr(page, "_loaded", False):
            page._loaded = True  # type: ignore[attr-defined]
            page.refresh()
        self.prefs.set("last_page", key)

    def current_page_key(self) -> str:
        page = self.stack.currentWidget()
        return next((k for k, p in self.pages.items() if p is page), "")

    def show_page(self, key: str) -> Page:
        self.sidebar.setCurrentRow(list(self.pages).index(key))
        return self.pages[key]

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.peers_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.meetup_label = QLabel()
        self.meetup_label.setVisible(self.prefs.flag("meetup"))
        self.undo_button = QPushButton()
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._do_undo)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._clear_undo)
        bar.addPermanentWidget(self.undo_button)
        bar.addPermanentWidget(self.meetup_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.peers_label)
        self._peers = 0
        self.retranslate_bar()

    def retranslate_bar(self) -> None:
        self.meetup_label.setText(self.tr("Meetup mode: not announcing this device"))
        self.undo_button.setText(self.tr("Undo"))
        if hasattr(self, "demo_label"):
            self.demo_label.setText(self.tr("Demo: a sample cooperative. Nothing you do is kept."))
        self._set_peers(self._peers)

    # --- actions --------------------------------------------------------------------------------

    def _new_in_page(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.new_item()

    def open_item(self, kind: str, item_id: str) -> None:
        key = {"note": "notes", "lead": "leads", "idea": "ideas"}.get(kind)
        if key:
            self.show_page(key).open_item(item_id)

    def open_search(self, switcher: bool = False) -> None:
        from coopshare.gui.dialogs.search import SearchDialog

        dialog = SearchDialog(self.bridge, self, switcher=switcher)
        dialog.chosen.connect(self.open_item)
        dialog.show()

    def open_invite(self) -> None:
        from coopshare.gui.dialogs.invite import InviteDialog

        InviteDialog(self.bridge, self).exec()

    def open_settings(self) -> None:
        from coopshare.gui.dialogs.settings import SettingsDialog

        language = self.prefs.text("language")
        dialog = SettingsDialog(self.bridge, self.prefs, self.home, self)
        if dialog.exec():
            self.meetup_label.setVisible(self.prefs.flag("meetup"))
            if self.prefs.text("language") != language:
                self.retranslate()

    def offer_undo(self, message: str, callback: Callable[[], None]) -> None:
        self._undo = callback
        self.statusBar().showMessage(message, UNDO_MS)
        self.undo_button.show()
        self._undo_timer.start(UNDO_MS)

    def _do_undo(self) -> None:
        if self._undo is not None:
            self._undo()
            self.statusBar().showMessage(self.tr("Undone"), 3000)
        self._clear_undo()

    def _clear_undo(self) -> None:
        self._undo = None
        self.undo_button.hide()

    def mark_demo(self) -> None:
        """The demo (#39): a line in the status bar says nothing done here is kept."""
        self.demo_label = QLabel()
        self.demo_label.setObjectName("demoBanner")
        self.retranslate_bar()
        self.statusBar().addWidget(self.demo_label)

    # --- core events ----------------------------------------------------------------------------

    def refresh_overview(self) -> None:
        self.bridge.db(lambda a: a.overview(), self._got_overview)

    def _got_overview(self, o: Overview) -> None:
        name = safe(o.coop_name or "", 80)
        self.coop_label.setText(name)
        self.setWindowTitle(f"{name} — CoopShare" if name else "CoopShare")
        self.invite_button.setEnabled(o.is_admin)

    def _on_event(self, event: object) -> None:
        if isinstance(event, ev.PeersChanged):
            self._set_peers(len(event.peers))
        elif isinstance(event, ev.SyncProgress):
            self._on_progress(event)
        elif isinstance(event, ev.RosterChanged):
            self.refresh_overview()
        elif isinstance(event, ev.StoreDamaged):
            self._warn_damaged(event.detail)
        self.tray.on_event(event)

    def _warn_damaged(self, detail: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Database damaged"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "CoopShare found damage in the database of its data folder ({0}).\n\n"
                "Make a copy of the data folder now. Everything you shared is also held by the "
                "other members: if problems appear, set up this computer again with your "
                "recovery key and a new invitation."
            ).format(safe(detail, 200))
        )
        box.setObjectName("store_damaged")
        box.open()

    def refresh_peers(self) -> None:
        async def count() -> tuple[int, bool]:
            runtime = self.bridge.runtime
            return runtime.session_count, runtime.listen_addr is not None

        self.bridge.run(count(), lambda got: self._set_peers(*got))

    def _set_peers(self, n: int, listening: bool | None = None) -> None:
        self._peers = n
        if listening is not None:
            self._listening = listening
        self.notes.tools.set_live(n > 0)  # members connected: edits saved sooner, seen live
        if n:
            self.peers_label.setText(self.tr("● %n member(s) online", "", n))
        elif self._listening:  # online and reachable, nobody connected: not "offline" (#15)
            self.peers_label.setText(self.tr("○ waiting for members"))
        else:
            self.peers_label.setText(self.tr("○ offline"))
        self.peers_label.setToolTip(
            self.tr("This device is online: other members can connect to it.")
            if self._listening
            else self.tr("This device is not connected to the network.")
        )

    def _on_progress(self, e: ev.SyncProgress) -> None:
        if e.converged or e.expected == 0:
            self._progress.pop(e.device, None)
        else:
            self._progress[e.device] = (e.received, e.expected)
        if not self._progress:
            self.progress.hide()
            return
        got = sum(r for r, _ in self._progress.values())
        total = sum(t for _, t in self._progress.values())
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(got, total))
        self.progress.setFormat(self.tr("Syncing %v of %m"))
        self.progress.show()

    # --- window state ---------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.prefs.qs.value("window/geometry")
        state = self.prefs.qs.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notes._save_now()
        self.prefs.qs.setValue("window/geometry", self.saveGeometry())
        self.prefs.qs.setValue("window/state", self.saveState())
        self.prefs.qs.sync()
        if self.background.hide_instead_of_closing(event):
            return  # hidden to the tray: the node syncs on
        self._peer_timer.stop()  # no more calls into a node that is shutting down
        self.background.hide_icon()
        super().closeEvent(event)
