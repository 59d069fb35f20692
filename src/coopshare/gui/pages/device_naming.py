"""Nearby: the devices of a member by the names given to them here, and "Name device…" to
give one (kept on this device only, as Syncthing names remote devices: service/device_names.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from coopshare.gui.bridge import Bridge
from coopshare.gui.errors_text import error_text
from coopshare.gui.pages.nearby_rows import MemberNearby
from coopshare.gui.text import safe


def _t(text: str) -> str:
    return QCoreApplication.translate("NearbyPage", text)


def short_device(device_hex: str) -> str:
    """The first 12 hex digits of a device id, in groups of four."""
    d = device_hex[:12]
    return " ".join(d[i : i + 4] for i in range(0, len(d), 4))


def device_label(device_hex: str, name: str) -> str:
    """A device as a member reads it: its name here, else the start of its id."""
    return safe(name, 60) if name else short_device(device_hex)


def devices_text(r: MemberNearby) -> str:
    return ", ".join(device_label(d, n) for d, n in zip(r.devices, r.names, strict=True)) or "—"


def devices_tip(r: MemberNearby) -> str | None:
    lines = [
        f"{safe(n, 60)} — {short_device(d)}" if n else short_device(d)
        for d, n in zip(r.devices, r.names, strict=True)
    ]
    return "\n".join(lines) or None


def name_a_device(
    parent: QWidget, bridge: Bridge, r: MemberNearby, done: Callable[[], None]
) -> None:
    """Ask which of the member's devices (if several) and its name; save it through the door."""
    if not r.devices:
        return
    index = 0
    if len(r.devices) > 1:
        labels = [device_label(d, n) for d, n in zip(r.devices, r.names, strict=True)]
        choice, ok = QInputDialog.getItem(
            parent, _t("Name a device"), _t("Which device?"), labels, 0, False
        )
        if not ok:
            return
        index = labels.index(choice)
    device, current = r.devices[index], r.names[index]
    who = safe(r.member, 80) or short_device(device)
    name, ok = QInputDialog.getText(
        parent,
        _t("Name a device"),
        _t("A name for {0}'s device {1} (seen on this computer only):").format(
            who, short_device(device)
        ),
        QLineEdit.EchoMode.Normal,
        current,
    )
    if not ok or not name.strip():
        return
    raw = bytes.fromhex(device)
    bridge.write(
        lambda a: a.name_device(raw, name),
        lambda _r: done(),
        lambda e: (
            parent.window().statusBar().showMessage(error_text(e), 8000)  # type: ignore[attr-defined]
            if hasattr(parent.window(), "statusBar")
            else None
        ),
    )
