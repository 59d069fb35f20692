"""Pairing in person in the app (issue 13, item 3): the admin's dialog shows a code and an
address, the newcomer's dialog takes them, both show the same six digits, both confirm, and
the newcomer's dialog returns an invitation that really admits them (joined over loopback).
A declined comparison hands over nothing. Offscreen Qt, a running Node."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt

from coopshare.gui.dialogs.pairing import PairGuestDialog, PairHostDialog
from coopshare.service import api
from coopshare.service import home as homes
from tests.gui.test_people_dialogs import PASS, Running, running

__all__ = ["running"]


def _dialogs(r: Running, qtbot: Any) -> tuple[PairHostDialog, PairGuestDialog]:
    host = PairHostDialog(r.bridge, "member", listen=("127.0.0.1", 0))
    guest = PairGuestDialog()
    for d in (host, guest):
        qtbot.addWidget(d)
        d.show()
    qtbot.waitUntil(lambda: host.address.text().startswith("127.0.0.1:"), timeout=5000)
    guest.code_edit.setText(host.code.text())
    guest.addr_edit.setText(host.address.text())
    qtbot.mouseClick(guest.pair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: host.digits.isVisible() and guest.digits.isVisible(), timeout=10_000)
    return host, guest


def test_an_admin_pairs_a_newcomer_who_then_joins(
    running: Running, qtbot: Any, tmp_path: Path
) -> None:
    host, guest = _dialogs(running, qtbot)
    assert host.digits.text() == guest.digits.text()  # the same six digits on both screens
    assert len(host.digits.text().replace(" ", "")) == 6
    qtbot.mouseClick(guest.same_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(host.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(guest.invitation_text), timeout=10_000)
    qtbot.waitUntil(lambda: "Paired" in host.status.text(), timeout=5000)
    invitation = api.parse_invitation(guest.invitation_text)
    assert invitation.role == "member" and invitation.coop_name == "Brabant Interim"
    # the invitation really admits the newcomer (dialled on loopback only)
    port = int(invitation.addrs[0].rsplit(":", 1)[1])
    bob = tmp_path / "bob"
    homes.init(bob, "Bob", PASS)
    name, _received = asyncio.run(api.join(bob, PASS, invitation, [("127.0.0.1", port)], 60))
    assert name == "Brabant Interim"
    assert running.db(lambda c: sorted(c.member_name(m) for m in c.roster.members)) == [
        "Anna de Vries",
        "Bob",
    ]


def test_a_declined_comparison_hands_over_nothing(running: Running, qtbot: Any) -> None:
    host, guest = _dialogs(running, qtbot)
    qtbot.mouseClick(guest.differ_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(host.same_button, Qt.MouseButton.LeftButton)  # the host said yes: no matter
    qtbot.waitUntil(lambda: "Pairing failed" in host.status.text(), timeout=10_000)
    assert host.invitation is None and not guest.invitation_text
    left = running.bridge.call_sync(running.bridge.runtime.db(lambda a: a.open_invites()))
    assert left == []  # no invitation was even made


def test_the_invite_dialog_and_the_join_form_open_the_pairing(
    running: Running, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coopshare.gui.dialogs import pairing
    from coopshare.gui.dialogs.coop_form import CoopForm
    from coopshare.gui.dialogs.invite import InviteDialog

    monkeypatch.setattr(pairing, "LISTEN", ("127.0.0.1", 0))  # loopback only in tests

    invite = InviteDialog(running.bridge)
    qtbot.addWidget(invite)
    invite.show()
    qtbot.waitUntil(invite.pair_button.isEnabled, timeout=5000)  # Anna is an admin
    qtbot.mouseClick(invite.pair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: invite.findChild(PairHostDialog) is not None, timeout=5000)
    host = invite.findChild(PairHostDialog)
    assert host is not None and host.role == "member"
    qtbot.waitUntil(lambda: ":" in host.address.text(), timeout=5000)
    assert host.address.text().startswith("127.0.0.1:")
    port = host.address.text().rsplit(":", 1)[1]

    form = CoopForm(tmp_path / "bob")
    qtbot.addWidget(form)
    form.show()
    form.join_radio.setChecked(True)
    qtbot.mouseClick(form.pair_button, Qt.MouseButton.LeftButton)
    guest = form.findChild(PairGuestDialog)
    assert guest is not None
    guest.code_edit.setText(host.code.text())
    guest.addr_edit.setText(f"127.0.0.1:{port}")
    qtbot.mouseClick(guest.pair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: host.digits.isVisible() and guest.digits.isVisible(), timeout=10_000)
    assert host.digits.text() == guest.digits.text()
    qtbot.mouseClick(host.same_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(guest.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.invitation is not None, timeout=10_000)
    assert form.token_edit.toPlainText().startswith("coopshare-invite:")
    host.close()
