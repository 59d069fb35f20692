"""Bundle files: signed, encrypted ops carried by hand (USB stick, mail) instead of the network.

Layout, version 1 (docs/protocol.md §Bundles); integers big-endian::

    magic    8 bytes   b"COOPBNDL"
    version  1 byte    1
    coop_id  32 bytes  the cooperative's genesis op id
    ops      repeated: length (u32, 1..MAX_MESSAGE) + the op's wire bytes, in arrival order
    end      u32 0
    count    u32       how many ops came before `end`
    sum      32 bytes  SHA-256 of every byte before it

The ops are exactly what a sync session sends (docs/protocol.md §Ops): the bundle adds no
secret and no trust of its own; the importer verifies every op like one from a peer. The sum
only tells a damaged or truncated file from a good one before anything is applied.

Sans-IO in spirit: the functions read and write file objects given to them and never open
files. Every reader error is a :class:`BundleDamaged` (a ValidationError).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from coopshare.errors import BundleDamaged
from coopshare.protocol.codec import MAX_MESSAGE
from coopshare.protocol.ops import ID_LEN

MAGIC = b"COOPBNDL"
VERSION = 1
SUFFIX = ".coopbundle"
_HEAD = struct.Struct(">8sB32s")
_REST = struct.Struct(">B32s")  # after the magic
_U32 = struct.Struct(">I")
_SUM_LEN = 32


@dataclass(frozen=True, slots=True)
class BundleInfo:
    coop_id: bytes
    count: int
    size: int  # bytes in the file


class _Hashing:
    """A file object's writer or reader that hashes every byte passing through."""

    def __init__(self, f: BinaryIO) -> None:
        self.f = f
        self.h = hashlib.sha256()
        self.n = 0

    def write(self, data: bytes) -> None:
        self.f.write(data)
        self.h.update(data)
        self.n += len(data)

    def read(self, n: int, what: str) -> bytes:
        data = self.f.read(n)
        if len(data) != n:
            raise BundleDamaged(reason=f"truncated: the file ends inside {what}")
        self.h.update(data)
        self.n += n
        return data


def write(out: BinaryIO, coop_id: bytes, wires: Iterable[bytes]) -> int:
    """Write a bundle of `wires` to `out`; returns the number of ops written."""
    if len(coop_id) != ID_LEN:
        raise ValueError("coop id must be 32 bytes")
    w = _Hashing(out)
    w.write(_HEAD.pack(MAGIC, VERSION, coop_id))
    count = 0
    for wire in wires:
        if not 0 < len(wire) <= MAX_MESSAGE:
            raise ValueError("an op's wire form is 1..MAX_MESSAGE bytes")
        w.write(_U32.pack(len(wire)))
        w.write(wire)
        count += 1
    w.write(_U32.pack(0))
    w.write(_U32.pack(count))
    out.write(w.h.digest())
    return count


def _head(r: _Hashing) -> bytes:
    if r.read(len(MAGIC), "the header") != MAGIC:
        raise BundleDamaged(reason="not a CoopShare bundle")
    version, coop_id = _REST.unpack(r.read(_REST.size, "the header"))
    if version != VERSION:
        raise BundleDamaged(reason=f"bundle version {version} is not supported")
    return bytes(coop_id)


def _records(r: _Hashing) -> Iterator[bytes]:
    while True:
        (n,) = _U32.unpack(r.read(4, "an op's length"))
        if n == 0:
            return
        if n > MAX_MESSAGE:
            raise BundleDamaged(reason=f"an op of {n} bytes is larger than allowed")
        yield r.read(n, "an op")


def check(f: BinaryIO) -> BundleInfo:
    """Read the whole bundle once: structure, count and checksum. Leaves `f` at its end."""
    r = _Hashing(f)
    coop_id = _head(r)
    count = sum(1 for _ in _records(r))
    (declared,) = _U32.unpack(r.read(4, "the op count"))
    if declared != count:
        raise BundleDamaged(reason=f"it holds {count} ops but says {declared}")
    expected = r.h.digest()
    got = f.read(_SUM_LEN)
    if len(got) != _SUM_LEN:
        raise BundleDamaged(reason="truncated: the checksum is missing")
    if got != expected:
        raise BundleDamaged(reason="checksum mismatch")
    if f.read(1):
        raise BundleDamaged(reason="extra bytes after the end")
    return BundleInfo(coop_id, count, r.n + _SUM_LEN)


def ops(f: BinaryIO) -> Iterator[bytes]:
    """The op wire bytes of a bundle that :func:`check` accepted (read from the start of `f`)."""
    r = _Hashing(f)
    _head(r)
    yield from _records(r)
