"""Keystore: passphrase, recovery code, tampered KDF parameters."""

from __future__ import annotations

from pathlib import Path

import msgpack
import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import KeystoreDamaged, MalformedData, UserError, WrongPassphrase
from coopshare.identity import keystore, recovery
from coopshare.service import home as homes


def test_unlock_change_and_wrong_passphrase(tmp_path: Path) -> None:
    ident = homes.init(tmp_path, "Ann", "one")
    assert keystore.unlock(tmp_path, "one").identity.member_id == ident.member_id
    with pytest.raises(WrongPassphrase):
        keystore.unlock(tmp_path, "two")
    keystore.change_passphrase(tmp_path, "one", "two")
    assert keystore.unlock(tmp_path, "two").identity.device_id == ident.device_id
    with pytest.raises(WrongPassphrase):
        keystore.unlock(tmp_path, "one")


def test_kdf_cost_cannot_be_lowered_by_editing_the_file(tmp_path: Path) -> None:
    homes.init(tmp_path, "Ann", "pw")
    path = tmp_path / keystore.KEYSTORE_FILE
    doc = msgpack.unpackb(path.read_bytes())
    doc["kdf"]["m"] = 8
    del doc["sum"]  # an editor drops the integrity sum (a file without one is still read)
    for name in (keystore.KEYSTORE_FILE, keystore.BACKUP_FILE):  # and edits the copy too
        (tmp_path / name).write_bytes(msgpack.packb(doc))
    with pytest.raises(MalformedData, match="below the allowed minimum"):
        keystore.unlock(tmp_path, "pw")


def test_damaged_keystore_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / keystore.KEYSTORE_FILE).write_bytes(b"\x00garbage")
    with pytest.raises(KeystoreDamaged):
        keystore.unlock(tmp_path, "pw")


def test_recovery_code_round_trip_and_typo() -> None:
    seed = p.random_bytes(32)
    code = recovery.encode(seed)
    assert all(len(g) == 4 for g in code.split("-")[:-1])
    assert recovery.decode(code.lower()) == seed
    broken = ("B" if code[0] != "B" else "C") + code[1:]
    with pytest.raises(UserError, match="checksum"):
        recovery.decode(broken)


def test_restore_member_key_from_recovery_code(tmp_path: Path) -> None:
    first = homes.init(tmp_path / "a", "Ann", "pw")
    code = recovery.encode(p.seed_of(first.member_key))
    second = homes.init(tmp_path / "b", "Ann", "pw", recovery_code=code)
    assert second.member_id == first.member_id
    assert second.device_id != first.device_id
