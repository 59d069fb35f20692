"""Cutting ops into Ops messages (docs/protocol.md §16: what the engine sends)."""

from __future__ import annotations

BATCH_OPS = 256
BATCH_BYTES = 768 * 1024  # leaves room for msgpack framing of the list within 1 MiB


def batches(wires: list[bytes]) -> list[tuple[bytes, ...]]:
    """Split ops into Ops messages that each fit one frame (at most BATCH_OPS ops and
    BATCH_BYTES bytes; a single op is at most MAX_BODY plus its header, which fits alone)."""
    out: list[tuple[bytes, ...]] = []
    current: list[bytes] = []
    size = 0
    for w in wires:
        if current and (len(current) == BATCH_OPS or size + len(w) > BATCH_BYTES):
            out.append(tuple(current))
            current, size = [], 0
        current.append(w)
        size += len(w)
    if current:
        out.append(tuple(current))
    return out
