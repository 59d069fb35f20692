"""Opening the encrypted parts of an item op into changes (a pure function of the op and the
keys this device holds); authorisation, which changes an author may make, is the replica's."""

from __future__ import annotations

from collections.abc import Mapping

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from coopshare.crypto import envelope
from coopshare.errors import DecryptError
from coopshare.model.fold import Change
from coopshare.protocol import content
from coopshare.protocol.ops import Op


def open_part(
    part: envelope.Part,
    granted: list[bytes],
    coop_id: bytes,
    epoch_key: bytes | None,
    kex: X25519PrivateKey,
) -> bytes | None:
    """A part's plaintext, with a granted key or this device's own; None if neither opens it.

    A granted key that does not open the part is skipped: it must not hide a part that this
    device can open itself.
    """
    for key in granted:
        try:
            return envelope.open_part(part, key, coop_id)
        except DecryptError:
            continue
    try:
        own = envelope.part_key(part, coop_id, epoch_key, kex)
        return None if own is None else envelope.open_part(part, own, coop_id)
    except DecryptError:
        return None


def changes_of(
    op: Op,
    author: bytes,
    coop_id: bytes,
    epoch_keys: Mapping[bytes, bytes],
    kex: X25519PrivateKey,
    grants: Mapping[int, list[bytes]],
) -> list[Change]:
    """Every change this device can read in an item op (parts sealed to others are skipped);
    raises ValidationError or DecryptError for a malformed body."""
    assert op.body is not None
    out = []
    epoch_key = epoch_keys.get(op.header.epoch)
    for i, part in enumerate(content.decode_parts(op.body)):
        plain = open_part(part, grants.get(i, []), coop_id, epoch_key, kex)
        if plain is not None:
            out.append(
                content.decode_change(plain, op_id=op.op_id, hlc=op.header.hlc, author=author)
            )
    return out
