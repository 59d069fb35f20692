"""The "this device" card at the top of Nearby: my name, and the addresses members can reach
this device at (to add by address on guest Wi-Fi), selectable to copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.text import safe
from coopshare.service.api import ThisDevice


class ThisDeviceCard(QFrame):
    def __init__(self, bridge: Bridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setObjectName("thisDevice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        v = QVBoxLayout(self)
        v.setContentsMargins(12, 8, 12, 8)
        v.setSpacing(2)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: 600;")
        self.detail = QLabel()
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.title)
        v.addWidget(self.detail)
        self.info: ThisDevice | None = None

    def reload(self) -> None:
        self.bridge.run(self.bridge.runtime.this_device(), self.show_info)

    def show_info(self, info: ThisDevice) -> None:
        self.info = info
        self.title.setText(self.tr("This device: {0}").format(safe(info.name, 80)))
        device = " ".join(info.device_id[i : i + 4] for i in range(0, 12, 4))
        if info.addresses:
            where = self.tr("Members reach it at {0}").format(", ".join(info.addresses[:4]))
        elif info.listening:
            where = self.tr("Listening; no network address found")
        else:
            where = self.tr("Not connected to the network")
        self.detail.setText(self.tr("{0} · device {1}").format(where, device))
