"""The restored-folder guard (service/restored.py) in process, with real keystores and backups:
which restores are held, that every authoring path and automatic writer writes nothing while
held, that releasing lets writing resume, and (control) the equivocation a held folder avoids.
The real network path (release by a converged session) is tests/test_restore_seq_net.py."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopshare.errors import RestoredNotCaughtUp
from coopshare.identity import recovery
from coopshare.service import backup, proofs, releases, restore_over, restored, trash
from coopshare.service import home as homes
from coopshare.service.coop import Coop
from tests.conftest import MakeCoop, join, sync
from tests.netutil import PASS


@pytest.fixture
def opened() -> Iterator[list[Coop]]:
    coops: list[Coop] = []
    yield coops
    for c in coops:
        c.store.close()


def _anna(tmp_path: Path, opened: list[Coop], bob: Coop | None) -> tuple[Coop, Path]:
    """Anna's folder (Bob joined when given), a note, a backup, then a note after it that Bob
    receives. Returns Anna's replica and the backup file."""
    home = tmp_path / "anna"
    homes.init(home, "Anna", PASS)
    anna = homes.open_coop(home, PASS)
    opened.append(anna)
    anna.create_coop("Brabant Interim")
    if bob is not None:
        join(anna, bob)
    anna.add_note("Voor", "een", [])
    dest = tmp_path / "anna.coopbackup"
    backup.create_backup(home, PASS, dest)
    anna.add_note("Na", "twee", [])
    if bob is not None:
        sync(anna, bob)
    return anna, dest


def _open(home: Path, opened: list[Coop], passphrase: str = PASS) -> Coop:
    coop = homes.open_coop(home, passphrase)
    opened.append(coop)
    return coop


def test_a_restore_with_other_devices_is_held_and_writes_nothing(
    tmp_path: Path, opened: list[Coop], make_replica: MakeCoop
) -> None:
    bob = make_replica("Bob")
    _, dest = _anna(tmp_path, opened, bob)
    backup.restore_backup(dest, tmp_path / "nieuw", PASS)
    new = _open(tmp_path / "nieuw", opened)
    assert restored.holding(new)
    # Bob's idea commitment arrives: a witness receipt from Anna's device is due
    proofs.commit_idea(bob, bob.add_idea("Gereedschapsbieb", "tekst", "private"))
    sync(bob, new)
    assert new.new_commits and restored.holding(new)  # applying ops is no converged session
    before = new.store.count_ops()
    with pytest.raises(RestoredNotCaughtUp):
        new.add_note("Na het herstel", "drie", [])
    with pytest.raises(RestoredNotCaughtUp):
        new.rotate()  # roster ops too: the one authoring door
    # the automatic writers skip their turn instead of failing
    assert releases.step(new) == 0
    assert proofs.witness_step(new, full=True) == 0
    assert trash.purge_expired(new, now_ms=2**62) == 0
    assert new.store.count_ops() == before
    assert restored.release(new) and not restored.holding(new)
    assert not restored.release(new)  # once
    assert proofs.witness_step(new, full=True) == 1  # control: the receipt was due all along
    new.add_note("Na het vrijgeven", "vier", [])
    assert new.store.count_ops() == before + 2


def test_a_restore_in_a_coop_of_one_device_is_not_held(tmp_path: Path, opened: list[Coop]) -> None:
    """Nobody else can hold ops of this device written after the backup."""
    _anna(tmp_path, opened, None)
    backup.restore_backup(tmp_path / "anna.coopbackup", tmp_path / "nieuw", PASS)
    new = _open(tmp_path / "nieuw", opened)
    assert not restored.holding(new)
    new.add_note("Na het herstel", "drie", [])


def test_restores_by_recovery_key_and_over_a_locked_folder_are_held(
    tmp_path: Path, opened: list[Coop], make_replica: MakeCoop
) -> None:
    anna, dest = _anna(tmp_path, opened, make_replica("Bob"))
    code = recovery.encode(anna.me.member_seed())
    backup.restore_by_recovery_key(dest, tmp_path / "sleutel", code, "nieuw wachtwoord")
    assert restored.holding(_open(tmp_path / "sleutel", opened, "nieuw wachtwoord"))
    locked = tmp_path / "vergrendeld"
    homes.init(locked, "Anna", "vergeten")
    kept = restore_over.kept_folder_for(locked, datetime.date(2026, 12, 7))
    restore_over.restore_over(dest, locked, kept, passphrase=PASS)
    assert restored.holding(_open(locked, opened))


def test_control_writing_at_a_used_seq_is_equivocation_on_the_peer(
    tmp_path: Path, opened: list[Coop], make_replica: MakeCoop
) -> None:
    """What the hold prevents: released at once, the restored copy signs a new op at the seq of
    the note written after the backup, and Bob flags Anna, an honest member."""
    bob = make_replica("Bob")
    anna, dest = _anna(tmp_path, opened, bob)
    backup.restore_backup(dest, tmp_path / "nieuw", PASS)
    new = _open(tmp_path / "nieuw", opened)
    assert bob.store.equivocating_devices() == []
    restored.release(new)
    new.add_note("Na het herstel", "drie", [])
    sync(new, bob)
    assert bob.store.equivocating_devices() == [anna.me.device_id]
