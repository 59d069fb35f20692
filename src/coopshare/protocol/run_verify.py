"""One signature per run of a device's log (docs/protocol.md §12a), sans-IO.

An op id is ``SHA-256(domain ‖ header bytes)`` and every header but a device's first names the
id of the device's previous op (``backlink``). So once the signature of op n of a device has
been checked, the header of op n-1 is authenticated too: it is the one header whose hash op n's
signed header names. Following the backlinks down a contiguous run (seq k..n of one device, each
backlink the id of the op one seq below), one signature authenticates every header of the run,
and each body is bound by the ``body_hash`` of its header (checked when the op is decoded).

:func:`plan` decides, for the ops of a batch, which signatures to check and which headers the
checked ones authenticate by hash. Every op it does not vouch for is left to the ordinary
per-op check, which refuses it exactly as before; it never refuses anything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from coopshare.errors import ValidationError
from coopshare.protocol.ops import Op, OpKind

Pair = tuple[bytes, bytes]  # (op id, signature)


@dataclass(slots=True)
class Plan:
    """What checking a batch run by run found."""

    vouched: set[Pair] = field(default_factory=set)  # authentic: by signature or by hash
    signed: set[Pair] = field(default_factory=set)  # of those, signature checked here
    failed: set[Pair] = field(default_factory=set)  # signature checked here and bad
    checks: int = 0  # Ed25519 verifications made


def plan(
    ops: Iterable[Op],
    key_of: Callable[[bytes], bytes | None],
    *,
    checked: Collection[Pair] = (),
    stored_successor: Callable[[Op], bool] | None = None,
    stored_predecessor: Callable[[Op], bool] | None = None,
) -> Plan:
    """Vouch for the ops of a batch with as few signature checks as the backlinks allow.

    `key_of(device)` is the device's Ed25519 key, None if unknown (its ops are left alone).
    `checked`: (op id, signature) pairs whose signature was already found good elsewhere.
    `stored_successor(op)`: a stored op of the device at op.seq+1 names op's id as its backlink
    (so op's header is authenticated by that stored, already authenticated op).
    `stored_predecessor(op)`: the stored op at op.seq-1 is the one op's backlink names. Without
    it (None: the store is not known, as in the worker process) a run's lowest op is vouched by
    hash like the others; with it, a run whose lowest op is not closed that way has that op's
    signature checked as well.
    """
    out = Plan()
    runs: dict[bytes, list[Op]] = {}
    for op in ops:
        if op.header.kind is not OpKind.GENESIS and key_of(op.header.device) is not None:
            runs.setdefault(op.header.device, []).append(op)
    for device, group in runs.items():
        pk = key_of(device)
        assert pk is not None
        group.sort(key=lambda o: o.header.seq, reverse=True)
        # op id -> the seq an authentic header said it has (its backlink, one seq below)
        linked: dict[bytes, int] = {}
        ids: set[bytes] = set()  # op ids of this device vouched for
        by_hash: list[Op] = []
        for op in group:
            h, pair = op.header, (op.op_id, op.signature)
            if linked.get(op.op_id) == h.seq or (
                stored_successor is not None and stored_successor(op)
            ):
                by_hash.append(op)
            elif pair in checked:
                out.signed.add(pair)
            elif not _check(out, op, pk):
                continue  # a bad signature vouches for nothing: the ops below stand alone
            out.vouched.add(pair)
            ids.add(op.op_id)
            if h.backlink is not None:
                linked[h.backlink] = h.seq - 1
        if stored_predecessor is None:
            continue
        for op in by_hash:  # close each run at its lowest op: a stored predecessor, or its own
            h = op.header
            if h.backlink is not None and (h.backlink in ids or stored_predecessor(op)):
                continue  # the op below is in this batch and vouched for, or stored
            pair = (op.op_id, op.signature)
            if pair in checked:
                out.signed.add(pair)
            elif not _check(out, op, pk):
                out.vouched.discard(pair)  # refused by the per-op check, as it would be anyway
    return out


def _check(out: Plan, op: Op, pk: bytes) -> bool:
    out.checks += 1
    pair = (op.op_id, op.signature)
    try:
        op.verify(pk)
    except ValidationError:
        out.failed.add(pair)
        return False
    out.signed.add(pair)
    return True


__all__ = ["Pair", "Plan", "plan"]
