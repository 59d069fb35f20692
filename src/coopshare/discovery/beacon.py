"""Rotating beacons: how members recognise each other's mDNS services and nobody else can.

``beacon = HMAC-SHA256(network key, "coopshare/v1/beacon" || window)[:8]``, with a 10-minute
window. The TXT record carries only ``v`` (protocol version) and ``b`` (the beacon, hex):
no names, no coop id, no keys, no counts. A beacon matches the current or previous window, under
any of the coop's recent network keys. Pure functions: no sockets here.
"""

from __future__ import annotations

import hmac
import os
import secrets
import string
import time
from collections.abc import Iterable

from coopshare.crypto import primitives as p

# 10 minutes; the environment knob exists for the test lab, which cannot wait that long
WINDOW_S = max(1, int(os.environ.get("COOPSHARE_BEACON_WINDOW_S", "600")))
SERVICE_TYPE = "_coopshare._tcp.local."
TXT_VERSION = b"1"


def window(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // WINDOW_S)


def beacon(network_key: bytes, win: int) -> bytes:
    return p.hmac256(network_key, b"coopshare/v1/beacon", win.to_bytes(8, "big"))[:8]


def matches(candidate: bytes, network_keys: Iterable[bytes], now: float | None = None) -> bool:
    return matching_key(candidate, network_keys, now) is not None


def matching_key(
    candidate: bytes, network_keys: Iterable[bytes], now: float | None = None
) -> bytes | None:
    """The network key the beacon was made with (a node behind on epochs uses an older one)."""
    if len(candidate) != 8:
        return None
    w = window(now)
    for k in network_keys:
        if any(hmac.compare_digest(candidate, beacon(k, x)) for x in (w, w - 1)):
            return k
    return None


def random_label(n: int = 12) -> str:
    """A fresh random DNS label, drawn again on every network change (no stable identifier)."""
    alphabet = string.ascii_lowercase + string.digits
    return "cs-" + "".join(secrets.choice(alphabet) for _ in range(n))


def parse_txt(props: dict[bytes, bytes | None]) -> bytes | None:
    """The beacon of a TXT record, or None if the record is not a CoopShare v1 beacon."""
    if len(props) > 8 or props.get(b"v") != TXT_VERSION:
        return None
    raw = props.get(b"b")
    if raw is None or len(raw) != 16:
        return None
    try:
        return bytes.fromhex(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
