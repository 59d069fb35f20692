"""Thin, typed wrappers over `cryptography`, each with a purpose-bound domain string.

Every signature and key derivation names its purpose (``coopshare/v1/...``) so that bytes made
for one use can never be replayed as another. See docs/security.md §Crypto inventory.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from coopshare.errors import BadSignature, DecryptError

KEY_LEN = 32
NONCE_LEN = 12
TAG_LEN = 16
HPKE_OVERHEAD = 32 + TAG_LEN  # encapsulated X25519 key + AEAD tag

_HPKE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)
_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw


def random_bytes(n: int) -> bytes:
    return os.urandom(n)


def sha256(*parts: bytes) -> bytes:
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()


def hmac256(key: bytes, *parts: bytes) -> bytes:
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for p in parts:
        mac.update(p)
    return mac.digest()


def hkdf(key: bytes, info: bytes, length: int = KEY_LEN, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key)


# --- Ed25519 ------------------------------------------------------------------------------------


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def signing_key_from_seed(seed: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(seed)


def seed_of(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(_RAW, _RAW_PRIV, serialization.NoEncryption())


def raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(_RAW, _RAW_PUB)


def spki_der(public_raw: bytes) -> bytes:
    """DER SubjectPublicKeyInfo of a raw Ed25519 public key."""
    pub = Ed25519PublicKey.from_public_bytes(public_raw)
    return pub.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def sign(key: Ed25519PrivateKey, domain: bytes, message: bytes) -> bytes:
    return key.sign(domain + message)


def verify(public_raw: bytes, signature: bytes, domain: bytes, message: bytes) -> None:
    """Raise :class:`BadSignature` unless `signature` is valid over ``domain || message``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, domain + message)
    except (InvalidSignature, ValueError):
        raise BadSignature("signature does not verify") from None


# --- ChaCha20-Poly1305 ----------------------------------------------------------------------------


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """AEAD with a fresh random nonce; returns ``nonce || ciphertext || tag``."""
    nonce = os.urandom(NONCE_LEN)
    return nonce + ChaCha20Poly1305(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    if len(blob) < NONCE_LEN + TAG_LEN:
        raise DecryptError("ciphertext too short")
    try:
        return ChaCha20Poly1305(key).decrypt(blob[:NONCE_LEN], blob[NONCE_LEN:], aad)
    except InvalidTag:
        raise DecryptError("ciphertext did not authenticate") from None


# --- HPKE (RFC 9180 base mode: X25519, HKDF-SHA256, ChaCha20-Poly1305) ---------------------------


def new_kex_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def kex_key_from_seed(seed: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(seed)


def hpke_seal(recipient_raw: bytes, plaintext: bytes, info: bytes) -> bytes:
    return _HPKE.encrypt(plaintext, X25519PublicKey.from_public_bytes(recipient_raw), info=info)


def hpke_open(key: X25519PrivateKey, blob: bytes, info: bytes) -> bytes:
    try:
        return _HPKE.decrypt(blob, key, info=info)
    except (InvalidTag, ValueError):
        raise DecryptError("sealed key did not open") from None


# --- Argon2id -----------------------------------------------------------------------------------


_ARGON2_LOCK = threading.Lock()


def argon2id(
    passphrase: bytes, salt: bytes, *, iterations: int, memory_kib: int, lanes: int
) -> bytes:
    # one derivation at a time: two concurrent ones in one process were seen to hang, and each
    # already keeps `lanes` cores busy
    with _ARGON2_LOCK:
        return Argon2id(
            salt=salt, length=KEY_LEN, iterations=iterations, lanes=lanes, memory_cost=memory_kib
        ).derive(passphrase)
