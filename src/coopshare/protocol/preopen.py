"""Opening a received item op's changes ahead of the store thread, in the signature worker.

On a catch-up the store thread is the bottleneck, and about a third of its work per item op is
opening the op's parts (the data key unwrapped under the epoch key, the part decrypted) and
decoding the change inside (field checks). The node's signature worker (sync/checker.py), a
process of its own on the other core, already decodes every op of a big batch; with the
``Opener`` the node hands it (the coop id, the epoch keys it holds, which member each device
belongs to) it also opens the ops every part of which this device reads *with its own epoch
key*, and hands back their changes (pickled: see below).

Such a change is exactly what the store thread's own path (service/content_open.py
``changes_of``) makes of the op: a part that opens with this device's own key never goes on
to the granted keys, so it is read with ``via_grant`` false and ``coop_wide`` true, and the
same ``decode_change`` makes the change. Anything else (a sealed part, a part that does not
open, a malformed change, an unknown epoch or device, a kind other than ``item``, any error)
gives ``None`` and the store thread opens the op itself, exactly as before. The store thread
uses a pre-opened result only if the epoch key and the author it would use itself are the ones
the worker was given (service/replica_content.py); authorising the changes stays there.

The worker hands the changes back *pickled* (each as the tuple of its fields), one bytes object
per op, which the store thread unpickles when it applies the op (:func:`changes`): the engine
holds the pre-check results of many batches at once and bounds memory by batches, and decoded
changes can take nine times a batch's wire bytes (short tags: a 3-byte msgpack string is a
50-byte Python object), while their pickle stays under twice the wire (tests/test_preopen.py).
Unpickling a change costs the store thread about a third of decoding it again (field checks).
"""

from __future__ import annotations

import pickle
from collections.abc import Mapping
from typing import NamedTuple

from coopshare.crypto import envelope
from coopshare.model.fold import Change
from coopshare.model.items import Kind
from coopshare.protocol import content
from coopshare.protocol.ops import Op, OpKind


class Preopened(NamedTuple):
    """An op's parts as the worker opened them, with the epoch key and author it used."""

    epoch_key: bytes
    author: bytes
    changes: bytes  # the pickled tuple of its parts' changes, in order (see changes())
    items: tuple[bytes, ...]  # the item each part changes (the batch's look-ahead asks)


class Opener(NamedTuple):
    """What the worker may open with: the coop id, epoch id -> key, device id -> member id."""

    coop_id: bytes
    epoch_keys: Mapping[bytes, bytes]
    members: Mapping[bytes, bytes]


def preopen(op: Op, opener: Opener) -> Preopened | None:
    """The changes of an item op every part of which opens under its epoch's key; else None."""
    h = op.header
    if h.kind is not OpKind.ITEM or op.body is None:
        return None
    key = opener.epoch_keys.get(h.epoch)
    author = opener.members.get(h.device)
    if key is None or author is None:
        return None
    try:
        out: list[Change] = []
        for part in content.decode_parts(op.body):
            if part.mode != envelope.MODE_COOP:
                return None
            dek = envelope.part_key(part, opener.coop_id, key, None)
            if dek is None:
                return None
            plain = envelope.open_part(part, dek, opener.coop_id)
            out.append(
                content.decode_change(
                    plain, op_id=op.op_id, hlc=h.hlc, author=author, coop_wide=True
                )
            )
        blob = pack_changes(out)
    except Exception:  # any failure: the store thread opens the op itself and says why
        return None
    return Preopened(key, author, blob, tuple(ch.item_id for ch in out))


def pack_changes(changes: list[Change]) -> bytes:
    """The changes pickled as tuples of their fields (the kind as its value): a quarter of the
    cost of pickling the objects, and unpickled in two thirds (bench/README.md, session 8)."""
    return pickle.dumps(
        [
            (
                c.op_id,
                c.hlc,
                c.author,
                c.item_id,
                c.kind.value,
                c.fields,
                c.body,
                c.prev,
                c.deleted,
                c.via_grant,
                c.release,
                c.refused,
                c.coop_wide,
                c.late,
            )
            for c in changes
        ],
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def changes(pre: Preopened) -> list[Change]:
    """On the store thread: the changes of an op the worker opened, each read as one opened
    with this device's own key (``via_grant`` false, ``coop_wide`` true: content_open.py).
    Only the node's own worker makes these pickles (sync/checker.py)."""
    rows = pickle.loads(pre.changes)  # noqa: S301 - from our own worker process
    return [Change(t[0], t[1], t[2], t[3], Kind(t[4]), *t[5:]) for t in rows]


__all__ = ["Opener", "Preopened", "changes", "pack_changes", "preopen"]
