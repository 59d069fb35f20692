"""Invitation tokens: single-use, expiring, carried as text or a QR code.

Text form: ``coopshare-invite:`` + base32 of msgpack
``[2, coop_id, [addr...], inviter device id, secret(16), expires, role, coop name, inviter name]``
(version 1 had no names and is still read). The names are what the inviter's device claims, shown
to the receiver before joining; after joining the signed roster is what counts.
The token id (what the joiner names when it proves the secret) is ``SHA-256(secret)[:16]``;
the proof is ``HMAC(secret, challenge || request)`` inside TLS to the pinned inviter.
"""

from __future__ import annotations

import base64
import re
import time
from dataclasses import dataclass

from coopshare.crypto import primitives as p
from coopshare.errors import InviteMalformed, NotAnInvitation, ValidationError
from coopshare.protocol.codec import as_bytes, as_int, as_list, as_str, pack, unpack
from coopshare.protocol.ops import ID_LEN

PREFIX = "coopshare-invite:"
DEFAULT_TTL = 24 * 3600
MAX_TEXT = 8192  # characters: a token with 16 addresses is well under 2,000
MAX_NAME = 100  # characters of the cooperative's and the inviter's names
_TOKEN = re.compile(r"coopshare-invite:[A-Za-z2-7\s]+")


@dataclass(frozen=True, slots=True)
class Invitation:
    coop_id: bytes
    addrs: tuple[str, ...]
    pin: bytes  # inviter's device id (SHA-256 of its SPKI)
    secret: bytes
    expires: int
    role: str
    coop_name: str = ""  # as the inviter's device names them; informational
    inviter: str = ""

    @property
    def token_id(self) -> bytes:
        return token_id_of(self.secret)

    def expired(self, now: float | None = None) -> bool:
        return (time.time() if now is None else now) > self.expires

    def to_text(self) -> str:
        raw = pack(
            [
                2,
                self.coop_id,
                list(self.addrs),
                self.pin,
                self.secret,
                self.expires,
                self.role,
                self.coop_name,
                self.inviter,
            ]
        )
        return PREFIX + base64.b32encode(raw).decode().rstrip("=")


def token_id_of(secret: bytes) -> bytes:
    return p.sha256(b"coopshare/v1/invite-id", secret)[:16]


def proof(secret: bytes, challenge: bytes, request: bytes) -> bytes:
    return p.hmac256(secret, b"coopshare/v1/join-proof", challenge, request)


def new_invitation(
    coop_id: bytes,
    addrs: list[str],
    pin: bytes,
    role: str,
    ttl: int = DEFAULT_TTL,
    *,
    coop_name: str = "",
    inviter: str = "",
) -> Invitation:
    return Invitation(
        coop_id,
        tuple(addrs),
        pin,
        p.random_bytes(16),
        int(time.time()) + ttl,
        role,
        coop_name[:MAX_NAME],
        inviter[:MAX_NAME],
    )


def find(text: str) -> str | None:
    """The first invitation token in `text` (a saved invitation file, a pasted message), or
    None; the token may be wrapped over several lines."""
    if len(text) > MAX_TEXT * 4:
        return None
    hit = _TOKEN.search(text)
    return None if hit is None else re.sub(r"\s", "", hit.group(0))


def parse(text: str) -> Invitation:
    """The invitation in `text`; raises InviteMalformed (or NotAnInvitation if it is not one)."""
    if len(text) > MAX_TEXT:
        raise InviteMalformed()
    text = re.sub(r"\s", "", text)
    if not text.startswith(PREFIX):
        raise NotAnInvitation()
    body = text[len(PREFIX) :].upper()
    try:
        v = as_list(unpack(base64.b32decode(body + "=" * (-len(body) % 8))), "invitation", 9)
        if not ((len(v) == 7 and v[0] == 1) or (len(v) == 9 and v[0] == 2)):
            raise ValidationError("wrong shape")
        names = v[7:] or ["", ""]
        return Invitation(
            coop_id=as_bytes(v[1], "coop", ID_LEN),
            addrs=tuple(as_str(a, "addr", 100) for a in as_list(v[2], "addrs", 16)),
            pin=as_bytes(v[3], "pin", ID_LEN),
            secret=as_bytes(v[4], "secret", 16),
            expires=as_int(v[5], "expires"),
            role=as_str(v[6], "role", 16),
            coop_name=as_str(names[0], "coop name", MAX_NAME),
            inviter=as_str(names[1], "inviter", MAX_NAME),
        )
    except (ValueError, ValidationError):
        raise InviteMalformed() from None
