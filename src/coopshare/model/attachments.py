"""Attachments (images and PDFs of imported notes): their caps and the rules every replica checks.

An attachment is stored as up to :data:`MAX_CHUNKS` items of kind ``file``, one per chunk of at
most :data:`CHUNK` bytes, each written like a note (its fields in the coop part, under the
epoch key; on disk inside the sealed item state). An item's id says whose attachment it is and
which slot and chunk it holds::

    member id[:8] | TAG (4 bytes) | slot (2 bytes, big-endian) | chunk (2 bytes, big-endian)

so a member has at most :data:`MAX_SLOTS` attachments of at most :data:`MAX_FILE` bytes each at
any time, whatever order ops arrive in (the per-author cap: every replica refuses a change to a
slot or chunk out of range, and a chunk larger than :data:`CHUNK`). Chunk 0 carries the file's
name, type, size, SHA-256 and number of chunks; every chunk carries the file's SHA-256, so
chunks of two versions are never mixed: :func:`assemble` returns the file only when every
chunk of the current version is there and the hash matches.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

TAG = b"\x00att"
CHUNK = 500 * 1024  # one op: padded to 512 KiB, under the 1 MiB frame
MAX_CHUNKS = 4
MAX_FILE = 2_000_000  # bytes per attachment (at most MAX_CHUNKS chunks)
MAX_SLOTS = 64  # attachments per member at any time: at most 128 MB per member
MAX_NAME = 255

# file types by extension, and the first bytes each must start with
TYPES: dict[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
}
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
    "application/pdf": (b"%PDF-",),
}
META_FIELDS = frozenset({"data", "name", "mime", "size", "sha256", "chunks"})
CHUNK_FIELDS = frozenset({"data", "sha256"})
SCHEME = "attachment:"  # how a note's body links to one: ![alt](attachment:<item id hex>)
_LINK = re.compile(r"\]\(attachment:([0-9a-f]{32})\)")


def links_in(body: str) -> list[str]:
    """Item ids (hex) of the attachments a note body links to, in order, once each."""
    return list(dict.fromkeys(_LINK.findall(body)))


def item_id(member_id: bytes, slot: int, chunk: int) -> bytes:
    if not (0 <= slot < MAX_SLOTS and 0 <= chunk < MAX_CHUNKS):
        raise ValueError("slot or chunk out of range")
    return member_id[:8] + TAG + slot.to_bytes(2, "big") + chunk.to_bytes(2, "big")


def slot_of(item: bytes) -> tuple[int, int] | None:
    """(slot, chunk) of an attachment item id, or None if it is not one (or out of range)."""
    if len(item) != 16 or item[8:12] != TAG:
        return None
    slot, chunk = int.from_bytes(item[12:14], "big"), int.from_bytes(item[14:16], "big")
    if slot >= MAX_SLOTS or chunk >= MAX_CHUNKS:
        return None
    return slot, chunk


def type_of(name: str, head: bytes) -> str | None:
    """The attachment type of a file with this name and these first bytes, or None."""
    dot = name.rfind(".")
    mime = TYPES.get(name[dot:].lower()) if dot >= 0 else None
    if mime is None or not head.startswith(_MAGIC[mime]):
        return None
    if mime == "image/webp" and head[8:12] != b"WEBP":
        return None
    return mime


def chunks_of(data: bytes) -> list[bytes]:
    return [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)] or [b""]


def change_allowed(item: bytes, fields: Mapping[str, Any], body: object, deleted: object) -> bool:
    """Whether a change of a ``file`` item keeps the caps (checked by every replica on apply;
    the field values themselves are already validated: data ≤ CHUNK, size ≤ MAX_FILE)."""
    where = slot_of(item)
    if where is None or body is not None:
        return False
    if not fields:
        return deleted is not None  # a tombstone
    chunk = where[1]
    if chunk == 0:
        if set(fields) != META_FIELDS:
            return False
        n, size = fields["chunks"], fields["size"]
        return bool(n == -(-size // CHUNK) and len(fields["data"]) == min(size, CHUNK))
    return set(fields) == CHUNK_FIELDS and len(fields["data"]) > 0


def assemble(parts: Sequence[Mapping[str, Any] | None]) -> bytes | None:
    """The file from its chunks' current fields (chunk 0 first), or None if any is missing,
    belongs to another version, or the SHA-256 does not match."""
    if not parts or parts[0] is None:
        return None
    meta = parts[0]
    n, digest = meta.get("chunks"), meta.get("sha256")
    if not isinstance(n, int) or not 1 <= n <= MAX_CHUNKS or len(parts) < n:
        return None
    data = b""
    for part in parts[:n]:
        if part is None or part.get("sha256") != digest or not isinstance(part.get("data"), bytes):
            return None
        data += part["data"]
    if len(data) != meta.get("size") or hashlib.sha256(data).hexdigest() != digest:
        return None
    return data
