"""Safety numbers in the People page (issue 13, item 3): mark a member as verified; a roster
op that gives that member a new device key turns the row into "Key changed" with a warning;
a member whose keys did not change stays verified (control). Offscreen Qt, a running Node."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coopshare.gui.pages.people import PeoplePage
from coopshare.identity.keys import Identity
from coopshare.service import home as homes
from tests.gui.test_people_admin_gui import _admit, _people, _select
from tests.gui.test_people_dialogs import PASS, make_home, start


def _state(page: PeoplePage, name: str) -> str:
    return str(next(r.verified for r in page.members.rows if r.card.name == name))


def _bobs_new_device(bob_home: Path, tmp: Path) -> list[bytes]:
    """Bob's own device signs a second device of his into the roster; its wire ops."""
    bob = homes.open_coop(bob_home, PASS)
    try:
        laptop = Identity.generate("Bob", bob.me.member_key)
        bob.add_device({"member_pk": laptop.member_pk, "name": "Bob", "device": _bundle(laptop)})
        return list(bob.wire_ops())
    finally:
        bob.store.close()


def _bundle(identity: Identity) -> dict[str, bytes]:
    from coopshare.protocol.roster_body import device_bundle

    return device_bundle(identity)


def _mark(page: PeoplePage, qtbot: Any, name: str) -> None:
    _select(page, qtbot, name)
    panel = page.verify
    qtbot.waitUntil(lambda: panel.card is not None and panel.card.name == name)
    assert panel.isVisible() and "Safety number:" in panel.digits.text()
    assert not panel.warning.isVisible()
    qtbot.mouseClick(panel.mark_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _state(page, name) == "✓ Verified", timeout=5000)


def test_mark_verified_then_a_new_key_warns_and_an_unchanged_member_stays_verified(
    tmp_path: Path, qapp: QApplication, qtbot: Any
) -> None:
    home, coop_id = make_home(tmp_path)
    bob_home = _admit(home, tmp_path, "Bob")
    _admit(home, tmp_path, "Carol")
    r = start(home, coop_id)
    try:
        page = _people(r, qtbot, 3)
        assert _state(page, "Bob") == "Not verified"
        for name in ("Bob", "Carol"):
            _mark(page, qtbot, name)
        _select(page, qtbot, "Bob")
        qtbot.waitUntil(lambda: page.verify.card is not None and page.verify.card.name == "Bob")
        assert "Verified" in page.verify.state.text() and not page.verify.mark_button.isVisible()

        wire = _bobs_new_device(bob_home, tmp_path)
        node = r.bridge.runtime._node

        def deliver(c: Any) -> None:
            for w in wire:
                c.apply(w)

        r.bridge.call_sync(node.write(deliver))
        qtbot.waitUntil(lambda: _state(page, "Bob") == "⚠ Key changed", timeout=10_000)
        qtbot.waitUntil(lambda: page.verify.warning.isVisible(), timeout=5000)
        assert page.verify.warning_text.text().startswith("1 new device")
        assert "Key changed" in page.verify.state.text()
        assert _state(page, "Carol") == "✓ Verified"  # control: her keys did not change
        # compared again: verified again
        qtbot.mouseClick(page.verify.mark_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _state(page, "Bob") == "✓ Verified", timeout=5000)
        qtbot.waitUntil(lambda: not page.verify.warning.isVisible(), timeout=5000)
    finally:
        r.bridge.stop()
