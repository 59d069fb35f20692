"""Hostile review of backup format v2 (service/backup.py): a device added in person (no member
seed) can be backed up and restored by passphrase, and a recovery key on its backup is refused
with nothing written; a crafted header's Argon2id cost is bounded before the KDF runs; wraps
swapped between two backups and a v2 file relabelled v1 open nothing. Each with its control.
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path
from typing import Any

import msgpack
import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import (
    BackupDamaged,
    BackupWithoutRecoveryKey,
    WrongBackupPassphrase,
)
from coopshare.identity import keystore, recovery
from coopshare.identity.keys import Identity
from coopshare.service import backup
from coopshare.service import home as homes

PASS = "een wachtwoord voor de backup"
NEW = "een nieuw wachtwoord 2"


def _seed(identity: Identity) -> bytes:
    assert identity.member_key is not None
    return p.seed_of(identity.member_key)


def _keyless_home(root: Path, member: Identity) -> Path:
    """A data folder like the one a device added in person gets (service/device_link.adopt):
    its own keys, the member's public key and the member key's certificate of its keys.
    Typed loosely: on branch s6-restore alone these names do not exist yet (the test skips)."""
    device_link: Any = pytest.importorskip(
        "coopshare.service.device_link", reason="needs adding my own device in person (main)"
    )
    keys = device_link.new_device_keys()
    signer: Any = member
    make: Any = Identity
    identity = make(
        member.name, None, keys.device_key, keys.kex_key, keys.cert,
        linked_member_pk=member.member_pk,
        linked_msig=signer.certify(keys.device_pk, keys.kex_pk),
    )  # fmt: skip
    home = root / "laptop"
    linked: Any = homes
    linked.init_linked(home, identity, PASS)
    return home


def test_a_device_added_in_person_backs_up_and_restores_by_passphrase_only(
    tmp_path: Path,
) -> None:
    member = Identity.generate("Bob")
    laptop = _keyless_home(tmp_path, member)
    code = recovery.encode(_seed(member))
    file = tmp_path / "laptop.coopbackup"
    backup.create_backup(laptop, PASS, file)  # was: seed_of(None), AttributeError
    wraps = backup._parse(file.read_bytes()).header["wraps"]
    assert set(wraps) == {"passphrase"}  # no seed here, so nothing to wrap under it
    # the member's recovery key: refused, and nothing is written
    target = tmp_path / "by-key"
    with pytest.raises(BackupWithoutRecoveryKey):
        backup.restore_by_recovery_key(file, target, code, NEW)
    assert not target.exists() or not any(target.iterdir())
    # by passphrase it restores, still without the member key
    assert backup.restore_backup(file, tmp_path / "by-pass", PASS) == "Bob"
    restored = keystore.unlock(tmp_path / "by-pass", PASS).identity
    assert restored.member_key is None and restored.member_pk == member.member_pk
    # control: a device that holds the member key gets the recovery wrap, and the same key
    # restores its backup
    keyed = tmp_path / "first"
    homes.init(keyed, "Bob", PASS, recovery_code=code)
    backup.create_backup(keyed, PASS, tmp_path / "first.coopbackup")
    name = backup.restore_by_recovery_key(tmp_path / "first.coopbackup", tmp_path / "k", code, NEW)
    assert name == "Bob"


def _rewrite(data: bytes, version: int | None = None, **header: Any) -> bytes:
    """The same file with its version byte and header fields replaced and its sum fixed (the
    sum is not keyed: anyone can do this)."""
    parsed = backup._parse(data)
    doc = dict(parsed.header) | header
    packed: bytes = msgpack.packb(doc)
    v = parsed.version if version is None else version
    head = backup.MAGIC + bytes([v]) + struct.pack(">I", len(packed)) + packed
    body = head + parsed.sealed
    return body + hashlib.sha256(body).digest()


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, Path]:
    home = tmp_path / "anna"
    homes.init(home, "Anna", PASS)
    file = tmp_path / "anna.coopbackup"
    backup.create_backup(home, PASS, file)
    return home, file


def test_a_crafted_kdf_cost_is_refused_before_argon2_runs(
    made: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _home, file = made
    data = file.read_bytes()
    kdf = backup._parse(data).header["kdf"]
    ran: list[dict[str, int]] = []
    real = p.argon2id

    def spy(secret: bytes, salt: bytes, **cost: int) -> bytes:
        ran.append(cost)
        return real(secret, salt, **cost)

    monkeypatch.setattr(p, "argon2id", spy)
    for hostile in ({"m": 2**32 - 1}, {"t": 2**31}, {"p": 2**24}):
        crafted = tmp_path / "crafted.coopbackup"
        crafted.write_bytes(_rewrite(data, kdf=kdf | hostile))
        with pytest.raises(BackupDamaged):
            backup.read_backup(crafted, PASS)
    assert ran == []  # refused from the header: not one Argon2id run
    # control: the same rewriting with the file's own cost is processed: the KDF runs with the
    # header's values (and the untouched content then opens)
    crafted.write_bytes(_rewrite(data, kdf=kdf))
    assert keystore.KEYSTORE_FILE in backup.read_backup(crafted, PASS)
    assert ran == [{"iterations": kdf["t"], "memory_kib": kdf["m"], "lanes": kdf["p"]}]


def test_wraps_swapped_between_two_backups_and_a_downgrade_open_nothing(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    home, file = made
    other = tmp_path / "other.coopbackup"
    backup.create_backup(home, PASS, other)  # same member, same passphrase, another file
    a, b = file.read_bytes(), other.read_bytes()
    hb = backup._parse(b).header
    code = recovery.encode(_seed(keystore.unlock(home, PASS).identity))
    # b's wraps with their salts (they open under my passphrase and key) in a's file: they give
    # b's content key, and a's content is sealed under a's, bound to a's header
    swapped = tmp_path / "swapped.coopbackup"
    swapped.write_bytes(_rewrite(a, wraps=hb["wraps"], kdf=hb["kdf"], rsalt=hb["rsalt"]))
    with pytest.raises(BackupDamaged):
        backup.read_backup(swapped, PASS)
    with pytest.raises(BackupDamaged):
        backup.restore_by_recovery_key(swapped, tmp_path / "r1", code, NEW)
    # relabelled version 1: the content is opened directly under Argon2id(passphrase): no
    with pytest.raises(WrongBackupPassphrase):
        backup.read_backup(_write(tmp_path / "v1.coopbackup", _rewrite(a, version=1)), PASS)
    # control: both originals open with the same passphrase and key
    assert backup.read_backup(file, PASS) and backup.read_backup(other, PASS)
    assert backup.restore_by_recovery_key(swapped.with_name("other.coopbackup"),
                                          tmp_path / "r2", code, NEW) == "Anna"  # fmt: skip


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
