"""My devices in the app (issue 13, item 2): Bob (not an admin) sees his two devices, names
one, revokes it after a confirmation (a new epoch; the laptop leaves the roster), and makes an
invitation for another device of his. Offscreen Qt, a running Node, real stores."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from coopshare.gui.dialogs.invite import InviteDialog
from coopshare.gui.dialogs.my_devices import MyDevicesDialog
from coopshare.identity.keys import Identity
from coopshare.protocol.roster_body import device_bundle
from coopshare.service import home as homes
from tests.gui.test_people_admin_gui import _admit
from tests.gui.test_people_dialogs import PASS, make_home, start


def _with_laptop(bob_home: Path) -> bytes:
    bob = homes.open_coop(bob_home, PASS)
    try:
        laptop = Identity.generate("Bob", bob.me.member_key)
        bob.add_device(
            {"member_pk": laptop.member_pk, "name": "Bob", "device": device_bundle(laptop)}
        )
        return laptop.device_id
    finally:
        bob.store.close()


def test_bob_names_and_revokes_his_lost_laptop_and_adds_a_device(
    tmp_path: Path, qapp: QApplication, qtbot: Any
) -> None:
    home, coop_id = make_home(tmp_path)
    bob_home = _admit(home, tmp_path, "Bob")
    laptop = _with_laptop(bob_home)
    r = start(bob_home, coop_id)
    try:
        dialog = MyDevicesDialog(r.bridge)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: len(dialog.devices) == 2, timeout=5000)
        assert dialog.devices[0].this_device and dialog.devices[1].device_id == laptop
        assert dialog.buttons[dialog.devices[0].device_id][1] is None  # no revoking myself
        dialog.save_name(laptop, "Old ThinkPad")
        qtbot.waitUntil(lambda: dialog.devices[1].name == "Old ThinkPad", timeout=5000)
        epochs = r.db(lambda c: len(c.roster.epochs))

        revoke = dialog.buttons[laptop][1]
        assert revoke is not None
        qtbot.mouseClick(revoke, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.confirm is not None)
        box = dialog.confirm
        assert box is not None and "Old ThinkPad" in box.text() and "new keys" in box.text()
        yes = box.button(QMessageBox.StandardButton.Yes)
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.devices[1].active, timeout=10_000)
        assert r.db(lambda c: laptop not in c.roster.active)
        assert r.db(lambda c: len(c.roster.epochs)) == epochs + 1
        qtbot.waitUntil(lambda: dialog.buttons[laptop][1] is None, timeout=5000)

        invite = InviteDialog(r.bridge, dialog, device=True)
        qtbot.addWidget(invite)
        invite.show()
        qtbot.waitUntil(invite.create_button.isEnabled, timeout=5000)  # Bob is no admin
        qtbot.mouseClick(invite.create_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: invite.invitation is not None, timeout=5000)
        assert invite.invitation is not None and invite.invitation.role == "device"
        assert "recovery key" in invite.expiry.text()
        left = r.bridge.call_sync(r.bridge.runtime.db(lambda a: a.open_invites()))
        assert [i.role for i in left] == ["device"]
    finally:
        r.bridge.stop()
