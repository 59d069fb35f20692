"""The signed op envelope (docs/protocol.md §Ops).

Wire form of an op: msgpack ``[header: bin, signature: bin(64), body: bin | nil]``.
The header is itself msgpack, a fixed-position array::

    [version=1, coop_id, device, seq, backlink, hlc, parents, kind, epoch, body_hash, body_len]

``signature = Ed25519(device key, DOMAIN || header)`` and ``op_id = SHA-256(DOMAIN || header)``:
the signature is not part of the id, so mangled signatures cannot mint new ids. The header is
verified over the exact bytes received and must be canonical msgpack. The body is bound by
``body_hash`` and may later be purged (``nil``) while the signed header stays verifiable.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from coopshare.crypto import primitives as p
from coopshare.errors import HashMismatch, MalformedData, SchemaError
from coopshare.protocol.codec import (
    MAX_MESSAGE,
    as_bytes,
    as_int,
    as_list,
    as_str,
    pack,
    unpack,
)

OP_DOMAIN = b"coopshare/v1/op\0"
HEADER_VERSION = 1
ID_LEN = 32
EPOCH_LEN = 16
MAX_PARENTS = 32
MAX_SEQ = (1 << 53) - 1
# SQLite integers are signed 64-bit: a larger hlc could not be stored (docs/protocol.md §3)
MAX_HLC = (1 << 63) - 1
MAX_BODY = MAX_MESSAGE - 4096


class OpKind(enum.StrEnum):
    GENESIS = "genesis"
    ADD_MEMBER = "add_member"
    ADD_DEVICE = "add_device"
    REMOVE_MEMBER = "remove_member"
    REVOKE_DEVICE = "revoke_device"
    CHANGE_ROLE = "change_role"
    ROTATE = "rotate"
    ITEM = "item"
    KEY_RELEASE = "key_release"
    PURGE = "purge"
    COMMIT = "commit"  # a salted hash of an idea's text (protocol.md §11a)
    WITNESS = "witness"  # another member's device saw that commitment

    @property
    def is_roster(self) -> bool:
        return self not in _CONTENT


_CONTENT = frozenset({OpKind.ITEM, OpKind.KEY_RELEASE, OpKind.PURGE, OpKind.COMMIT, OpKind.WITNESS})


@dataclass(frozen=True, slots=True)
class Header:
    coop_id: bytes  # empty in the genesis op: the coop id is the genesis op id
    device: bytes
    seq: int
    backlink: bytes | None
    hlc: int
    parents: tuple[bytes, ...]
    kind: OpKind
    epoch: bytes  # epoch id whose key wraps coop parts (empty if none)
    body_hash: bytes
    body_len: int

    def __reduce__(self) -> tuple[type[Header], tuple[object, ...]]:
        """Pickled as its fields, rebuilt by ``__init__`` (the signature worker hands decoded
        ops back: sync/checker.py); a dataclass's own state restore is twice as slow."""
        return (Header, tuple(getattr(self, n) for n in _HEADER_FIELDS))

    def encode(self) -> bytes:
        return pack(
            [
                HEADER_VERSION,
                self.coop_id,
                self.device,
                self.seq,
                self.backlink,
                self.hlc,
                list(self.parents),
                self.kind.value,
                self.epoch,
                self.body_hash,
                self.body_len,
            ]
        )

    @classmethod
    def decode(cls, data: bytes) -> Header:
        v = as_list(unpack(data, canonical=True), "header", 11)
        if len(v) != 11:
            raise SchemaError("header: expected 11 fields")
        if v[0] != HEADER_VERSION:
            raise SchemaError(f"header: unsupported version {v[0]!r}")
        kind_s = as_str(v[7], "kind", 32)
        try:
            kind = OpKind(kind_s)
        except ValueError:
            raise SchemaError(f"kind: unknown op kind {kind_s!r}") from None
        coop_id = as_bytes(v[1], "coop_id", max_len=ID_LEN)
        if len(coop_id) != (0 if kind is OpKind.GENESIS else ID_LEN):
            raise SchemaError("coop_id: wrong length for this kind")
        seq = as_int(v[3], "seq", 1, MAX_SEQ)
        backlink = None if v[4] is None else as_bytes(v[4], "backlink", ID_LEN)
        if (seq == 1) != (backlink is None):
            raise SchemaError("backlink: required exactly when seq > 1")
        parents = tuple(
            as_bytes(x, "parents", ID_LEN) for x in as_list(v[6], "parents", MAX_PARENTS)
        )
        if len(set(parents)) != len(parents):
            raise SchemaError("parents: duplicates")
        epoch = as_bytes(v[8], "epoch", max_len=EPOCH_LEN)
        if len(epoch) not in (0, EPOCH_LEN):
            raise SchemaError("epoch: expected 0 or 16 bytes")
        return cls(
            coop_id=coop_id,
            device=as_bytes(v[2], "device", ID_LEN),
            seq=seq,
            backlink=backlink,
            hlc=as_int(v[5], "hlc", 0, MAX_HLC),
            parents=parents,
            kind=kind,
            epoch=epoch,
            body_hash=as_bytes(v[9], "body_hash", ID_LEN),
            body_len=as_int(v[10], "body_len", 0, MAX_BODY),
        )


@dataclass(frozen=True, slots=True)
class Op:
    header: Header
    header_bytes: bytes
    signature: bytes
    body: bytes | None
    op_id: bytes = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "op_id", op_id_of(self.header_bytes))

    def encode(self) -> bytes:
        return pack([self.header_bytes, self.signature, self.body])

    def verify(self, device_pk: bytes) -> None:
        """Raise BadSignature unless the author's device key signed the exact header bytes."""
        p.verify(device_pk, self.signature, OP_DOMAIN, self.header_bytes)

    def without_body(self) -> Op:
        return Op(self.header, self.header_bytes, self.signature, None)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Pickled with its id, which unpickling takes as it is instead of hashing the header
        again: only the node's own signature worker pickles ops (sync/checker.py), after
        ``decode_op`` made them from the wire."""
        return (
            _unpickled_op,
            (self.header, self.header_bytes, self.signature, self.body, self.op_id),
        )


_HEADER_FIELDS = tuple(f.name for f in fields(Header))


def with_wire_body(op: Op, wire: bytes) -> Op:
    """`op` (decoded from `wire` elsewhere: the signature worker, sync/checker.py, which hands
    it back without its body) with its body cut from the wire: `decode_op` accepts only a wire
    that is exactly ``[header, signature, body]`` with the body last, of `body_len` bytes."""
    n = op.header.body_len
    return _unpickled_op(op.header, op.header_bytes, op.signature, wire[len(wire) - n :], op.op_id)


def _unpickled_op(header: Header, hb: bytes, sig: bytes, body: bytes | None, op_id: bytes) -> Op:
    op = object.__new__(Op)
    for name, value in zip(_OP_FIELDS, (header, hb, sig, body, op_id), strict=True):
        object.__setattr__(op, name, value)
    return op


_OP_FIELDS = ("header", "header_bytes", "signature", "body", "op_id")


def op_id_of(header_bytes: bytes) -> bytes:
    return p.sha256(OP_DOMAIN, header_bytes)


def make_op(
    key: Ed25519PrivateKey,
    *,
    coop_id: bytes,
    device: bytes,
    seq: int,
    backlink: bytes | None,
    hlc: int,
    parents: tuple[bytes, ...],
    kind: OpKind,
    epoch: bytes,
    body: bytes,
) -> Op:
    if len(body) > MAX_BODY:
        raise SchemaError(f"body: {len(body)} bytes is more than the {MAX_BODY} allowed")
    if not 0 <= hlc <= MAX_HLC:
        raise SchemaError(f"hlc: expected an integer in [0, {MAX_HLC}]")
    header = Header(
        coop_id,
        device,
        seq,
        backlink,
        hlc,
        tuple(sorted(parents)),
        kind,
        epoch,
        p.sha256(body),
        len(body),
    )
    hb = header.encode()
    return Op(header, hb, p.sign(key, OP_DOMAIN, hb), body)


def decode_op(data: bytes) -> Op:
    """Parse and check the shape of a wire op; the signature is checked by the caller."""
    v = unpack(data)
    if not isinstance(v, list) or len(v) != 3:
        raise MalformedData("op: expected [header, signature, body]")
    hb = as_bytes(v[0], "header", max_len=8192)
    sig = as_bytes(v[1], "signature", 64)
    body = None if v[2] is None else as_bytes(v[2], "body", max_len=MAX_BODY)
    header = Header.decode(hb)
    if body is not None and (len(body) != header.body_len or p.sha256(body) != header.body_hash):
        raise HashMismatch("op body does not match the hash in its signed header")
    return Op(header, hb, sig, body)
