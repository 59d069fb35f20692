"""Adding a new device of my own in person (protocol/pairing_link.py), like linking a device in
Signal: no admin, no recovery key, and the member key stays on the device I already have.

* :class:`NewDeviceDialog`, on the new device (first run → "This is another device of mine…"):
  a passphrase for this computer, then a pairing code and address to show; after both people
  confirmed the same six digits, the keys are made here and the device joins.
* :class:`AddMyDeviceDialog`, on my existing device (My devices → Add my device…): type the code
  and address the new device shows, compare, confirm; this device then certifies the new one
  and hands it a device invitation (made only after both confirmed).

Both reuse the pairing dialogs' digits, buttons and thread, and the shown code or the code entry
of the in-person pairing's two sides (``gui/dialogs/pairing.py``: ShowsCode, TypesCode).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coopshare.errors import PairingWrongMode
from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.pairing import LISTEN, PairSession, ShowsCode, TypesCode, Work
from coopshare.gui.theme import accent_text
from coopshare.gui.widgets import MIN_PASSPHRASE, StrengthMeter, message_label, set_message
from coopshare.service import api
from coopshare.service.api import LinkGrant, LinkRequest


class NewDeviceDialog(ShowsCode):
    """The new device's side. After ``exec()`` returned true, :attr:`passphrase` unlocks the
    data folder it made, already part of the cooperative."""

    def __init__(
        self, home: Path, parent: QWidget | None = None, listen: tuple[str, int] | None = None
    ) -> None:
        super().__init__(parent)
        self.home = home
        self.listen = listen or LISTEN
        self.passphrase: str | None = None  # set once joined
        self.passphrase_typed = ""  # set once started: the keys may exist even if joining fails
        self.coop_name = ""
        self.setWindowTitle(self.tr("Another device of mine"))
        self.heading.setText(self.tr("Add this computer as another device of yours"))
        self.intro.setText(
            self.tr(
                "Keep your other device at hand. Choose a passphrase for this computer, then on your other device open People → My devices → Add my device… and type the code and address shown here. No recovery key is needed."
            )
        )
        form = QFormLayout()
        self.pass_edit = QLineEdit()
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(self.tr("Passphrase"))
        self.pass_edit.setPlaceholderText(self.tr("At least 10 characters; a few words work well"))
        self.strength = StrengthMeter()
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName(self.tr("Repeat the passphrase"))
        self.pass_message = message_label()
        form.addRow(self.tr("&Passphrase:"), self.pass_edit)
        form.addRow("", self.strength)
        form.addRow(self.tr("&Repeat:"), self.repeat_edit)
        form.addRow("", self.pass_message)
        self.make_code_labels("")
        self.code_label = QLabel(self.tr("Pairing code:"))
        self.address_label = QLabel(self.tr("Address:"))
        form.addRow(self.code_label, self.code)
        form.addRow(self.address_label, self.address)
        for w in (self.code_label, self.code, self.address_label, self.address):
            w.hide()
        self.body.addLayout(form)
        self.start_button = QPushButton(self.tr("Show a pairing code"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.body.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.pass_edit.textChanged.connect(self._changed)
        self.repeat_edit.textChanged.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        text = self.pass_edit.text()
        self.strength.show_for(text)
        ready = len(text) >= MIN_PASSPHRASE and self.repeat_edit.text() == text
        repeat = self.repeat_edit.text()
        if repeat and repeat != text and len(repeat) >= len(text):
            set_message(self.pass_message, self.tr("The two passphrases do not match."))
        else:
            set_message(self.pass_message, "")
        self.start_button.setEnabled(ready and self.session is None)

    def start(self) -> None:
        passphrase = self.pass_edit.text()
        for edit in (self.pass_edit, self.repeat_edit, self.start_button):
            edit.setEnabled(False)
        secret = api.new_pairing_secret()
        self.code.setText(api.pairing_code_text(secret))
        for w in (self.code_label, self.code, self.address_label, self.address):
            w.show()
        self.status.setText(self.tr("Waiting for your other device…"))
        listen, home = self.listen, self.home

        async def work(session: PairSession) -> object:
            name, _received = await api.join_as_my_device(
                home, passphrase, secret, listen, session.ask,
                on_listening=session.announce, on_paired=session.joining.emit,
            )  # fmt: skip
            return name

        self.passphrase_typed = passphrase
        self.run(work)

    def _joining(self) -> None:
        for w in (self.question, self.same_button, self.differ_button):
            w.hide()
        self.status.setText(self.tr("Paired. Creating the keys and joining…"))

    def _succeeded(self, result: object) -> None:
        self.coop_name = str(result)
        self.passphrase = self.passphrase_typed
        self.accept()

    def _failed(self, error: object) -> None:
        super()._failed(error)
        if isinstance(error, PairingWrongMode):
            self.status.setText(
                self.tr(
                    "The other device started another kind of pairing. On your other device, open People → My devices → Add my device…"
                )
            )
        if not api.is_initialised(self.home):  # nothing made yet: allow another attempt
            self.session = None
            for w in (self.pass_edit, self.repeat_edit):
                w.setEnabled(True)
            self._changed()


class AddMyDeviceDialog(TypesCode):
    """My existing device's side: type what the new device shows, compare, confirm."""

    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.granted = False
        self.setWindowTitle(self.tr("Add my device"))
        self.heading.setText(self.tr("Add another device of yours"))
        self.intro.setText(
            self.tr(
                "On the new computer, install CoopShare and choose “This is another device of mine…”. Type the code and address it shows. Your member key stays on this device."
            )
        )
        self.add_code_entry()

    def pair_work(self, secret: bytes, address: tuple[str, int]) -> Work:
        bridge = self.bridge

        async def grant(request: LinkRequest) -> LinkGrant:
            """Runs on the pairing thread once both confirmed: the node certifies."""
            return await asyncio.wrap_future(bridge.run(bridge.runtime.link_grant(request)))

        async def work(session: PairSession) -> object:
            return await api.add_my_device_in_person(secret, address, session.ask, grant)

        return work

    def _succeeded(self, result: object) -> None:
        self.granted = True
        self.status.setStyleSheet(f"color: {accent_text(self)};")
        self.status.setText(
            self.tr(
                "Paired. Your new device is joining now; it appears in My devices once it has synced."
            )
        )
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
