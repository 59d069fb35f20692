"""Hand-made ops for attack tests: real keys and signatures, fields chosen by the test.

A test plays a misbehaving member by signing, with that member's own device key, an op that
``Coop`` would never write (old parents, a chosen hlc, a crafted change, a broken backlink).
"""

from __future__ import annotations

from typing import Any

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.model.items import Kind
from coopshare.protocol import content
from coopshare.protocol.codec import pack
from coopshare.protocol.ops import OP_DOMAIN, Header, Op, OpKind, decode_op, make_op
from coopshare.service.coop import Coop


def next_seq(c: Coop) -> tuple[int, bytes | None]:
    last = c.store.last_of(c.me.device_id)
    return (last[0] + 1, last[1]) if last else (1, None)


def forge(
    c: Coop,
    body: bytes,
    *,
    kind: OpKind = OpKind.ITEM,
    hlc: int | None = None,
    parents: tuple[bytes, ...] | None = None,
    seq: int | None = None,
    backlink: bytes | None = None,
    epoch: bytes | None = None,
) -> Op:
    """An op signed by `c`'s device; by default the next op of its log, as `c` sees things."""
    nseq, nback = next_seq(c)
    return make_op(
        c.me.device_key,
        coop_id=c.coop_id or b"",
        device=c.me.device_id,
        seq=nseq if seq is None else seq,
        backlink=nback if seq is None else backlink,
        hlc=c.clock.tick() if hlc is None else hlc,
        parents=c.roster.heads if parents is None else parents,
        kind=kind,
        epoch=(c.roster.current_epoch or b"") if epoch is None else epoch,
        body=body,
    )


def signed_raw(c: Coop, header: Header, body: bytes) -> bytes:
    """Wire bytes of an op whose header make_op would refuse (e.g. an hlc out of range)."""
    hb = header.encode()
    return pack([hb, p.sign(c.me.device_key, OP_DOMAIN, hb), body])


def coop_change(
    c: Coop,
    kind: Kind,
    item_id: bytes,
    fields: dict[str, Any],
    *,
    body: str | None = None,
    prev: tuple[bytes, ...] = (),
    deleted: bool | None = None,
) -> bytes:
    """An item op body: one coop-wide part holding exactly this change (no validation)."""
    eid = c.roster.current_epoch
    assert eid is not None and c.coop_id is not None
    plain = content.encode_change(kind, item_id, fields, body=body, prev=prev, deleted=deleted)
    part, _ = envelope.seal_coop(plain, c.epoch_keys[eid], c.coop_id)
    return content.encode_parts([part])


def forged_lead(c: Coop, lead: bytes, fields: dict[str, str], hlc: int) -> bytes:
    """`c` signs a lead change dated `hlc` with its own device key, no rule checked; applied to
    its own replica (its log must stay contiguous) and returned as wire bytes for the others."""
    op = forge(c, coop_change(c, Kind.LEAD, lead, fields), hlc=hlc)
    c.apply(op.encode())
    return op.encode()


def last_op(c: Coop) -> Op:
    return decode_op(list(c.wire_ops())[-1])


def header_only(wire: bytes) -> bytes:
    op = decode_op(wire)
    return pack([op.header_bytes, op.signature, None])


def sealed_raw_change(c: Coop, recipients: list[bytes], change: dict[str, Any]) -> bytes:
    """An item op body: one part sealed to these devices' kex keys, holding `change` packed as
    given (any shape: the decoder's checks are what a test is after)."""
    assert c.coop_id is not None
    part, _ = envelope.seal_to(pack(change), recipients, c.coop_id)
    return content.encode_parts([part])
