"""Friendly names for any member's devices, as Syncthing names remote devices: chosen on this
device, kept on this device only (sealed like other local rows, never in the log), shown in
Nearby next to the member. The names of my own devices are the same rows (my_devices.py).
"""

from __future__ import annotations

from coopshare.errors import NameRequired, NoSuchDevice
from coopshare.service.coop import Coop
from coopshare.service.my_devices import _PURPOSE, MAX_DEVICE_NAME, _key, device_name


def names_of(coop: Coop, devices_hex: list[str]) -> dict[str, str]:
    """device (hex) → the name given to it here; devices without one are left out."""
    out = {}
    for d in dict.fromkeys(devices_hex):
        try:
            raw = bytes.fromhex(d)
        except ValueError:
            continue
        name = device_name(coop, raw)
        if name:
            out[d] = name
    return out


def name_device(coop: Coop, device_id: bytes, name: str) -> None:
    """Name a device of any member of the cooperative (an empty name: NameRequired)."""
    if device_id not in coop.roster.devices:
        raise NoSuchDevice()
    clean = " ".join(name.split())[:MAX_DEVICE_NAME]
    if not clean:
        raise NameRequired()
    with coop.transaction():
        coop.store.set_meta(_key(coop, device_id), coop.seal_local(_PURPOSE, clean.encode()))
