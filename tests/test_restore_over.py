"""service/restore_over.py: a backup restored in place of a locked data folder never overwrites
or deletes that folder, and a failure at any step leaves the data folder as it was."""

from __future__ import annotations

import datetime
import hashlib
import shutil
from pathlib import Path

import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import DataFolderMismatch, DataFolderNotReplaced
from coopshare.identity import keystore, recovery
from coopshare.service import backup, restore_over
from coopshare.service import home as homes
from tests.netutil import PASS

NEW = "een nieuwe wachtwoordzin"
DAY = datetime.date(2026, 12, 7)


def _tree(folder: Path) -> dict[str, str]:
    return {
        str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


def _names(folder: Path) -> list[str]:
    return sorted(x.name for x in folder.iterdir())


def _anna(tmp_path: Path) -> tuple[Path, Path, str]:
    home = tmp_path / "coopshare"
    homes.init(home, "Anna de Vries", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("Brabant Interim")
    coop.store.close()
    dest = tmp_path / "anna.coopbackup"
    backup.create_backup(home, PASS, dest)
    key = keystore.unlock(home, PASS).identity.member_key
    assert key is not None
    return home, dest, recovery.encode(p.seed_of(key))


def test_the_kept_name_is_beside_the_folder_and_never_taken(tmp_path: Path) -> None:
    home = tmp_path / "coopshare"
    home.mkdir()
    first = restore_over.kept_folder_for(home, DAY)
    assert first == tmp_path / "coopshare-locked-2026-12-07"
    first.mkdir()
    assert restore_over.kept_folder_for(home, DAY) == tmp_path / "coopshare-locked-2026-12-07-2"


def test_a_taken_kept_name_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    home, dest, code = _anna(tmp_path)
    kept = restore_over.kept_folder_for(home, DAY)
    kept.mkdir()
    (kept / "iets").write_text("van iemand anders")
    before, around = _tree(home), _names(tmp_path)
    with pytest.raises(DataFolderNotReplaced):
        restore_over.restore_over(dest, home, kept, recovery_code=code, new_passphrase=NEW)
    assert _tree(home) == before and _names(tmp_path) == around
    assert (kept / "iets").read_text() == "van iemand anders"


def test_a_restore_that_fails_after_writing_leaves_nothing_behind(tmp_path: Path) -> None:
    """The backup's database belongs to another keystore: the restore writes the files, opens
    them and fails (DataFolderMismatch); the folder it wrote into goes too, and the data folder
    is untouched. Control: the same steps with a sound backup restore."""
    home, _dest, code = _anna(tmp_path)
    bert = tmp_path / "bert"
    homes.init(bert, "Bert", "b")
    mixed = tmp_path / "mixed"
    shutil.copytree(home, mixed)
    shutil.copy(bert / "coopshare.db", mixed / "coopshare.db")
    crafted = tmp_path / "crafted.coopbackup"
    backup.create_backup(mixed, PASS, crafted)
    shutil.rmtree(mixed)
    kept = restore_over.kept_folder_for(home, DAY)
    before, around = _tree(home), _names(tmp_path)
    with pytest.raises(DataFolderMismatch):
        restore_over.restore_over(crafted, home, kept, recovery_code=code, new_passphrase=NEW)
    assert _tree(home) == before and _names(tmp_path) == around  # no ".coopshare.restoring-…"
    done = restore_over.restore_over(
        tmp_path / "anna.coopbackup", home, kept, recovery_code=code, new_passphrase=NEW
    )
    assert done.name == "Anna de Vries" and _tree(done.kept) == before


def test_when_the_restored_folder_cannot_take_the_name_the_locked_one_gets_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, dest, code = _anna(tmp_path)
    kept = restore_over.kept_folder_for(home, DAY)
    before, around = _tree(home), _names(tmp_path)
    rename = Path.rename

    def failing(self: Path, target: Path) -> Path:  # a failpoint on the last step only
        if self.name.startswith(".coopshare.restoring-"):
            raise OSError(28, "No space left on device")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(DataFolderNotReplaced) as caught:
        restore_over.restore_over(dest, home, kept, recovery_code=code, new_passphrase=NEW)
    assert caught.value.fields["reason"] == "No space left on device"
    assert _tree(home) == before and _names(tmp_path) == around
    keystore.unlock(home, PASS)  # still the locked folder, under its own passphrase


def test_setting_aside_renames_and_keeps(tmp_path: Path) -> None:
    home, _dest, _code = _anna(tmp_path)
    before = _tree(home)
    kept = restore_over.kept_folder_for(home, DAY)
    restore_over.set_aside(home, kept)
    assert not home.exists() and _tree(kept) == before
    with pytest.raises(DataFolderNotReplaced):  # never over an existing folder
        restore_over.set_aside(tmp_path / "bert", kept)
