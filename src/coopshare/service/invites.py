"""Invitations issued by this device: created by `invite create`, consumed by a joining peer."""

from __future__ import annotations

import time
from dataclasses import dataclass

from coopshare.errors import InvalidRole
from coopshare.model.roster import Role
from coopshare.protocol import invite as inv
from coopshare.protocol.codec import pack, unpack
from coopshare.service.coop import Coop

_PURPOSE = b"invite"


@dataclass(frozen=True, slots=True)
class Pending:
    token_id: bytes
    secret: bytes
    role: Role
    expires: int


def create(coop: Coop, role: str, addrs: list[str], ttl: int = inv.DEFAULT_TTL) -> inv.Invitation:
    coop._require_admin()
    try:
        Role(role)
    except ValueError:
        raise InvalidRole(role=role) from None
    invitation = inv.new_invitation(coop._coop(), addrs, coop.me.device_id, role, ttl)
    sealed = coop.seal_local(_PURPOSE, pack([invitation.secret, role, invitation.expires]))
    with coop.transaction(durable=True):
        coop.store.put_invite(invitation.token_id, sealed)
    return invitation


def pending(coop: Coop, now: float | None = None) -> list[Pending]:
    """Unused, unexpired invitations: their secrets key the join knock."""
    now = time.time() if now is None else now
    out = []
    for token_id, sealed, used in coop.store.invites():
        secret, role, expires = unpack(coop.open_local(_PURPOSE, sealed))
        if not used and expires >= now:
            out.append(Pending(token_id, secret, Role(role), expires))
    return out


def consume(coop: Coop, token_id: bytes) -> bool:
    with coop.transaction(durable=True):
        return coop.store.use_invite(token_id)


def restore(coop: Coop, token_id: bytes) -> None:
    """Make a consumed invitation usable again (the join it was consumed for failed)."""
    with coop.transaction(durable=True):
        coop.store.release_invite(token_id)
