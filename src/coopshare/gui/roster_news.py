"""Who came in: a non-blocking notice when a new member was admitted or a member's new device
appeared (as Syncthing announces a new device), shown as a banner on the People and Activity
pages until dismissed.

The devices already seen are kept in the GUI preferences (``known_devices``), so a member
admitted while this app was closed is announced at the next start; the very first start
takes the roster as it is, silently.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.settings import Prefs
from coopshare.gui.text import safe
from coopshare.service.api import RosterView
from coopshare.service.api import events as ev

KNOWN_KEY = "known_devices"
MAX_NEWS = 5  # lines kept in the banner (the newest)


class RosterNews(QObject):
    changed = Signal()  # the list of news changed
    show_people = Signal()  # the banner's "Show" was clicked

    def __init__(self, bridge: Bridge, prefs: Prefs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.prefs = prefs
        self.news: list[str] = []
        self.checks = 0  # roster reads compared so far
        bridge.core_event.connect(self._on_event)
        self.check()

    def _known(self) -> set[str] | None:
        text = self.prefs.text(KNOWN_KEY)
        return None if not text else {d for d in text.split(",") if d}

    def _on_event(self, event: object) -> None:
        if isinstance(event, ev.RosterChanged):
            self.check()

    def check(self) -> None:
        self.bridge.db(lambda a: a.roster_view(), self._compare, lambda _e: None)

    def _compare(self, view: RosterView) -> None:
        known = self._known()
        now = {d.device_id.hex(): m for m in view.members for d in m.devices if d.active}
        if known is not None:
            known_members = {m.member_id for d, m in now.items() if d in known}
            fresh: list[str] = []
            for device, member in now.items():
                if device in known:
                    continue
                name = safe(member.name, 60)
                if member.member_id not in known_members:
                    fresh.append(self.tr("{0} was admitted to the cooperative.").format(name))
                    known_members.add(member.member_id)
                elif member.me:
                    fresh.append(self.tr("A new device of yours was added."))
                else:
                    fresh.append(self.tr("{0} added a new device.").format(name))
            if fresh:
                self.news = (self.news + fresh)[-MAX_NEWS:]
                self.changed.emit()
        self.prefs.set(KNOWN_KEY, ",".join(sorted((known or set()) | set(now))))
        self.checks += 1

    def dismiss(self) -> None:
        self.news = []
        self.changed.emit()


class NewsBanner(QFrame):
    """The notice on a page: the news lines, "Show people" and "Dismiss"."""

    def __init__(self, news: RosterNews, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.news = news
        self.setObjectName("rosterNews")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#rosterNews { border: 1px solid palette(highlight); border-radius: 6px; }"
        )
        h = QHBoxLayout(self)
        h.setContentsMargins(10, 6, 6, 6)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("News about members"))
        h.addWidget(self.text, 1)
        self.show_button = QPushButton(self.tr("Show people"))
        self.show_button.clicked.connect(lambda: news.show_people.emit())
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.clicked.connect(news.dismiss)
        h.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
        h.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        news.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.text.setText("\n".join(self.news.news))
        self.setVisible(bool(self.news.news))
