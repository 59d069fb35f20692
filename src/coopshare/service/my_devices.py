"""My devices: the devices of my own member in the roster, a friendly name for each (kept on
this device only, sealed like other local rows), and revoking a lost one.

Revoking is the roster's ``revoke_device`` op: a member may revoke its own devices (an admin
any device), and like a removal it starts a new epoch whose key is wrapped only to the devices
that stay (``RosterAuthor.revoke_device``; the rule is ``model/roster.py::_allowed``, applied
identically on every replica). A new device of mine is added by a device invitation
(``invites.DEVICE``) and then gets my sealed items' keys (``service/device_keys.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from coopshare.errors import RULE_ROSTER, NameRequired, NoSuchDevice, NotAllowed, RevokeThisDevice
from coopshare.service.coop import Coop

_PURPOSE = b"device-name"
MAX_DEVICE_NAME = 60


@dataclass(frozen=True, slots=True)
class MyDevice:
    device_id: bytes
    name: str  # my friendly name for it; "" if none was given
    this_device: bool
    active: bool  # False: revoked


def _key(coop: Coop, device_id: bytes) -> str:
    return "devname:" + coop.local_key(_PURPOSE, device_id).hex()[:32]


def device_name(coop: Coop, device_id: bytes) -> str:
    blob = coop.store.meta(_key(coop, device_id))
    return "" if blob is None else coop.open_local(_PURPOSE, blob).decode()


def my_devices(coop: Coop) -> list[MyDevice]:
    """This device first, then my other active devices, then revoked ones."""
    r, me = coop.roster, coop.me
    out = [
        MyDevice(d, device_name(coop, d), d == me.device_id, d in r.active)
        for d, rec in r.devices.items()
        if rec.member_id == me.member_id
    ]
    if not any(d.this_device for d in out):  # no cooperative yet: this device alone
        out.append(MyDevice(me.device_id, device_name(coop, me.device_id), True, True))
    return sorted(out, key=lambda d: (not d.this_device, not d.active, d.device_id))


def _mine(coop: Coop, device_id: bytes) -> MyDevice:
    for d in my_devices(coop):
        if d.device_id == device_id:
            return d
    raise NoSuchDevice()


def rename(coop: Coop, device_id: bytes, name: str) -> None:
    """Give one of my devices a friendly name (seen on this device only)."""
    _mine(coop, device_id)
    clean = " ".join(name.split())[:MAX_DEVICE_NAME]
    if not clean:
        raise NameRequired()
    with coop.transaction():
        coop.store.set_meta(_key(coop, device_id), coop.seal_local(_PURPOSE, clean.encode()))


def revoke(coop: Coop, device_id: bytes) -> None:
    """Revoke one of my other devices (a lost laptop): it may no longer sync or write, and
    a new epoch key goes to my remaining devices and everyone else's."""
    dev = _mine(coop, device_id)
    if dev.this_device:
        raise RevokeThisDevice()
    if not dev.active:
        raise NotAllowed(rule=RULE_ROSTER)
    coop.revoke_device(device_id)
    if device_id in coop.roster.active:  # the fold refused it
        raise NotAllowed(rule=RULE_ROSTER)
