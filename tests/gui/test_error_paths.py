"""Join, unlock and sync failures: the core raises a typed error, the app shows its Dutch sentence.

Each case runs the real path (real keystore and Argon2id, real TLS on loopback, a real closed
port) and asserts the error's *type*, then the text a Dutch user reads. Nothing matches English
message text.
"""

from __future__ import annotations

import asyncio
import inspect
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coopshare import errors as E
from coopshare.gui import i18n
from coopshare.gui.dialogs.coop_form import join_error_text
from coopshare.gui.dialogs.unlock import UnlockDialog
from coopshare.gui.errors_text import error_text
from coopshare.service import api, invites
from coopshare.service import home as homes
from tests.netutil import PASS

LOOPBACK = "127.0.0.1"


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "nl") == "nl"
    try:
        yield
    finally:
        i18n.install(qapp, "en")


def closed_port() -> int:
    """A loopback port that nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return int(s.getsockname()[1])


def admin_home(root: Path) -> Path:
    home = root / "anna"
    homes.init(home, "Anna", PASS)
    api.create_coop(home, PASS, "Kempen")
    return home


def test_join_with_the_inviter_offline_says_unreachable_in_dutch(
    tmp_path: Path, dutch: None
) -> None:
    anna = admin_home(tmp_path)
    port = closed_port()
    door = api.open_api(anna, PASS)
    try:
        made = door.create_invite("member", 3600, (LOOPBACK, port))
    finally:
        door.close()
    invitation = api.parse_invitation(made.text)
    bram = tmp_path / "bram"
    homes.init(bram, "Bram", PASS)
    with pytest.raises(E.PeerUnreachable) as caught:
        asyncio.run(api.join(bram, PASS, invitation, [(LOOPBACK, port)], 5.0))
    assert caught.value.address == f"{LOOPBACK}:{port}"
    where = f"{LOOPBACK}:{port}"
    text = join_error_text(caught.value, where)
    assert text.startswith(f"Kon de uitnodiger op {where} niet bereiken")
    assert "gebruikt" not in text  # not "invitation used": the inviter was simply not there


def test_join_with_an_expired_invitation_is_told_apart(tmp_path: Path, dutch: None) -> None:
    anna = admin_home(tmp_path)
    coop = homes.open_coop(anna, PASS)
    try:
        expired = invites.create(coop, "member", [f"{LOOPBACK}:1"], -60)
    finally:
        coop.store.close()
    bram = tmp_path / "bram"
    homes.init(bram, "Bram", PASS)
    with pytest.raises(E.InviteExpired) as caught:
        asyncio.run(api.join(bram, PASS, expired, [(LOOPBACK, closed_port())], 5.0))
    assert join_error_text(caught.value, "x").startswith("Deze uitnodiging is verlopen")


def test_unlock_with_a_wrong_passphrase_in_dutch(tmp_path: Path, qtbot: QtBot, dutch: None) -> None:
    home = admin_home(tmp_path)
    with pytest.raises(E.WrongPassphrase):
        api.unlocks_without_coop(home, "not the passphrase")
    assert api.unlocks_without_coop(home, PASS) is False  # positive control: the right one opens
    dialog = UnlockDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.setText("not the passphrase")
    dialog.unlock()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    assert dialog.error.text() == "Onjuiste wachtwoordzin. Controleer hem en probeer het opnieuw."
    assert dialog.passphrase is None


def test_unlock_with_a_damaged_keystore_in_dutch(tmp_path: Path, qtbot: QtBot, dutch: None) -> None:
    home = admin_home(tmp_path)
    assert api.unlocks_without_coop(home, PASS) is False  # positive control: intact, it opens
    for name in ("keystore.bin", "keystore.bak"):  # the file and its copy, both damaged
        path = home / name
        if path.exists():
            data = bytearray(path.read_bytes())
            data[len(data) // 2] ^= 0xFF
            path.write_bytes(bytes(data))
    with pytest.raises(E.KeystoreDamaged):
        api.unlocks_without_coop(home, PASS)
    dialog = UnlockDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.setText(PASS)
    dialog.unlock()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    assert dialog.error.text() == (
        f"De gegevensmap kon niet worden geopend: Het sleutelbestand in {home} is beschadigd"
        " en er is geen intacte reservekopie gevonden. Begin opnieuw met je herstelsleutel."
    )
    assert dialog.passphrase is None


def test_join_with_a_used_invitation_is_told_apart_from_an_offline_inviter(
    tmp_path: Path, dutch: None
) -> None:
    anna = admin_home(tmp_path)
    bram, cor = tmp_path / "bram", tmp_path / "cor"
    homes.init(bram, "Bram", PASS)
    homes.init(cor, "Cor", PASS)

    async def run() -> tuple[str, BaseException]:
        inviter = await api.open_runtime(anna, PASS)
        try:
            host, port = await inviter.start_network(
                api.NetworkOptions(host=LOOPBACK, port=0, mdns=False)
            )
            made = await inviter.new_invite("member", 3600)
            invitation = api.parse_invitation(made.text)
            await api.join(bram, PASS, invitation, [(host, port)], 60.0)  # control: it works
            with pytest.raises(E.InviteError) as second:
                await api.join(cor, PASS, invitation, [(host, port)], 30.0)
            return f"{host}:{port}", second.value
        finally:
            await inviter.close()

    where, error = asyncio.run(run())
    assert isinstance(error, E.InviteNotAccepted)  # the inviter was there and said no
    assert error.address == where
    text = join_error_text(error, where)
    assert text == (
        f"De uitnodiger op {where} heeft deze uitnodiging niet geaccepteerd. Waarschijnlijk is"
        " hij al gebruikt of verlopen: vraag om een nieuwe."
    )
    assert "niet bereiken" not in text  # not "unreachable": the inviter answered


def test_sync_to_an_absent_member_and_to_a_stranger_in_dutch(tmp_path: Path, dutch: None) -> None:
    anna = admin_home(tmp_path)
    stranger = tmp_path / "stranger"
    homes.init(stranger, "Sam", PASS)
    api.create_coop(stranger, PASS, "Another coop")

    async def run() -> tuple[BaseException, BaseException]:
        mine = await api.open_runtime(anna, PASS)
        theirs = await api.open_runtime(stranger, PASS)
        try:
            host, port = await theirs.start_network(
                api.NetworkOptions(host=LOOPBACK, port=0, mdns=False)
            )
            absent = closed_port()
            with pytest.raises(E.PeerUnreachable) as offline:
                await mine.sync_with(LOOPBACK, absent, 5.0)
            with pytest.raises(E.KnockRefused) as refused:
                await mine.sync_with(host, port, 5.0)
            return offline.value, refused.value
        finally:
            await mine.close()
            await theirs.close()

    offline, refused = asyncio.run(run())
    assert error_text(offline).startswith("Kon 127.0.0.1:")
    assert "liet dit apparaat niet binnen" in error_text(refused)


def _leaf_errors() -> list[type[E.CoopShareError]]:
    classes = [c for _, c in inspect.getmembers(E, inspect.isclass)]
    tree = [c for c in classes if issubclass(c, E.CoopShareError)]
    return [c for c in tree if not any(o is not c and issubclass(o, c) for o in tree)]


@pytest.mark.parametrize("cls", _leaf_errors(), ids=lambda c: c.__name__)
def test_every_error_type_has_a_dutch_sentence(cls: type[E.CoopShareError], dutch: None) -> None:
    """The GUI's table covers the whole tree: no type falls through to the generic sentence."""
    fields: dict[str, object] = {
        name: "X" for name in getattr(cls, "__annotations__", {}) if name != "detail"
    }
    if "seconds" in fields:
        fields["seconds"] = 3.0
    error = cls("d", **fields)
    assert str(error)  # the English line the CLI prints
    text = error_text(error)
    assert not text.startswith("Er ging iets mis"), cls.__name__


RULES = sorted(v for k, v in vars(E).items() if k.startswith("RULE_"))


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_has_its_own_dutch_sentence(rule: str, dutch: None) -> None:
    text = error_text(E.NotAllowed(rule=rule))
    generic = error_text(E.NotAllowed(rule="a rule this table does not know"))
    assert text != generic and rule not in text  # a sentence, not the English rule code
