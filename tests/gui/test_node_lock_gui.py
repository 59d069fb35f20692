"""The app on a data folder that `coopshare serve` already syncs (service/node_lock.py): it opens
and works on the shared store, says once, in plain words, that the other process syncs it, and
starts no second node on the network. Control: with no other process, nothing is said."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from coopshare.gui.app import start_node
from coopshare.gui.settings import Prefs
from coopshare.service import home as homes
from tests.netutil import PASS, serving


@pytest.mark.parametrize("served", [True, False])
def test_the_app_beside_a_serve_says_so_and_works(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served: bool
) -> None:
    home = tmp_path / "anna"
    homes.init(home, "Anna", PASS)
    coop = homes.open_coop(home, PASS)
    coop.create_coop("Gedeeld")
    coop.store.close()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    prefs = Prefs(home)
    prefs.set("mdns", False)
    with serving(home, "--no-mdns") if served else contextlib.nullcontext() as server:
        bridge = start_node(home, PASS, prefs)
        try:
            assert bridge.runtime.has_coop  # the shared store is open and readable
            if served:
                assert len(said) == 1 and "already syncing this data folder" in said[0]
                assert server is not None and str(server.proc.pid) in said[0]
            else:
                assert said == []  # control: the app's own node syncs, nothing to say
        finally:
            bridge.stop()
