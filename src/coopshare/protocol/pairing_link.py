"""Adding a new device of my own in person, sans-IO: the pairing exchange of
``protocol/pairing.py`` in its *device* mode, and the two records it carries
(docs/protocol.md §18b).

The **new** device (fresh install, no keys of the member) is the pairing *host*: it shows the
pairing code and its address. My **existing** device is the *guest*: its person types them.
Steps 1–5 are those of pairing (the guest's hello carries ``m: "device"``; every key, MAC and
box label is ``coopshare/v1/pair/device/…``). Then, in the other direction than an invitation:

6. once its person confirmed the digits, the new device sends ``confirm`` with the MAC and
   ``box`` = its :class:`LinkRequest` (its public device, kex and TLS keys) sealed under the key;
7. once its own person confirmed *and* that MAC checked, the existing device certifies those
   keys with the member key and sends ``payload``: a sealed :class:`LinkGrant` (the member key's
   signature over them, the member's public key and name, and a device invitation).

The member's private key never leaves the existing device; the new one holds a certificate of
its own keys instead (docs/security.md §5, "My devices"). Every decoder raises only
:class:`~coopshare.errors.ValidationError` subclasses.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from coopshare.crypto import primitives as p
from coopshare.errors import (
    DecryptError,
    InviteMalformed,
    NotAnInvitation,
    PairingFailed,
    ValidationError,
)
from coopshare.protocol import invite as inv
from coopshare.protocol.codec import as_bytes, as_int, as_list, as_str, pack, unpack
from coopshare.protocol.pairing import (
    DEVICE,
    MAX_PAYLOAD,
    TTL,
    Guest,
    Host,
    Phase,
    _msg,
    _read,
    domain,
)

VERSION = 1
MAX_CERT = 1024  # a device's self-signed Ed25519 certificate is about 300 bytes
DEVICE_ROLE = "device"


@dataclass(frozen=True, slots=True)
class LinkRequest:
    """What the new device asks to have certified: its own public keys."""

    sign_pk: bytes
    kex_pk: bytes
    cert: bytes

    def encode(self) -> bytes:
        return pack([VERSION, self.sign_pk, self.kex_pk, self.cert])

    @classmethod
    def decode(cls, data: bytes) -> LinkRequest:
        try:
            v = as_list(unpack(data), "link request", 4)
            if len(v) != 4 or as_int(v[0], "version") != VERSION:
                raise PairingFailed("unknown link request version")
            return cls(
                as_bytes(v[1], "sign_pk", 32),
                as_bytes(v[2], "kex_pk", 32),
                as_bytes(v[3], "cert", max_len=MAX_CERT),
            )
        except PairingFailed:
            raise
        except ValidationError as e:
            raise PairingFailed(f"malformed link request: {e}") from None


@dataclass(frozen=True, slots=True)
class LinkGrant:
    """What the existing device hands over: the member key's certificate (``msig``) of the new
    device's keys, who the member is, and a device invitation to join with."""

    member_pk: bytes
    name: str
    msig: bytes
    invitation: inv.Invitation

    def encode(self) -> bytes:
        return pack([VERSION, self.member_pk, self.name, self.msig, self.invitation.to_text()])

    @classmethod
    def decode(cls, data: bytes) -> LinkGrant:
        try:
            v = as_list(unpack(data), "link grant", 5)
            if len(v) != 5 or as_int(v[0], "version") != VERSION:
                raise PairingFailed("unknown link grant version")
            member_pk = as_bytes(v[1], "member_pk", 32)
            name = as_str(v[2], "name", inv.MAX_NAME)
            msig = as_bytes(v[3], "msig", 64)
            text = as_str(v[4], "invitation", inv.MAX_TEXT)
            try:
                invitation = inv.parse(text)
            except (InviteMalformed, NotAnInvitation):
                raise PairingFailed("the invitation in the grant is malformed") from None
            if invitation.role != DEVICE_ROLE:
                raise PairingFailed("the grant's invitation is not a device invitation")
            return cls(member_pk, name, msig, invitation)
        except PairingFailed:
            raise
        except ValidationError as e:
            raise PairingFailed(f"malformed link grant: {e}") from None


class LinkHost(Host):
    """The new device: shows the code, sends its keys once its person confirmed, receives
    the grant."""

    def __init__(self, secret: bytes, started: float, ttl: float = TTL) -> None:
        super().__init__(secret, started, ttl, mode=DEVICE)

    def on_confirm(self, data: bytes, now: float | None = None) -> None:
        raise self._fail("unexpected confirmation")  # this side confirms, it does not hear one

    def payload(self, plain: bytes, now: float | None = None) -> bytes:
        raise self._fail("the new device sends no payload")

    def confirm(self, request: LinkRequest, now: float | None = None) -> bytes:
        """This side's person confirmed the digits: the MAC and the sealed request."""
        self._check_time(now)
        if self.phase is not Phase.COMPARE:
            raise self._fail("nothing to confirm")
        assert self.key is not None
        self.confirmed = True
        box = p.seal(self.key, request.encode(), domain(DEVICE, b"request"))
        return _msg("confirm", mac=self._confirm_mac(), box=box)

    def on_grant(self, data: bytes, now: float | None = None) -> LinkGrant:
        self._check_time(now)
        if self.phase is not Phase.COMPARE or not self.confirmed:
            raise self._fail("unexpected payload")
        box = _read(data, "payload", {"box": 0})["box"]
        assert self.key is not None
        try:
            plain = p.open_sealed(self.key, box, domain(DEVICE, b"payload"))
        except DecryptError:
            raise self._fail("the payload does not open under the agreed key") from None
        grant = LinkGrant.decode(plain)
        self.phase = Phase.DONE
        return grant


class LinkGuest(Guest):
    """My existing device: types the code, checks the new device's confirmation, and only
    then certifies its keys."""

    host_confirmed: bool = False

    def __init__(self, secret: bytes, started: float, ttl: float = TTL) -> None:
        super().__init__(secret, started, ttl, mode=DEVICE)

    def confirm(self) -> bytes:
        raise self._fail("the existing device sends no confirmation message")

    def on_payload(self, data: bytes, now: float | None = None) -> bytes:
        raise self._fail("unexpected payload")

    def on_confirm(self, data: bytes, now: float | None = None) -> LinkRequest:
        """The new device's confirmation: its MAC must check; returns its request."""
        self._check_time(now)
        if self.phase is not Phase.COMPARE:
            raise self._fail("unexpected confirmation")
        m = _read(data, "confirm", {"mac": 32, "box": 0})
        if not hmac.compare_digest(m["mac"], self._confirm_mac()):
            raise self._fail("the other side derived another key")
        assert self.key is not None
        try:
            plain = p.open_sealed(self.key, m["box"], domain(DEVICE, b"request"))
        except DecryptError:
            raise self._fail("the request does not open under the agreed key") from None
        request = LinkRequest.decode(plain)
        self.host_confirmed = True
        return request

    def grant(self, grant: LinkGrant, now: float | None = None) -> bytes:
        """The sealed grant, once both people confirmed the digits."""
        self._check_time(now)
        if self.phase is not Phase.COMPARE or not (self.confirmed and self.host_confirmed):
            raise self._fail("the digits were not confirmed on both sides")
        plain = grant.encode()
        if len(plain) > MAX_PAYLOAD:
            raise self._fail("grant too long")
        assert self.key is not None
        self.phase = Phase.DONE
        return _msg("payload", box=p.seal(self.key, plain, domain(DEVICE, b"payload")))
