"""Adding a new device of my own in person, without an admin and without the recovery key
(protocol/pairing_link.py; docs/security.md §5 "My devices").

* On the **new** device (first run, "another device of mine"): :func:`new_device_keys` makes
  its device and kex keys; :func:`join_as_my_device` shows the pairing code, sends the public
  keys through the pairing channel once its person confirmed the digits, checks the grant (the
  member key's certificate must be over exactly these keys), creates the keystore without a
  member private key, and joins with the device invitation of the grant.
* On my **existing** device (My devices → Add my device): :func:`grant` certifies the new
  device's keys with the member key and makes a short device invitation; the join then goes
  through ``service/joining.py`` as for any device invitation, which writes ``add_device`` signed
  by the existing device and hands over my sealed items' keys (``service/device_keys.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from coopshare.crypto import primitives as p
from coopshare.errors import InviteNoAddress, NoCoop, PairingFailed
from coopshare.identity.keys import Identity, make_certificate
from coopshare.protocol import pairing
from coopshare.protocol.pairing_link import DEVICE_ROLE, LinkGrant, LinkRequest
from coopshare.protocol.roster_body import parse_bundle
from coopshare.service import home as homes
from coopshare.service import invites, pairing_net
from coopshare.service.coop import Coop
from coopshare.service.views_people import invite_addresses

LINK_INVITE_TTL = 600  # s: the new device joins right after the pairing


def new_device_keys() -> Identity:
    """This new device's own keys, before it knows its member (held in memory only)."""
    device_key = p.new_signing_key()
    return Identity("", None, device_key, p.new_kex_key(), make_certificate(device_key))


def request_of(keys: Identity) -> LinkRequest:
    return LinkRequest(keys.device_pk, keys.kex_pk, keys.cert)


def grant(coop: Coop, request: LinkRequest, listen: tuple[str, int] | None) -> LinkGrant:
    """My existing device: certify the new device's keys with my member key (raises
    MemberKeyNotHere on a device that has none) and make the device invitation it joins with."""
    if coop.coop_id is None:
        raise NoCoop()
    msig = coop.me.certify(request.sign_pk, request.kex_pk)
    bundle = {"sign_pk": request.sign_pk, "kex_pk": request.kex_pk, "cert": request.cert}
    parse_bundle(bundle | {"msig": msig}, coop.me.member_pk)  # the certificate holds sign_pk
    addrs = invite_addresses(coop, listen)
    invitation = invites.create(coop, DEVICE_ROLE, addrs, LINK_INVITE_TTL)
    return LinkGrant(coop.me.member_pk, coop.me.name, msig, invitation)


def adopt(keys: Identity, grant: LinkGrant) -> Identity:
    """The new device's identity from its keys and the grant; refuses a grant whose
    certificate is not over exactly these keys."""
    bundle = {"sign_pk": keys.device_pk, "kex_pk": keys.kex_pk, "cert": keys.cert}
    parse_bundle(bundle | {"msig": grant.msig}, grant.member_pk)  # ValidationError if not
    if not grant.name.strip():
        raise PairingFailed("the grant names no member")
    return Identity(
        grant.name.strip(),
        None,
        keys.device_key,
        keys.kex_key,
        keys.cert,
        linked_member_pk=grant.member_pk,
        linked_msig=grant.msig,
    )


def _hostport(text: str) -> tuple[str, int] | None:
    """An address of the grant's invitation; None if it does not parse (ASCII port 1-65535)."""
    host, _, port = text.rpartition(":")
    ok = host and port.isascii() and port.isdigit() and 0 < int(port) < 65536
    return (host.strip("[]"), int(port)) if ok else None


async def join_as_my_device(
    home: Path,
    passphrase: str,
    secret: bytes,
    listen: tuple[str, int],
    confirm: pairing_net.Confirm,
    *,
    on_listening: Callable[[str, int], None] = lambda h, p: None,
    on_paired: Callable[[], None] = lambda: None,
    ttl: float = pairing.TTL,
    timeout: float = 120.0,
) -> tuple[str, int]:
    """The new device's whole flow; returns (cooperative name, ops received)."""
    from coopshare.service.joining import join_first_reachable

    homes.refuse_if_used(home)
    keys = new_device_keys()
    got = await pairing_net.link_host(
        secret, listen, confirm, request_of(keys), on_listening=on_listening, ttl=ttl
    )
    identity = adopt(keys, got)
    targets = [t for t in map(_hostport, got.invitation.addrs) if t is not None]
    if not targets:
        raise InviteNoAddress()
    on_paired()
    await asyncio.to_thread(homes.init_linked, home, identity, passphrase)
    return await join_first_reachable(home, passphrase, got.invitation, targets, timeout)
