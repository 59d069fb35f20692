"""Quitting while a change is still running: the change finishes (and is announced) before the
node closes, and calls made after quitting do not run (no 'closed database', no coroutine left
un-awaited)."""

from __future__ import annotations

import gc
import threading
import time
import warnings
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication

from coopshare.gui.app import application
from coopshare.gui.bridge import Bridge
from coopshare.service import home as homes
from coopshare.service.api import Api
from tests.gui.test_people_dialogs import PASS, make_home


def _wait(cond: object, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not cond():  # type: ignore[operator]
        assert time.monotonic() < end, "condition not met in time"
        time.sleep(0.01)


def test_a_change_running_when_the_app_quits_is_kept(tmp_path: Path, qapp: QApplication) -> None:
    home, _ = make_home(tmp_path)
    application()
    bridge = Bridge()
    bridge.open(home, PASS)
    gate = threading.Event()
    started = threading.Event()

    def slow(a: Api) -> str:
        started.set()
        gate.wait(20)  # the store thread is busy with this change when the user quits
        return a.add_note("Late note", "written while the app was quitting")

    change = bridge.write(slow)
    assert started.wait(20)
    stopper = threading.Thread(target=bridge.stop)
    stopper.start()
    # stop() has begun: it marks the bridge stopped (or, without the wait, the node closing)
    _wait(lambda: getattr(bridge, "_stopped", False) or bridge.runtime._node.closing)
    gate.set()
    stopper.join(40)
    assert not stopper.is_alive()
    # the change finished, announce included: without the wait in stop() the node closed the
    # store and its thread under it, and the change failed (closed database, or the store
    # thread gone)
    note_id = change.result(0)
    assert isinstance(note_id, str) and len(note_id) == 32

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        late = bridge.db(lambda a: a.search("Late"))
        gc.collect()
    assert late.cancelled()  # not left pending forever
    assert not [w for w in caught if "never awaited" in str(w.message)]

    coop = homes.open_coop(home, PASS)
    try:
        state = coop.item(bytes.fromhex(note_id))
    finally:
        coop.store.close()
    assert state is not None and state.fields["title"][0] == "Late note"
