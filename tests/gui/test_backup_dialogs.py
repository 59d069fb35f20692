"""Backup and restore in the app: the dialogs with real Argon2id on a worker thread."""

from __future__ import annotations

from pathlib import Path

from coopshare.gui.dialogs.backup import BackupDialog, RestoreDialog
from coopshare.gui.dialogs.first_run import FirstRunWizard
from coopshare.model.items import Kind
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
