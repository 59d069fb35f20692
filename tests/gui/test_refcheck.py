"""The quit crash (defect #5, "Fatal Python error: bool_dealloc"): its cause and its guard.

PySide6 6.12.0 on Python 3.11 loses a reference to True on every Signal.emit() and one to None on
every Qt method returning nothing; the counts ran out and Python aborted, mostly at quit. These
tests measure the installed binding (on 6.12.0 the first one reports {'None': 1, 'True': 1}) and
check the guard that keeps the app alive on such a binding.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

from coopshare.gui import refcheck

SOUND = {"None": 0, "True": 0, "False": 0}


def test_the_qt_binding_keeps_its_references_to_none_and_true() -> None:
    lost = refcheck.stolen_references(rounds=256)
    assert lost == SOUND, (
        f"PySide6 {PySide6.__version__} loses references per call ({lost}): on Python 3.11 the "
        "app aborts with bool_dealloc; use the version pinned in requirements.txt"
    )


def test_the_measure_sees_one_lost_reference_per_call() -> None:
    """Positive control: a call that really drops a reference to True is counted as such."""
    decref, incref = ctypes.pythonapi.Py_DecRef, ctypes.pythonapi.Py_IncRef
    decref.argtypes = incref.argtypes = [ctypes.py_object]
    calls = 0

    def thief() -> None:
        nonlocal calls
        calls += 1
        decref(True)

    try:
        lost = refcheck.stolen_references(rounds=256, work=thief)
    finally:
        for _ in range(calls):
            incref(True)  # give back what the thief took
    assert calls == 257
    assert lost == {"None": 0, "True": 1, "False": 0}


def test_the_guard_pins_the_singletons_only_when_references_are_lost() -> None:
    before = {name: sys.getrefcount(obj) for name, obj in refcheck.SINGLETONS.items()}
    assert refcheck.guard(lambda: dict(SOUND)) is False
    for name, obj in refcheck.SINGLETONS.items():
        assert sys.getrefcount(obj) < before[name] + refcheck.PIN // 2, name  # left alone
    assert refcheck.guard(lambda: {"None": 1, "True": 1, "False": 0}) is True
    for name, obj in refcheck.SINGLETONS.items():
        assert sys.getrefcount(obj) > before[name] + refcheck.PIN // 2, name  # pinned
