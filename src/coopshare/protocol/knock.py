"""The knock: 58 bytes a client sends before TLS, so a server shows nothing to strangers.

Layout: ``version(1) | mode(1) | nonce(16) | unix time(8, big-endian) | HMAC-SHA256(32)``.
The MAC covers the first 26 bytes under a key that only members (mode 1: the coop's network key,
derived from an epoch key) or an invited joiner (mode 2: derived from the invitation secret)
hold; mode 3 is mode 1 followed by the client's sealed certificate. Without a valid knock the
server closes the socket without sending a byte; a replayed knock is refused by a nonce cache
that outlives the accepted time window.
"""

from __future__ import annotations

import hmac
import struct
import time
from collections import OrderedDict
from collections.abc import Iterable

from coopshare.crypto import primitives as p

KNOCK_LEN = 58
VERSION = 1
MODE_MEMBER = 1
MODE_JOIN = 2
MODE_MEMBER_CERT = 3  # member, with the sealed device certificate behind it (protocol/admission)
WINDOW_S = 120
_HEAD = struct.Struct(">BB16sQ")


def network_key(epoch_key: bytes) -> bytes:
    return p.hkdf(epoch_key, b"coopshare/v1/network")


def join_key(invite_secret: bytes) -> bytes:
    return p.hkdf(invite_secret, b"coopshare/v1/join-knock")


def make_knock(key: bytes, mode: int, now: float | None = None) -> bytes:
    head = _HEAD.pack(VERSION, mode, p.random_bytes(16), int(time.time() if now is None else now))
    return head + p.hmac256(key, head)


class KnockChecker:
    """Verifies knocks against candidate keys, with a bounded replay cache."""

    def __init__(self, max_nonces: int = 100_000) -> None:
        self._seen: OrderedDict[bytes, float] = OrderedDict()
        self._max = max_nonces

    def check(
        self, knock: bytes, keys: Iterable[tuple[int, bytes]], now: float | None = None
    ) -> tuple[int, bytes] | None:
        """The (mode, key) the knock was made with, or None if it is not acceptable."""
        if len(knock) != KNOCK_LEN:
            return None
        version, mode, nonce, stamp = _HEAD.unpack(knock[:26])
        now = time.time() if now is None else now
        if version != VERSION or abs(now - stamp) > WINDOW_S:
            return None
        for key_mode, key in keys:
            if key_mode == mode and hmac.compare_digest(p.hmac256(key, knock[:26]), knock[26:]):
                if nonce in self._seen:
                    return None
                self._remember(nonce, now)
                return mode, key
        return None

    def _remember(self, nonce: bytes, now: float) -> None:
        self._seen[nonce] = now
        while self._seen:
            _, t = next(iter(self._seen.items()))
            if len(self._seen) > self._max or now - t > 2 * WINDOW_S + 60:
                self._seen.popitem(last=False)
            else:
                break
