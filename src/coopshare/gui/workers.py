"""Run one blocking call (Argon2id, a join over the network) off the GUI thread.

:func:`run_in_thread` starts a plain Python thread and hands the result back to the Qt main thread
through a queued signal, so the callbacks may touch widgets. It is for the few calls made before
the Node and its :class:`~coopshare.gui.bridge.Bridge` exist (first run, unlock); once the app
runs, use the bridge.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

log = logging.getLogger("coopshare.gui")
T = TypeVar("T")

_pending: set[_Relay] = set()  # keeps each relay alive until its answer was delivered


class _Relay(QObject):
    """Lives on the main thread; the worker emits `done`, Qt queues the delivery there."""

    done = Signal(bool, object)  # (ok, result or exception)

    def __init__(
        self,
        on_ok: Callable[[Any], None],
        on_err: Callable[[BaseException], None],
        context: QObject | None,
    ) -> None:
        super().__init__()
        app = QCoreApplication.instance()
        if app is not None and self.thread() is not app.thread():
            self.moveToThread(app.thread())
        self._on_ok = on_ok
        self._on_err = on_err
        self._alive = True
        # the worker's function and thread: released here, on the GUI thread, only once the
        # thread has ended, so that no widget its closures hold is freed on the worker thread
        self.work: Callable[[], Any] | None = None
        self.worker: threading.Thread | None = None
        self._context = context
        if context is not None:
            context.destroyed.connect(self._context_gone)
        self.done.connect(self._deliver)

    @Slot()
    def _context_gone(self) -> None:
        self._alive = False  # the dialog that asked is gone: drop the answer

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: Any) -> None:
        if self.worker is not None:
            self.worker.join(10)  # it has emitted its answer: only returning is left
        _pending.discard(self)
        self.deleteLater()
        try:
            if not self._alive:
                return
            if ok:
                self._on_ok(value)
            else:
                self._on_err(value)
        finally:
            self._release()

    def _release(self) -> None:
        """Drop the callbacks (and the widgets their closures hold) now, on the GUI thread.

        Otherwise the last reference to a dialog can be the relay's own callback: freeing the
        relay would free the dialog, whose `destroyed` signal then calls `_context_gone` on the
        relay being freed (a crash seen in the backup dialog tests).
        """
        if self._context is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._context.destroyed.disconnect(self._context_gone)
        self._context = None
        self._on_ok = self._on_err = _ignore
        self.work = None


def _ignore(_value: Any) -> None:
    return None


def run_in_thread(
    fn: Callable[[], T],
    on_ok: Callable[[T], None],
    on_err: Callable[[BaseException], None],
    *,
    context: QObject | None = None,
    name: str = "coopshare-worker",
) -> threading.Thread:
    """Call `fn()` on a new thread; then `on_ok(result)` or `on_err(exception)` on the GUI thread.

    With `context`, the callbacks are dropped if that object is destroyed first (a dialog closed
    while its work was still running). Returns the (daemon) thread.
    """
    relay = _Relay(on_ok, on_err, context)
    _pending.add(relay)

    def work() -> None:
        try:
            result: Any = fn()
        except BaseException as e:  # delivered to on_err, never lost in a thread
            log.debug("background call failed", exc_info=True)
            relay.done.emit(False, e)
        else:
            relay.done.emit(True, result)

    thread = threading.Thread(target=work, name=name, daemon=True)
    relay.work, relay.worker = fn, thread
    thread.start()
    return thread
