"""Encrypted backup of a data folder (identity + data) to one file, and restore into a new one.

File layout, version 1 (integers big-endian)::

    magic    8 bytes  b"COOPBKUP"
    version  1 byte   1
    hlen     u32      length of the header
    header   msgpack  {"kdf": {salt, t, m, p}, "made": unix seconds}
    sealed   ChaCha20-Poly1305(key, zlib(msgpack {"files": {name: bytes}})), nonce first;
             AAD = every byte before it
    sum      32 bytes SHA-256 of every byte before it

The key is Argon2id of the passphrase with the keystore's own KDF and cost
(identity/keystore.py), under a fresh salt. The passphrase is the data folder's own: making a
backup first checks that it unlocks the keystore, so the restored folder opens with it too.
A file whose bytes do not match ``sum`` is damaged (``BackupDamaged``); an intact file that
does not open is a wrong passphrase (``WrongBackupPassphrase``).

Inside: ``keystore.bin``, a consistent snapshot of ``coopshare.db`` (store/snapshot.py, taken
while a node may be running) and ``gui.ini`` if present. Restore writes them into a folder that
holds no identity or database yet (mode 0700, files 0600), the keystore twice (``.bin`` and its
copy ``.bak``), then opens the folder to check it. The restored device has the same device key
as the original: use it instead of the original computer, not beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import struct
import time
import zlib
from pathlib import Path
from typing import Any

import msgpack

from coopshare.crypto import primitives as p
from coopshare.errors import (
    BackupDamaged,
    DecryptError,
    MalformedData,
    PassphraseRequired,
    WrongBackupPassphrase,
)
from coopshare.identity import keystore
from coopshare.service import datafolder
from coopshare.service import home as homes
from coopshare.service.outfiles import write_private
from coopshare.store import files as store_files
from coopshare.store.db import DB_FILE
from coopshare.store.snapshot import database_bytes

MAGIC = b"COOPBKUP"
VERSION = 1
SUFFIX = ".coopbackup"
PREFS_FILE = "gui.ini"
_U32 = struct.Struct(">I")
_AAD = b"coopshare/v1/backup"
_MAX_HEADER = 4096


def create_backup(home: Path, passphrase: str | None, dest: Path) -> int:
    """Write an encrypted backup of `home` to `dest`; returns its size in bytes."""
    if not passphrase:
        raise PassphraseRequired()
    keystore.unlock(home, passphrase)  # WrongPassphrase here: the backup would not open later
    main = home / keystore.KEYSTORE_FILE
    files = {
        keystore.KEYSTORE_FILE: (
            main if main.is_file() else home / keystore.BACKUP_FILE
        ).read_bytes(),
        DB_FILE: database_bytes(home / DB_FILE),
    }
    if (home / PREFS_FILE).is_file():
        files[PREFS_FILE] = (home / PREFS_FILE).read_bytes()
    kdf = keystore.new_kdf()
    header = msgpack.packb({"kdf": kdf, "made": int(time.time())})
    head = MAGIC + bytes([VERSION]) + _U32.pack(len(header)) + header
    plain = zlib.compress(msgpack.packb({"files": files}), 6)
    body = head + p.seal(keystore.passphrase_key(passphrase, kdf), plain, _AAD + head)
    data = body + hashlib.sha256(body).digest()
    write_private(dest, lambda f: f.write(data))
    return len(data)


def _parse(data: bytes) -> tuple[bytes, dict[str, Any], bytes]:
    """(head, header, sealed) of an intact backup file, or BackupDamaged."""
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise BackupDamaged(reason="not a CoopShare backup")
    if len(data) < len(MAGIC) + 5 + 32:
        raise BackupDamaged(reason="truncated")
    if data[len(MAGIC)] != VERSION:
        raise BackupDamaged(reason=f"backup version {data[len(MAGIC)]} is not supported")
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
    except (ValueError, TypeError, msgpack.ExtraData, msgpack.FormatError):
        raise BackupDamaged(reason="bad header") from None
    return data[: start + hlen], header, data[start + hlen : -32]


def read_backup(src: Path, passphrase: str) -> dict[str, bytes]:
    """The files in a backup (raises BackupDamaged or WrongBackupPassphrase)."""
    head, header, sealed = _parse(src.read_bytes())
    try:
        key = keystore.passphrase_key(passphrase, header["kdf"])
    except (MalformedData, KeyError, TypeError):
        raise BackupDamaged(reason="key-derivation parameters are invalid") from None
    try:
        plain = p.open_sealed(key, sealed, _AAD + head)
    except DecryptError:
        raise WrongBackupPassphrase() from None
    try:
        doc = msgpack.unpackb(zlib.decompress(plain), raw=False)
        found = doc["files"]
        if not isinstance(found, dict) or keystore.KEYSTORE_FILE not in found:
            raise ValueError("no keystore")
        return {str(k): bytes(v) for k, v in found.items()}
    except (ValueError, TypeError, KeyError, zlib.error, msgpack.ExtraData, msgpack.FormatError):
        raise BackupDamaged(reason="the contents do not decode") from None


def restore_backup(src: Path, home: Path, passphrase: str | None) -> str:
    """Restore a backup into `home` (new or empty of CoopShare data); returns the name of the
    identity restored. Nothing is left behind if it fails."""
    if not passphrase:
        raise PassphraseRequired()
    datafolder.refuse_if_used(home)  # AlreadyInitialised: never overwrite a data folder
    found = read_backup(src, passphrase)
    store_files.private_folder(home)
    names = {
        keystore.KEYSTORE_FILE: found[keystore.KEYSTORE_FILE],
        keystore.BACKUP_FILE: found[keystore.KEYSTORE_FILE],
        DB_FILE: found.get(DB_FILE, b""),
    }
    if PREFS_FILE in found:
        names[PREFS_FILE] = found[PREFS_FILE]
    written: list[Path] = []
    try:
        for name, data in names.items():
            if name == DB_FILE and not data:
                continue  # an old folder without a database: opening makes a new one
            write_private(home / name, lambda f, d=data: f.write(d))  # type: ignore[misc]
            written.append(home / name)
        coop = homes.open_coop(home, passphrase)
        try:
            return coop.me.name
        finally:
            coop.store.close()
    except BaseException:
        for path in (*written, *(home / (DB_FILE + s) for s in store_files.SIDE_FILES)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise
