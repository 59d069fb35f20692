"""Keystore: passphrase, recovery code, tampered KDF parameters."""

from __future__ import annotations

from pathlib import Path

import msgpack
import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import KeystoreDamaged, MalformedData, UserError, WrongPassphrase
from coopshare.identity import keystore, recovery
from coopshare.service import home as homes


@pytest.mark.usefixtures("default_kdf")  # the production cost, not the suite's floor
def test_new_keystores_use_the_default_cost(tmp_path: Path) -> None:
    homes.init(tmp_path, "Ann", "pw")
    doc = msgpack.unpackb((tmp_path / keystore.KEYSTORE_FILE).read_bytes())
    assert {k: doc["kdf"][k] for k in ("t", "m", "p")} == {"t": 3, "m": 128 * 1024, "p": 2}


def test_unlock_change_and_wrong_passphrase(tmp_path: Path) -> None:
    ident = homes.init(tmp_path, "Ann", "one")
    assert keystore.unlock(tmp_path, "one").identity.member_id == ident.member_id
    with pytest.raises(WrongPassphrase):
        keystore.unlock(tmp_path, "two")
    keystore.change_passphrase(tmp_path, "one", "two")
    assert keystore.unlock(tmp_path, "two").identity.device_id == ident.device_id
    with pytest.raises(WrongPassphrase):
        keystore.unlock(tmp_path, "one")


@pytest.mark.usefixtures("default_kdf")
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
    code = recovery.encode(first.member_seed())
    second = homes.init(tmp_path / "b", "Ann", "pw", recovery_code=code)
    assert second.member_id == first.member_id
    assert second.device_id != first.device_id


# --- damage versus a wrong passphrase; the backup copy ----------------------------------------


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x40
    path.write_bytes(bytes(data))


def _wrapped_offset(path: Path) -> int:
    """An offset inside the passphrase-wrapped master key: damage there fails the same AEAD
    check as a wrong passphrase does."""
    raw = path.read_bytes()
    return raw.index(msgpack.unpackb(raw)["wrapped"]) + 5


def test_wrong_passphrase_is_still_wrong_passphrase(tmp_path: Path) -> None:
    homes.init(tmp_path, "Ann", "right")
    with pytest.raises(WrongPassphrase):
        keystore.unlock(tmp_path, "wrong")
    main = tmp_path / keystore.KEYSTORE_FILE
    _flip(main, _wrapped_offset(main))  # a damaged main file and a wrong passphrase:
    with pytest.raises(WrongPassphrase):  # the intact copy says the passphrase is wrong
        keystore.unlock(tmp_path, "wrong")


def test_a_flipped_byte_falls_back_to_the_copy_and_repairs_the_file(tmp_path: Path) -> None:
    ident = homes.init(tmp_path, "Ann", "pw")
    main, bak = tmp_path / keystore.KEYSTORE_FILE, tmp_path / keystore.BACKUP_FILE
    good = main.read_bytes()
    assert bak.read_bytes() == good
    for offset in (0, 3, len(good) // 2, _wrapped_offset(main), len(good) - 1):
        _flip(main, offset)
        assert main.read_bytes() != good
        assert keystore.unlock(tmp_path, "pw").identity.device_id == ident.device_id
        assert main.read_bytes() == good  # repaired from the copy
    main.unlink()  # gone entirely: the copy still opens, and the file comes back
    assert keystore.unlock(tmp_path, "pw").identity.device_id == ident.device_id
    assert main.read_bytes() == good
    _flip(bak, len(good) // 2)  # a damaged copy is rewritten from the intact file
    keystore.unlock(tmp_path, "pw")
    assert bak.read_bytes() == good


def test_both_copies_damaged_is_keystore_damaged_not_wrong_passphrase(tmp_path: Path) -> None:
    homes.init(tmp_path, "Ann", "pw")
    main, bak = tmp_path / keystore.KEYSTORE_FILE, tmp_path / keystore.BACKUP_FILE
    good = main.read_bytes()
    for offset in range(0, len(good), 7):
        for path in (main, bak):
            path.write_bytes(good)
            _flip(path, offset)
        with pytest.raises(KeystoreDamaged):
            keystore.unlock(tmp_path, "pw")
    # positive control: without the integrity sum (a file of an older version) the same
    # damage inside the wrapped key cannot be told from a wrong passphrase
    doc = msgpack.unpackb(good)
    del doc["sum"]
    legacy = msgpack.packb(doc)
    for path in (main, bak):
        path.write_bytes(legacy)
        _flip(path, _wrapped_offset(path))
    with pytest.raises(WrongPassphrase):
        keystore.unlock(tmp_path, "pw")


def test_a_file_of_an_older_version_gets_its_sum_and_copy(tmp_path: Path) -> None:
    ident = homes.init(tmp_path, "Ann", "pw")
    main, bak = tmp_path / keystore.KEYSTORE_FILE, tmp_path / keystore.BACKUP_FILE
    doc = msgpack.unpackb(main.read_bytes())
    del doc["sum"]
    main.write_bytes(msgpack.packb(doc))
    bak.unlink()
    assert keystore.unlock(tmp_path, "pw").identity.member_id == ident.member_id
    assert "sum" in msgpack.unpackb(main.read_bytes()) and bak.read_bytes() == main.read_bytes()
    assert main.stat().st_mode & 0o777 == 0o600 and bak.stat().st_mode & 0o777 == 0o600


def test_changing_the_passphrase_rewrites_both_copies(tmp_path: Path) -> None:
    homes.init(tmp_path, "Ann", "one")
    keystore.change_passphrase(tmp_path, "one", "two")
    main, bak = tmp_path / keystore.KEYSTORE_FILE, tmp_path / keystore.BACKUP_FILE
    assert main.read_bytes() == bak.read_bytes()
    main.unlink()
    with pytest.raises(WrongPassphrase):  # the copy holds the new passphrase too
        keystore.unlock(tmp_path, "one")
    keystore.unlock(tmp_path, "two")
