"""Safety numbers marked as verified, and a warning when a verified member's keys change.

Two members compare the safety number (``views.safety_number``: digits of a hash of both
member ids, each the hash of a member key). When they match, "Mark as verified" records on
this device, sealed with the data folder's key like every local row, the member key and the
device keys that member had in the roster at that moment. From then on the state is:

* ``verified``: the member still has that member key and no device key I have not seen;
* ``changed``: a device key appeared that was not there when I verified (a roster op added
  a device: the member's second laptop, or someone holding a copy of the member key), or the
  member key differs: compare again, then mark as verified again;
* ``unverified``: never verified on this device.

A device that was revoked since does not change the state: fewer keys trust nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopshare.errors import NoSuchMember
from coopshare.protocol.codec import as_bytes, as_list, pack, unpack
from coopshare.service.coop import Coop

_PURPOSE = b"verified"
UNVERIFIED, VERIFIED, CHANGED = "unverified", "verified", "changed"


@dataclass(frozen=True, slots=True)
class Verification:
    member_id: bytes
    state: str  # UNVERIFIED | VERIFIED | CHANGED
    new_devices: int  # devices added since I verified (0 unless CHANGED)


def _key(coop: Coop, member_id: bytes) -> str:
    return "verified:" + coop.local_key(_PURPOSE, member_id).hex()[:32]


def _keys_now(coop: Coop, member_id: bytes) -> tuple[bytes, list[bytes]]:
    m = coop.roster.members.get(member_id)
    if m is None:
        raise NoSuchMember(name=member_id.hex()[:16])
    devices = [d.sign_pk for d in coop.roster.active_devices_of(member_id)]
    return m.member_pk, sorted(devices)


def mark_verified(coop: Coop, member_id: bytes) -> None:
    """Record that I compared our safety number with this member: their keys as of now."""
    member_pk, devices = _keys_now(coop, member_id)
    blob = coop.seal_local(_PURPOSE, pack([member_pk, devices]))
    with coop.transaction():
        coop.store.set_meta(_key(coop, member_id), blob)


def forget(coop: Coop, member_id: bytes) -> None:
    """Mark as not verified again."""
    with coop.transaction():
        coop.store.set_meta(_key(coop, member_id), b"")


def state(coop: Coop, member_id: bytes) -> Verification:
    blob = coop.store.meta(_key(coop, member_id))
    if not blob or member_id not in coop.roster.members:
        return Verification(member_id, UNVERIFIED, 0)
    pinned_pk, pinned = unpack(coop.open_local(_PURPOSE, blob))
    seen = {as_bytes(d, "device", 32) for d in as_list(pinned, "devices", 10_000)}
    member_pk, devices = _keys_now(coop, member_id)
    new = [d for d in devices if d not in seen]
    if pinned_pk != member_pk or new:
        return Verification(member_id, CHANGED, len(new))
    return Verification(member_id, VERIFIED, 0)
