"""Pairing in person (protocol/pairing.py): the host's dialog shows a pairing code and this
device's address while it listens, the guest's dialog takes them; both then show the same six
digits, and each person confirms only if the other screen shows them too. The host hands over
an invitation (made only after both confirmed); the guest's dialog returns its text, which the
join form then uses like a pasted invitation.

Each dialog runs its pairing on a thread of its own with its own asyncio loop; the listening
port exists only while the host's dialog is open.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.errors import CoopShareError, PairingContested, PairingExpired, PairingFailed
from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.theme import ERROR, ERROR_ON_DARK, accent_text, is_dark
from coopshare.service import api
from coopshare.service.api import NewInvite

LISTEN = ("0.0.0.0", 0)  # noqa: S104 - every interface: the other device is on the LAN
Work = Callable[["PairSession"], Coroutine[Any, Any, object]]


def _settle(
    fut: asyncio.Future[Any], value: object = None, error: BaseException | None = None
) -> None:
    """Complete a future once (a late answer after a cancel is ignored)."""
    if fut.done():
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(value)


class PairSession(QObject):
    """One pairing on its own thread; results come back as queued signals."""

    listening = Signal(str)  # where the guest reaches this host ("ip:port or ip:port")
    compare = Signal(str)  # the six digits
    joining = Signal()  # a new device of mine: paired, now making its keys and joining
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.loop: asyncio.AbstractEventLoop | None = None
        self.task: asyncio.Task[object] | None = None
        self._answer: asyncio.Future[bool] | None = None
        self._ready = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._main, name="coopshare-pairing", daemon=True).start()
        self._ready.wait(5)

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self.loop = loop
        self.task = loop.create_task(self.work(self))
        self._ready.set()
        try:
            result = loop.run_until_complete(self.task)
            self.succeeded.emit(result)
        except asyncio.CancelledError:
            pass
        except Exception as e:  # typed errors are shown; anything else as a failed pairing
            self.failed.emit(e)
        finally:
            left = asyncio.all_tasks(loop)
            for t in left:
                t.cancel()
            if left:
                loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
            loop.close()

    def announce(self, host: str, port: int) -> None:
        """The pairing's on_listening callback: say where the other device reaches this one."""
        self.listening.emit(" · ".join(api.pairing_addresses(host, port)))

    async def ask(self, code: str) -> bool:
        """The pairing's confirm callback: show the digits, wait for the person's answer."""
        assert self.loop is not None
        self._answer = self.loop.create_future()
        self.compare.emit(code)
        return await self._answer

    def answer(self, yes: bool) -> None:
        loop, fut = self.loop, self._answer
        if loop is not None and fut is not None:
            loop.call_soon_threadsafe(_settle, fut, yes)

    def cancel(self) -> None:
        loop, task = self.loop, self.task
        if loop is not None and task is not None and not loop.is_closed():
            loop.call_soon_threadsafe(task.cancel)


def code_font() -> QFont:
    """The pairing code as the side that shows it writes it: large, bold, fixed width."""
    big = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    big.setPointSize(16)
    big.setWeight(QFont.Weight.Bold)
    return big


class _PairDialog(QDialog):
    """What both sides share: the digits, Confirm / They differ, the outcome."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session: PairSession | None = None
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(18, 16, 18, 12)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setWordWrap(True)  # the Dutch headings are longer than the dialog
        self.layout_.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.body = QVBoxLayout()
        self.layout_.addLayout(self.body)
        self.digits = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(26)
        font.setWeight(QFont.Weight.Bold)
        self.digits.setFont(font)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digits.setAccessibleName(self.tr("Digits to compare"))
        self.digits.hide()
        self.layout_.addWidget(self.digits)
        self.question = QLabel(self.tr("Does the other screen show the same six digits?"))
        self.question.hide()
        self.layout_.addWidget(self.question)
        row = QHBoxLayout()
        self.same_button = QPushButton(self.tr("They match"))
        self.same_button.clicked.connect(lambda: self._answer(True))
        self.differ_button = QPushButton(self.tr("They differ"))
        self.differ_button.clicked.connect(lambda: self._answer(False))
        for b in (self.same_button, self.differ_button):
            b.hide()
            row.addWidget(b)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def run(self, work: Work) -> None:
        session = PairSession(work, self)
        session.listening.connect(self._listening)
        session.compare.connect(self._compare)
        session.succeeded.connect(self._succeeded)
        session.failed.connect(self._failed)
        session.joining.connect(self._joining)
        self.session = session
        session.start()

    def _listening(self, where: str) -> None:
        pass

    def _joining(self) -> None:
        pass

    def _compare(self, code: str) -> None:
        self.digits.setText(f"{code[:3]} {code[3:]}")
        for w in (self.digits, self.question, self.same_button, self.differ_button):
            w.show()
        self.status.clear()

    def _answer(self, yes: bool) -> None:
        self.same_button.setEnabled(False)
        self.differ_button.setEnabled(False)
        if self.session is not None:
            self.session.answer(yes)
        self.status.setText(
            self.tr("Waiting for the other device…") if yes else self.tr("Pairing stopped.")
        )

    def _succeeded(self, result: object) -> None:
        pass

    def _failed(self, error: object) -> None:
        bad = ERROR_ON_DARK if is_dark(self) else ERROR
        self.status.setStyleSheet(f"color: {bad};")
        if isinstance(error, PairingExpired):
            text = self.tr("The pairing code expired. Start again.")
        elif isinstance(error, PairingContested):
            text = self.tr(
                "A second device used the same pairing code: someone else may have seen it. Nothing was handed over. Start again where nobody else can read the code."
            )
        elif isinstance(error, PairingFailed):
            text = self.tr(
                "Pairing failed: the digits were not confirmed on both screens, or the code was wrong. Nothing was handed over."
            )
        elif isinstance(error, CoopShareError):
            text = error_text(error)
        else:
            text = self.tr("Pairing failed.")
        self.status.setText(text)
        for w in (self.question, self.same_button, self.differ_button):
            w.hide()

    def done(self, result: int) -> None:
        if self.session is not None:
            self.session.cancel()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session is not None:
            self.session.cancel()
        super().closeEvent(event)


class ShowsCode(_PairDialog):
    """The side that shows a pairing code and where it listens (the host; a new device of
    mine): make_code_labels() makes `code` and `address`, which the subclass places."""

    def make_code_labels(self, text: str) -> None:
        self.code = QLabel(text)
        self.code.setFont(code_font())
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address = QLabel(text)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)

    def _listening(self, where: str) -> None:
        self.address.setText(where)


class TypesCode(_PairDialog):
    """The side that types the code and address the other screen shows (a guest; my device
    adding another): add_code_entry() makes the fields and Pair; the subclass's pair_work()
    is what Pair runs once they parse."""

    def add_code_entry(self) -> None:
        form = QFormLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("K7QZ-2MXA")
        self.addr_edit = QLineEdit()
        self.addr_edit.setPlaceholderText("192.168.1.20:47491")
        form.addRow(self.tr("Pairing code:"), self.code_edit)
        form.addRow(self.tr("Address:"), self.addr_edit)
        self.body.addLayout(form)
        self.pair_button = QPushButton(self.tr("Pair"))
        self.pair_button.setDefault(True)
        self.pair_button.clicked.connect(self.pair)
        self.body.addWidget(self.pair_button, 0, Qt.AlignmentFlag.AlignLeft)

    def pair_work(self, secret: bytes, address: tuple[str, int]) -> Work:
        raise NotImplementedError

    def pair(self) -> None:
        self.status.setStyleSheet("")
        try:
            secret = api.parse_pairing_code(self.code_edit.text())
            host, _, port = self.addr_edit.text().strip().rpartition(":")
            address = (host.strip("[]"), int(port))
        except (PairingFailed, ValueError):
            self.status.setText(self.tr("Type the code and the address exactly as shown."))
            return
        self.pair_button.setEnabled(False)
        self.status.setText(self.tr("Connecting…"))
        self.run(self.pair_work(secret, address))

    def _failed(self, error: object) -> None:
        super()._failed(error)
        self.pair_button.setEnabled(True)


class PairHostDialog(ShowsCode):
    """Show a pairing code; after both confirmed, hand over an invitation of `role`."""

    def __init__(
        self,
        bridge: Bridge,
        role: str,
        parent: QWidget | None = None,
        listen: tuple[str, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.role = role
        self.invitation: NewInvite | None = None
        self.setWindowTitle(self.tr("Pair in person"))
        self.heading.setText(self.tr("Pair in person"))
        self.intro.setText(
            self.tr(
                "On the other device, choose Pair in person and type this code and address. The code works for two minutes, and only while this window is open."
            )
        )
        form = QFormLayout()
        self.make_code_labels("…")
        form.addRow(self.tr("Pairing code:"), self.code)
        form.addRow(self.tr("Address:"), self.address)
        self.body.addLayout(form)
        listen = listen or LISTEN
        secret = api.new_pairing_secret()
        self.code.setText(api.pairing_code_text(secret))

        async def work(session: PairSession) -> object:
            return await api.pair_host(
                secret, listen, session.ask, self._payload, on_listening=session.announce
            )

        self.run(work)

    async def _payload(self) -> bytes:
        """Runs on the pairing thread once both confirmed: the node makes the invitation."""
        loop = asyncio.get_running_loop()
        made: asyncio.Future[bytes] = loop.create_future()

        def ok(inv: NewInvite) -> None:
            self.invitation = inv
            loop.call_soon_threadsafe(_settle, made, inv.text.encode())

        def err(e: BaseException) -> None:
            loop.call_soon_threadsafe(_settle, made, None, e)

        self.bridge.run(self.bridge.runtime.new_invite(self.role, 3600), ok, err)
        return await made

    def _succeeded(self, result: object) -> None:
        self.status.setStyleSheet(f"color: {accent_text(self)};")
        self.status.setText(self.tr("Paired. The other device is joining now."))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)


class PairGuestDialog(TypesCode):
    """Type the code and address shown on the other screen; returns the invitation text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.invitation_text = ""
        self.setWindowTitle(self.tr("Pair in person"))
        self.heading.setText(self.tr("Pair in person"))
        self.intro.setText(
            self.tr(
                "Ask a member to choose Pair in person on their device, then type the code and address it shows."
            )
        )
        self.add_code_entry()

    @staticmethod
    def ask(parent: QWidget, into: QPlainTextEdit) -> PairGuestDialog:
        """Open the dialog; the invitation it receives goes into `into` (the join form)."""
        dialog = PairGuestDialog(parent)
        dialog.accepted.connect(lambda: into.setPlainText(dialog.invitation_text))
        dialog.open()
        return dialog

    def pair_work(self, secret: bytes, address: tuple[str, int]) -> Work:
        async def work(session: PairSession) -> object:
            return await api.pair_guest(secret, address, session.ask)

        return work

    def _succeeded(self, result: object) -> None:
        self.invitation_text = bytes(result).decode() if isinstance(result, bytes) else ""
        self.accept()
