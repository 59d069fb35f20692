"""My devices (People → My devices…): this device and my others, a friendly name for each
(kept on this device), Revoke for a lost one (a new epoch: service/my_devices.py), Add my device
(in person: the new device shows a code, gui/dialogs/pair_device.py; no admin, no recovery key)
and Add a device (a device invitation: the new device needs my recovery key, no admin)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs.confirm import ask_to_confirm
from coopshare.gui.dialogs.invite import InviteDialog
from coopshare.gui.dialogs.member_admin import short_id
from coopshare.gui.errors_text import error_text
from coopshare.gui.text import safe
from coopshare.gui.theme import ERROR, ERROR_ON_DARK, is_dark
from coopshare.service.api import MyDevice
from coopshare.service.api import events as ev

MAX_NAME = 60


class MyDevicesDialog(QDialog):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.devices: list[MyDevice] = []
        self.buttons: dict[bytes, tuple[QPushButton, QPushButton | None]] = {}
        self.confirm: QMessageBox | None = None
        self.pair_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("My devices"))
        self.setMinimumWidth(600)
        v = QVBoxLayout(self)
        v.setContentsMargins(18, 16, 18, 12)
        heading = QLabel(self.tr("Your devices in the cooperative"))
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        v.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Each device has its own keys. Names are only for you: they stay on this device. Revoke a device you lost: it can no longer sync, and everything written afterwards uses new keys it does not get."
            )
        )
        intro.setWordWrap(True)
        intro.setMinimumHeight(intro.heightForWidth(560))
        v.addWidget(intro)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        v.addLayout(self.grid)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(f"color: {ERROR_ON_DARK if is_dark(self) else ERROR};")
        self.message.hide()
        v.addWidget(self.message)
        row = QHBoxLayout()
        self.pair_button = QPushButton(self.tr("Add my device…"))
        self.pair_button.setToolTip(self.tr("Pair a new computer of yours in person"))
        self.pair_button.clicked.connect(self.add_in_person)
        row.addWidget(self.pair_button)
        self.add_button = QPushButton(self.tr("Add a device…"))
        self.add_button.setToolTip(self.tr("An invitation for another device of yours"))
        self.add_button.clicked.connect(self.add_device)
        row.addWidget(self.add_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        v.addLayout(row)
        bridge.core_event.connect(self._on_event)
        self.reload()
        bridge.db(lambda a: a.holds_member_key(), self._key_here, self._failed)

    def _key_here(self, here: bool) -> None:
        self.pair_button.setEnabled(here)
        if not here:
            self.pair_button.setToolTip(
                self.tr(
                    "This device was added in person and does not hold your member key: add a device from the device you added this one from."
                )
            )

    def reload(self) -> None:
        self.bridge.db(lambda a: a.my_devices(), self._got, self._failed)

    def _on_event(self, event: object) -> None:
        if isinstance(event, ev.RosterChanged):
            self.reload()

    def _got(self, devices: list[MyDevice]) -> None:
        self.devices = devices
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.buttons = {}
        for i, d in enumerate(devices):
            name = QLabel(safe(d.name, MAX_NAME) or self.tr("Unnamed device"))
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setStyleSheet("font-weight: 600;")
            marks = [short_id(d.device_id)]
            if d.this_device:
                marks.append(self.tr("this device"))
            if not d.active:
                marks.append(self.tr("revoked"))
            info = QLabel(" · ".join(marks))
            info.setStyleSheet("color: palette(placeholder-text);")
            rename = QPushButton(self.tr("Rename…"))
            rename.clicked.connect(lambda _c=False, dev=d: self.rename(dev))
            revoke = None
            if d.active and not d.this_device:
                revoke = QPushButton(self.tr("Revoke…"))
                revoke.setObjectName("dangerButton")
                revoke.clicked.connect(lambda _c=False, dev=d: self.ask_revoke(dev))
            self.grid.addWidget(name, i, 0)
            self.grid.addWidget(info, i, 1)
            self.grid.addWidget(rename, i, 2)
            if revoke is not None:
                self.grid.addWidget(revoke, i, 3)
            self.buttons[d.device_id] = (rename, revoke)
        self.grid.setColumnStretch(1, 1)
        self.adjustSize()

    def rename(self, device: MyDevice) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Rename device"), self.tr("Name for this device:"), text=device.name
        )
        if ok:
            self.save_name(device.device_id, text)

    def save_name(self, device_id: bytes, name: str) -> None:
        self.message.hide()
        self.bridge.write(
            lambda a: a.rename_device(device_id, name), lambda _r: self.reload(), self._failed
        )

    def ask_revoke(self, device: MyDevice) -> None:
        label = safe(device.name, MAX_NAME) or short_id(device.device_id)
        text = self.tr(
            "Revoke {0}?\n\n"
            "It can no longer sync with the cooperative, and everything written from now on is encrypted with new keys it does not get.\n\n"
            "What is already on it stays readable there: revoking cannot take that back."
        ).format(label)
        self._confirm(text, lambda: self.revoke(device.device_id))

    def _confirm(self, text: str, then: Callable[[], None]) -> None:
        def answered(yes: bool) -> None:
            self.confirm = None
            if yes:
                then()

        title, buttons = self.tr("Revoke device"), (self.tr("Revoke"), self.tr("Cancel"))
        self.confirm = ask_to_confirm(
            self, QMessageBox.Icon.Warning, title, text, buttons, answered
        )

    def revoke(self, device_id: bytes) -> None:
        self.message.hide()
        self.bridge.write(
            lambda a: a.revoke_my_device(device_id), lambda _r: self.reload(), self._failed
        )

    def add_device(self) -> None:
        InviteDialog(self.bridge, self, device=True).open()

    def add_in_person(self) -> None:
        from coopshare.gui.dialogs.pair_device import AddMyDeviceDialog

        self.pair_dialog = AddMyDeviceDialog(self.bridge, self)
        self.pair_dialog.open()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        self.message.show()
