"""The keystore file: private keys encrypted under a random master key.

Layout (msgpack map, version 1)::

    v        1
    kdf      {salt, t, m, p}      Argon2id parameters, stored with the blob
    wrapped  AEAD(Argon2id(passphrase), master key)
    secrets  AEAD(master key, {name, member, device, kex, cert}); a device added in person
             has {member_pk, msig} instead of member (identity/keys.py)
    keyring  true if the master key is also kept in the OS keyring
    sum      SHA-256 of the map above, packed (absent in files written before it existed)

The master key also encrypts the store's derived rows (see store/). A wrong passphrase fails
the AEAD; the KDF cost stored in the file cannot be edited below :data:`KDF_FLOOR`.

Damage versus a wrong passphrase: a file whose bytes do not decode or do not match its ``sum``
is damaged (a flipped byte, a truncated write); an intact file whose ``wrapped`` does not open
means the passphrase is wrong; ``secrets`` that do not open under a master key that did unwrap
are damaged too. Every write goes to ``keystore.bin`` and then to the copy ``keystore.bak``
(each atomically: temporary file, fsync, rename; mode 0600). Unlocking a damaged file falls
back to an intact copy and repairs the damaged one; both damaged is ``KeystoreDamaged``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgpack

from coopshare.crypto import primitives as p
from coopshare.errors import (
    DecryptError,
    KeystoreDamaged,
    MalformedData,
    NotInitialised,
    PassphraseEmpty,
    PassphraseRequired,
    WrongPassphrase,
    os_fault,
)
from coopshare.identity.keys import Identity

log = logging.getLogger("coopshare.keystore")
KEYSTORE_FILE = "keystore.bin"
BACKUP_FILE = "keystore.bak"
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
    return (home / KEYSTORE_FILE).is_file() or (home / BACKUP_FILE).is_file()


def create(
    home: Path,
    identity: Identity,
    passphrase: str,
    *,
    use_keyring: bool = False,
    master: bytes | None = None,
) -> Unlocked:
    """A new keystore for `identity` under `passphrase`; a new random master key unless
    `master` is given (a restore by recovery key keeps the master key the store's rows use)."""
    if not passphrase:
        raise PassphraseRequired()
    if master is None:
        master = p.random_bytes(p.KEY_LEN)
    elif len(master) != p.KEY_LEN:
        raise MalformedData("keystore: the master key has the wrong length")
    doc = _wrap(master, passphrase)
    doc["secrets"] = p.seal(master, _pack_identity(identity), _AAD_SECRETS)
    doc["keyring"] = use_keyring and _keyring_store(home, master)
    _save(home, doc)
    return Unlocked(identity, master)


def unlock(home: Path, passphrase: str | None) -> Unlocked:
    """Open the keystore (or its intact copy if the file is damaged; the copy repairs it)."""
    doc, raw = _read(home)
    try:
        unlocked = _open(home, doc, passphrase)
    except KeystoreDamaged:  # sum intact but secrets unreadable, or a file without a sum
        backup = (
            _parse((home / BACKUP_FILE).read_bytes()) if (home / BACKUP_FILE).is_file() else None
        )
        if backup is None or backup[1] == raw:
            raise
        doc, raw = backup
        unlocked = _open(home, doc, passphrase)
    _mend(home, raw)
    return unlocked


def unlock_by_passphrase(home: Path, passphrase: str) -> Unlocked:
    """Open the keystore with the passphrase itself, even when the OS keyring holds the master
    key (for showing secrets again: the person at the keyboard proves they know it)."""
    doc, _ = _read(home)
    return _open(home, {k: v for k, v in doc.items() if k != "keyring"}, passphrase)


def needs_passphrase(home: Path) -> bool:
    doc, _ = _read(home)
    return not (doc.get("keyring") and _keyring_load(home) is not None)


def change_passphrase(home: Path, old: str, new: str) -> None:
    if not new:
        raise PassphraseEmpty()
    doc, _ = _read(home)
    master = _unwrap(doc, old)
    doc.update(_wrap(master, new))
    _save(home, doc)


def new_kdf() -> dict[str, Any]:
    """Fresh Argon2id parameters (salt and the keystore's cost), for another passphrase key."""
    return {"salt": p.random_bytes(16), **KDF_DEFAULT}


def passphrase_key(passphrase: str, kdf: dict[str, Any]) -> bytes:
    """The keystore's Argon2id key of `passphrase` (cost below KDF_FLOOR: MalformedData)."""
    return _kdf_key(passphrase, kdf)


def pack_identity(identity: Identity) -> bytes:
    """The identity's secrets as the keystore seals them (for a backup's sealed content)."""
    return _pack_identity(identity)


def unpack_identity(blob: bytes) -> Identity:
    """The identity from :func:`pack_identity`'s bytes (ValueError, KeyError or TypeError if
    they do not decode)."""
    try:
        return _unpack_identity(blob)
    except (msgpack.ExtraData, msgpack.FormatError, msgpack.StackError) as e:
        raise ValueError("identity does not decode") from e


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


def _open(home: Path, doc: dict[str, Any], passphrase: str | None) -> Unlocked:
    from_keyring = _keyring_load(home) if doc.get("keyring") else None
    master = from_keyring
    if master is None:
        if passphrase is None:
            raise PassphraseRequired()
        master = _unwrap(doc, passphrase)
    try:
        identity = _unpack_identity(p.open_sealed(master, doc["secrets"], _AAD_SECRETS))
    except DecryptError:
        if from_keyring is not None:  # a stale key in the OS keyring, not this file's
            raise WrongPassphrase() from None
        raise KeystoreDamaged(path=str(home)) from None  # the master key did unwrap
    except (ValueError, KeyError, TypeError, msgpack.ExtraData, msgpack.FormatError):
        raise KeystoreDamaged(path=str(home)) from None
    return Unlocked(identity, master)


def _read(home: Path) -> tuple[dict[str, Any], bytes]:
    """The keystore's map and the bytes it came from: the main file, or its copy if the main
    file is damaged or gone. Raises KeystoreDamaged if neither is intact."""
    found = False
    for name in (KEYSTORE_FILE, BACKUP_FILE):
        path = home / name
        if not path.is_file():
            continue
        found = True
        parsed = _parse(path.read_bytes())
        if parsed is not None:
            if name == BACKUP_FILE:
                log.warning("%s is damaged or missing: using its copy %s", KEYSTORE_FILE, name)
            return parsed
    if not found:
        raise NotInitialised(path=str(home))
    raise KeystoreDamaged(path=str(home))


def _parse(data: bytes) -> tuple[dict[str, Any], bytes] | None:
    """The map in a keystore file's bytes; None if they are damaged."""
    try:
        doc = msgpack.unpackb(data, raw=False, strict_map_key=False)
        if not isinstance(doc, dict) or doc.get("v") != 1:
            return None
        for key in ("kdf", "wrapped", "secrets"):
            doc[key]
        if not isinstance(doc["kdf"], dict):
            return None
        if "sum" in doc and doc.pop("sum") != p.sha256(msgpack.packb(doc)):
            return None
    except (
        ValueError,
        KeyError,
        TypeError,
        msgpack.ExtraData,
        msgpack.FormatError,
        msgpack.StackError,
    ):
        return None
    return doc, data


def _encode(doc: dict[str, Any]) -> bytes:
    body = {k: v for k, v in doc.items() if k != "sum"}
    return msgpack.packb({**body, "sum": p.sha256(msgpack.packb(body))})  # type: ignore[no-any-return]


def _save(home: Path, doc: dict[str, Any]) -> None:
    data = _encode(doc)
    try:
        _write_atomic(home / KEYSTORE_FILE, data)
        _write_atomic(home / BACKUP_FILE, data)
    except OSError as e:  # the temporary file is left; the old file is still whole
        raise os_fault(e, str(home)) from None


def _mend(home: Path, good: bytes) -> None:
    """After a successful unlock, both files hold these intact bytes (with a sum): repairs a
    damaged file, writes a missing copy. Best effort: a full disk must not stop an unlock."""
    parsed = _parse(good)
    data = good if parsed is None or _has_sum(good) else _encode(parsed[0])
    for name in (KEYSTORE_FILE, BACKUP_FILE):
        path = home / name
        try:
            current = path.read_bytes() if path.is_file() else None
            if current == data:
                continue
            _write_atomic(path, data)
            if current is not None and _parse(current) is None:
                log.warning("repaired the damaged %s from its intact copy", name)
        except OSError as e:
            log.info("could not refresh %s: %s", name, e)


def _has_sum(data: bytes) -> bool:
    with contextlib.suppress(Exception):
        return "sum" in msgpack.unpackb(data, raw=False, strict_map_key=False)
    return False


def _pack_identity(i: Identity) -> bytes:
    """`member` is the member key's seed; a device added in person has none and keeps
    `member_pk` and `msig` (the member key's certificate of its keys) instead."""
    doc: dict[str, Any] = {"name": i.name}
    if i.member_key is not None:
        doc["member"] = p.seed_of(i.member_key)
    else:
        doc["member_pk"], doc["msig"] = i.linked_member_pk, i.linked_msig
    doc |= {"device": p.seed_of(i.device_key), "kex": p.seed_of(i.kex_key), "cert": i.cert}
    return msgpack.packb(doc)  # type: ignore[no-any-return]


def _unpack_identity(blob: bytes) -> Identity:
    d = msgpack.unpackb(blob, raw=False)
    return Identity(
        name=d["name"],
        member_key=p.signing_key_from_seed(d["member"]) if "member" in d else None,
        device_key=p.signing_key_from_seed(d["device"]),
        kex_key=p.kex_key_from_seed(d["kex"]),
        cert=d["cert"],
        linked_member_pk=d.get("member_pk", b""),
        linked_msig=d.get("msig", b""),
    )


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
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
