"""TLS 1.3 contexts for device-to-device connections (stdlib ssl).

* Server, member mode: requires a client certificate; the trust store is exactly the roster's
  device certificates (rebuilt when the roster changes).
* Server, join mode: asks for no client certificate; the joiner proves itself inside the channel.
* Client: pins by SPKI hash after the handshake (the TLS 1.3 CertificateVerify still proves the
  server holds the key); the trust decision is :func:`peer_device_id` against the roster/pin.

No SNI (``server_hostname=None``), no ALPN, no session tickets, TLS 1.3 only.
"""

from __future__ import annotations

import os
import ssl
import tempfile
from collections.abc import Iterable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from coopshare.identity.keys import Identity, certificate_public_key, device_id_of

_PEM = serialization.Encoding.PEM


def _base(purpose: int, identity: Identity) -> ssl.SSLContext:
    ctx = ssl.SSLContext(purpose)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.maximum_version = ssl.TLSVersion.TLSv1_3
    ctx.check_hostname = False
    ctx.options |= ssl.OP_NO_TICKET
    _load_identity(ctx, identity)
    return ctx


def _load_identity(ctx: ssl.SSLContext, identity: Identity) -> None:
    """ssl only loads keys from files: write the key encrypted under a one-time password."""
    password = os.urandom(32).hex().encode()
    key = identity.device_key.private_bytes(
        _PEM, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(password)
    )
    cert = x509.load_der_x509_certificate(identity.cert).public_bytes(_PEM)
    fd, path = tempfile.mkstemp(prefix="coopshare-tls-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(cert + key)
        ctx.load_cert_chain(path, password=password)
    finally:
        Path(path).unlink()


def server_context(identity: Identity, trusted_certs: Iterable[bytes]) -> ssl.SSLContext:
    ctx = _base(ssl.PROTOCOL_TLS_SERVER, identity)
    ctx.verify_mode = ssl.CERT_REQUIRED
    ctx.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
    pem = "".join(
        x509.load_der_x509_certificate(c).public_bytes(_PEM).decode() for c in trusted_certs
    )
    if pem:
        ctx.load_verify_locations(cadata=pem)
    return ctx


def join_server_context(identity: Identity) -> ssl.SSLContext:
    ctx = _base(ssl.PROTOCOL_TLS_SERVER, identity)
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def client_context(identity: Identity) -> ssl.SSLContext:
    ctx = _base(ssl.PROTOCOL_TLS_CLIENT, identity)
    ctx.verify_mode = ssl.CERT_NONE  # pinned by SPKI after the handshake: see peer_device_id
    return ctx


def peer_device_id(ssl_object: ssl.SSLObject | None) -> bytes | None:
    """Device id (SHA-256 of SPKI) of the certificate the peer proved it holds, if any."""
    if ssl_object is None:
        return None
    der = ssl_object.getpeercert(binary_form=True)
    if not der:
        return None
    try:
        return device_id_of(certificate_public_key(der))
    except ValueError:
        return None
