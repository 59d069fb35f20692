"""A new device of mine gets the keys of my own earlier sealed items (docs/security.md §5).

Sealed parts (a lead's client and rates, notes sent to named members) are HPKE-sealed to the
devices that were active when they were written, so a device added later cannot open what its
member sealed before. Every device of a member therefore *hands over*, once per new device of
the same member it sees in the roster, the data keys of its member's sealed parts that it can
open: one ``key_release`` op whose single sealed part goes to the new device's kex key and holds
no notice (nobody else learns what was handed over, only that a release op exists).

On the receiving device such a grant counts as its own key (``content_open.changes_of`` with
``grants_are_own``) only when the releaser is its own member *and* the op's author is that
member, which the replica checks for every grant (``ContentApplier._apply_release``). A grant
from anyone else stays a granted key, gated by the item's terms as before.

Limit: a device hands over what it can open; if the only device that held those keys is lost
before the new one was added, they are gone (the recovery key restores the member key, not
the data keys of parts sealed to lost devices).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coopshare.crypto import envelope
from coopshare.model.roster import DeviceRecord
from coopshare.protocol import content
from coopshare.protocol.ops import OpKind

if TYPE_CHECKING:
    from coopshare.service.coop import Coop

_MARK = b"handover"


def own_part_key(coop: Coop, op_id: bytes, index: int, part: envelope.Part) -> bytes | None:
    """The data key of a sealed part of my member's op: my own slot, or a key another device
    of mine handed over to this one."""
    dek = envelope.part_key(part, coop._coop(), None, coop.me.kex_key)
    if dek is not None:
        return dek
    keys = coop._grants(op_id, coop.me.member_id).get(index)
    return keys[0] if keys else None


def grants_for(coop: Coop, to_device: bytes) -> list[content.Grant]:
    """Every key of my member's sealed parts that this device can open, except in ops the
    receiving device wrote itself (it holds their keys)."""
    me = coop.me.member_id
    mine = [d for d, rec in sorted(coop.roster.devices.items()) if rec.member_id == me]
    out = []
    for op_id, _header, body in coop.store.bodies_by(
        [d for d in mine if d != to_device], OpKind.ITEM.value
    ):
        for i, part in enumerate(content.decode_parts(body)):
            if part.mode != envelope.MODE_SEALED:
                continue
            dek = own_part_key(coop, op_id, i, part)
            if dek is not None:
                out.append(content.Grant(op_id, i, dek))
    return out


def hand_over(coop: Coop, device: DeviceRecord) -> int:
    """Write key releases of my member's sealed parts to `device` (a device of my member);
    returns the number of keys handed over."""
    assert device.member_id == coop.me.member_id
    grants = grants_for(coop, device.device_id)
    coop_id = coop._coop()
    for start in range(0, len(grants), content.MAX_GRANTS):
        chunk = grants[start : start + content.MAX_GRANTS]
        part, _ = envelope.seal_to(content.encode_grants(chunk), [device.kex_pk], coop_id)
        coop._append(OpKind.KEY_RELEASE, content.encode_parts([part]), coop._epoch()[0])
    return len(grants)


def _mark(coop: Coop, device_id: bytes) -> str:
    return "handover:" + coop.local_key(_MARK, device_id).hex()[:32]


def step(coop: Coop) -> int:
    """Hand over to each active device of my member that this device has not served yet;
    returns the number of keys handed over."""
    if coop.coop_id is None or coop.me.device_id not in coop.roster.active:
        return 0
    done = 0
    for dev in coop.roster.active_devices_of(coop.me.member_id):
        if dev.device_id == coop.me.device_id or coop.store.meta(_mark(coop, dev.device_id)):
            continue
        done += hand_over(coop, dev)
        with coop.transaction():
            coop.store.set_meta(_mark(coop, dev.device_id), b"1")
    return done
