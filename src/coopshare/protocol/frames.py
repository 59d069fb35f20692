"""Length-prefixed frames: a 4-byte big-endian length, then that many bytes of msgpack.

The length is checked against :data:`MAX_FRAME` before any buffer is allocated for the body,
so a hostile 2^31 prefix costs the receiver four bytes (CVE-2021-21404 class).
"""

from __future__ import annotations

import struct

from coopshare.errors import MalformedData

MAX_FRAME = 1 << 20
_LEN = struct.Struct(">I")


def encode_frame(payload: bytes) -> bytes:
    if len(payload) > MAX_FRAME:
        raise ValueError(f"frame of {len(payload)} bytes exceeds {MAX_FRAME}")
    return _LEN.pack(len(payload)) + payload


def frame_length(prefix: bytes) -> int:
    """Validate a 4-byte prefix; raises MalformedData if the frame would be too large or empty."""
    (n,) = _LEN.unpack(prefix)
    if n == 0 or n > MAX_FRAME:
        raise MalformedData(f"frame length {n} outside 1..{MAX_FRAME}")
    return int(n)


class FrameDecoder:
    """Feed bytes, take complete frames; never buffers more than one frame plus a prefix."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._need: int | None = None

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        out = []
        while True:
            if self._need is None:
                if len(self._buf) < 4:
                    break
                self._need = frame_length(bytes(self._buf[:4]))
                del self._buf[:4]
            if len(self._buf) < self._need:
                break
            out.append(bytes(self._buf[: self._need]))
            del self._buf[: self._need]
            self._need = None
        return out
