"""The last free-text errors are typed: each reason raises its own type (the CLI's English line
unchanged), and no module raises a bare UserError or CoopShareError with made-up text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from coopshare import errors as E
from coopshare.cli.net import parse_hostport
from coopshare.identity import keystore
from coopshare.service import home as homes
from coopshare.service import invites
from coopshare.service.coop import Coop
from coopshare.service.importer import import_folder

from .netutil import PASS

SRC = Path(__file__).resolve().parents[1] / "src" / "coopshare"
BARE = {"UserError", "CoopShareError", "InviteError", "NetworkError"}


def test_addresses(tmp_path: Path) -> None:
    with pytest.raises(E.AddressInvalid) as bad:
        parse_hostport("host:abc")
    assert type(bad.value) is E.AddressInvalid
    assert str(bad.value) == "'host:abc': expected HOST:PORT"  # the line the CLI printed before
    with pytest.raises(E.PortOutOfRange) as out:
        parse_hostport("host:70000")
    assert out.value.fields == {"address": "host:70000"}
    assert parse_hostport("host:0") == ("host", 0)


def test_files_roles_names_and_passphrases(coop_ab: tuple[Coop, Coop], tmp_path: Path) -> None:
    alice, _bob = coop_ab
    with pytest.raises(E.NotAFolder) as nf:
        import_folder(alice, tmp_path / "missing")
    assert nf.value.fields == {"path": str(tmp_path / "missing")}
    with pytest.raises(E.InvalidRole):
        invites.create(alice, "boss", [])
    with pytest.raises(E.NameRequired) as nr:
        homes.init(tmp_path / "x", "  ", PASS)
    assert str(nr.value) == "a name is required (--name)"
    home = tmp_path / "h"
    homes.init(home, "Anna", PASS)
    with pytest.raises(E.PassphraseEmpty):
        keystore.change_passphrase(home, PASS, "")
    keystore.unlock(home, PASS)  # unchanged


def _bare_raises(path: Path) -> list[int]:
    """Lines that call a non-leaf error type with a text of their own."""
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name | ast.Attribute)
            and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) in BARE
        ):
            out.append(node.lineno)
    return out


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_free_text_user_errors(path: Path) -> None:
    assert not _bare_raises(path), f"{path.name}: raise a typed error (errors.py) instead"


def test_the_free_text_check_catches_one(tmp_path: Path) -> None:
    bad = tmp_path / "x.py"
    bad.write_text(
        "raise UserError('nope')\nraise E.NetworkError('x')\nraise E.DiskFull(path='p')\n"
    )
    assert _bare_raises(bad) == [1, 2]
