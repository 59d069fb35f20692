"""Admission at the door, sans-IO (docs/protocol.md §13 "Knock with certificate", §16a).

A member whose device is not yet in my roster (invited after I last synced with an admin) holds
the coop's network key, so its knock is valid, but its certificate is in no trust store of mine.
Three pure pieces let it in without trusting anything unsigned:

* **Sealed certificate** (knock mode 3): right behind the knock the client sends its device
  certificate sealed under the network key, bound to that knock. The listener learns which
  certificate to expect and can finish a TLS handshake in which the client proves it holds that
  certificate's key; whether the device is admitted is decided after TLS, never by TLS.
* :class:`AdmissionGate`: what a side accepts from a peer it has not admitted yet: signed roster
  ops only, at most :data:`MAX_ADMIT_OPS` ops and :data:`MAX_ADMIT_BYTES` bytes, collected and
  not applied.
* :func:`check_chain`: whether those roster ops, with the ones I hold, make the peer's device
  active: every op of this coop, signed by its author's device key (known to me or added by an
  earlier op of the chain), every parent known, and resolution (model.roster) accepting the
  peer's device. Only then are they merged, through the normal ingest pipeline.
"""

from __future__ import annotations

import hmac
import struct
from collections.abc import Mapping, Sequence

from cryptography.exceptions import UnsupportedAlgorithm

from coopshare.crypto import primitives as p
from coopshare.errors import AdmissionRefused, DecryptError, MalformedData
from coopshare.identity.keys import certificate_public_key, device_id_of
from coopshare.model.roster import resolve
from coopshare.protocol import roster_body
from coopshare.protocol.ops import Op, OpKind, decode_op

MAX_CERT = 4096  # as a device bundle's `cert` (§5)
MAX_SEALED_CERT = MAX_CERT + p.NONCE_LEN + p.TAG_LEN
_LEN = struct.Struct(">H")
SEALED_PREFIX = _LEN.size
MAX_ADMIT_OPS = 2048
MAX_ADMIT_BYTES = 4 * 1024 * 1024
ADMIT_TIMEOUT = 30.0  # seconds from the session's start until the peer must be admitted
_CERT_INFO = b"coopshare/v1/knock-cert"
_CERT_AAD = b"coopshare/v1/knock-cert\0"


_PROOF_DOMAIN = b"coopshare/v1/listener-proof\0"
PROOF_LEN = 32


def listener_proof(network_key: bytes, knock: bytes, listener_cert: bytes) -> bytes:
    """What a listener sends first inside TLS after a mode-3 knock: proof that it holds the
    network key the knock was made under, bound to this knock (fresh: its nonce is in the
    replay cache) and to the certificate it showed in TLS (a relay cannot reuse it behind
    a TLS session of its own). Until the dialler has checked it, it sends nothing."""
    return p.hmac256(network_key, _PROOF_DOMAIN, knock, p.sha256(listener_cert))


def check_listener_proof(
    network_key: bytes, knock: bytes, listener_cert: bytes, proof: bytes
) -> None:
    """Raises AdmissionRefused unless `proof` is :func:`listener_proof` of these values."""
    if not hmac.compare_digest(proof, listener_proof(network_key, knock, listener_cert)):
        raise AdmissionRefused("the listener did not prove it holds the network key")


def _cert_key(network_key: bytes) -> bytes:
    return p.hkdf(network_key, _CERT_INFO)


def seal_cert(network_key: bytes, knock: bytes, cert: bytes) -> bytes:
    """What follows a mode-3 knock: 2-byte big-endian length, then the sealed certificate."""
    if not cert or len(cert) > MAX_CERT:
        raise ValueError("device certificate too large")
    blob = p.seal(_cert_key(network_key), cert, _CERT_AAD + knock)
    return _LEN.pack(len(blob)) + blob


def sealed_length(prefix: bytes) -> int:
    """Length of the sealed certificate announced by its 2-byte prefix; MalformedData if out of
    bounds (checked before anything is read or allocated)."""
    if len(prefix) != SEALED_PREFIX:
        raise MalformedData("sealed certificate: short length prefix")
    n = int.from_bytes(prefix, "big")
    if not p.NONCE_LEN + p.TAG_LEN < n <= MAX_SEALED_CERT:
        raise MalformedData("sealed certificate: length out of range")
    return n


def open_cert(network_key: bytes, knock: bytes, blob: bytes) -> tuple[bytes, bytes]:
    """(certificate DER, device id) from a sealed certificate; AdmissionRefused otherwise."""
    try:
        cert = p.open_sealed(_cert_key(network_key), blob, _CERT_AAD + knock)
        device = device_id_of(certificate_public_key(cert))
    except (DecryptError, ValueError, TypeError, UnsupportedAlgorithm):
        raise AdmissionRefused("the sealed device certificate did not open") from None
    return cert, device


class AdmissionGate:
    """What may arrive from a peer that is not admitted yet: roster ops only, bounded."""

    def __init__(self, max_ops: int = MAX_ADMIT_OPS, max_bytes: int = MAX_ADMIT_BYTES) -> None:
        self.ops: list[Op] = []
        self._bytes = 0
        self._max_ops = max_ops
        self._max_bytes = max_bytes

    def take(self, wires: Sequence[bytes]) -> None:
        """Keep these ops for the chain check; raises AdmissionRefused (or another
        ValidationError) for anything but well-formed roster ops within the bounds."""
        for w in wires:
            self._bytes += len(w)
            if len(self.ops) >= self._max_ops or self._bytes > self._max_bytes:
                raise AdmissionRefused(
                    f"more than {self._max_ops} roster ops or {self._max_bytes} bytes"
                )
            op = decode_op(w)
            if not op.header.kind.is_roster:
                raise AdmissionRefused(f"a {op.header.kind.value} op before admission")
            self.ops.append(op)


def check_chain(
    known: Mapping[bytes, roster_body.RosterBody],
    presented: Sequence[Op],
    coop_id: bytes,
    device: bytes,
) -> list[Op]:
    """The presented roster ops I lack, parents first, if with mine they admit `device`.

    Raises AdmissionRefused (or the ValidationError of a malformed op) otherwise. Nothing is
    trusted unsigned: each op's signature is checked under its author device's key, taken from
    my roster or from an add op earlier in the chain, and the verdict is roster resolution's.
    """
    todo: dict[bytes, Op] = {}
    for op in presented:
        if op.op_id in known or op.op_id in todo:
            continue
        if op.header.kind is OpKind.GENESIS or op.header.coop_id != coop_id:
            raise AdmissionRefused("a roster op of another cooperative")
        todo[op.op_id] = op
    keys = {
        b.op.device.device_id: b.op.device.sign_pk
        for b in known.values()
        if b.op.device is not None
    }
    bodies: dict[bytes, roster_body.RosterBody] = {}
    chain: list[Op] = []
    progress = True
    while todo and progress:
        progress = False
        for op_id, op in list(todo.items()):
            if any(x not in known and x not in bodies for x in op.header.parents):
                continue
            author = keys.get(op.header.device)
            if author is None:
                continue
            op.verify(author)
            rb = roster_body.parse(op)
            if rb.op.device is not None:
                keys.setdefault(rb.op.device.device_id, rb.op.device.sign_pk)
            bodies[op_id] = rb
            chain.append(op)
            del todo[op_id]
            progress = True
    if todo:
        raise AdmissionRefused("roster ops with unknown parents or authors")
    state = resolve([b.op for b in known.values()] + [b.op for b in bodies.values()])
    if device not in state.active:
        raise AdmissionRefused("the roster ops presented do not admit this device")
    return chain
