"""A new device of mine, paired in person in the app (issue 13, items 2 and 3): the new computer's
first run ("This is another device of mine…") shows a code and an address, My devices → Add my
device… on the running device takes them, both show the same six digits, both confirm, and the
new computer joins with no admin step and no recovery key: it is listed in My devices and holds
no member key. Offscreen Qt, a real running Node on loopback, no mocks of the core."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from coopshare.gui.app import application
from coopshare.gui.bridge import Bridge
from coopshare.gui.dialogs import first_run
from coopshare.gui.dialogs.my_devices import MyDevicesDialog
from coopshare.gui.dialogs.pair_device import AddMyDeviceDialog, NewDeviceDialog
from coopshare.gui.dialogs.recovery import ShowRecoveryDialog
from coopshare.service import api
from coopshare.service import home as homes
from tests.gui.test_people_dialogs import PASS, make_home

NEW_PASS = "another long passphrase"
ORG = "Zorggroep-MARKER-3391"


@pytest.fixture
def anna(tmp_path: Path, qapp: QApplication) -> Iterator[Bridge]:
    """Anna's running device, listening on loopback only, with a lead with sealed details."""
    home, _coop_id = make_home(tmp_path)
    coop = homes.open_coop(home, PASS)
    try:
        coop.add_lead({"title": "Interim CFO", "org": ORG, "referral_terms": "thanks"})
    finally:
        coop.store.close()
    application()
    bridge = Bridge()
    bridge.open(home, PASS)
    opts = api.NetworkOptions(host="127.0.0.1", port=0, mdns=False, meetup=False, peers=[])
    bridge.call_sync(bridge.runtime.start_network(opts))
    try:
        yield bridge
    finally:
        bridge.stop()


def _paired(anna: Bridge, qtbot: Any, new_home: Path) -> tuple[NewDeviceDialog, AddMyDeviceDialog]:
    new = NewDeviceDialog(new_home, listen=("127.0.0.1", 0))
    old = AddMyDeviceDialog(anna)
    for d in (new, old):
        qtbot.addWidget(d)
        d.show()
    assert not new.start_button.isEnabled()  # no passphrase yet
    new.pass_edit.setText(NEW_PASS)
    new.repeat_edit.setText(NEW_PASS)
    assert new.start_button.isEnabled()
    qtbot.mouseClick(new.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: new.address.text().startswith("127.0.0.1:"), timeout=5000)
    old.code_edit.setText(new.code.text())
    old.addr_edit.setText(new.address.text())
    qtbot.mouseClick(old.pair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: new.digits.isVisible() and old.digits.isVisible(), timeout=10_000)
    return new, old


def test_my_new_computer_pairs_in_person_and_joins_without_the_recovery_key(
    anna: Bridge, qtbot: Any, tmp_path: Path
) -> None:
    new_home = tmp_path / "new"
    new, old = _paired(anna, qtbot, new_home)
    assert new.digits.text() == old.digits.text()  # the same six digits on both screens
    qtbot.mouseClick(old.same_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(new.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: new.result() == QDialog.DialogCode.Accepted, timeout=90_000)
    assert new.passphrase == NEW_PASS and new.coop_name == "Brabant Interim"
    qtbot.waitUntil(lambda: "Paired" in old.status.text(), timeout=5000)
    # the new computer is one of Anna's devices, holds no member key, and reads her sealed lead
    door = api.open_api(new_home, NEW_PASS)
    try:
        assert not door.holds_member_key()
        assert [d.this_device for d in door.my_devices()] == [True, False]
        orgs = [st.value("org") for st in door.items(api.Kind.LEAD)]
    finally:
        door.close()
    assert ORG in orgs  # sealed to Anna's first device before this one existed
    # My devices on Anna's running device lists it
    dialog = MyDevicesDialog(anna)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: len(dialog.devices) == 2, timeout=10_000)
    assert dialog.pair_button.isEnabled()  # Anna's device holds the member key


def test_a_declined_comparison_makes_nothing_on_the_new_computer(
    anna: Bridge, qtbot: Any, tmp_path: Path
) -> None:
    new_home = tmp_path / "new"
    new, old = _paired(anna, qtbot, new_home)
    qtbot.mouseClick(old.same_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(new.differ_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Pairing failed" in new.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: "Pairing failed" in old.status.text(), timeout=10_000)
    assert not old.granted and not api.is_initialised(new_home)
    left = anna.call_sync(anna.runtime.db(lambda a: a.open_invites()))
    assert left == []  # no device invitation was even made
    assert new.start_button.isEnabled()  # the person can try again


def test_the_first_run_offers_another_device_of_mine(
    qapp: QApplication, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coopshare.gui.dialogs import pair_device

    home = tmp_path / "fresh"
    wizard = first_run.FirstRunWizard(home)
    qtbot.addWidget(wizard)
    button = wizard.welcome_page.device_button
    assert button.text() == "This is another device of mine…"
    opened: list[NewDeviceDialog] = []

    def exec_(self: NewDeviceDialog) -> int:  # the dialog itself is driven in the tests above
        opened.append(self)
        self.passphrase = self.passphrase_typed = NEW_PASS
        return 1

    monkeypatch.setattr(pair_device.NewDeviceDialog, "exec", exec_)
    wizard.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].home == home
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.passphrase == NEW_PASS


def test_a_device_added_in_person_cannot_add_another(
    anna: Bridge, qtbot: Any, tmp_path: Path
) -> None:
    new_home = tmp_path / "new"
    new, old = _paired(anna, qtbot, new_home)
    qtbot.mouseClick(old.same_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(new.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: new.result() == QDialog.DialogCode.Accepted, timeout=90_000)
    bridge = Bridge()
    bridge.open(new_home, NEW_PASS)  # no network: only its My devices dialog
    try:
        dialog = MyDevicesDialog(bridge)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: len(dialog.devices) == 2, timeout=10_000)
        qtbot.waitUntil(lambda: not dialog.pair_button.isEnabled(), timeout=5000)
        assert "member key" in dialog.pair_button.toolTip()
        # Settings → Show recovery key says why it has none (the first device shows it)
        recovery = ShowRecoveryDialog(bridge, new_home)
        qtbot.addWidget(recovery)
        recovery.passphrase.setText(NEW_PASS)
        recovery.reveal()
        qtbot.waitUntil(lambda: "member key" in recovery.error.text(), timeout=30_000)
        assert recovery.code is None and not recovery.code_label.isVisible()
    finally:
        bridge.stop()
