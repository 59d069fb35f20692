"""Backup and restore in the app: the dialogs with real Argon2id on a worker thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit

from coopshare.crypto import primitives as p
from coopshare.gui.dialogs.backup import BackupDialog, RestoreDialog
from coopshare.gui.dialogs.first_run import FirstRunWizard
from coopshare.identity import keystore, recovery
from coopshare.model.items import Kind
from coopshare.service import backup
from coopshare.service import home as homes
from tests.netutil import PASS


def _make(home: Path) -> None:
    homes.init(home, "Anna de Vries", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("Brabant Interim")
    coop.add_note("Meenemen", "naar de nieuwe laptop")
    coop.store.close()


def test_back_up_then_restore_on_a_new_computer(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old, new = tmp_path / "oud", tmp_path / "nieuw"
    _make(old)
    dest = tmp_path / "anna.coopbackup"
    dialog = BackupDialog(old)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file_edit.setText(str(dest))
    dialog.passphrase_edit.setText("verkeerd")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=30_000)
    assert "Wrong passphrase" in dialog.message.text() and not dest.exists()
    dialog.passphrase_edit.setText(PASS)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        dialog.start()
    assert dest.exists() and "Backup written" in dialog.done_text

    restore = RestoreDialog(new)
    qtbot.addWidget(restore)
    restore.show()
    restore.file_edit.setText(str(dest))
    restore.passphrase_edit.setText("verkeerd")
    restore.start()
    qtbot.waitUntil(lambda: restore.message.isVisible(), timeout=30_000)
    assert "Wrong passphrase" in restore.message.text() and not homes.is_initialised(new)
    restore.passphrase_edit.setText(PASS)
    with qtbot.waitSignal(restore.accepted, timeout=30_000):
        restore.start()
    assert restore.passphrase == PASS and restore.restored_name == "Anna de Vries"
    coop = homes.open_coop(new, PASS)
    try:
        assert [n.value("title") for n in coop.items(Kind.NOTE)] == ["Meenemen"]
    finally:
        coop.store.close()


def test_welcome_page_offers_restore(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(tmp_path / "leeg")
    qtbot.addWidget(wizard)
    assert wizard.welcome_page.restore_button.text() == "Restore from a backup…"


def test_restore_with_the_recovery_key_when_the_passphrase_is_forgotten(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    old, new = tmp_path / "oud", tmp_path / "nieuw"
    _make(old)
    mine = keystore.unlock(old, PASS).identity.member_key
    other = homes.init(tmp_path / "bert", "Bert", "b").member_key
    assert mine is not None and other is not None  # both hold their member key
    code, other_code = recovery.encode(p.seed_of(mine)), recovery.encode(p.seed_of(other))
    dest = tmp_path / "anna.coopbackup"
    backup.create_backup(old, PASS, dest)

    restore = RestoreDialog(new)
    qtbot.addWidget(restore)
    restore.show()
    assert restore.passphrase_edit.isVisible() and not restore.recovery_edit.isVisible()
    assert restore.forgot.text() == "I forgot my passphrase: use my &recovery key"
    restore.forgot.setChecked(True)
    assert not restore.passphrase_edit.isVisible()
    assert restore.recovery_edit.isVisible() and restore.new_edit.isVisible()
    restore.file_edit.setText(str(dest))
    assert restore.recovery_edit.echoMode() == QLineEdit.EchoMode.Password  # the member key
    restore.recovery_edit.setText(code)
    restore.new_edit.setText("kort")  # too short a new passphrase: refused before any work
    restore.repeat_edit.setText("kort")
    restore.start()
    assert "Too short" in restore.message.text() and not restore.busy.isVisible()
    assert not homes.is_initialised(new)
    restore.recovery_edit.setText(other_code)
    restore.new_edit.setText("nieuw wachtwoord")
    restore.repeat_edit.setText("anders")
    restore.start()
    assert "not the same" in restore.message.text() and not restore.busy.isVisible()
    restore.repeat_edit.setText("nieuw wachtwoord")
    restore.start()
    qtbot.waitUntil(lambda: restore.message.isVisible(), timeout=30_000)
    assert "belongs to another member" in restore.message.text()
    assert not homes.is_initialised(new)
    restore.recovery_edit.setText(code)  # positive control: her own key on the same file
    with qtbot.waitSignal(restore.accepted, timeout=30_000):
        restore.start()
    assert restore.passphrase == "nieuw wachtwoord" and restore.restored_name == "Anna de Vries"
    coop = homes.open_coop(new, "nieuw wachtwoord")
    try:
        assert [n.value("title") for n in coop.items(Kind.NOTE)] == ["Meenemen"]
    finally:
        coop.store.close()


def test_a_backup_of_a_device_added_in_person_is_told_apart(qapp) -> None:  # type: ignore[no-untyped-def]
    from coopshare.errors import BackupNeedsPassphrase, BackupWithoutRecoveryKey
    from coopshare.gui import i18n
    from coopshare.gui.errors_text import error_text

    keyless, old = error_text(BackupWithoutRecoveryKey()), error_text(BackupNeedsPassphrase())
    assert "added in person" in keyless and keyless != old  # control: the older-version text
    assert i18n.install(qapp, "nl") == "nl"
    try:
        assert "persoonlijk is gekoppeld" in error_text(BackupWithoutRecoveryKey())
    finally:
        i18n.install(qapp, "en")


def test_a_restored_folder_that_has_not_synced_is_told_why_it_cannot_write(qapp) -> None:  # type: ignore[no-untyped-def]
    from coopshare.errors import RestoredNotCaughtUp, UserError
    from coopshare.gui import i18n
    from coopshare.gui.errors_text import error_text

    said = error_text(RestoredNotCaughtUp())
    assert "restored from a backup" in said and said != error_text(UserError())  # control
    assert i18n.install(qapp, "nl") == "nl"
    try:
        assert "teruggezet uit een back-up" in error_text(RestoredNotCaughtUp())
    finally:
        i18n.install(qapp, "en")
