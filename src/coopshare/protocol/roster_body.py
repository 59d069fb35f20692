"""Bodies of roster ops: building them, and parsing them into model.roster.RosterOp.

Roster bodies are plain msgpack maps (every member must be able to resolve the roster), except
what identifies a person: names are AEAD-encrypted under an epoch key. Epoch keys travel as
HPKE wraps, one per device (``info`` binds coop, epoch and recipient device), and every new epoch
carries a *chain*: the earlier epoch keys encrypted under the new one, so a newcomer who is given
the current key can read the coop's history. See docs/protocol.md §Roster bodies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.x509 import InvalidVersion

from coopshare.crypto import primitives as p
from coopshare.errors import DecryptError, SchemaError
from coopshare.identity.keys import (
    DEVICE_CERT_DOMAIN,
    Identity,
    certificate_public_key,
    device_id_of,
    device_statement,
    member_id_of,
)
from coopshare.model.roster import DeviceRecord, Role, RosterKind, RosterOp
from coopshare.protocol.codec import as_bytes, as_map, as_str, pack, unpack
from coopshare.protocol.ops import EPOCH_LEN, ID_LEN, Op, OpKind

_EPOCH_INFO = b"coopshare/v1/epoch"
_NAME_INFO = b"coopshare/v1/name"
_CHAIN_AAD = b"coopshare/v1/chain"
MAX_DEVICES = 1000


def epoch_id_of(key: bytes) -> bytes:
    return p.hkdf(key, b"coopshare/v1/epoch-id", EPOCH_LEN)


def device_bundle(identity: Identity) -> dict[str, bytes]:
    """What a device publishes about itself, certified by its member key."""
    return {
        "sign_pk": identity.device_pk,
        "kex_pk": identity.kex_pk,
        "cert": identity.cert,
        "msig": identity.certify_device(),
    }


def parse_bundle(v: Any, member_pk: Any) -> DeviceRecord:
    """A device bundle certified by `member_pk` (both may come from a peer: a join request)."""
    member_pk = as_bytes(member_pk, "member_pk", 32)
    b = as_map(v, "device", {"sign_pk", "kex_pk", "cert", "msig"})
    sign_pk = as_bytes(b["sign_pk"], "device.sign_pk", 32)
    kex_pk = as_bytes(b["kex_pk"], "device.kex_pk", 32)
    cert = as_bytes(b["cert"], "device.cert", max_len=4096)
    p.verify(
        member_pk,
        as_bytes(b["msig"], "device.msig", 64),
        DEVICE_CERT_DOMAIN,
        device_statement(sign_pk, kex_pk),
    )
    try:
        holds = certificate_public_key(cert)
    except (ValueError, TypeError, UnsupportedAlgorithm, InvalidVersion):
        raise SchemaError("device.cert: not a valid Ed25519 certificate") from None
    if holds != sign_pk:
        raise SchemaError("device.cert: certificate is for another key")
    return DeviceRecord(device_id_of(sign_pk), member_id_of(member_pk), sign_pk, kex_pk, cert)


# --- keys inside roster bodies ----------------------------------------------------------------


def _epoch_info(coop_id: bytes, epoch_id: bytes, device_id: bytes) -> bytes:
    return _EPOCH_INFO + coop_id + epoch_id + device_id


def wrap_epoch(key: bytes, coop_id: bytes, devices: Sequence[DeviceRecord]) -> dict[bytes, bytes]:
    eid = epoch_id_of(key)
    return {
        d.device_id: p.hpke_seal(d.kex_pk, key, _epoch_info(coop_id, eid, d.device_id))
        for d in devices
    }


def unwrap_epoch(
    wraps: Mapping[bytes, bytes],
    coop_id: bytes,
    epoch_id: bytes,
    device_id: bytes,
    kex: X25519PrivateKey,
) -> bytes | None:
    blob = wraps.get(device_id)
    if blob is None:
        return None
    key = p.hpke_open(kex, blob, _epoch_info(coop_id, epoch_id, device_id))
    return key if epoch_id_of(key) == epoch_id else None


def seal_name(name: str, key: bytes) -> bytes:
    eid = epoch_id_of(key)
    return eid + p.seal(p.hkdf(key, _NAME_INFO), name.encode(), eid)


def open_name(blob: bytes, keys: Mapping[bytes, bytes]) -> str | None:
    key = keys.get(blob[:EPOCH_LEN])
    if key is None:
        return None
    try:
        return p.open_sealed(p.hkdf(key, _NAME_INFO), blob[EPOCH_LEN:], blob[:EPOCH_LEN]).decode()
    except (DecryptError, UnicodeDecodeError):
        return None


def seal_chain(new_key: bytes, known: Mapping[bytes, bytes]) -> bytes:
    return p.seal(new_key, pack(dict(known)), _CHAIN_AAD)


def open_chain(new_key: bytes, blob: bytes) -> dict[bytes, bytes]:
    v = unpack(p.open_sealed(new_key, blob, _CHAIN_AAD))
    if not isinstance(v, dict):
        raise SchemaError("chain: expected a map")
    return {as_bytes(k, "chain", EPOCH_LEN): as_bytes(x, "chain", 32) for k, x in v.items()}


# --- building bodies --------------------------------------------------------------------------


def genesis(identity: Identity, coop_name: str, key: bytes) -> tuple[bytes, bytes]:
    """Body of the genesis op and the epoch id it creates."""
    eid = epoch_id_of(key)
    me = parse_bundle(device_bundle(identity), identity.member_pk)
    body = {
        "member_pk": identity.member_pk,
        "name": seal_name(identity.name, key),
        "coop_name": seal_name(coop_name, key),
        "device": device_bundle(identity),
        "epoch": eid,
        "wraps": wrap_epoch(key, b"", [me]),
    }
    return pack(body), eid


def add_member(
    member_pk: bytes, name: str, bundle: dict[str, bytes], role: Role, key: bytes, coop_id: bytes
) -> bytes:
    rec = parse_bundle(bundle, member_pk)
    return pack(
        {
            "member_pk": member_pk,
            "role": role.value,
            "name": seal_name(name, key),
            "device": bundle,
            "wraps": wrap_epoch(key, coop_id, [rec]),
        }
    )


def add_device(member_pk: bytes, bundle: dict[str, bytes], key: bytes, coop_id: bytes) -> bytes:
    rec = parse_bundle(bundle, member_pk)
    return pack(
        {"member_pk": member_pk, "device": bundle, "wraps": wrap_epoch(key, coop_id, [rec])}
    )


def new_epoch(
    subject: dict[str, bytes],
    key: bytes,
    coop_id: bytes,
    recipients: Sequence[DeviceRecord],
    known: Mapping[bytes, bytes],
) -> tuple[bytes, bytes]:
    """Body of remove_member / revoke_device / rotate: subject plus a fresh epoch."""
    eid = epoch_id_of(key)
    body: dict[str, object] = dict(subject)
    body.update(epoch=eid, wraps=wrap_epoch(key, coop_id, recipients), chain=seal_chain(key, known))
    return pack(body), eid


def change_role(member_id: bytes, role: Role) -> bytes:
    return pack({"member": member_id, "role": role.value})


# --- parsing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RosterBody:
    op: RosterOp
    wraps: dict[bytes, bytes]
    chain: bytes | None
    coop_name: bytes | None
    header_epoch: bytes  # the author's current epoch: the one `wraps` carries for add ops


_EPOCH_FIELDS = {"epoch", "wraps", "chain"}
_SHAPES: dict[OpKind, set[str]] = {
    OpKind.GENESIS: {"member_pk", "name", "coop_name", "device", "epoch", "wraps"},
    OpKind.ADD_MEMBER: {"member_pk", "role", "name", "device", "wraps"},
    OpKind.ADD_DEVICE: {"member_pk", "device", "wraps"},
    OpKind.REMOVE_MEMBER: {"member"} | _EPOCH_FIELDS,
    OpKind.REVOKE_DEVICE: {"device_id"} | _EPOCH_FIELDS,
    OpKind.CHANGE_ROLE: {"member", "role"},
    OpKind.ROTATE: set(_EPOCH_FIELDS),
}


def parse(op: Op) -> RosterBody:
    """Check a roster op's body against its kind's schema and turn it into a RosterOp."""
    kind = op.header.kind
    if op.body is None:
        raise SchemaError("roster op without a body")
    b = as_map(unpack(op.body), kind.value, _SHAPES[kind])
    member_pk = as_bytes(b["member_pk"], "member_pk", 32) if "member_pk" in b else None
    device = parse_bundle(b["device"], member_pk) if member_pk and "device" in b else None
    member_id = member_id_of(member_pk) if member_pk else None
    if "member" in b:
        member_id = as_bytes(b["member"], "member", ID_LEN)
    role = _role(b["role"]) if "role" in b else None
    wraps_raw = b.get("wraps", {})
    if not isinstance(wraps_raw, dict) or len(wraps_raw) > MAX_DEVICES:
        raise SchemaError("wraps: expected a map of device id to wrapped key")
    wraps = {
        as_bytes(k, "wraps", ID_LEN): as_bytes(v, "wraps", max_len=256)
        for k, v in wraps_raw.items()
    }
    rop = RosterOp(
        op_id=op.op_id,
        author_device=op.header.device,
        parents=op.header.parents,
        kind=RosterKind(kind.value),
        member_id=member_id,
        member_pk=member_pk,
        role=Role.ADMIN if kind is OpKind.GENESIS else role,
        name_ct=as_bytes(b["name"], "name", max_len=1024) if "name" in b else None,
        device=device,
        device_id=as_bytes(b["device_id"], "device_id", ID_LEN) if "device_id" in b else None,
        epoch_id=as_bytes(b["epoch"], "epoch", EPOCH_LEN) if "epoch" in b else None,
    )
    chain = as_bytes(b["chain"], "chain", max_len=65536) if "chain" in b else None
    coop_name = as_bytes(b["coop_name"], "coop_name", max_len=1024) if "coop_name" in b else None
    return RosterBody(rop, wraps, chain, coop_name, op.header.epoch)


def _role(v: Any) -> Role:
    try:
        return Role(as_str(v, "role", 16))
    except ValueError:
        raise SchemaError("role: expected member or admin") from None
