"""Encrypted backup and restore: real keys and Argon2id, a round trip into a new data folder,
no plaintext in the file (with a positive control), typed errors, nothing half-restored."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopshare.errors import (
    AlreadyInitialised,
    BackupDamaged,
    WrongBackupPassphrase,
    WrongPassphrase,
)
from coopshare.model.items import Kind
from coopshare.service import backup
from coopshare.service import home as homes

PASS = "correct horse battery staple"
NOTE_MARKER = "NOTITIE-MARKER-5521"
PREFS_MARKER = "PREFS-MARKER-9134"


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, Path]:
    """Anna's data folder, backed up while its store is open (as under a running node)."""
    home = tmp_path / "oud"
    homes.init(home, "Anna de Vries", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("Brabant Interim")
    coop.add_note(f"Titel {NOTE_MARKER}", f"Tekst {NOTE_MARKER}", ["tag"])
    (home / "gui.ini").write_text(f"[General]\npeers={PREFS_MARKER}\n")
    dest = tmp_path / "anna.coopbackup"
    try:
        size = backup.create_backup(home, PASS, dest)
    finally:
        coop.store.close()
    assert size == dest.stat().st_size and dest.stat().st_mode & 0o777 == 0o600
    return home, dest


def test_round_trip_into_a_new_folder(made: tuple[Path, Path], tmp_path: Path) -> None:
    old, dest = made
    new = tmp_path / "nieuwe-computer" / "coopshare"
    assert backup.restore_backup(dest, new, PASS) == "Anna de Vries"
    assert new.stat().st_mode & 0o777 == 0o700
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in new.iterdir() if f.is_file())
    a, b = homes.open_coop(old, PASS), homes.open_coop(new, PASS)
    try:
        assert b.me.member_id == a.me.member_id and b.me.device_id == a.me.device_id
        assert b.coop_name() == "Brabant Interim"
        assert [n.body for n in b.items(Kind.NOTE)] == [f"Tekst {NOTE_MARKER}"]
        assert b.store.count_ops() == a.store.count_ops()
    finally:
        a.store.close()
        b.store.close()
    assert PREFS_MARKER in (new / "gui.ini").read_text()


def test_no_plaintext_in_the_backup_file(made: tuple[Path, Path]) -> None:
    home, dest = made
    data = dest.read_bytes()
    # positive control: the preferences file is plain text in the data folder, and it is in
    # the backup (decrypted) -- yet not readable in the file
    assert PREFS_MARKER.encode() in (home / "gui.ini").read_bytes()
    assert PREFS_MARKER.encode() in backup.read_backup(dest, PASS)["gui.ini"]
    for marker in (PREFS_MARKER, NOTE_MARKER, "Anna de Vries", "Brabant Interim", "SQLite"):
        assert marker.encode() not in data
    assert b"SQLite format 3" in backup.read_backup(dest, PASS)["coopshare.db"]


def test_wrong_passphrase_is_a_typed_error_and_restores_nothing(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    _old, dest = made
    new = tmp_path / "nieuw"
    with pytest.raises(WrongBackupPassphrase) as e:
        backup.restore_backup(dest, new, "verkeerd wachtwoord")
    assert isinstance(e.value, WrongPassphrase)
    assert not new.exists() or not any(new.iterdir())
    with pytest.raises(WrongPassphrase):
        backup.create_backup(made[0], "verkeerd wachtwoord", tmp_path / "x.coopbackup")
    assert not (tmp_path / "x.coopbackup").exists()


def test_damaged_or_truncated_backup(made: tuple[Path, Path], tmp_path: Path) -> None:
    _old, dest = made
    data = bytearray(dest.read_bytes())
    flipped = tmp_path / "flipped.coopbackup"
    data[len(data) // 2] ^= 1
    flipped.write_bytes(bytes(data))
    cut = tmp_path / "cut.coopbackup"
    cut.write_bytes(dest.read_bytes()[:-100])
    other = tmp_path / "other.coopbackup"
    other.write_bytes(b"PK\x03\x04 not a backup at all")
    for bad in (flipped, cut, other):
        new = tmp_path / f"into-{bad.stem}"
        with pytest.raises(BackupDamaged):
            backup.restore_backup(bad, new, PASS)
        assert not new.exists() or not any(new.iterdir())


def test_restore_never_overwrites_a_data_folder(made: tuple[Path, Path]) -> None:
    old, dest = made
    before = (old / "keystore.bin").read_bytes()
    with pytest.raises(AlreadyInitialised):
        backup.restore_backup(dest, old, PASS)
    assert (old / "keystore.bin").read_bytes() == before
