"""First start: welcome, identity and passphrase, recovery key, create or join a cooperative.

Slow work never runs on the GUI thread: creating the keys (Argon2id), creating the cooperative and
joining over the network run through :func:`~coopshare.gui.workers.run_in_thread` while the page
shows a busy indicator. Nothing is half-done: the identity exists only once the user asked for it
(the identity page is a commit page), and a home with an identity but no cooperative is picked up
on the next start by :class:`CoopChoiceDialog`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextOption,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from coopshare.errors import (
    InviteAlreadyUsed,
    InviteExpired,
    InviteNotAccepted,
    InviteRefused,
    NotAMember,
    NotTheInviter,
    OtherCoop,
    PeerUnreachable,
    UserError,
)
from coopshare.gui.text import safe
from coopshare.gui.workers import run_in_thread
from coopshare.service import api
from coopshare.service.api import DEFAULT_PORT

ACCENT = "#2f7d6d"
MIN_PASSPHRASE = 10
MAX_NAME = 100
MAX_TOKEN_FILE = 64 * 1024
JOIN_TIMEOUT = 60.0

STYLE = """
QLabel#lead { font-size: 11pt; }
QLabel#recoveryCode {
    font-size: 17pt; font-weight: 600; padding: 16px 18px;
    border: 2px dashed %(accent)s; border-radius: 10px; background: palette(base);
}
QLabel#warningNote {
    background: #f6e7b0; color: #4a3b00; padding: 8px 10px; border-radius: 6px;
}
QFrame#choice { border: 1px solid palette(midlight); border-radius: 8px; }
QProgressBar#strength { border: none; border-radius: 3px; background: palette(midlight); }
"""


# --- small shared pieces (also used by the unlock dialog) -----------------------------------------


def logo_pixmap(size: int = 64) -> QPixmap:
    """CoopShare's mark, drawn: three members linked peer to peer in the cooperative's green."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(ACCENT))
    p.drawRoundedRect(0, 0, size, size, size * 0.22, size * 0.22)
    s = size / 64
    pts = [(32 * s, 17 * s), (17 * s, 44 * s), (47 * s, 44 * s)]
    p.setPen(QPen(QColor("#ffffff"), 3.2 * s))
    for i, a in enumerate(pts):
        b = pts[(i + 1) % 3]
        p.drawLine(int(a[0]), int(a[1]), int(b[0]), int(b[1]))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffffff"))
    for x, y in pts:
        p.drawEllipse(int(x - 7 * s), int(y - 7 * s), int(14 * s), int(14 * s))
    p.end()
    return pix


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def set_message(label: QLabel, text: str, kind: str = "error") -> None:
    """Show an inline message under a field ('error', 'ok' or 'info'); empty text hides it."""
    dark = _is_dark(label)
    colour = {
        "error": "#ff8a80" if dark else "#b3261e",
        "ok": "#63c4ae" if dark else ACCENT,
        "info": "palette(text)",
    }[kind]
    label.setStyleSheet(f"color: {colour};")
    label.setText(text)
    label.setVisible(bool(text))


def muted(label: QLabel) -> QLabel:
    """A secondary line: the palette's placeholder colour, readable in light and dark."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(True)
    return label


def with_message(field: QWidget, message: QLabel) -> QWidget:
    """A field with its inline message right under it (the message takes no room when hidden)."""
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(3)
    v.addWidget(field)
    v.addWidget(message)
    return box


def message_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("FirstRun", "Message"))
    label.hide()
    return label


class Busy(QWidget):
    """An indeterminate progress bar with a line saying what is happening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(120)
        self.bar.setFixedHeight(8)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.bar)
        row.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setAccessibleName(text)
        self.show()

    def stop(self) -> None:
        self.hide()


def passphrase_strength(text: str) -> tuple[int, str]:
    """(score 0-4, hint) from length and variety; a hint, not a guarantee."""
    n = len(text)
    if n == 0:
        return 0, ""
    if n < MIN_PASSPHRASE:
        return 1, QCoreApplication.translate(
            "FirstRun",
            "Too short — use at least 10 characters; 12 or more, or a few words, is better.",
        )
    lowered = re.sub(r"[\d\W_]+", "", text.lower())
    common = {"password", "wachtwoord", "welkom", "welcome", "qwerty", "coopshare", "letmein"}
    if len(set(text.lower())) < 5 or lowered in common:
        return 1, QCoreApplication.translate(
            "FirstRun", "Weak — this is easy to guess. Use 12+ characters or a few words."
        )
    words = len([w for w in re.split(r"[\s\-_.,;]+", text.strip()) if w])
    classes = sum(bool(re.search(rx, text)) for rx in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z\d]"))
    score = 1 + (n >= 12) + (n >= 16 or words >= 4) + (classes >= 3 or words >= 3)
    score = min(score, 4)
    return score, [
        "",
        QCoreApplication.translate("FirstRun", "Weak — use 12+ characters or a few words."),
        QCoreApplication.translate(
            "FirstRun", "Fair — add another word, or mix in digits and symbols."
        ),
        QCoreApplication.translate("FirstRun", "Good — hard to guess."),
        QCoreApplication.translate(
            "FirstRun", "Strong — a passphrase like this is very hard to guess."
        ),
    ][score]


def parse_address(text: str) -> tuple[str, int] | None:
    """'HOST:PORT' (or a bare host: the usual port); None if it cannot be an address."""
    text = text.strip()
    if not text:
        return None
    host, sep, port = text.rpartition(":")
    if not sep or "]" in port:
        host, port = text, str(DEFAULT_PORT)
    host = host.strip().strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536 or re.search(r"\s", host):
        return None
    return host, int(port)


# --- work done off the GUI thread ------------------------------------------------------------------


def create_identity(home: Path, name: str, passphrase: str) -> str:
    """Create the keys (Argon2id: takes a moment); returns the member key's recovery code."""
    return api.create_identity(home, name, passphrase)


def create_coop(home: Path, passphrase: str | None, name: str) -> str:
    return api.create_coop(home, passphrase, name)


def join_coop(
    home: Path, passphrase: str | None, invitation: api.Invitation, targets: list[tuple[str, int]]
) -> str:
    """Dial the inviter(s), get admitted, sync; returns the cooperative's name."""

    name, _received = asyncio.run(api.join(home, passphrase, invitation, targets, JOIN_TIMEOUT))
    return name


def join_error_text(error: BaseException, where: str) -> str:
    """A clear sentence for a failed join, chosen by the error's type (never by its text)."""
    if isinstance(error, InviteExpired):
        return QCoreApplication.translate(
            "FirstRun", "This invitation has expired. Ask the member who invited you for a new one."
        )
    if isinstance(error, InviteNotAccepted):
        return QCoreApplication.translate(
            "FirstRun",
            "The inviter at {0} did not accept this invitation. It was probably used already or has expired: ask for a new one.",
        ).format(where)
    if isinstance(error, PeerUnreachable):
        return QCoreApplication.translate(
            "FirstRun",
            "Could not reach the inviter at {0}. Check that CoopShare is running there and that you are on the same network, then try again.",
        ).format(where)
    if isinstance(error, InviteAlreadyUsed | InviteRefused):
        return QCoreApplication.translate(
            "FirstRun",
            "The inviter refused this invitation; it was probably used already. An invitation works once: ask for a new one.",
        )
    if isinstance(error, NotTheInviter | NotAMember):
        return QCoreApplication.translate(
            "FirstRun",
            "The computer at {0} is not the one that made this invitation. Check the address.",
        ).format(where)
    if isinstance(error, OtherCoop):
        return QCoreApplication.translate(
            "FirstRun", "This data folder already belongs to another cooperative."
        )
    return QCoreApplication.translate("FirstRun", "Joining did not work: {0}").format(
        safe(str(error), 300)
    )


# --- the create-or-join form (wizard page and CoopChoiceDialog) ------------------------------------


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
        self.join_fields = QWidget()
        fv = QVBoxLayout(self.join_fields)
        fv.setContentsMargins(0, 4, 0, 0)
        trow = QHBoxLayout()
        trow.addWidget(self.token_edit, 1)
        trow.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
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
                until = dt.datetime.fromtimestamp(invitation.expires).strftime("%Y-%m-%d %H:%M")
                if invitation.expired():
                    set_message(
                        self.token_info,
                        self.tr(
                            "This invitation expired on {0}. Ask the member who invited you for a new one."
                        ).format(until),
                    )
                else:
                    self.invitation = invitation
                    where = ", ".join(safe(a, 60) for a in invitation.addrs[:3])
                    set_message(
                        self.token_info,
                        self.tr("A valid invitation, until {0}, from {1}.").format(until, where)
                        if where
                        else self.tr("A valid invitation, until {0}.").format(until),
                        "ok",
                    )
        self._update()

    def open_token_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an invitation"),
            str(Path.home()),
            self.tr("Invitations (*.txt *.invite *.coopshare);;All files (*)"),
        )
        if path:
            self.load_token_file(Path(path))

    def load_token_file(self, path: Path) -> None:
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
                lambda: create_coop(home, passphrase, name),
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


# --- wizard pages ---------------------------------------------------------------------------------


class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to CoopShare"))
        self.setSubTitle(self.tr("Share knowledge, leads and ideas with your cooperative."))
        v = QVBoxLayout(self)
        v.setSpacing(12)
        intro = QLabel(
            self.tr(
                "CoopShare lets the members of a cooperative share knowledge notes, leads for assignments and ideas — directly between their own laptops, with no central server. Everything you write is signed by you and encrypted for the people you share it with. Members find each other on the local network, at the office or at a meetup, and keep each other up to date."
            )
        )
        intro.setObjectName("lead")
        intro.setWordWrap(True)
        v.addWidget(intro)
        steps = QLabel(
            self.tr(
                "In three short steps you will:\n"
                "1.  choose your name and a passphrase,\n"
                "2.  write down your recovery key,\n"
                "3.  create a cooperative, or join one with an invitation."
            )
        )
        steps.setTextFormat(Qt.TextFormat.PlainText)
        steps.setWordWrap(True)
        v.addWidget(steps)
        v.addStretch(1)


class IdentityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your identity"))
        self.setSubTitle(
            self.tr(
                "Your name is how other members see you. The passphrase protects this computer's data."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create my identity"))
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(8)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText(self.tr("For example: Anna de Vries"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_message = message_label()
        form.addRow(self.tr("Your &name:"), with_message(self.name_edit, self.name_message))

        self.pass_edit = QLineEdit()
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(self.tr("Passphrase"))
        self.pass_edit.setPlaceholderText(self.tr("At least 10 characters; a few words work well"))
        pass_label = QLabel(self.tr("&Passphrase:"))
        pass_label.setBuddy(self.pass_edit)
        form.addRow(pass_label, self.pass_edit)
        self.meter = QProgressBar()
        self.meter.setObjectName("strength")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(6)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.strength = QLabel()
        self.strength.setTextFormat(Qt.TextFormat.PlainText)
        self.strength.setWordWrap(True)
        sv = QVBoxLayout()
        sv.setSpacing(3)
        sv.addWidget(self.meter)
        sv.addWidget(self.strength)
        form.addRow("", sv)

        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Repeat the passphrase"))
        self.repeat_message = message_label()
        form.addRow(self.tr("&Repeat:"), with_message(self.repeat_edit, self.repeat_message))
        self.show_box = QCheckBox(self.tr("&Show passphrase"))
        self.show_box.toggled.connect(self._show_toggled)
        form.addRow("", self.show_box)

        note = QLabel(
            self.tr(
                "There is no way to recover your data on this computer without this passphrase: CoopShare has no server and nobody can reset it for you. Keep it in a password manager or somewhere safe."
            )
        )
        note.setObjectName("warningNote")
        note.setWordWrap(True)
        form.addRow(note)

        self.name_edit.textChanged.connect(self._changed)
        self.pass_edit.textChanged.connect(self._changed)
        self.repeat_edit.textChanged.connect(self._changed)
        self.name_edit.editingFinished.connect(self._name_left)
        self._changed()

    def _show_toggled(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.pass_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    def _name_left(self) -> None:
        if not self.name_edit.text().strip():
            set_message(self.name_message, self.tr("Type your name as the other members know you."))

    def _changed(self) -> None:
        if self.name_edit.text().strip():
            set_message(self.name_message, "")
        text = self.pass_edit.text()
        score, hint = passphrase_strength(text)
        colours = ["#b3261e", "#b3261e", "#c77700", ACCENT, ACCENT]
        self.meter.setValue(score)
        self.meter.setStyleSheet(
            f"QProgressBar#strength::chunk {{ background: {colours[score]}; border-radius: 3px; }}"
        )
        set_message(self.strength, hint, "ok" if score >= 3 else "error" if score <= 1 else "info")
        repeat = self.repeat_edit.text()
        if repeat and repeat != text:
            if len(repeat) >= len(text) or not text.startswith(repeat):
                set_message(self.repeat_message, self.tr("The two passphrases do not match."))
            else:
                set_message(self.repeat_message, "")
        elif repeat and len(text) >= MIN_PASSPHRASE:
            set_message(self.repeat_message, self.tr("The passphrases match."), "ok")
        else:
            set_message(self.repeat_message, "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        text = self.pass_edit.text()
        return (
            bool(self.name_edit.text().strip())
            and len(text) >= MIN_PASSPHRASE
            and self.repeat_edit.text() == text
        )

    def name(self) -> str:
        return self.name_edit.text().strip()

    def passphrase(self) -> str:
        return self.pass_edit.text()


class RecoveryPage(QWizardPage):
    """Creates the identity on arrival (off the GUI thread), then shows the recovery key."""

    def __init__(self, home: Path, identity: IdentityPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.identity = identity
        self.code: str | None = None
        self._started = False
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(
            self.tr("If this computer is lost, this key restores your membership on a new one.")
        )
        v = QVBoxLayout(self)
        self.stack = QStackedWidget()
        v.addWidget(self.stack, 1)

        working = QWidget()
        wv = QVBoxLayout(working)
        wv.addStretch(1)
        self.busy = Busy()
        wv.addWidget(self.busy)
        self.error = message_label()
        wv.addWidget(self.error)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.hide()
        self.retry.clicked.connect(self._create)
        wv.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignLeft)
        wv.addStretch(2)
        self.stack.addWidget(working)

        shown = QWidget()
        sv = QVBoxLayout(shown)
        sv.setSpacing(10)
        sv.setContentsMargins(0, 0, 0, 0)
        explain = QLabel(
            self.tr(
                "Write this key on paper and keep it somewhere safe, away from this computer. Anyone who has it can act as you, so never send it by e-mail or chat."
            )
        )
        explain.setWordWrap(True)
        sv.addWidget(explain)
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(17)
        mono.setWeight(QFont.Weight.DemiBold)
        mono.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
        self.code_label.setFont(mono)
        self.code_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.code_label.setAccessibleName(self.tr("Recovery key"))
        sv.addWidget(self.code_label)
        crow = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the recovery key to the clipboard"))
        self.copy_button.clicked.connect(self._copy)
        self.copied = QLabel()
        self.copied.setTextFormat(Qt.TextFormat.PlainText)
        crow.addWidget(self.copy_button)
        crow.addWidget(self.copied, 1)
        sv.addLayout(crow)
        self.written = QCheckBox(self.tr("I have &written it down"))
        self.written.setStyleSheet("font-weight: 600;")
        self.written.toggled.connect(lambda _on: self.completeChanged.emit())
        sv.addWidget(self.written)
        sv.addStretch(1)
        self.stack.addWidget(shown)
        self.shown = shown

    def initializePage(self) -> None:
        if not self._started:
            self._started = True
            self._create()

    def _create(self) -> None:
        self.retry.hide()
        set_message(self.error, "")
        self.busy.start(self.tr("Creating your keys… this takes a moment."))
        self.stack.setCurrentIndex(0)
        home, name, passphrase = self.home, self.identity.name(), self.identity.passphrase()
        run_in_thread(
            lambda: create_identity(home, name, passphrase),
            self._created,
            self._failed,
            context=self,
        )

    def _created(self, code: str) -> None:
        self.busy.stop()
        self.code = code
        groups = code.split("-")
        rows = [" ".join(groups[i : i + 5]) for i in range(0, len(groups), 5)]
        self.code_label.setText("\n".join(rows))
        self.stack.setCurrentWidget(self.shown)
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard):
            wizard.identity_created(self.identity.passphrase())
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        if api.is_initialised(self.home):  # another start of CoopShare made one meanwhile
            set_message(
                self.error,
                self.tr(
                    "This data folder already holds an identity. Close this window and start CoopShare again to unlock it."
                ),
            )
            return
        set_message(
            self.error,
            self.tr("Your keys could not be created: {0}").format(safe(str(error), 300)),
        )
        self.retry.show()

    def _copy(self) -> None:
        if self.code:
            QGuiApplication.clipboard().setText(self.code)
            self.copied.setText(self.tr("Copied. Remember to clear the clipboard afterwards."))
            QTimer.singleShot(8000, self.copied.clear)

    def isComplete(self) -> bool:
        return self.code is not None and self.written.isChecked()


class CoopPage(QWizardPage):
    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your cooperative"))
        self.setSubTitle(self.tr("Start a new cooperative, or join one a member invited you to."))
        self.setCommitPage(True)
        self.form = CoopForm(home)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 8, 0, 0)
        v.addWidget(self.form)
        self.coop_name = ""
        self._done = False
        self.form.changed.connect(self._changed)
        self.form.finished.connect(self._finished)
        self._changed()

    def _changed(self) -> None:
        self.setButtonText(QWizard.WizardButton.CommitButton, self.form.action_text())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._done or self.form.is_ready()

    def validatePage(self) -> bool:
        if self._done:
            return True
        wizard = self.wizard()
        passphrase = wizard.passphrase if isinstance(wizard, FirstRunWizard) else None
        if passphrase is not None:
            self.form.start(passphrase)
        return False  # the worker moves the wizard on when it is done

    def _finished(self, name: str) -> None:
        self._done = True
        self.coop_name = name
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()


class DonePage(QWizardPage):
    def __init__(self, coop: CoopPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coop = coop
        self.setTitle(self.tr("You are ready"))
        self.setSubTitle(self.tr("Welcome to the cooperative."))
        v = QVBoxLayout(self)
        v.setSpacing(12)
        self.summary = QLabel()
        self.summary.setObjectName("lead")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.tips = QLabel()
        self.tips.setTextFormat(Qt.TextFormat.PlainText)
        self.tips.setWordWrap(True)
        v.addWidget(self.tips)
        v.addStretch(1)

    def initializePage(self) -> None:
        name = safe(self.coop.coop_name, 100)
        if self.coop.form.joined:
            self.summary.setText(
                self.tr(
                    "You joined {0}. Its notes, leads and ideas are on this computer now, and they stay in sync whenever another member is online."
                ).format(name)
            )
        else:
            self.summary.setText(
                self.tr(
                    "You created {0} and you are its administrator. Invite the other members with the Invite button at the top of the window."
                ).format(name)
            )
        self.tips.setText(
            self.tr(
                "Tips:\n•  Press Ctrl+N to write your first note, and Ctrl+K to search.\n•  Members on the same network find each other automatically.\n•  Meetup mode (in Settings) lets you sync without announcing yourself."
            )
        )


class FirstRunWizard(QWizard):
    """The first start. After ``exec()`` returned true, :attr:`passphrase` unlocks the home."""

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.passphrase: str | None = None
        self.confirm_box: QMessageBox | None = None
        self._leave_confirmed = False
        self.setWindowTitle(self.tr("Welcome to CoopShare"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, logo_pixmap(48))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open CoopShare"))
        self.setStyleSheet(STYLE % {"accent": ACCENT})
        self.welcome_page = WelcomePage()
        self.identity_page = IdentityPage()
        self.recovery_page = RecoveryPage(home, self.identity_page)
        self.coop_page = CoopPage(home)
        self.done_page = DonePage(self.coop_page)
        for page in (
            self.welcome_page,
            self.identity_page,
            self.recovery_page,
            self.coop_page,
            self.done_page,
        ):
            page.setTitle(
                f'<span style="font-size: 14pt; font-weight: 600;">{html.escape(page.title())}</span>'
            )
            self.addPage(page)
        self.setTitleFormat(Qt.TextFormat.RichText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.resize(700, 580)

    def identity_created(self, passphrase: str) -> None:
        self.passphrase = passphrase

    def reject(self) -> None:
        """Leaving after the identity exists is fine, but say what happens next (non-blocking)."""
        if self.passphrase is None or self.coop_page._done or self._leave_confirmed:
            super().reject()
            return
        if self.confirm_box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Stop for now?"),
            self.tr(
                "Your identity is saved. The next time you start CoopShare you can create a cooperative or join one."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Stop for now"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Continue"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(self._confirm_answered)
        self.confirm_box = box
        box.open()

    def _confirm_answered(self, answer: int) -> None:
        self.confirm_box = None
        if answer == QMessageBox.StandardButton.Yes:
            self._leave_confirmed = True
            self.reject()


class CoopChoiceDialog(QDialog):
    """Shown when the home has an identity but no cooperative yet (the wizard was left early)."""

    def __init__(self, home: Path, passphrase: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.passphrase = passphrase
        self.coop_name = ""
        self.setWindowTitle(self.tr("Choose a cooperative"))
        self.setStyleSheet(STYLE % {"accent": ACCENT})
        v = QVBoxLayout(self)
        v.setContentsMargins(20, 18, 20, 14)
        v.setSpacing(10)
        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(logo_pixmap(40))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        title = QLabel(self.tr("You are not part of a cooperative yet"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        titles.addWidget(title)
        sub = QLabel(
            self.tr(
                "Your identity is ready. Create a cooperative, or join one with an invitation from a member."
            )
        )
        sub.setWordWrap(True)
        titles.addWidget(sub)
        head.addLayout(titles, 1)
        v.addLayout(head)
        self.form = CoopForm(home)
        v.addWidget(self.form, 1)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.form.action_text(), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.form.name_edit.returnPressed.connect(self._go)
        self.buttons.accepted.connect(self._go)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self.form.changed.connect(self._changed)
        self.form.finished.connect(self._finished)
        self._changed()
        self.resize(620, self.sizeHint().height())

    def _changed(self) -> None:
        self.ok_button.setText(self.form.action_text())
        self.ok_button.setEnabled(self.form.is_ready())

    def _go(self) -> None:
        if self.form.is_ready():
            self.form.start(self.passphrase)

    def _finished(self, name: str) -> None:
        self.coop_name = name
        self.accept()
