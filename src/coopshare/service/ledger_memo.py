"""What the ledger remembers between reads: one summary per item row, kept while the row's
sealed blob is unchanged (every fold re-seals it with a fresh nonce, so any change shows).

Opening every note for each read of the ledger costs about 0.2 ms a note; with this memo a read
opens only the rows that changed since the last one and reads the others' blobs to compare.
Only the blob's hash is kept, never the blob.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from coopshare.service.replica_base import ReplicaBase

T = TypeVar("T")
_MEMO: WeakKeyDictionary[ReplicaBase, dict[str, dict[bytes, tuple[int, Any]]]] = WeakKeyDictionary()


def rows(
    c: ReplicaBase, kind: str, summarise: Callable[[bytes, bytes], T], *, prefix: bytes = b""
) -> dict[bytes, T]:
    """`summarise(item_id, blob)` of every item row of `kind` (ids starting with `prefix`)."""
    memo = _MEMO.setdefault(c, {}).setdefault(kind, {})
    out: dict[bytes, T] = {}
    for raw_id, raw_blob in c.store.item_blobs(kind):
        item_id = bytes(raw_id)
        if not item_id.startswith(prefix):
            continue
        blob = bytes(raw_blob)
        key = hash(blob)
        hit = memo.get(item_id)
        if hit is None or hit[0] != key:
            hit = (key, summarise(item_id, blob))
            memo[item_id] = hit
        out[item_id] = hit[1]
    if not prefix:
        for gone in set(memo) - set(out):
            del memo[gone]
    return out


def forget(c: ReplicaBase) -> None:
    _MEMO.pop(c, None)
