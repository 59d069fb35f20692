"""Printable recovery code for the member key: base32 in groups of four, with a checksum.

Example: ``ABCD-EFGH-...`` (60 characters in 15 groups). Typing errors are caught by the
5-byte checksum; the code restores the member key, from which a new device can be certified.
"""

from __future__ import annotations

import base64
import re

from coopshare.crypto import primitives as p
from coopshare.errors import RecoveryCodeInvalid

_CHECK = b"coopshare/v1/recovery"
CHECKSUM_LEN = 5  # bytes of SHA-256 after the 32-byte seed


def encode(seed: bytes) -> str:
    raw = seed + p.sha256(_CHECK, seed)[:CHECKSUM_LEN]
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def decode(code: str) -> bytes:
    text = re.sub(r"[\s-]", "", code).upper().replace("0", "O").replace("1", "I")
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        raise RecoveryCodeInvalid("not a valid code (letters A-Z and digits 2-7)") from None
    if len(raw) != 32 + CHECKSUM_LEN or p.sha256(_CHECK, raw[:32])[:CHECKSUM_LEN] != raw[32:]:
        raise RecoveryCodeInvalid("checksum does not match; check for typing errors")
    return raw[:32]
