"""The one bridge between Qt's main thread and the Node's asyncio thread.

* GUI -> core: :meth:`Bridge.db` / :meth:`Bridge.write` / :meth:`Bridge.run` schedule work on the
  network thread (``run_coroutine_threadsafe``); the callbacks run back on the Qt main thread.
* core -> GUI: the Node's events are re-emitted as the Qt signal :attr:`Bridge.core_event`, which Qt
  queues onto the main thread. Widgets never touch the Node directly.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from coopshare.service import api
from coopshare.service.api import Api, Runtime

log = logging.getLogger("coopshare.gui")
T = TypeVar("T")
OnOk = Callable[[Any], None]
OnErr = Callable[[BaseException], None]


class Bridge(QObject):
    core_event = Signal(object)  # a coopshare.service.events.Event, on the main thread
    failed = Signal(str)  # a background call failed and nobody handled it
    _done = Signal(object, object)  # (callback, value): delivered on the main thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runtime: Runtime | None = None
        self._stopped = False
        self._pending: set[Future[Any]] = set()  # calls not finished yet: awaited by stop()
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run_loop, name="coopshare-net", daemon=True)
        self._done.connect(self._deliver)
        self._thread.start()
        self._ready.wait()

    def open(self, home: Path, passphrase: str | None) -> None:
        """Unlock `home` and start its node on the network thread (blocks: start-up only)."""
        self._runtime = self.call_sync(api.open_runtime(home, passphrase, search_index=True))
        self._runtime.subscribe(self.core_event.emit)  # thread-safe: queued to the main thread

    @property
    def runtime(self) -> Runtime:
        if self._runtime is None:
            raise RuntimeError("Bridge.open() was not called")
        return self._runtime

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.call_soon(self._ready.set)
        self.loop.run_forever()

    # --- calls ----------------------------------------------------------------------------------

    def run(
        self, coro: Coroutine[Any, Any, T], on_ok: OnOk | None = None, on_err: OnErr | None = None
    ) -> Future[T]:
        if self._stopped:  # the app is quitting: nothing runs any more, nobody is told
            coro.close()
            late: Future[T] = Future()
            late.cancel()
            return late
        fut = asyncio.run_coroutine_threadsafe(coro, self.loop)
        self._pending.add(fut)

        def done(f: Future[T]) -> None:
            self._pending.discard(f)
            if f.cancelled():
                return
            exc = f.exception()
            if exc is not None:
                if on_err is not None:
                    self._done.emit(on_err, exc)
                else:
                    log.error("background call failed: %s", exc)
                    self._done.emit(self.failed.emit, str(exc))
            elif on_ok is not None:
                self._done.emit(on_ok, f.result())

        fut.add_done_callback(done)
        return fut

    def db(
        self, fn: Callable[[Api], T], on_ok: OnOk | None = None, on_err: OnErr | None = None
    ) -> Future[T]:
        """Run a read on the store's thread; `on_ok(result)` runs on the GUI thread."""
        return self.run(self.runtime.db(fn), on_ok, on_err)

    def write(
        self, fn: Callable[[Api], T], on_ok: OnOk | None = None, on_err: OnErr | None = None
    ) -> Future[T]:
        """Run a change; new ops are pushed to peers and an ItemsChanged event follows."""
        return self.run(self.runtime.write(fn), on_ok, on_err)

    def call_sync(self, coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        """Block until done: only for start-up and shutdown, never from a user action."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        try:
            callback(value)
        except RuntimeError as e:
            # the widget that asked was closed before the answer came back: nothing to update
            if "already deleted" not in str(e) and "has been deleted" not in str(e):
                raise

    def stop(self) -> None:
        """Let the calls already made finish (a write half-done when the window closed is kept
        and announced), then close the node; calls made after this do not run."""
        self._stopped = True

        async def shutdown() -> None:
            pending = [asyncio.wrap_future(f) for f in list(self._pending) if not f.done()]
            if pending:
                await asyncio.wait(pending, timeout=10)
            if self._runtime is not None:
                await self._runtime.close()

        try:
            self.call_sync(shutdown(), timeout=20)
        except Exception as e:  # shutting down anyway
            log.warning("shutdown: %s", e)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
