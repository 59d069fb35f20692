"""The two byte formats of a bundle: the ZIP container in its one canonical layout (written and
read here only) and the subset of msgpack CoopShare writes; and the one error of the verifier."""

from __future__ import annotations

import struct
import zlib
from typing import Any

# fixed ZIP fields: stored (no compression), no flags, 1980-01-01 00:00, regular file 0644
_DOS_DATE, _EXT_ATTR = 0x21, 0o100644 << 16
# what a malformed structure raises while it is taken apart (each becomes EvidenceInvalid)
PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError)


class EvidenceInvalid(Exception):
    """The bundle does not verify; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def fail(reason: str) -> EvidenceInvalid:
    return EvidenceInvalid(reason)


# --- ZIP: one canonical layout, written and read by this package only --------------------------


def write_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """A ZIP of stored files with fixed metadata: the same entries give the same bytes."""
    out, central = bytearray(), bytearray()
    for name, data in entries:
        raw = name.encode("ascii")
        crc, off = zlib.crc32(data) & 0xFFFFFFFF, len(out)
        common = struct.pack(
            "<HHHHHIIIH", 20, 0, 0, 0, _DOS_DATE, crc, len(data), len(data), len(raw)
        )
        out += b"PK\x03\x04" + common + b"\x00\x00" + raw + data
        central += b"PK\x01\x02" + struct.pack("<H", 20) + common
        central += struct.pack("<HHHHII", 0, 0, 0, 0, _EXT_ATTR, off) + raw
    end = struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + b"PK\x05\x06" + end)


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    """The entries of a ZIP written by :func:`write_zip` (read from the local headers)."""
    entries, pos = [], 0
    try:
        while data[pos : pos + 4] == b"PK\x03\x04":
            size, name_len, extra = struct.unpack("<I2H", data[pos + 22 : pos + 30])
            start = pos + 30 + name_len + extra
            name = data[pos + 30 : pos + 30 + name_len].decode("ascii")
            if start + size > len(data):
                raise fail("a file runs past the end of the ZIP")
            entries.append((name, data[start : start + size]))
            pos = start + size
    except (struct.error, UnicodeDecodeError) as e:
        raise fail(f"the ZIP is damaged ({type(e).__name__})") from None
    if not entries:
        raise fail("not a ZIP file, or it is empty")
    return entries


# --- msgpack: the subset CoopShare writes -----------------------------------------------------


def unpack(data: bytes) -> Any:
    obj, end = _item(data, 0, 0)
    if end != len(data):
        raise fail("msgpack: trailing bytes")
    return obj


def _take(data: bytes, pos: int, n: int) -> bytes:
    if pos + n > len(data):
        raise fail("msgpack: truncated")
    return data[pos : pos + n]


def _item(d: bytes, pos: int, depth: int) -> tuple[Any, int]:
    if depth > 32:
        raise fail("msgpack: nested too deeply")
    b = _take(d, pos, 1)[0]
    pos += 1
    if b <= 0x7F:
        return b, pos
    if b >= 0xE0:
        return b - 0x100, pos
    if 0x80 <= b <= 0x8F:
        return _map(d, pos, b & 0x0F, depth)
    if 0x90 <= b <= 0x9F:
        return _array(d, pos, b & 0x0F, depth)
    if 0xA0 <= b <= 0xBF:
        return _str(d, pos, b & 0x1F)
    if b == 0xC0:
        return None, pos
    if b in (0xC2, 0xC3):
        return b == 0xC3, pos
    sizes = {
        0xC4: 1,
        0xC5: 2,
        0xC6: 4,
        0xD9: 1,
        0xDA: 2,
        0xDB: 4,
        0xDC: 2,
        0xDD: 4,
        0xDE: 2,
        0xDF: 4,
    }
    if b in sizes:
        n = int.from_bytes(_take(d, pos, sizes[b]), "big")
        pos += sizes[b]
        if b <= 0xC6:
            return _take(d, pos, n), pos + n
        if b <= 0xDB:
            return _str(d, pos, n)
        return (_array if b <= 0xDD else _map)(d, pos, n, depth)
    ints = {0xCC: (1, False), 0xCD: (2, False), 0xCE: (4, False), 0xCF: (8, False)}
    ints.update({0xD0: (1, True), 0xD1: (2, True), 0xD2: (4, True), 0xD3: (8, True)})
    if b in ints:
        n, signed = ints[b]
        return int.from_bytes(_take(d, pos, n), "big", signed=signed), pos + n
    raise fail(f"msgpack: unsupported type byte 0x{b:02x}")


def _str(d: bytes, pos: int, n: int) -> tuple[str, int]:
    try:
        return _take(d, pos, n).decode("utf-8"), pos + n
    except UnicodeDecodeError:
        raise fail("msgpack: text is not UTF-8") from None


def _array(d: bytes, pos: int, n: int, depth: int) -> tuple[list[Any], int]:
    out = []
    for _ in range(n):
        v, pos = _item(d, pos, depth + 1)
        out.append(v)
    return out, pos


def _map(d: bytes, pos: int, n: int, depth: int) -> tuple[dict[Any, Any], int]:
    out: dict[Any, Any] = {}
    for _ in range(n):
        k, pos = _item(d, pos, depth + 1)
        if not isinstance(k, (str, bytes)) or k in out:
            raise fail("msgpack: bad or repeated map key")
        out[k], pos = _item(d, pos, depth + 1)
    return out, pos
