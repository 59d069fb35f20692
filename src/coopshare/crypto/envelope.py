"""Encrypted item parts: the body of a content op.

A part is ``[mode, wrap, ciphertext]``:

* mode 0 (coop): ``wrap = AEAD(HKDF(epoch key, "wrap"), data key)``;
* mode 1 (sealed): ``wrap`` is a list of HPKE slots, one per audience device, padded with random
  slots to 1, 4, 16 or 64 entries. No slot names its recipient: a device trial-opens each slot.

The plaintext is padded to a power of two (at least 256 bytes) before encryption, so the size
on the wire and on disk reveals only a bucket. See docs/protocol.md §Item parts.
"""

from __future__ import annotations

import functools
import struct
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from coopshare.crypto import primitives as p
from coopshare.errors import DecryptError, MalformedData, SchemaError

MODE_COOP = 0
MODE_SEALED = 1
SLOT_LEN = p.HPKE_OVERHEAD + p.KEY_LEN
SLOT_BUCKETS = (1, 4, 16, 64)
MIN_PAD = 256
_PART_AAD = b"coopshare/v1/part"
_WRAP_INFO = b"coopshare/v1/wrap"
_SLOT_INFO = b"coopshare/v1/slot"


@dataclass(frozen=True, slots=True)
class Part:
    mode: int
    wrap: bytes | list[bytes]
    ciphertext: bytes


def pad(data: bytes) -> bytes:
    size = max(MIN_PAD, 1 << (len(data) + 4 - 1).bit_length())
    return struct.pack(">I", len(data)) + data + bytes(size - len(data) - 4)


def unpad(data: bytes) -> bytes:
    if len(data) < 4:
        raise MalformedData("padded plaintext too short")
    (n,) = struct.unpack(">I", data[:4])
    if n > len(data) - 4:
        raise MalformedData("padding length out of range")
    return data[4 : 4 + n]


@functools.lru_cache(maxsize=64)
def wrap_key(epoch_key: bytes) -> bytes:
    """The key that wraps data keys in an epoch (cached: every received op needs it)."""
    return p.hkdf(epoch_key, _WRAP_INFO)


def seal_coop(plaintext: bytes, epoch_key: bytes, coop_id: bytes) -> tuple[Part, bytes]:
    """Encrypt for the whole coop; returns the part and its data key."""
    dek = p.random_bytes(p.KEY_LEN)
    wrap = p.seal(wrap_key(epoch_key), dek, coop_id)
    return Part(MODE_COOP, wrap, p.seal(dek, pad(plaintext), _PART_AAD + coop_id)), dek


def seal_to(
    plaintext: bytes, recipients: Sequence[bytes], coop_id: bytes, dek: bytes | None = None
) -> tuple[Part, bytes]:
    """Encrypt for the devices whose X25519 public keys are `recipients`."""
    if not recipients or len(recipients) > SLOT_BUCKETS[-1]:
        raise SchemaError(
            f"an item can be sealed to 1 to {SLOT_BUCKETS[-1]} devices; "
            f"this audience has {len(recipients)}"
        )
    dek = dek or p.random_bytes(p.KEY_LEN)
    slots = seal_slots(dek, recipients, coop_id)
    return Part(MODE_SEALED, slots, p.seal(dek, pad(plaintext), _PART_AAD + coop_id)), dek


def seal_slots(secret: bytes, recipients: Sequence[bytes], coop_id: bytes) -> list[bytes]:
    """HPKE-seal `secret` to each recipient, padded with random slots, in random order."""
    slots = [p.hpke_seal(r, secret, _SLOT_INFO + coop_id) for r in recipients]
    bucket = next(b for b in SLOT_BUCKETS if b >= len(slots))
    slots += [p.random_bytes(len(slots[0])) for _ in range(bucket - len(slots))]
    # order must not reveal which slot is whose: sort by content (random-looking)
    return sorted(slots)


def open_slots(slots: Sequence[bytes], kex: X25519PrivateKey, coop_id: bytes) -> bytes | None:
    """The secret in the first slot this device can open, or None."""
    for slot in slots:
        try:
            return p.hpke_open(kex, slot, _SLOT_INFO + coop_id)
        except DecryptError:
            continue
    return None


def part_key(
    part: Part, coop_id: bytes, epoch_key: bytes | None, kex: X25519PrivateKey | None
) -> bytes | None:
    """Recover a part's data key with what this device holds, or None if it cannot."""
    if part.mode == MODE_COOP and isinstance(part.wrap, bytes):
        if epoch_key is None:
            return None
        return p.open_sealed(wrap_key(epoch_key), part.wrap, coop_id)
    if part.mode == MODE_SEALED and isinstance(part.wrap, list) and kex is not None:
        return open_slots(part.wrap, kex, coop_id)
    return None


def open_part(part: Part, dek: bytes, coop_id: bytes) -> bytes:
    try:
        return unpad(p.open_sealed(dek, part.ciphertext, _PART_AAD + coop_id))
    except DecryptError:
        raise DecryptError("item part did not decrypt (tampered or wrong key)") from None
