"""Tray icon and notifications: a new lead matching my skills, a status change of a lead I gave,
a new member. Where no system tray exists, the same messages go to the status bar."""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QSystemTrayIcon

from coopshare.gui.pages.lead_look import status_label
from coopshare.gui.text import safe
from coopshare.service.api import Api, Kind
from coopshare.service.api import events as ev

if TYPE_CHECKING:
    from coopshare.gui.main_window import MainWindow


def lead_watch(coop: Any) -> dict[str, Any]:
    """What the notifier compares against: my skills, lead statuses, member names."""
    skills: list[str] = []
    for st in coop.items(Kind.PROFILE):
        if st.creator == coop.me.member_id[:8]:
            skills = [s.casefold() for s in st.value("skills", [])]
    leads = {st.item_id.hex(): st.value("status", "") for st in coop.items(Kind.LEAD)}
    return {
        "skills": skills,
        "leads": leads,
        "members": {m["member_id"]: m["name"] for m in coop.members()},
    }


class Tray:
    """The notifications; the tray icon itself (and its menu) is gui/background.py's."""

    def __init__(self, window: MainWindow, icon: QSystemTrayIcon | None) -> None:
        self.window = window
        self.icon = icon
        self.state: dict[str, Any] | None = None
        window.bridge.db(lead_watch, self._baseline)

    def _baseline(self, state: dict[str, Any]) -> None:
        self.state = state

    def on_event(self, event: object) -> None:
        if self.state is None:
            return
        if isinstance(event, ev.ItemsChanged | ev.RosterChanged):
            self.window.bridge.db(lead_watch, self._compare)

    def _compare(self, new: dict[str, Any]) -> None:
        old = self.state or new
        self.state = new
        tr = self.window.tr
        for item_id, status in new["leads"].items():
            if item_id not in old["leads"]:
                self.window.bridge.db(
                    functools.partial(Api.detail, item_id=item_id), self._maybe_matching
                )
            elif old["leads"][item_id] != status:
                self.window.bridge.db(
                    functools.partial(Api.detail, item_id=item_id), self._maybe_my_lead
                )
        for member_id, name in new["members"].items():
            if member_id not in old["members"]:
                self.show(tr("New member"), tr("{0} joined the cooperative").format(safe(name, 60)))

    def _maybe_matching(self, d: dict[str, Any] | None) -> None:
        if not d or d.get("mine") or not self.state:
            return
        mine = set(self.state["skills"])
        skills = {s.casefold() for s in d.get("skills", [])}
        if mine & skills:
            self.show(
                self.window.tr("New lead for you"),
                self.window.tr("“{0}” matches your skills: {1}").format(
                    safe(d.get("title"), 80), ", ".join(sorted(mine & skills))
                ),
            )

    def _maybe_my_lead(self, d: dict[str, Any] | None) -> None:
        if d and d.get("mine"):
            self.show(
                self.window.tr("Your lead moved"),
                self.window.tr("“{0}” is now {1}").format(
                    safe(d.get("title"), 80), status_label(str(d.get("status", "")))
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
