"""Restore a backup with the recovery key when the passphrase is forgotten (backup format v2):
real keystores, real Argon2id, real SQLite; another member's key and a mistyped key refused with
nothing written (with the positive control that the right key opens the same file); version-1
files still restore by passphrase; no plaintext and no key in the file."""

from __future__ import annotations

import hashlib
import struct
import time
import zlib
from pathlib import Path

import msgpack
import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import (
    AlreadyInitialised,
    BackupDamaged,
    BackupNeedsPassphrase,
    PassphraseEmpty,
    RecoveryCodeInvalid,
    WrongBackupRecoveryKey,
    WrongPassphrase,
)
from coopshare.identity import keystore, recovery
from coopshare.identity.keys import Identity
from coopshare.model.items import Kind
from coopshare.service import backup
from coopshare.service import home as homes
from coopshare.store.snapshot import database_bytes

PASS = "vergeten wachtwoord 1"
NEW = "nieuw wachtwoord 2"
NOTE_TEXT = "Klant Jansen betaalt per kwartaal NOTE-4471"


def _seed(identity: Identity) -> bytes:
    """The member seed (a device added in person has none: identity/keys.py on main)."""
    assert identity.member_key is not None
    return p.seed_of(identity.member_key)


class Made:
    def __init__(self, root: Path) -> None:
        self.home = root / "anna"
        homes.init(self.home, "Anna de Vries", PASS)
        coop = homes.open_coop(self.home, PASS)
        try:
            coop.create_coop("Brabant Interim")
            coop.add_note("Afspraken", NOTE_TEXT, ["klant"])
            coop.add_note("Tweede", "nog een notitie")
            self.notes = sorted((n.value("title"), n.body) for n in coop.items(Kind.NOTE))
            self.ops = coop.store.count_ops()
            self.me = coop.me
            self.code = recovery.encode(_seed(coop.me))
            self.master = keystore.unlock(self.home, PASS).master_key
        finally:
            coop.store.close()
        self.file = root / "anna.coopbackup"
        backup.create_backup(self.home, PASS, self.file)
        other = root / "bert"
        homes.init(other, "Bert", "bert's wachtwoord")
        self.other_code = recovery.encode(
            _seed(keystore.unlock(other, "bert's wachtwoord").identity)
        )


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return Made(tmp_path_factory.mktemp("herstel"))


def _empty(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


def test_restore_by_recovery_key_opens_with_the_new_passphrase(made: Made, tmp_path: Path) -> None:
    new = tmp_path / "nieuwe-laptop" / "coopshare"
    assert backup.restore_by_recovery_key(made.file, new, made.code, NEW) == "Anna de Vries"
    assert new.stat().st_mode & 0o777 == 0o700
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in new.iterdir() if f.is_file())
    with pytest.raises(WrongPassphrase):  # a new keystore: the forgotten passphrase is gone
        keystore.unlock(new, PASS)
    coop = homes.open_coop(new, NEW)
    try:
        assert coop.me.member_id == made.me.member_id
        assert coop.me.device_id == made.me.device_id  # the same device, moved
        assert coop.coop_name() == "Brabant Interim"
        assert sorted((n.value("title"), n.body) for n in coop.items(Kind.NOTE)) == made.notes
        assert coop.store.count_ops() == made.ops
        coop.add_note("Na het herstel", "schrijven werkt")  # the store takes writes
    finally:
        coop.store.close()
    # the same master key (the rows and owner stamp are under it), under the new passphrase
    assert keystore.unlock(new, NEW).master_key == made.master
    assert (new / "keystore.bin").read_bytes() == (new / "keystore.bak").read_bytes()


def test_another_members_key_and_a_mistyped_key_are_refused(made: Made, tmp_path: Path) -> None:
    new = tmp_path / "nieuw"
    stranger = recovery.encode(p.random_bytes(32))  # well-formed, nobody's
    for code in (made.other_code, stranger):
        with pytest.raises(WrongBackupRecoveryKey):
            backup.restore_by_recovery_key(made.file, new, code, NEW)
        assert _empty(new)
    typo = made.code[:5] + ("A" if made.code[5] != "A" else "B") + made.code[6:]  # in the seed
    with pytest.raises(RecoveryCodeInvalid):
        backup.restore_by_recovery_key(made.file, new, typo, NEW)
    assert _empty(new)
    with pytest.raises(PassphraseEmpty):
        backup.restore_by_recovery_key(made.file, new, made.code, "")
    assert _empty(new)
    # positive control: the right key, written with other spacing and case, opens this file
    spaced = " ".join(made.code.lower().split("-"))
    assert backup.restore_by_recovery_key(made.file, new, spaced, NEW) == "Anna de Vries"


def test_a_file_sealed_for_my_key_with_another_members_identity_is_refused(
    made: Made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crafted file: the recovery wrap is under Anna's key, the identity inside is Bert's."""
    bert = tmp_path / "bert"
    homes.init(bert, "Bert", "b")
    bert_identity = keystore.unlock(bert, "b").identity
    bert_packed = keystore.pack_identity(bert_identity)
    monkeypatch.setattr(keystore, "pack_identity", lambda _identity: bert_packed)
    crafted = tmp_path / "crafted.coopbackup"
    backup.create_backup(made.home, PASS, crafted)
    monkeypatch.undo()
    # positive control: Anna's key does open it, and what is inside is Bert's identity
    parsed = backup._parse(crafted.read_bytes())
    key = backup._recovery_wrap_key(recovery.decode(made.code), parsed.header["rsalt"])
    inside = backup._open_wrapped(parsed, "recovery", key)
    assert inside is not None and inside.identity is not None
    assert keystore.unpack_identity(inside.identity).member_id == bert_identity.member_id
    new = tmp_path / "nieuw"
    with pytest.raises(WrongBackupRecoveryKey):
        backup.restore_by_recovery_key(crafted, new, made.code, NEW)
    assert _empty(new)


def _v1_file(home: Path, passphrase: str, dest: Path) -> None:
    """A backup as version 1 wrote it (content sealed under the passphrase only, no keys)."""
    files = {
        "keystore.bin": (home / "keystore.bin").read_bytes(),
        "coopshare.db": database_bytes(home / "coopshare.db"),
    }
    kdf = keystore.new_kdf()
    header = msgpack.packb({"kdf": kdf, "made": int(time.time())})
    head = b"COOPBKUP" + b"\x01" + struct.pack(">I", len(header)) + header
    plain = zlib.compress(msgpack.packb({"files": files}), 6)
    body = head + p.seal(
        keystore.passphrase_key(passphrase, kdf), plain, b"coopshare/v1/backup" + head
    )
    dest.write_bytes(body + hashlib.sha256(body).digest())


def test_a_version_1_file_still_restores_by_passphrase(made: Made, tmp_path: Path) -> None:
    old = tmp_path / "v1.coopbackup"
    _v1_file(made.home, PASS, old)
    assert old.read_bytes()[8] == 1
    new = tmp_path / "nieuw"
    with pytest.raises(BackupNeedsPassphrase):
        backup.restore_by_recovery_key(old, new, made.code, NEW)
    assert _empty(new)
    assert backup.restore_backup(old, new, PASS) == "Anna de Vries"
    coop = homes.open_coop(new, PASS)
    try:
        assert sorted((n.value("title"), n.body) for n in coop.items(Kind.NOTE)) == made.notes
    finally:
        coop.store.close()


def test_version_2_still_restores_by_passphrase(made: Made, tmp_path: Path) -> None:
    assert made.file.read_bytes()[8] == 2
    new = tmp_path / "nieuw"
    assert backup.restore_backup(made.file, new, PASS) == "Anna de Vries"
    assert keystore.unlock(new, PASS).master_key == made.master


def test_no_note_text_and_no_key_in_the_file(made: Made) -> None:
    data = made.file.read_bytes()
    me = made.me
    secrets = {
        "master key": made.master,
        "member seed": _seed(me),
        "device seed": p.seed_of(me.device_key),
        "kex seed": p.seed_of(me.kex_key),
        "identity": keystore.pack_identity(me),
    }
    # positive controls: the note text is in the source's decrypted view, and the keys really
    # are inside the backup (decrypted), so their absence from the file's bytes means something
    coop = homes.open_coop(made.home, PASS)
    try:
        assert any(NOTE_TEXT in n.body for n in coop.items(Kind.NOTE))
    finally:
        coop.store.close()
    inside = backup._open_by_passphrase(backup._parse(data), PASS)
    assert inside.master == made.master and inside.identity == secrets["identity"]
    assert inside.identity is not None and _seed(me) in inside.identity
    for marker in (NOTE_TEXT, "NOTE-4471", "Anna de Vries", "Brabant Interim", made.code):
        assert marker.encode() not in data, marker
    assert made.code.replace("-", "").encode() not in data
    for what, secret in secrets.items():
        assert secret not in data, what


def test_recovery_restore_never_overwrites_and_damage_is_typed(made: Made, tmp_path: Path) -> None:
    before = (made.home / "keystore.bin").read_bytes()
    with pytest.raises(AlreadyInitialised):
        backup.restore_by_recovery_key(made.file, made.home, made.code, NEW)
    assert (made.home / "keystore.bin").read_bytes() == before
    data = bytearray(made.file.read_bytes())
    data[len(data) // 2] ^= 1
    flipped = tmp_path / "flipped.coopbackup"
    flipped.write_bytes(bytes(data))
    new = tmp_path / "nieuw"
    with pytest.raises(BackupDamaged):
        backup.restore_by_recovery_key(flipped, new, made.code, NEW)
    assert _empty(new)
