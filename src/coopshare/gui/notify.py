"""Tray icon and notifications: a new lead matching my skills, a status change of a lead I gave,
a new member. Where no system tray exists, the same messages go to the status bar."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStyle, QSystemTrayIcon

from coopshare.gui.pages.lead_look import status_label
from coopshare.gui.text import safe
from coopshare.service.api import Api, LeadGlance, Watch
from coopshare.service.api import events as ev

if TYPE_CHECKING:
    from coopshare.gui.main_window import MainWindow


def lead_watch(door: Api) -> Watch:
    """What the notifier compares against: my skills, the leads, member names."""
    return door.watch()


class Tray:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.icon: QSystemTrayIcon | None = None
        self.state: Watch | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(
                window.style().standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon), window
            )
            self.icon.setToolTip("CoopShare")
            menu = QMenu(window)
            show = QAction(window.tr("Show CoopShare"), menu)
            show.triggered.connect(window.showNormal)
            quit_ = QAction(window.tr("Quit"), menu)
            quit_.triggered.connect(window.close)
            menu.addAction(show)
            menu.addAction(quit_)
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(lambda _reason: window.showNormal())
            self.icon.show()
        window.bridge.db(lead_watch, self._baseline)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    def _baseline(self, state: Watch) -> None:
        self.state = state

    def on_event(self, event: object) -> None:
        if self.state is None:
            return
        if isinstance(event, ev.ItemsChanged | ev.RosterChanged):
            self.window.bridge.db(lead_watch, self._compare)

    def _compare(self, new: Watch) -> None:
        old = self.state or new
        self.state = new
        tr = self.window.tr
        for item_id, lead in new.leads.items():
            before = old.leads.get(item_id)
            if before is None:
                self._maybe_matching(lead)
            elif before.status != lead.status:
                self._maybe_my_lead(lead)
        for member_id, name in new.members.items():
            if member_id not in old.members:
                self.show(tr("New member"), tr("{0} joined the cooperative").format(safe(name, 60)))

    def _maybe_matching(self, lead: LeadGlance) -> None:
        if lead.mine or not self.state:
            return
        mine = self.state.skills
        skills = {s.casefold() for s in lead.skills}
        if mine & skills:
            self.show(
                self.window.tr("New lead for you"),
                self.window.tr("“{0}” matches your skills: {1}").format(
                    safe(lead.title, 80), ", ".join(sorted(mine & skills))
                ),
            )

    def _maybe_my_lead(self, lead: LeadGlance) -> None:
        if lead.mine:
            self.show(
                self.window.tr("Your lead moved"),
                self.window.tr("“{0}” is now {1}").format(
                    safe(lead.title, 80), status_label(lead.status)
                ),
            )

    def show(self, title: str, message: str) -> None:
        if self.icon is not None:  # some notification servers read markup: escape peer text
            self.icon.showMessage(
                html.escape(title),
                html.escape(message),
                QSystemTrayIcon.MessageIcon.Information,
                8000,
            )
        self.window.statusBar().showMessage(f"{title}: {message}", 8000)
        self.last_message = (title, message)
