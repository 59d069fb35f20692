"""A guard against a Qt binding that loses references to None and True.

The quit crash (``Fatal Python error: bool_dealloc``, exit 134) came from PySide6 6.12.0 on Python
3.11: every ``Signal.emit()`` called from Python gives back ``True`` without counting the
reference, and every Qt method that returns nothing does the same with ``None``. Each call takes
one reference away; after a few thousand signals the count of ``True`` (or ``None``) reaches
zero, at the latest when the interpreter releases its modules on exit, and Python aborts.
Python 3.12 made these objects immortal, so the bug shows only on 3.11.

``requirements.txt`` pins a binding without the bug and ``pyproject.toml`` excludes 6.12.0 on
Python 3.11. :func:`guard` runs as the app starts (``gui.app.application``): it measures whether the
installed binding loses references (:func:`stolen_references`) and, if it does, makes ``None``,
``True`` and ``False`` as good as immortal (a count no session can use up, which is what Python
3.12 does), and logs a warning, so the app keeps running on such a binding.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("coopshare.gui")

ROUNDS = 64
PIN = 1 << 40  # references added to a singleton: more than any session can lose
SINGLETONS: dict[str, object] = {"None": None, "True": True, "False": False}


class _Probe(QObject):
    ping = Signal(object)


def _qt_calls(probe: _Probe) -> None:
    """What the app does all the time: emit a signal, call a Qt method that returns nothing."""
    probe.ping.emit(1)
    probe.setObjectName("probe")


def stolen_references(
    rounds: int = ROUNDS, work: Callable[[], None] | None = None
) -> dict[str, int]:
    """References to None, True and False that `rounds` rounds of ordinary Qt calls (or of
    `work`) took away and never gave back, per singleton: all 0 on a sound binding."""
    probe = _Probe()
    call = work or (lambda: _qt_calls(probe))
    call()  # first calls may cache things (method wrappers): not counted
    before = {name: sys.getrefcount(obj) for name, obj in SINGLETONS.items()}
    for _ in range(rounds):
        call()
    after = {name: sys.getrefcount(obj) for name, obj in SINGLETONS.items()}
    # a lost reference per round shows as `rounds`; a stray reference held elsewhere is noise
    return {name: max(0, before[name] - after[name]) // rounds for name in SINGLETONS}


def _can_pin() -> bool:
    """CPython 3.11 release build: a PyObject starts with its reference count."""
    return (
        sys.implementation.name == "cpython"
        and sys.version_info < (3, 12)
        and not hasattr(sys, "gettotalrefcount")  # debug builds put other fields first
    )


def pin_singletons() -> None:
    for obj in SINGLETONS.values():
        ctypes.c_ssize_t.from_address(id(obj)).value += PIN


def guard(measure: Callable[[], dict[str, int]] = stolen_references) -> bool:
    """Pin None/True/False if the Qt binding loses references to them; True if it did."""
    if not _can_pin():
        return False  # Python 3.12+: immortal already
    lost = measure()
    if not any(lost.values()):
        return False
    log.warning(
        "this PySide6 loses references to None/True (%s per call); pinned them so the app "
        "cannot abort: install the version in requirements.txt",
        lost,
    )
    pin_singletons()
    return True
