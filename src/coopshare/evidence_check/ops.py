"""Signed ops as a bundle carries them (wire bytes: header, signature, body) and the replay of
the cooperative's roster chain from its genesis: which device belongs to which member, and
which devices and members were active, by the same rules as the app (model/roster.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .wire import fail, unpack

OP_DOMAIN = b"coopshare/v1/op\x00"
CERT_DOMAIN = b"coopshare/v1/device-cert\x00"
_SPKI_ED25519 = bytes.fromhex("302a300506032b6570032100")


@dataclass(frozen=True)
class Op:
    op_id: bytes
    coop: bytes
    device: bytes
    hlc: int
    parents: tuple[bytes, ...]
    kind: str
    body: dict[Any, Any]
    header: bytes
    sig: bytes


def binary(v: Any, what: str, size: int | None = None) -> bytes:
    """`v` if it is bytes (of `size`, when given); else the bundle is malformed."""
    if not isinstance(v, bytes) or (size is not None and len(v) != size):
        raise fail(f"{what}: malformed")
    return v


def decode_op(wire: bytes, what: str) -> Op:
    """An op's wire bytes ([header, signature, body]): shape, body hash and length."""
    arr = unpack(wire)
    if not isinstance(arr, list) or len(arr) != 3:
        raise fail(f"{what}: not an op")
    header, sig, body = binary(arr[0], what), binary(arr[1], what, 64), binary(arr[2], what)
    h = unpack(header)
    if not isinstance(h, list) or len(h) != 11 or h[0] != 1:
        raise fail(f"{what}: not a version-1 op header")
    if not isinstance(h[5], int) or not 0 <= h[5] < 1 << 63 or not isinstance(h[7], str):
        raise fail(f"{what}: malformed header")
    if not isinstance(h[6], list):
        raise fail(f"{what}: malformed header")
    if hashlib.sha256(body).digest() != binary(h[9], what, 32) or h[10] != len(body):
        raise fail(f"{what}: the body does not match the hash in its signed header")
    parsed = unpack(body)
    if not isinstance(parsed, dict):
        raise fail(f"{what}: the body is not a map")
    return Op(
        hashlib.sha256(OP_DOMAIN + header).digest(),
        binary(h[1], what),
        binary(h[2], what, 32),
        h[5],
        tuple(binary(x, what, 32) for x in h[6]),
        h[7],
        parsed,
        header,
        sig,
    )


def key_id(raw_pk: bytes) -> bytes:
    """Member or device id: SHA-256 of the Ed25519 key's SubjectPublicKeyInfo (DER)."""
    return hashlib.sha256(_SPKI_ED25519 + raw_pk).digest()


def check_sig(pk: bytes, sig: bytes, message: bytes, what: str) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(pk).verify(sig, message)
    except (InvalidSignature, ValueError):
        raise fail(f"{what}: the signature does not verify") from None


# --- the roster chain -------------------------------------------------------------------------


@dataclass
class Roster:
    coop: bytes = b""
    seen: set[bytes] = field(default_factory=set)
    devices: dict[bytes, tuple[bytes, bytes]] = field(default_factory=dict)  # id -> member, pk
    active: set[bytes] = field(default_factory=set)
    members: dict[bytes, str] = field(default_factory=dict)  # member id -> role
    member_pks: dict[bytes, bytes] = field(default_factory=dict)
    removed: set[bytes] = field(default_factory=set)
    skipped: int = 0  # signed roster ops this replay does not apply (not authorised here)

    def add_device(self, bundle: Any, member_pk: bytes, what: str) -> bytes:
        if not isinstance(bundle, dict):
            raise fail(f"{what}: malformed device bundle")
        sign_pk, kex_pk = (
            binary(bundle.get("sign_pk"), what, 32),
            binary(bundle.get("kex_pk"), what, 32),
        )
        check_sig(
            member_pk, binary(bundle.get("msig"), what, 64), CERT_DOMAIN + sign_pk + kex_pk, what
        )
        member, device = key_id(member_pk), key_id(sign_pk)
        self.devices[device] = (member, sign_pk)
        self.member_pks[member] = member_pk
        self.active.add(device)
        return device

    def addable(self, bundle: Any, member_pk: bytes, what: str) -> bool:
        """As the app's roster rules (model/roster.py `_addable`): a device may be (re-)added
        only if it is not active and never belonged to another member. Without this, a member
        could sign Bob's public device bundle into an op of their own and take over his device
        in this replay (the app stores that op but never applies it)."""
        if not isinstance(bundle, dict):
            raise fail(f"{what}: malformed device bundle")
        device = key_id(binary(bundle.get("sign_pk"), what, 32))
        known = self.devices.get(device)
        return device not in self.active and (known is None or known[0] == key_id(member_pk))

    def _owner(self, body: dict[Any, Any], what: str) -> bytes:
        return self.devices.get(binary(body.get("device_id"), what, 32), (b"", b""))[0]

    def apply(self, op: Op, what: str) -> None:
        b = op.body
        if not self.seen:
            if op.kind != "genesis" or op.coop or op.parents:
                raise fail(f"{what}: the roster chain must start with the genesis op")
            member_pk = binary(b.get("member_pk"), what, 32)
            device = self.add_device(b.get("device"), member_pk, what)
            if device != op.device:
                raise fail(f"{what}: the genesis op names another device")
            check_sig(self.devices[device][1], op.sig, OP_DOMAIN + op.header, what)
            self.coop = op.op_id
            self.members[key_id(member_pk)] = "admin"
            self.seen.add(op.op_id)
            return
        if op.coop != self.coop:
            raise fail(f"{what}: belongs to another cooperative")
        if any(p not in self.seen for p in op.parents):
            raise fail(f"{what}: names a roster op that is not earlier in the chain")
        if op.device not in self.devices:
            raise fail(f"{what}: signed by a device the chain never added")
        author, pk = self.devices[op.device]
        check_sig(pk, op.sig, OP_DOMAIN + op.header, what)
        self.seen.add(op.op_id)
        admin = self.members.get(author) == "admin" and op.device in self.active
        if op.kind == "add_member" and admin:
            member_pk = binary(b.get("member_pk"), what, 32)
            if not self.addable(b.get("device"), member_pk, what):
                self.skipped += 1
                return
            self.add_device(b.get("device"), member_pk, what)
            self.members[key_id(member_pk)] = str(b.get("role"))
            self.removed.discard(key_id(member_pk))
        elif op.kind == "add_device":
            member_pk = binary(b.get("member_pk"), what, 32)
            subject = key_id(member_pk)
            if (
                subject in self.members
                and (admin or (subject == author and op.device in self.active))
                and self.addable(b.get("device"), member_pk, what)
            ):
                self.add_device(b.get("device"), member_pk, what)
            else:
                self.skipped += 1
        elif op.kind == "remove_member" and admin:
            gone = binary(b.get("member"), what, 32)
            self.members.pop(gone, None)
            self.removed.add(gone)
            self.active -= {d for d, (m, _) in self.devices.items() if m == gone}
        elif op.kind == "revoke_device" and (admin or self._owner(b, what) == author):
            self.active.discard(binary(b.get("device_id"), what, 32))
        elif op.kind == "change_role" and admin:
            self.members[binary(b.get("member"), what, 32)] = str(b.get("role"))
        elif op.kind not in (
            "rotate",
            "add_member",
            "remove_member",
            "revoke_device",
            "change_role",
        ):
            raise fail(f"{what}: not a roster op")
        elif op.kind != "rotate":
            self.skipped += 1
