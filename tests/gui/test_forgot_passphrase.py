"""The unlock screen's "Forgot your passphrase?" (gui/dialogs/forgot.py, service/restore_over.py):
a real backup restored by the recovery key from the unlock screen, in place of the locked data
folder, which is renamed and kept whole; a wrong key writes nothing; starting again sets the
folder aside only after an explicit yes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from coopshare.crypto import primitives as p
from coopshare.errors import WrongBackupRecoveryKey, WrongPassphrase
from coopshare.gui import theme
from coopshare.gui.dialogs.forgot import ForgotDialog
from coopshare.gui.dialogs.unlock import UnlockDialog
from coopshare.gui.errors_text import error_text
from coopshare.identity import keystore, recovery
from coopshare.model.items import Kind
from coopshare.service import backup
from coopshare.service import home as homes
from tests.gui.test_theme import contrast
from tests.netutil import PASS

NEW = "een nieuwe wachtwoordzin"
WAIT = 60_000


def _tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` (names relative to it) with the SHA-256 of its bytes."""
    return {
        str(f.relative_to(folder)): hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted(folder.rglob("*"))
        if f.is_file()
    }


def _titles(home: Path, passphrase: str) -> list[str]:
    coop = homes.open_coop(home, passphrase)
    try:
        return sorted(str(n.value("title")) for n in coop.items(Kind.NOTE))
    finally:
        coop.store.close()


@pytest.fixture
def locked(tmp_path: Path) -> tuple[Path, Path, str]:
    """A data folder in a cooperative, a backup of it by Anna, and then one more note that only
    the locked folder holds; returns (home, backup file, Anna's recovery key)."""
    home = tmp_path / "coopshare"
    homes.init(home, "Anna de Vries", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("Brabant Interim")
    coop.add_note("In de backup", "gemaakt voor de backup")
    coop.store.close()
    dest = tmp_path / "anna.coopbackup"
    backup.create_backup(home, PASS, dest)
    coop = homes.open_coop(home, PASS)
    coop.add_note("Na de backup", "alleen in de vergrendelde map")
    coop.store.close()
    member_key = keystore.unlock(home, PASS).identity.member_key
    assert member_key is not None
    return home, dest, recovery.encode(p.seed_of(member_key))


def _forgot(qtbot: QtBot, home: Path) -> tuple[UnlockDialog, ForgotDialog]:
    unlock = UnlockDialog(home, in_coop=True)
    qtbot.addWidget(unlock)
    unlock.show()
    assert unlock.forgot_button.isVisible()
    unlock.forgot_button.click()
    forgot = unlock.forgot_dialog
    assert forgot is not None
    qtbot.waitUntil(forgot.isVisible)
    return unlock, forgot


def test_restore_by_recovery_key_from_the_unlock_screen(
    qtbot: QtBot, tmp_path: Path, locked: tuple[Path, Path, str]
) -> None:
    home, dest, code = locked
    other = homes.init(tmp_path / "bert", "Bert", "b").member_key
    assert other is not None
    other_code = recovery.encode(p.seed_of(other))  # well-formed, another member's
    before, around = _tree(home), sorted(x.name for x in tmp_path.iterdir())

    unlock, forgot = _forgot(qtbot, home)
    kept = tmp_path / forgot.kept.name
    assert kept.name.startswith("coopshare-locked-") and kept.name in forgot.kept_note.text()
    forgot.restore_button.click()
    restore = forgot.restore_dialog
    assert restore is not None
    qtbot.waitUntil(restore.isVisible)
    assert restore.forgot.isChecked() and restore.recovery_edit.isVisible()
    assert kept.name in restore.kept_note.text()  # shown before anything happens
    restore.file_edit.setText(str(dest))
    restore.new_edit.setText(NEW)
    restore.repeat_edit.setText(NEW)

    # control: another member's key is refused with its typed error, and nothing is written
    restore.recovery_edit.setText(other_code)
    restore.start()
    qtbot.waitUntil(lambda: restore.message.isVisible(), timeout=WAIT)
    assert restore.message.text() == error_text(WrongBackupRecoveryKey())
    assert _tree(home) == before and sorted(x.name for x in tmp_path.iterdir()) == around
    assert not unlock.result() and restore.isVisible()

    restore.recovery_edit.setText(code)
    with qtbot.waitSignal(unlock.accepted, timeout=WAIT):
        restore.start()
        restore.reject()  # not while restoring: the app must learn how it ended
        assert restore.isVisible()
    assert unlock.passphrase == NEW and not unlock.needs_coop and not unlock.start_over
    # the locked folder: renamed, kept whole, still opens with the old passphrase
    assert _tree(kept) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == sorted([*around, kept.name])
    # the data folder: the backup's content, under the new passphrase only
    with pytest.raises(WrongPassphrase):
        keystore.unlock(home, PASS)
    assert _titles(home, NEW) == ["In de backup"]
    assert _titles(kept, PASS) == ["In de backup", "Na de backup"]


def test_a_wrong_recovery_key_leaves_the_unlock_screen_as_it_was(
    qtbot: QtBot, tmp_path: Path, locked: tuple[Path, Path, str]
) -> None:
    """A key with a typing error never reaches the file; the dialog can be left with nothing
    changed, and the passphrase still unlocks (the restore path is an offer, not a step)."""
    home, dest, code = locked
    before = _tree(home)
    unlock, forgot = _forgot(qtbot, home)
    forgot.restore_button.click()
    restore = forgot.restore_dialog
    assert restore is not None
    restore.file_edit.setText(str(dest))
    typo = ("B" if code[0] == "A" else "A") + code[1:]  # the first letter (the last one
    restore.recovery_edit.setText(typo)  # carries padding bits the checksum may not see)
    restore.new_edit.setText(NEW)
    restore.repeat_edit.setText(NEW)
    restore.start()
    assert "recovery key" in restore.message.text().lower()  # RecoveryCodeInvalid, at once
    restore.reject()
    forgot.reject()
    assert _tree(home) == before and not forgot.kept.exists()
    unlock.field.setText(PASS)
    with qtbot.waitSignal(unlock.accepted, timeout=WAIT):
        unlock.unlock()
        assert not unlock.forgot_button.isEnabled()  # not while the folder is being opened
    assert unlock.passphrase == PASS


def test_start_again_sets_the_folder_aside_only_after_yes(
    qtbot: QtBot, tmp_path: Path, locked: tuple[Path, Path, str]
) -> None:
    home, _dest, _code = locked
    before = _tree(home)
    unlock, forgot = _forgot(qtbot, home)
    forgot.start_button.click()
    box = forgot.confirm_box
    assert box is not None and forgot.kept.name in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()  # control: no, nothing moves
    assert _tree(home) == before and not forgot.kept.exists() and forgot.isVisible()

    forgot.start_button.click()
    box = forgot.confirm_box
    assert box is not None
    with qtbot.waitSignal(unlock.accepted, timeout=WAIT):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert unlock.start_over and unlock.passphrase is None
    assert not homes.is_initialised(home) and _tree(forgot.kept) == before


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_forgot_link_reads_at_4_5_to_1(qtbot: QtBot, qapp: QApplication, mode: str) -> None:
    """The link is drawn in the palette's link colour on the dialog's background: its darkest
    (light) or lightest (dark) text pixel against the background is at least 4.5:1. Control:
    the same measure of the link drawn in the palette's disabled text colour is below it."""
    theme.apply(qapp, mode)
    try:
        unlock = UnlockDialog(Path("/nonexistent"), in_coop=True)
        qtbot.addWidget(unlock)
        unlock.show()
        qtbot.waitUntil(unlock.forgot_button.isVisible)
        background = unlock.palette().color(QPalette.ColorRole.Window)

        def best(widget: QWidget) -> float:
            image = widget.grab().toImage()
            return max(
                contrast(image.pixelColor(x, y), background)
                for x in range(image.width())
                for y in range(image.height())
            )

        assert best(unlock.forgot_button) >= 4.5
        dim = unlock.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        unlock.forgot_button.setStyleSheet(f"color: {dim.name()}; border: none; padding: 2px 0;")
        assert best(unlock.forgot_button) < 4.5  # control: the measure fails a dim colour
    finally:
        theme.apply(qapp, "light")


def test_the_app_goes_on_to_its_first_run_after_starting_again(
    qtbot: QtBot,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    locked: tuple[Path, Path, str],
) -> None:
    """gui/app.py: the unlock screen's "Start again" leads to the first-run wizard on the same,
    now empty, data folder (leaving it quits). The dialogs run as a member clicks them; only
    their blocking exec() is replaced, and the log file is not installed."""
    from coopshare.gui import app as gui_app
    from coopshare.gui import i18n, logfile
    from coopshare.gui.dialogs.first_run import FirstRunWizard

    home = locked[0]
    seen: dict[str, object] = {}

    def unlock_exec(self: UnlockDialog) -> int:
        self.forgot_button.click()
        forgot = self.forgot_dialog
        assert forgot is not None
        forgot.start_button.click()
        assert forgot.confirm_box is not None
        forgot.confirm_box.button(QMessageBox.StandardButton.Yes).click()
        seen["kept"] = forgot.kept
        return int(self.result())

    def wizard_exec(self: FirstRunWizard) -> int:
        seen["wizard"] = (self.home, homes.is_initialised(self.home))
        return 0

    monkeypatch.setattr(UnlockDialog, "exec", unlock_exec)
    monkeypatch.setattr(FirstRunWizard, "exec", wizard_exec)
    monkeypatch.setattr(logfile, "install", lambda: None)
    monkeypatch.delenv("COOPSHARE_PASSPHRASE", raising=False)
    monkeypatch.delenv("COOPSHARE_PASSPHRASE_FILE", raising=False)
    try:
        assert gui_app.run(home) == 0
    finally:
        theme.apply(qapp, "light")
        i18n.install(qapp, "en")
    assert seen["wizard"] == (home, False)  # the wizard, on the empty data folder
    kept = seen["kept"]
    assert isinstance(kept, Path) and keystore.unlock(kept, PASS).identity.name == "Anna de Vries"
