"""Create a cooperative or join one with an invitation: the form shared by the first-run wizard's
last step and :class:`~coopshare.gui.dialogs.coop_choice.CoopChoiceDialog`, and the sentence
shown for a failed join.

Creating and joining run through :func:`~coopshare.gui.workers.run_in_thread` while the form
shows a busy line.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontDatabase, QTextOption
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.errors import (
    InviteError,
    NotAMember,
    NotTheInviter,
    OtherCoop,
    PeerUnreachable,
    UserError,
)
from coopshare.gui.dialogs.pairing import PairGuestDialog
from coopshare.gui.errors_text import error_text
from coopshare.gui.onboarding import join_coop, parse_address
from coopshare.gui.qr_read import is_image, read_qr_text
from coopshare.gui.text import date_time_text, safe
from coopshare.gui.widgets import Busy, message_label, muted, set_message
from coopshare.gui.workers import run_in_thread
from coopshare.service import api

MAX_TOKEN_FILE = 64 * 1024


def join_error_text(error: BaseException, where: str) -> str:
    """A clear sentence for a failed join, chosen by the error's type (never by its text): the
    app's sentence for the type (gui/errors_text.py), worded for an inviter where that helps."""
    if isinstance(error, PeerUnreachable):
        return QCoreApplication.translate(
            "FirstRun",
            "Could not reach the inviter at {0}. Check that CoopShare is running there and that you are on the same network, then try again.",
        ).format(where)
    if isinstance(error, NotAMember):  # the pinned inviter is not who answered
        return error_text(NotTheInviter(address=where))
    if isinstance(error, InviteError | OtherCoop):
        return error_text(error)
    return QCoreApplication.translate("FirstRun", "Joining did not work: {0}").format(
        safe(str(error), 300)
    )


def invitation_preview(invitation: api.Invitation, until: str) -> str:
    """What the join form says about a valid invitation: whose, to what, until when."""
    coop, inviter = safe(invitation.coop_name, 80), safe(invitation.inviter, 80)
    where = ", ".join(safe(a, 60) for a in invitation.addrs[:3])
    if coop and inviter:
        text = QCoreApplication.translate(
            "CoopForm", "An invitation from {0} to join {1}, valid until {2}."
        ).format(inviter, f"“{coop}”", until)
        if where:
            text += " " + QCoreApplication.translate("CoopForm", "Their computer: {0}.").format(
                where
            )
        return text
    if where:
        return QCoreApplication.translate(
            "CoopForm", "A valid invitation, until {0}, from {1}."
        ).format(until, where)
    return QCoreApplication.translate("CoopForm", "A valid invitation, until {0}.").format(until)


class CoopForm(QWidget):
    """Create a cooperative (a name) or join one (an invitation, optionally an address)."""

    changed = Signal()  # completeness or busy state changed
    finished = Signal(str)  # the cooperative's name: created or joined

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.passphrase: str | None = None
        self.joined = False
        self.busy = False
        self.invitation: api.Invitation | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)

        self.create_radio = QRadioButton(self.tr("Create a new cooperative"))
        self.join_radio = QRadioButton(self.tr("Join with an invitation"))
        self.modes = QButtonGroup(self)
        for b in (self.create_radio, self.join_radio):
            self.modes.addButton(b)
            b.setStyleSheet("font-weight: 600;")
        self.create_radio.setChecked(True)

        # create
        self.create_box = QFrame()
        self.create_box.setObjectName("choice")
        cv = QVBoxLayout(self.create_box)
        cv.addWidget(self.create_radio)
        hint = QLabel(
            self.tr(
                "You become its first administrator and can invite the other members from the app."
            )
        )
        cv.addWidget(muted(hint))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.name_edit.setPlaceholderText(self.tr("For example: Brabant Interim"))
        self.name_edit.setAccessibleName(self.tr("Name of the cooperative"))
        self.name_label = QLabel(self.tr("&Name:"))
        self.name_label.setBuddy(self.name_edit)
        self.create_fields = QWidget()
        row = QHBoxLayout(self.create_fields)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.name_label)
        row.addWidget(self.name_edit, 1)
        cv.addWidget(self.create_fields)
        outer.addWidget(self.create_box)

        # join
        self.join_box = QFrame()
        self.join_box.setObjectName("choice")
        jv = QVBoxLayout(self.join_box)
        jv.addWidget(self.join_radio)
        jhint = QLabel(
            self.tr("Paste the invitation a member sent you, or open the invitation file.")
        )
        jv.addWidget(muted(jhint))
        self.token_edit = QPlainTextEdit()
        self.token_edit.setPlaceholderText("coopshare-invite:…")
        self.token_edit.setAccessibleName(self.tr("Invitation"))
        self.token_edit.setTabChangesFocus(True)
        self.token_edit.setFixedHeight(64)
        self.token_edit.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.token_edit.setFont(font)
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setToolTip(self.tr("Open an invitation file"))
        self.open_button.clicked.connect(self.open_token_file)
        self.pair_button = QPushButton(self.tr("Pair in person…"))
        self.pair_button.clicked.connect(lambda: PairGuestDialog.ask(self, self.token_edit))
        self.join_fields = QWidget()
        fv = QVBoxLayout(self.join_fields)
        fv.setContentsMargins(0, 4, 0, 0)
        trow = QHBoxLayout()
        trow.addWidget(self.token_edit, 1)
        trow.addLayout(bcol := QVBoxLayout())
        bcol.addWidget(self.open_button)
        bcol.addWidget(self.pair_button)
        fv.addLayout(trow)
        self.token_info = message_label()
        fv.addWidget(self.token_info)
        self.addr_edit = QLineEdit()
        self.addr_edit.setPlaceholderText(
            self.tr("Only if the invitation has no address, e.g. 192.168.1.20:47490")
        )
        self.addr_edit.setAccessibleName(self.tr("Inviter's address"))
        self.addr_label = QLabel(self.tr("&Address:"))
        self.addr_label.setBuddy(self.addr_edit)
        arow = QHBoxLayout()
        arow.addWidget(self.addr_label)
        arow.addWidget(self.addr_edit, 1)
        fv.addLayout(arow)
        self.addr_message = message_label()
        fv.addWidget(self.addr_message)
        jv.addWidget(self.join_fields)
        outer.addWidget(self.join_box)

        self.busy_row = Busy()
        self.busy_row.setContentsMargins(10, 0, 10, 0)
        outer.addWidget(self.busy_row)
        self.error = message_label()
        self.error.setContentsMargins(10, 0, 10, 0)
        outer.addWidget(self.error)
        outer.addStretch(1)

        self.modes.buttonToggled.connect(lambda *_: self._update())
        self.name_edit.textChanged.connect(self._update)
        self.token_edit.textChanged.connect(self._token_changed)
        self.addr_edit.textChanged.connect(self._update)
        self._update()

    # --- state --------------------------------------------------------------------------------

    @property
    def creating(self) -> bool:
        return self.create_radio.isChecked()

    def action_text(self) -> str:
        return self.tr("Create cooperative") if self.creating else self.tr("Join")

    def _targets(self) -> list[tuple[str, int]] | None:
        """Where to dial: the typed address, else the invitation's; None if the address is bad."""
        typed = self.addr_edit.text().strip()
        if typed:
            addr = parse_address(typed)
            return [addr] if addr else None
        if self.invitation is None:
            return []
        out = [parse_address(a) for a in self.invitation.addrs]
        return [a for a in out if a]

    def is_ready(self) -> bool:
        if self.busy:
            return False
        if self.creating:
            return bool(self.name_edit.text().strip())
        targets = self._targets()
        return self.invitation is not None and bool(targets)

    def _update(self) -> None:
        creating = self.creating
        self.create_fields.setVisible(creating)
        self.join_fields.setVisible(not creating)
        self.create_fields.setEnabled(not self.busy)
        self.join_fields.setEnabled(not self.busy)
        for b in (self.create_radio, self.join_radio):
            b.setEnabled(not self.busy)
        if not creating:
            typed = self.addr_edit.text().strip()
            if typed and parse_address(typed) is None:
                set_message(
                    self.addr_message,
                    self.tr("Type the address as HOST:PORT, for example 192.168.1.20:47490."),
                )
            elif self.invitation is not None and not typed and not self._targets():
                set_message(
                    self.addr_message,
                    self.tr("This invitation names no address: type the inviter's address."),
                )
            else:
                set_message(self.addr_message, "")
        else:
            set_message(self.addr_message, "")
        self.changed.emit()

    def _token_changed(self) -> None:
        text = self.token_edit.toPlainText().strip()
        self.invitation = None
        if not text:
            set_message(self.token_info, "")
        else:
            try:
                invitation = api.parse_invitation(text)
            except UserError:
                if not re.sub(r"\s", "", text).startswith(api.INVITE_PREFIX):
                    set_message(
                        self.token_info,
                        self.tr(
                            "This is not a CoopShare invitation: it should start with “coopshare-invite:”."
                        ),
                    )
                else:
                    set_message(
                        self.token_info,
                        self.tr("This invitation is damaged or incomplete. Copy it again."),
                    )
            else:
                until = date_time_text(invitation.expires * 1000)
                if invitation.expired():
                    set_message(
                        self.token_info,
                        self.tr(
                            "This invitation expired on {0}. Ask the member who invited you for a new one."
                        ).format(until),
                    )
                else:
                    self.invitation = invitation
                    set_message(self.token_info, invitation_preview(invitation, until), "ok")
        self._update()

    def open_token_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an invitation"),
            str(Path.home()),
            self.tr(
                "Invitations (*.txt *.invite *.coopshare);;Pictures of a QR code (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)"
            ),
        )
        if path:
            self.load_token_file(Path(path))

    def load_token_file(self, path: Path) -> None:
        if is_image(path):
            self._load_qr_image(path)
            return
        try:
            with path.open("rb") as f:
                data = f.read(MAX_TOKEN_FILE + 1)
        except OSError as e:
            set_message(
                self.token_info,
                self.tr("Could not read {0}: {1}").format(safe(path.name, 80), e.strerror),
            )
            return
        if len(data) > MAX_TOKEN_FILE:
            set_message(self.token_info, self.tr("That file is too large to be an invitation."))
            return
        self.join_radio.setChecked(True)
        self.token_edit.setPlainText(data.decode("utf-8", "replace").strip())

    def _load_qr_image(self, path: Path) -> None:
        text = read_qr_text(path)
        if text is None:
            set_message(
                self.token_info,
                self.tr("No QR code was found in {0}.").format(safe(path.name, 80)),
            )
            return
        self.join_radio.setChecked(True)
        self.token_edit.setPlainText(text.strip())

    # --- doing it -----------------------------------------------------------------------------

    def start(self, passphrase: str | None) -> None:
        """Create or join on a worker thread; `finished(name)` follows, or an inline error."""
        if self.busy:
            return
        if not self.is_ready():
            if self.creating:
                set_message(self.error, self.tr("Give the cooperative a name."))
                self.name_edit.setFocus()
            elif self.invitation is None:
                set_message(self.error, self.tr("Paste an invitation or open an invitation file."))
                self.token_edit.setFocus()
            return
        self.passphrase = passphrase
        set_message(self.error, "")
        self._set_busy(True)
        home = self.home
        if self.creating:
            name = self.name_edit.text().strip()
            self.busy_row.start(self.tr("Creating the cooperative…"))
            run_in_thread(
                lambda: api.create_coop(home, passphrase, name),
                self._done,
                self._create_failed,
                context=self,
            )
        else:
            invitation, targets = self.invitation, self._targets() or []
            assert invitation is not None
            self._where = ", ".join(f"{h}:{p}" for h, p in targets)
            self.busy_row.start(
                self.tr("Contacting the inviter at {0} and syncing…").format(safe(self._where, 80))
            )
            run_in_thread(
                lambda: join_coop(home, passphrase, invitation, targets),
                self._joined,
                self._join_failed,
                context=self,
            )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if not busy:
            self.busy_row.stop()
        self._update()

    def _done(self, name: str) -> None:
        self._set_busy(False)
        self.finished.emit(name)

    def _joined(self, name: str) -> None:
        self.joined = True
        self._done(name)

    def _create_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        set_message(
            self.error,
            self.tr("The cooperative could not be created: {0}").format(safe(str(error), 300)),
        )

    def _join_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        set_message(self.error, join_error_text(error, safe(self._where, 80)))
