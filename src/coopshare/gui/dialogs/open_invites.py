"""Open invitations on the People page (admins): each one's role and expiry, and Revoke.

An invitation is a single-use secret held by the device that made it; revoking deletes it
there, so that device's listener refuses a join with it from then on. The list shows this
device's invitations only (another admin's are held on their device).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import date_time_text
from coopshare.service.api import Api, OpenInvite, RosterView
from coopshare.service.api import events as ev

RECHECK_MS = 30_000  # expired invitations leave the list


class OpenInvitesPanel(QWidget):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.invites: list[OpenInvite] = []
        self.rows: list[tuple[OpenInvite, QPushButton]] = []
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 6, 0, 0)
        v.setSpacing(4)
        self.heading = QLabel(self.tr("Open invitations"))
        self.heading.setStyleSheet("font-weight: 600;")
        v.addWidget(self.heading)
        self.list = QVBoxLayout()
        self.list.setSpacing(2)
        v.addLayout(self.list)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        v.addWidget(self.message)
        self.timer = QTimer(self)
        self.timer.setInterval(RECHECK_MS)
        self.timer.timeout.connect(self.reload)
        bridge.core_event.connect(self._on_event)
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()

    def reload(self) -> None:
        """Read the roster (am I an admin?) and this device's open invitations."""

        def read(a: Api) -> tuple[RosterView, list[OpenInvite]]:
            return a.roster_view(), a.open_invites()

        self.bridge.db(read, self._got, self._show_error)

    def _on_event(self, event: object) -> None:
        if isinstance(event, ev.RosterChanged) and self.isVisible():
            self.reload()  # a join used one up

    def _got(self, got: tuple[RosterView, list[OpenInvite]]) -> None:
        view, invites = got
        self.invites = invites
        while self.list.count():
            item = self.list.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.rows = []
        for invite in invites:
            self.list.addWidget(self._row(invite))
        if not invites:
            empty = QLabel(self.tr("None. Invitations you make appear here until they are used."))
            empty.setWordWrap(True)
            empty.setStyleSheet("color: palette(placeholder-text);")
            self.list.addWidget(empty)
        self.setVisible(view.i_am_admin)
        if not view.i_am_admin:
            self.timer.stop()

    def _row(self, invite: OpenInvite) -> QWidget:
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        when = date_time_text(invite.expires * 1000)
        if invite.role == "device":
            label = QLabel(self.tr("For another device of yours, until {0}").format(when))
        else:
            role = self.tr("admin") if invite.role == "admin" else self.tr("member")
            label = QLabel(self.tr("As {0}, until {1}").format(role, when))
        label.setTextFormat(Qt.TextFormat.PlainText)
        button = QPushButton(self.tr("Revoke"))
        button.setToolTip(self.tr("Nobody can join with this invitation any more"))
        button.clicked.connect(lambda: self.revoke(invite))
        h.addWidget(label, 1)
        h.addWidget(button)
        self.rows.append((invite, button))
        return row

    def revoke(self, invite: OpenInvite) -> None:
        self.message.hide()
        token = invite.token_id
        self.bridge.db(lambda a: a.revoke_invite(token), lambda _r: self.reload(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self._show_error(error)
        self.reload()

    def _show_error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        self.message.show()
