"""The keystore file: private keys encrypted under a random master key.

Layout (msgpack map, version 1)::

    v        1
    kdf      {salt, t, m, p}      Argon2id parameters, stored with the blob
    wrapped  AEAD(Argon2id(passphrase), master key)
    secrets  AEAD(master key, {name, member, device, kex, cert})
    keyring  true if the master key is also kept in the OS keyring

The master key also encrypts the store's derived rows (see store/). A wrong passphrase fails
the AEAD; the KDF cost stored in the file cannot be edited below :data:`KDF_FLOOR`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgpack

from coopshare.crypto import primitives as p
from coopshare.errors import DecryptError, MalformedData, UserError, WrongPassphrase
from coopshare.identity.keys import Identity

KEYSTORE_FILE = "keystore.bin"
_AAD_WRAP = b"coopshare/v1/keystore-wrap"
_AAD_SECRETS = b"coopshare/v1/keystore-secrets"
KDF_DEFAULT = {"t": 3, "m": 128 * 1024, "p": 2}
KDF_FLOOR = {"t": 2, "m": 64 * 1024, "p": 1}
_KEYRING_SERVICE = "coopshare"


@dataclass(frozen=True)
class Unlocked:
    identity: Identity
    master_key: bytes


def exists(home: Path) -> bool:
    return (home / KEYSTORE_FILE).is_file()


def create(
    home: Path, identity: Identity, passphrase: str, *, use_keyring: bool = False
) -> Unlocked:
    if not passphrase:
        raise UserError("a passphrase is required (set COOPSHARE_PASSPHRASE or type one)")
    master = p.random_bytes(p.KEY_LEN)
    doc = _wrap(master, passphrase)
    doc["secrets"] = p.seal(master, _pack_identity(identity), _AAD_SECRETS)
    doc["keyring"] = use_keyring and _keyring_store(home, master)
    _write_atomic(home / KEYSTORE_FILE, msgpack.packb(doc))
    return Unlocked(identity, master)


def unlock(home: Path, passphrase: str | None) -> Unlocked:
    doc = _read(home)
    master = _keyring_load(home) if doc.get("keyring") else None
    if master is None:
        if passphrase is None:
            raise UserError("a passphrase is required (set COOPSHARE_PASSPHRASE or type one)")
        master = _unwrap(doc, passphrase)
    try:
        identity = _unpack_identity(p.open_sealed(master, doc["secrets"], _AAD_SECRETS))
    except DecryptError:
        raise WrongPassphrase() from None
    return Unlocked(identity, master)


def needs_passphrase(home: Path) -> bool:
    doc = _read(home)
    return not (doc.get("keyring") and _keyring_load(home) is not None)


def change_passphrase(home: Path, old: str, new: str) -> None:
    if not new:
        raise UserError("the new passphrase must not be empty")
    doc = _read(home)
    master = _unwrap(doc, old)
    doc.update(_wrap(master, new))
    _write_atomic(home / KEYSTORE_FILE, msgpack.packb(doc))


# --- internals ----------------------------------------------------------------------------------


def _kdf_key(passphrase: str, kdf: dict[str, Any]) -> bytes:
    for k, floor in KDF_FLOOR.items():
        if not isinstance(kdf.get(k), int) or kdf[k] < floor:
            raise MalformedData("keystore: key-derivation parameters below the allowed minimum")
    return p.argon2id(
        passphrase.encode(), kdf["salt"], iterations=kdf["t"], memory_kib=kdf["m"], lanes=kdf["p"]
    )


def _wrap(master: bytes, passphrase: str) -> dict[str, Any]:
    kdf: dict[str, Any] = {"salt": p.random_bytes(16), **KDF_DEFAULT}
    return {"v": 1, "kdf": kdf, "wrapped": p.seal(_kdf_key(passphrase, kdf), master, _AAD_WRAP)}


def _unwrap(doc: dict[str, Any], passphrase: str) -> bytes:
    try:
        return p.open_sealed(_kdf_key(passphrase, doc["kdf"]), doc["wrapped"], _AAD_WRAP)
    except DecryptError:
        raise WrongPassphrase() from None


def _read(home: Path) -> dict[str, Any]:
    path = home / KEYSTORE_FILE
    if not path.is_file():
        from coopshare.errors import NotInitialised

        raise NotInitialised(path=str(home))
    try:
        doc = msgpack.unpackb(path.read_bytes(), raw=False, strict_map_key=False)
        if not isinstance(doc, dict) or doc.get("v") != 1:
            raise ValueError
        for key in ("kdf", "wrapped", "secrets"):
            doc[key]
    except (
        ValueError,
        KeyError,
        TypeError,
        msgpack.ExtraData,
        msgpack.FormatError,
        msgpack.StackError,
    ):
        raise MalformedData(f"{path} is damaged or not a CoopShare keystore") from None
    return doc


def _pack_identity(i: Identity) -> bytes:
    return msgpack.packb(  # type: ignore[no-any-return]
        {
            "name": i.name,
            "member": p.seed_of(i.member_key),
            "device": p.seed_of(i.device_key),
            "kex": p.seed_of(i.kex_key),
            "cert": i.cert,
        }
    )


def _unpack_identity(blob: bytes) -> Identity:
    d = msgpack.unpackb(blob, raw=False)
    return Identity(
        name=d["name"],
        member_key=p.signing_key_from_seed(d["member"]),
        device_key=p.signing_key_from_seed(d["device"]),
        kex_key=p.kex_key_from_seed(d["kex"]),
        cert=d["cert"],
    )


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    tmp.replace(path)
    dfd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def _keyring_user(home: Path) -> str:
    return hashlib.sha256(str(home.resolve()).encode()).hexdigest()[:32]


def _keyring_store(home: Path, master: bytes) -> bool:
    """Keep the master key in the OS keyring when one is usable; False otherwise."""
    with contextlib.suppress(Exception):  # no backend, locked, or headless: passphrase only
        import keyring

        keyring.set_password(_KEYRING_SERVICE, _keyring_user(home), master.hex())
        return True
    return False


def _keyring_load(home: Path) -> bytes | None:
    with contextlib.suppress(Exception):
        import keyring

        value = keyring.get_password(_KEYRING_SERVICE, _keyring_user(home))
        return bytes.fromhex(value) if value else None
    return None
