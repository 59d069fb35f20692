"""Tray icon and notifications: a new lead matching my skills, a status change of a lead I gave,
a new member. Where no system tray exists, the same messages go to the status bar."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSystemTrayIcon

from coopshare.gui.dialogs.who_fits import fit_text
from coopshare.gui.pages.lead_history import step_sentence
from coopshare.gui.pages.lead_look import status_label
from coopshare.gui.text import safe
from coopshare.service.api import Api, FitRow, LeadGlance, LeadStep, Watch
from coopshare.service.api import events as ev

if TYPE_CHECKING:
    from coopshare.gui.main_window import MainWindow


def lead_watch(door: Api) -> Watch:
    """What the notifier compares against: my skills, the leads, member names."""
    return door.watch()


class Tray:
    """The notifications; the tray icon itself (and its menu) is gui/background.py's."""

    def __init__(self, window: MainWindow, icon: QSystemTrayIcon | None) -> None:
        self.window = window
        self.icon = icon
        self.state: Watch | None = None
        window.bridge.db(lead_watch, self._baseline)

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
                self._maybe_matching(item_id, lead)
            elif lead.mine and lead.steps > before.steps and lead.last and not lead.last.who_is_me:
                self._my_lead_step(lead, lead.last)
            elif before.status != lead.status:
                self._maybe_my_lead(lead)
        for member_id, name in new.members.items():
            if member_id not in old.members:
                self.show(tr("New member"), tr("{0} joined the cooperative").format(safe(name, 60)))

    def _maybe_matching(self, item_id: str, lead: LeadGlance) -> None:
        """A new lead of someone else: news if it fits me ("Who fits", worked out here), or
        else if it shares a free-text skill with me; never if my conflict names hit it."""
        if lead.mine or lead.excluded or not self.state:
            return
        mine = {s for s in self.state.skills if not s.startswith("esco:")}
        skills = {s.casefold() for s in lead.skills}
        if mine & skills:
            self.show(
                self.window.tr("New lead for you"),
                self.window.tr("“{0}” matches your skills: {1}").format(
                    safe(lead.title, 80), ", ".join(sorted(mine & skills))
                ),
            )
            return
        title = safe(lead.title, 80)
        self.window.bridge.db(lambda a: a.my_fit(item_id), lambda f: self._fits_me(title, f))

    def _fits_me(self, title: str, fit: FitRow | None) -> None:
        if fit is not None:
            self.show(
                self.window.tr("New lead for you"),
                self.window.tr("“{0}” fits you: {1}").format(title, fit_text(fit)),
            )

    def _my_lead_step(self, lead: LeadGlance, step: LeadStep) -> None:
        """The giver hears of every step others take on a lead they gave."""
        self.show(
            self.window.tr("Your lead: {0}").format(safe(lead.title, 80)), step_sentence(step)
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
