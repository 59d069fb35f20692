"""Invitations issued by this device: created by `invite create`, consumed by a joining peer."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from coopshare.errors import RULE_ROSTER, InvalidRole, NotAllowed
from coopshare.model.roster import Role
from coopshare.protocol import invite as inv
from coopshare.protocol.codec import pack, unpack
from coopshare.service.coop import Coop

_PURPOSE = b"invite"
DEVICE = "device"  # an invitation for another device of the inviting member (no admin needed)


@dataclass(frozen=True, slots=True)
class Pending:
    token_id: bytes
    secret: bytes
    role: Role
    expires: int
    for_device: bool = False  # only a device of the inviter's own member may use it

    @property
    def label(self) -> str:
        return DEVICE if self.for_device else self.role.value


def create(coop: Coop, role: str, addrs: list[str], ttl: int = inv.DEFAULT_TTL) -> inv.Invitation:
    """An invitation of a new member with `role` (admins only), or with role DEVICE one for a
    new device of my own member: any member may make that one, and the joiner must prove my
    member key (service/joining.py)."""
    if role == DEVICE:
        coop._coop()
        if coop.me.device_id not in coop.roster.active:
            raise NotAllowed(rule=RULE_ROSTER)
    else:
        coop._require_admin()
        try:
            Role(role)
        except ValueError:
            raise InvalidRole(role=role) from None
    invitation = inv.new_invitation(
        coop._coop(),
        addrs,
        coop.me.device_id,
        role,
        ttl,
        coop_name=coop.coop_name() or "",
        inviter=coop.me.name,
    )
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
            dev = role == DEVICE
            out.append(Pending(token_id, secret, Role.MEMBER if dev else Role(role), expires, dev))
    return out


def consume(coop: Coop, token_id: bytes) -> bool:
    with coop.transaction(durable=True):
        return coop.store.use_invite(token_id)


def restore(coop: Coop, token_id: bytes) -> None:
    """Make a consumed invitation usable again (the join it was consumed for failed)."""
    with coop.transaction(durable=True):
        coop.store.release_invite(token_id)


def revoke(coop: Coop, token_id: bytes) -> bool:
    """Forget an unused invitation (the listener reads the pending list at every knock, so a
    join with it is refused from now on); False if there was no such open invitation."""
    with coop.transaction(durable=True):
        return coop.store.delete_invite(token_id)


_FILE_TEXT = """\
Invitation to join {coop} in CoopShare, from {inviter}.
It works once, until {until}.

How to join:
1. Install CoopShare (ask {inviter} how) and start it.
2. Choose your name and a passphrase, and write down your recovery key.
3. Choose "Join with an invitation" and open this file (or paste the line that starts
   with "coopshare-invite:").
4. While you join, CoopShare must be running on {inviter}'s computer, on the same network.
Keep this file to yourself: whoever uses it first joins the cooperative. Delete it once
you have joined.

Uitnodiging voor {coop} in CoopShare, van {inviter}.
Ze werkt één keer, tot {until}.

Zo word je lid:
1. Installeer CoopShare (vraag {inviter} hoe) en start het.
2. Kies je naam en een wachtwoordzin, en schrijf je herstelsleutel op.
3. Kies "Lid worden met een uitnodiging" en open dit bestand (of plak de regel die begint
   met "coopshare-invite:").
4. Terwijl je lid wordt, moet CoopShare draaien op de computer van {inviter}, op hetzelfde
   netwerk.
Houd dit bestand voor jezelf: wie het als eerste gebruikt, wordt lid. Verwijder het zodra
je lid bent.

{token}
"""


_DEVICE_TEXT = """\
Invitation for another device of {inviter} in {coop} (CoopShare).
It works once, until {until}, and only with {inviter}'s recovery key.

On the new device:
1. Install CoopShare and start it.
2. Tick "Restore my identity from my recovery key" and type it.
3. Choose "Join with an invitation" and open this file.
4. While you join, CoopShare must be running on your other device, on the same network.

Uitnodiging voor een ander apparaat van {inviter} in {coop} (CoopShare).
Ze werkt één keer, tot {until}, en alleen met de herstelsleutel van {inviter}.

Op het nieuwe apparaat:
1. Installeer CoopShare en start het.
2. Vink "Mijn identiteit herstellen met mijn herstelsleutel" aan en typ die.
3. Kies "Lid worden met een uitnodiging" en open dit bestand.
4. Terwijl je lid wordt, moet CoopShare draaien op je andere apparaat, op hetzelfde netwerk.

{token}
"""


def file_text(invitation: inv.Invitation) -> str:
    """An invitation file: short instructions for the person who receives it (English and
    Dutch: the inviter does not know the receiver's language), then the token on its own line."""

    def plain(name: str, fallback: str) -> str:
        name = re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", " ", name)
        return name.strip() or fallback

    until = time.strftime("%Y-%m-%d %H:%M %Z", time.localtime(invitation.expires)).strip()
    return (_DEVICE_TEXT if invitation.role == DEVICE else _FILE_TEXT).format(
        coop=f"“{plain(invitation.coop_name, 'a cooperative')}”",
        inviter=plain(invitation.inviter, "the inviter"),
        until=until,
        token=invitation.to_text(),
    )
