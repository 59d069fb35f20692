"""Strict, bounded msgpack.

Decoding never trusts declared lengths beyond :data:`LIMITS`, refuses ext types, and can insist
that the bytes are the one canonical (smallest-width) encoding of their value. Schema helpers
raise :class:`SchemaError` naming the offending field.
"""

from __future__ import annotations

from typing import Any

import msgpack

from coopshare.errors import MalformedData, NonCanonical, SchemaError

MAX_MESSAGE = 1 << 20  # 1 MiB: the largest frame, op or payload we accept
LIMITS: dict[str, int] = {
    "max_bin_len": MAX_MESSAGE,
    "max_str_len": MAX_MESSAGE,
    "max_array_len": 100_000,
    "max_map_len": 10_000,
    "max_ext_len": 0,
}


def pack(obj: Any) -> bytes:
    return msgpack.packb(obj, use_bin_type=True)  # type: ignore[no-any-return]


def unpack(data: bytes, *, canonical: bool = False) -> Any:
    if len(data) > MAX_MESSAGE:
        raise MalformedData(f"message of {len(data)} bytes exceeds {MAX_MESSAGE}")
    try:
        obj = msgpack.unpackb(data, raw=False, strict_map_key=True, use_list=True, **LIMITS)
    except (ValueError, TypeError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError) as e:
        raise MalformedData(f"undecodable msgpack: {type(e).__name__}") from None
    if canonical and pack(obj) != data:
        raise NonCanonical("not the canonical encoding")
    return obj


# --- schema helpers -----------------------------------------------------------------------------


def as_bytes(v: Any, name: str, size: int | None = None, max_len: int = MAX_MESSAGE) -> bytes:
    if not isinstance(v, bytes):
        raise SchemaError(f"{name}: expected bytes")
    if size is not None and len(v) != size:
        raise SchemaError(f"{name}: expected {size} bytes, got {len(v)}")
    if len(v) > max_len:
        raise SchemaError(f"{name}: longer than {max_len} bytes")
    return v


def as_int(v: Any, name: str, lo: int = 0, hi: int = (1 << 64) - 1) -> int:
    if type(v) is not int or not lo <= v <= hi:
        raise SchemaError(f"{name}: expected an integer in [{lo}, {hi}]")
    return v


def as_str(v: Any, name: str, max_len: int = 1000) -> str:
    if not isinstance(v, str) or len(v) > max_len:
        raise SchemaError(f"{name}: expected text of at most {max_len} characters")
    return v


def as_bool(v: Any, name: str) -> bool:
    if not isinstance(v, bool):
        raise SchemaError(f"{name}: expected a boolean")
    return v


def as_list(v: Any, name: str, max_len: int) -> list[Any]:
    if not isinstance(v, list) or len(v) > max_len:
        raise SchemaError(f"{name}: expected a list of at most {max_len} entries")
    return v


def as_map(
    v: Any, name: str, required: set[str], optional: frozenset[str] = frozenset()
) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise SchemaError(f"{name}: expected a map")
    if not all(type(k) is str for k in v):
        raise SchemaError(f"{name}: every key must be text")
    keys = set(v)
    missing, unknown = required - keys, keys - required - optional
    if missing:
        raise SchemaError(f"{name}: missing {sorted(missing)}")
    if unknown:
        raise SchemaError(f"{name}: unknown fields {sorted(unknown)}")
    return v
