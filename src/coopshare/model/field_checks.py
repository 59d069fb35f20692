"""Field validators for item kinds (model/items.py): each turns loose input into a clean value
or raises :class:`~coopshare.errors.SchemaError` naming the field."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Mapping
from typing import Any

from coopshare.errors import SchemaError
from coopshare.model import attachments as att

MAX_TITLE = 300
MAX_TEXT = 200_000
MAX_TAGS = 50
MAX_TAG = 64

Validator = Callable[[str, Any], Any]


def _text(limit: int) -> Validator:
    def check(name: str, value: Any) -> str:
        if not isinstance(value, str):
            raise SchemaError(f"{name}: expected text")
        if len(value) > limit:
            raise SchemaError(f"{name}: longer than {limit} characters")
        return value

    return check


def _title(name: str, value: Any) -> str:
    text = str(_text(MAX_TITLE)(name, value)).strip()
    if not text:
        raise SchemaError(f"{name}: must not be empty")
    return text


def _tags(name: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [v for v in re.split(r"[,\s]+", value) if v]
    if not isinstance(value, list) or len(value) > MAX_TAGS:
        raise SchemaError(f"{name}: expected a list of at most {MAX_TAGS} words")
    out: list[str] = []
    for tag in value:
        if not isinstance(tag, str) or not tag.strip() or len(tag) > MAX_TAG:
            raise SchemaError(f"{name}: each entry must be 1 to {MAX_TAG} characters")
        tag = tag.strip().lstrip("#")
        if tag and tag not in out:
            out.append(tag)
    return out


MIN_YEAR, MAX_YEAR = 1970, 2999  # dates are compared with signed times (Unix ms)
MAX_DIGITS = 18  # numeric text longer than this is refused before any conversion
_NUMBER = re.compile(f"-?[0-9]{{1,{MAX_DIGITS}}}")


def _int(lo: int, hi: int) -> Validator:
    def check(name: str, value: Any) -> int:
        if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            raise SchemaError(f"{name}: expected a whole number from {lo} to {hi}")
        return value

    return check


def _bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise SchemaError(f"{name}: expected yes or no")
    return value


def _date(name: str, value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or len(value) > 32:
        raise SchemaError(f"{name}: expected a date as YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise SchemaError(f"{name}: expected a date as YYYY-MM-DD, got {value[:32]!r}") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise SchemaError(f"{name}: expected a year from {MIN_YEAR} to {MAX_YEAR}")
    return day.isoformat()


def _enum(cls: type[enum.StrEnum]) -> Validator:
    def check(name: str, value: Any) -> str:
        try:
            if not isinstance(value, str):
                raise ValueError(name)
            return cls(value).value
        except ValueError:
            allowed = ", ".join(v.value for v in cls)
            raise SchemaError(f"{name}: expected one of {allowed}") from None

    return check


def _one_of(allowed: frozenset[str]) -> Validator:
    def check(name: str, value: Any) -> str:
        if value not in allowed:
            raise SchemaError(f"{name}: expected one of {', '.join(sorted(allowed))}")
        return str(value)

    return check


def _hexlist(size: int) -> Validator:
    """A list of ids of `size` bytes each, as lowercase hex (exactly 2 * size digits)."""
    pattern = re.compile(f"[0-9a-f]{{{2 * size}}}")

    def check(name: str, value: Any) -> list[str]:
        if not isinstance(value, list) or len(value) > 64:
            raise SchemaError(f"{name}: expected a list of ids")
        for v in value:
            if not isinstance(v, str) or not pattern.fullmatch(v):
                raise SchemaError(f"{name}: each entry must be an id of {2 * size} hex digits")
        return list(value)

    return check


def _hexid(size: int) -> Validator:
    """One id of `size` bytes as lowercase hex."""
    pattern = re.compile(f"[0-9a-f]{{{2 * size}}}")

    def check(name: str, value: Any) -> str:
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise SchemaError(f"{name}: expected an id of {2 * size} hex digits")
        return value

    return check


def _bytes(limit: int) -> Validator:
    def check(name: str, value: Any) -> bytes:
        if not isinstance(value, bytes) or not 0 < len(value) <= limit:
            raise SchemaError(f"{name}: expected 1 to {limit} bytes")
        return value

    return check


def _file_name(name: str, value: Any) -> str:
    text = _title(name, _text(att.MAX_NAME)(name, value))
    if "/" in text or "\\" in text or text in (".", ".."):
        raise SchemaError(f"{name}: a file name without folders")
    return text


MEMBER_IDS = _hexlist(32)  # member ids: SHA-256 of the member key
ITEM_IDS = _hexlist(16)  # item ids


def _windows(name: str, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or len(value) > 20:
        raise SchemaError(f"{name}: expected a list of at most 20 windows")
    out = []
    for w in value:
        if not isinstance(w, Mapping) or not all(type(k) is str for k in w):
            raise SchemaError(f"{name}: each window is a mapping with text keys")
        unknown = set(w) - {"from", "to", "hours", "region", "remote"}
        if unknown:
            raise SchemaError(f"{name}: unknown window fields {sorted(unknown)}")
        start, end = _date("from", w.get("from")), _date("to", w.get("to"))
        days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
        if not 0 <= days <= 90:
            raise SchemaError(f"{name}: a window ends after it starts and lasts at most 90 days")
        out.append(
            {
                "from": start,
                "to": end,
                "hours": _int(0, 80)("hours", w.get("hours", 0)),
                "region": _text(100)("region", w.get("region", "")),
                "remote": _bool("remote", w.get("remote", False)),
            }
        )
    return out
