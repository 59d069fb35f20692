"""Encrypted backup of a data folder (identity + data) to one file, and restore into a new one,
with the passphrase or, when the passphrase is forgotten, with the recovery key.

File layout, version 2 (integers big-endian)::

    magic    8 bytes  b"COOPBKUP"
    version  1 byte   2
    hlen     u32      length of the header
    header   msgpack  {"kdf": {salt, t, m, p}, "rsalt": 16 bytes, "made": unix seconds,
                       "wraps": {"passphrase": AEAD(Argon2id(passphrase, kdf), K),
                                 "recovery":   AEAD(HKDF(member seed, rsalt), K)}}
    sealed   ChaCha20-Poly1305(K, zlib(msgpack {"files": {name: bytes},
                                                "keys": {"master": 32 bytes, "identity": bytes}})),
             nonce first; AAD = every byte before it
    sum      32 bytes SHA-256 of every byte before it

``K`` is a random content key, wrapped twice:

* under Argon2id of the passphrase, with the keystore's own KDF and cost
  (identity/keystore.py) and a fresh salt. The passphrase is the data folder's own: making a
  backup first checks that it opens the keystore by the passphrase itself (not the OS keyring),
  so the restored folder opens with it too;
* under HKDF-SHA256 of the member key's seed (what the recovery key encodes, identity/recovery.py),
  salted with ``rsalt`` and with its own info string. Not Argon2id: the seed is 256 uniformly
  random bits, so no guess list exists for a slow hash to slow down; HKDF makes a key used for
  nothing else (the seed itself is an Ed25519 seed) and different in every file. A device added
  in person holds no member seed (identity/keys.py): its backup has no ``recovery`` wrap and
  restores by passphrase only (``BackupWithoutRecoveryKey``).

The Argon2id cost in the header must lie between the keystore's floor and :data:`_KDF_CEILING`
(a crafted file could otherwise ask for terabytes of memory or years of work before anything
is checked).

The header names no member and no key: a found file says only when it was made.

``keys`` holds the keystore's secrets (master key and the packed identity, as
identity/keystore.py seals them), because ``keystore.bin`` in ``files`` opens only with the old
passphrase. A restore by recovery key checks that the identity inside has the member key of the
recovery key (a key of another member does not open the recovery wrap in the first place:
``WrongBackupRecoveryKey``), then writes a NEW keystore for that identity and the SAME master key
(the database's rows and owner stamp are under it) under a new passphrase the user chooses.

Version 1 (before recovery keys) sealed the content directly under the passphrase's Argon2id key
and had neither ``keys`` nor ``wraps``; it still restores by passphrase, and a recovery key on
it is ``BackupNeedsPassphrase``. A file whose bytes do not match ``sum`` (or do not decode) is
``BackupDamaged``; an intact file that does not open is ``WrongBackupPassphrase`` or
``WrongBackupRecoveryKey``.

Inside: ``keystore.bin``, a consistent snapshot of ``coopshare.db`` (store/snapshot.py, taken
while a node may be running) and ``gui.ini`` if present. Restore writes them into a folder that
holds no identity or database yet (mode 0700, files 0600), the keystore twice (``.bin`` and its
copy ``.bak``), then opens the folder to check it; if anything fails, what it wrote is removed.
The restored device has the same device key as the original: use it instead of the original
computer, not beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgpack

from coopshare.crypto import primitives as p
from coopshare.errors import (
    BackupDamaged,
    BackupNeedsPassphrase,
    BackupWithoutRecoveryKey,
    DecryptError,
    MalformedData,
    PassphraseEmpty,
    PassphraseRequired,
    WrongBackupPassphrase,
    WrongBackupRecoveryKey,
)
from coopshare.identity import keystore, recovery
from coopshare.service import datafolder, restored
from coopshare.service import home as homes
from coopshare.service.outfiles import write_private
from coopshare.store import files as store_files
from coopshare.store.db import DB_FILE
from coopshare.store.snapshot import database_bytes

MAGIC = b"COOPBKUP"
VERSION = 2
SUFFIX = ".coopbackup"
PREFS_FILE = "gui.ini"
_U32 = struct.Struct(">I")
_AAD = b"coopshare/v1/backup"  # + the head: binds the version, KDF and wraps to the content
_AAD_WRAP = b"coopshare/v2/backup-wrap/"
_RECOVERY_INFO = b"coopshare/v2/backup-recovery-key"
_MAX_HEADER = 4096
_KDF_CEILING = {"t": 16, "m": 1024 * 1024, "p": 16}  # KiB: at most 1 GiB (the default is 128 MiB)
_BAD = (ValueError, TypeError, KeyError, zlib.error, msgpack.ExtraData, msgpack.FormatError)


@dataclass(frozen=True)
class _Parsed:
    version: int
    head: bytes  # every byte before the sealed content (its AAD, with _AAD)
    header: dict[str, Any]
    sealed: bytes


@dataclass(frozen=True)
class _Content:
    files: dict[str, bytes]
    master: bytes | None  # version 1: None
    identity: bytes | None


def create_backup(home: Path, passphrase: str | None, dest: Path) -> int:
    """Write an encrypted backup of `home` to `dest`; returns its size in bytes."""
    if not passphrase:
        raise PassphraseRequired()
    # WrongPassphrase here: the backup would not open later. By the passphrase itself, so that
    # a master key in the OS keyring cannot stand in for a mistyped passphrase.
    unlocked = keystore.unlock_by_passphrase(home, passphrase)
    main = home / keystore.KEYSTORE_FILE
    files = {
        keystore.KEYSTORE_FILE: (
            main if main.is_file() else home / keystore.BACKUP_FILE
        ).read_bytes(),
        DB_FILE: database_bytes(home / DB_FILE),
    }
    if (home / PREFS_FILE).is_file():
        files[PREFS_FILE] = (home / PREFS_FILE).read_bytes()
    content_key = p.random_bytes(p.KEY_LEN)
    kdf, rsalt = keystore.new_kdf(), p.random_bytes(16)
    wraps = {
        "passphrase": p.seal(
            keystore.passphrase_key(passphrase, kdf), content_key, _AAD_WRAP + b"passphrase"
        ),
    }
    member_key = unlocked.identity.member_key
    if member_key is not None:  # None: a device added in person, no seed to wrap under
        seed = p.seed_of(member_key)
        wraps["recovery"] = p.seal(
            _recovery_wrap_key(seed, rsalt), content_key, _AAD_WRAP + b"recovery"
        )
    header = msgpack.packb({"kdf": kdf, "rsalt": rsalt, "made": int(time.time()), "wraps": wraps})
    head = MAGIC + bytes([VERSION]) + _U32.pack(len(header)) + header
    keys = {"master": unlocked.master_key, "identity": keystore.pack_identity(unlocked.identity)}
    plain = zlib.compress(msgpack.packb({"files": files, "keys": keys}), 6)
    body = head + p.seal(content_key, plain, _AAD + head)
    data = body + hashlib.sha256(body).digest()
    write_private(dest, lambda f: f.write(data))
    return len(data)


def read_backup(src: Path, passphrase: str) -> dict[str, bytes]:
    """The files in a backup (raises BackupDamaged or WrongBackupPassphrase)."""
    return _open_by_passphrase(_parse(src.read_bytes()), passphrase).files


def restore_backup(src: Path, home: Path, passphrase: str | None) -> str:
    """Restore a backup into `home` (new or empty of CoopShare data) with the passphrase it was
    made with; returns the name of the identity restored. Nothing is left behind if it fails."""
    if not passphrase:
        raise PassphraseRequired()
    datafolder.refuse_if_used(home)  # AlreadyInitialised: never overwrite a data folder
    found = _open_by_passphrase(_parse(src.read_bytes()), passphrase).files
    ks = found[keystore.KEYSTORE_FILE]

    def write_keystore() -> None:
        for name in (keystore.KEYSTORE_FILE, keystore.BACKUP_FILE):
            write_private(home / name, lambda f: f.write(ks))

    return _restore(home, found, write_keystore, passphrase)


def restore_by_recovery_key(src: Path, home: Path, code: str, new_passphrase: str | None) -> str:
    """Restore a backup into `home` with the member's recovery key when the passphrase is
    forgotten; the restored folder opens with `new_passphrase`. Returns the identity's name.

    RecoveryCodeInvalid: a typing error (the checksum); WrongBackupRecoveryKey: another member's
    key; BackupNeedsPassphrase: a version-1 file. Nothing is written unless all checks pass."""
    if not new_passphrase:
        raise PassphraseEmpty()
    seed = recovery.decode(code)
    datafolder.refuse_if_used(home)
    parsed = _parse(src.read_bytes())
    if parsed.version == 1:
        raise BackupNeedsPassphrase()
    if "recovery" not in parsed.header["wraps"]:
        raise BackupWithoutRecoveryKey()
    content = _open_wrapped(parsed, "recovery", _recovery_wrap_key(seed, parsed.header["rsalt"]))
    if content is None:
        raise WrongBackupRecoveryKey()
    if content.master is None or content.identity is None:  # only version 1 has none
        raise BackupDamaged(reason="the keys inside are missing")
    master, passphrase = content.master, new_passphrase
    try:
        identity = keystore.unpack_identity(content.identity)
    except _BAD:
        raise BackupDamaged(reason="the identity inside does not decode") from None
    member_key = identity.member_key
    if member_key is None or not hmac.compare_digest(p.seed_of(member_key), seed):
        raise WrongBackupRecoveryKey()  # sealed for this key, yet another member's identity

    def write_keystore() -> None:
        keystore.create(home, identity, passphrase, master=master)

    return _restore(home, content.files, write_keystore, passphrase)


# --- internals ----------------------------------------------------------------------------------


def _recovery_wrap_key(seed: bytes, rsalt: bytes) -> bytes:
    return p.hkdf(seed, _RECOVERY_INFO, salt=rsalt)


def _restore(
    home: Path,
    found: dict[str, bytes],
    write_keystore: Callable[[], None],
    passphrase: str,
) -> str:
    """Write the keystore (by `write_keystore`), database and preferences into `home`, then open
    it with `passphrase`; on any failure remove what was written (the keystore files and the
    database were not there before: refuse_if_used)."""
    store_files.private_folder(home)
    written = [
        home / (name + tmp)
        for name in (keystore.KEYSTORE_FILE, keystore.BACKUP_FILE)
        for tmp in ("", ".tmp")
    ]
    try:
        write_keystore()
        for name in (DB_FILE, PREFS_FILE):
            data = found.get(name, b"")
            if not data:
                continue  # an old folder without a database: opening makes a new one
            write_private(home / name, lambda f, d=data: f.write(d))  # type: ignore[misc]
            written.append(home / name)
        coop = homes.open_coop(home, passphrase)
        try:
            restored.mark(coop)  # no writing until its own later ops are back (restored.py)
            return coop.me.name
        finally:
            coop.store.close()
    except BaseException:
        _remove([*written, *(home / (DB_FILE + s) for s in store_files.SIDE_FILES)])
        raise


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _parse(data: bytes) -> _Parsed:
    """The parts of an intact backup file, or BackupDamaged."""
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise BackupDamaged(reason="not a CoopShare backup")
    if len(data) < len(MAGIC) + 5 + 32:
        raise BackupDamaged(reason="truncated")
    version = data[len(MAGIC)]
    if version not in (1, 2):
        raise BackupDamaged(reason=f"backup version {version} is not supported")
    if hashlib.sha256(data[:-32]).digest() != data[-32:]:
        raise BackupDamaged(reason="checksum mismatch: the file is damaged or incomplete")
    (hlen,) = _U32.unpack_from(data, len(MAGIC) + 1)
    start = len(MAGIC) + 5
    if hlen > _MAX_HEADER or start + hlen > len(data) - 32:
        raise BackupDamaged(reason="bad header length")
    try:
        header = msgpack.unpackb(data[start : start + hlen], raw=False)
        if not isinstance(header, dict) or not isinstance(header.get("kdf"), dict):
            raise ValueError("no kdf")
        if version == 2:
            wraps = header["wraps"]
            if not isinstance(header["rsalt"], bytes) or not isinstance(wraps, dict):
                raise ValueError("no wraps")
            if not isinstance(wraps.get("passphrase"), bytes):
                raise ValueError("the passphrase wrap is missing")
            if not isinstance(wraps.get("recovery", b""), bytes):
                raise ValueError("a malformed recovery wrap")
    except _BAD:
        raise BackupDamaged(reason="bad header") from None
    return _Parsed(version, data[: start + hlen], header, data[start + hlen : -32])


def _open_by_passphrase(parsed: _Parsed, passphrase: str) -> _Content:
    kdf = parsed.header["kdf"]
    if any(not isinstance(kdf.get(k), int) or kdf[k] > top for k, top in _KDF_CEILING.items()):
        raise BackupDamaged(reason="key-derivation parameters are out of range")
    try:
        key = keystore.passphrase_key(passphrase, kdf)
    except (MalformedData, KeyError, TypeError):
        raise BackupDamaged(reason="key-derivation parameters are invalid") from None
    if parsed.version == 1:
        content = _open_content(parsed, key)
    else:
        content = _open_wrapped(parsed, "passphrase", key)
    if content is None:
        raise WrongBackupPassphrase()
    return content


def _open_wrapped(parsed: _Parsed, wrap: str, key: bytes) -> _Content | None:
    """The content under the content key that `key` unwraps from `wrap`; None if it does not."""
    try:
        content_key = p.open_sealed(key, parsed.header["wraps"][wrap], _AAD_WRAP + wrap.encode())
    except DecryptError:
        return None
    content = _open_content(parsed, content_key)
    if content is None:  # the wrap opened (intact, the right key) but the content does not
        raise BackupDamaged(reason="the contents do not open")
    return content


def _open_content(parsed: _Parsed, key: bytes) -> _Content | None:
    """The decoded content sealed under `key`; None if it does not open (a wrong key)."""
    try:
        plain = p.open_sealed(key, parsed.sealed, _AAD + parsed.head)
    except DecryptError:
        return None
    try:
        doc = msgpack.unpackb(zlib.decompress(plain), raw=False)
        found = doc["files"]
        if not isinstance(found, dict) or keystore.KEYSTORE_FILE not in found:
            raise ValueError("no keystore")
        files = {str(k): bytes(v) for k, v in found.items()}
        if parsed.version == 1:
            return _Content(files, None, None)
        keys = doc["keys"]
        master, identity = keys["master"], keys["identity"]
        if not isinstance(master, bytes) or len(master) != p.KEY_LEN:
            raise ValueError("no master key")
        if not isinstance(identity, bytes):
            raise ValueError("no identity")
        return _Content(files, master, identity)
    except _BAD:
        raise BackupDamaged(reason="the contents do not decode") from None
