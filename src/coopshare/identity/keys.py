"""A member's identity on one device: member key, device key, HPKE key, TLS certificate.

* member key (Ed25519): who the person is across devices; certifies device keys;
* device key (Ed25519): signs ops and is the TLS identity; ``device id = SHA-256(SPKI)``;
* kex key (X25519): receives HPKE-sealed epoch and item keys;
* certificate: self-signed Ed25519 X.509 over the device key, with no identifying subject.

A device added in person by another device of its member (service/device_link.py) holds no
member private key: only the member's public key and the member key's certificate of its own
device and kex keys, which that other device signed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.x509.oid import NameOID

from coopshare.crypto import primitives as p
from coopshare.errors import MemberKeyNotHere

DEVICE_CERT_DOMAIN = b"coopshare/v1/device-cert\0"


def member_id_of(member_pk: bytes) -> bytes:
    return p.sha256(p.spki_der(member_pk))


def device_id_of(device_pk: bytes) -> bytes:
    return p.sha256(p.spki_der(device_pk))


def make_certificate(key: Ed25519PrivateKey) -> bytes:
    """Self-signed certificate for TLS; valid from a day ago (clock skew) for 30 years."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "coopshare device")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365 * 30))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, None)
    )
    return cert.public_bytes(serialization.Encoding.DER)


def certificate_public_key(cert_der: bytes) -> bytes:
    """Raw Ed25519 public key inside a device certificate."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    pub = x509.load_der_x509_certificate(cert_der).public_key()
    if not isinstance(pub, Ed25519PublicKey):
        raise ValueError("device certificate does not hold an Ed25519 key")
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def device_statement(device_pk: bytes, kex_pk: bytes) -> bytes:
    return device_pk + kex_pk


@dataclass(frozen=True)
class Identity:
    """Private keys of one member on one device (held in memory after unlock only)."""

    name: str
    member_key: (
        Ed25519PrivateKey | None
    )  # None: added in person, the key stayed on the other device
    device_key: Ed25519PrivateKey
    kex_key: X25519PrivateKey
    cert: bytes
    linked_member_pk: bytes = b""  # without member_key: the member's public key...
    linked_msig: bytes = b""  # ...and its certificate of this device's keys

    @classmethod
    def generate(cls, name: str, member_key: Ed25519PrivateKey | None = None) -> Identity:
        device_key = p.new_signing_key()
        return cls(
            name=name,
            member_key=member_key or p.new_signing_key(),
            device_key=device_key,
            kex_key=p.new_kex_key(),
            cert=make_certificate(device_key),
        )

    @cached_property  # derived from a private key: asked for every op applied
    def member_pk(self) -> bytes:
        if self.member_key is None:
            return self.linked_member_pk
        return p.raw_public(self.member_key)

    @property
    def holds_member_key(self) -> bool:
        return self.member_key is not None

    def member_seed(self) -> bytes:
        """The member key's seed (what the recovery code encodes)."""
        if self.member_key is None:
            raise MemberKeyNotHere()
        return p.seed_of(self.member_key)

    @cached_property
    def device_pk(self) -> bytes:
        return p.raw_public(self.device_key)

    @cached_property
    def kex_pk(self) -> bytes:
        return p.raw_public(self.kex_key)

    @cached_property
    def member_id(self) -> bytes:
        return member_id_of(self.member_pk)

    @cached_property
    def device_id(self) -> bytes:
        return device_id_of(self.device_pk)

    def certify_device(self) -> bytes:
        """The member key's signature that this device key and kex key are its own."""
        if self.member_key is None:
            return self.linked_msig
        return self.certify(self.device_pk, self.kex_pk)

    def certify(self, device_pk: bytes, kex_pk: bytes) -> bytes:
        """The member key's signature over another device's keys (a new device of mine)."""
        if self.member_key is None:
            raise MemberKeyNotHere()
        return p.sign(self.member_key, DEVICE_CERT_DOMAIN, device_statement(device_pk, kex_pk))
