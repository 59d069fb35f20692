"""Managing people: the roster as the People page's admin view shows it, role changes and
removals, and this device's open invitations (listed, revoked).

Read models are frozen dataclasses; every function runs on the store's thread (through
``Runtime.db``/``write``) or in a one-shot command.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from coopshare.errors import RULE_LAST_ADMIN, RULE_ROSTER, NoSuchInvite, NoSuchMember, NotAllowed
from coopshare.model.roster import Role
from coopshare.service import invites
from coopshare.service.coop import Coop


@dataclass(frozen=True, slots=True)
class DeviceEntry:
    device_id: bytes
    active: bool


@dataclass(frozen=True, slots=True)
class MemberEntry:
    member_id: bytes
    name: str
    role: str  # "admin" | "member"
    me: bool
    devices: tuple[DeviceEntry, ...]  # active devices first, then revoked ones


@dataclass(frozen=True, slots=True)
class RosterView:
    """Who is in the cooperative, and whether I may change it."""

    i_am_admin: bool
    members: tuple[MemberEntry, ...]
    admins: int  # how many admins there are (the last one cannot be demoted or removed)


@dataclass(frozen=True, slots=True)
class OpenInvite:
    token_id: bytes
    role: str  # "admin" | "member" | "device" (another device of mine)
    expires: int  # unix seconds


def roster_view(coop: Coop) -> RosterView:
    r = coop.roster
    out = []
    for mid in r.members:
        devices = [DeviceEntry(d.device_id, True) for d in r.active_devices_of(mid)]
        devices += [
            DeviceEntry(d, False)
            for d, rec in sorted(r.devices.items())
            if rec.member_id == mid and d not in r.active
        ]
        out.append(
            MemberEntry(
                member_id=mid,
                name=coop.member_name(mid),
                role=r.members[mid].role.value,
                me=mid == coop.me.member_id,
                devices=tuple(devices),
            )
        )
    out.sort(key=lambda m: (m.name.casefold(), m.member_id))
    return RosterView(
        i_am_admin=coop.coop_id is not None and r.is_admin(coop.me.member_id),
        members=tuple(out),
        admins=len(r.admins()),
    )


def change_role(coop: Coop, member_id: bytes, role: str) -> None:
    """Make a member an admin or a member (admins only; the last admin stays an admin)."""
    _check_last_admin(coop, member_id, leaving=role != Role.ADMIN.value)
    coop.change_role(member_id, Role(role))
    if coop.roster.members[member_id].role.value != role:  # the fold refused it
        raise NotAllowed(rule=RULE_ROSTER)


def remove_member(coop: Coop, member_id: bytes) -> None:
    """Remove a member: a new epoch key for every remaining device (admins only)."""
    _check_last_admin(coop, member_id, leaving=True)
    coop.remove_member(member_id)


def _check_last_admin(coop: Coop, member_id: bytes, *, leaving: bool) -> None:
    m = coop.roster.members.get(member_id)
    if m is None:
        raise NoSuchMember(name=member_id.hex()[:16])
    if leaving and m.role is Role.ADMIN and len(coop.roster.admins()) == 1:
        raise NotAllowed(rule=RULE_LAST_ADMIN)


def open_invites(coop: Coop, now: float | None = None) -> list[OpenInvite]:
    """Invitations of this device that can still be used, the first to expire first."""
    pend = invites.pending(coop, time.time() if now is None else now)
    return sorted(
        (OpenInvite(x.token_id, x.label, x.expires) for x in pend),
        key=lambda i: (i.expires, i.token_id),
    )


def revoke_invite(coop: Coop, token_id: bytes) -> None:
    """Forget an invitation: from now on this device's listener refuses a join with it."""
    if not invites.revoke(coop, token_id):
        raise NoSuchInvite()
