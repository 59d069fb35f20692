"""Start the real desktop app and quit it, many times: run by tests/test_quit_real_x.py.

``python tests/quit_loop.py FOLDER RUNS PARALLEL`` (DISPLAY set to an X server, as root): makes
PARALLEL data folders in FOLDER, each with a cooperative and a few notes whose key sits in the
OS keyring (an in-memory keyring here, so no Argon2id per start: the app starts as it does for a
member whose desktop keyring unlocks it), imports the app once, then forks RUNS children, at
most PARALLEL at a time. Each child is the app's own entry point (``launcher.main(["--home",
...])``) in its own network namespace (its node listens on the usual port and reaches nobody),
on Qt's xcb plugin: once its main window is on screen it opens the Notes page and quits as
Ctrl+Q does (``MainWindow.close``).
The child then leaves through the interpreter's normal shutdown, where the quit crash happened.
Prints one JSON line: every child's exit code (negative: killed by that signal; an abort is -6,
the shell's 134; 99: the app ended before its main window was on screen) and the seconds taken.
"""

from __future__ import annotations

import ctypes
import json
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

import keyring
from keyring.backend import KeyringBackend

PASSPHRASE = "correct horse battery staple 42"
CLONE_NEWNET = 0x40000000
LINGER_MS = 300  # the window stays up this long once exposed: timers and node events run


class MemoryKeyring(KeyringBackend):
    """The OS keyring, in memory: the forked children inherit what the parent stored."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


def make_home(home: Path) -> None:
    from coopshare.service import api

    api.init_identity(home, "Quinn", PASSPHRASE, use_keyring=True)
    api.create_coop(home, None, "Quit Test")  # unlocked by the keyring from here on
    door = api.open_api(home, None)
    try:
        for i in range(3):
            door.add_note(f"Note {i}", f"Text of note {i}, linking [[Note {i + 1}]].", ["test"])
    finally:
        door.close()
    (home / "gui.ini").write_text("[General]\nmdns=false\nlanguage=en\nlast_page=notes\n")


def child(home: Path) -> None:
    """The app, closing its own main window once it is on screen (as Ctrl+Q or tray Quit do)."""
    from PySide6.QtCore import QTimer

    from coopshare import launcher
    from coopshare.gui.main_window import MainWindow

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) != 0:
        os._exit(97)
    show = MainWindow.show
    quitting: list[bool] = []

    def show_then_quit(window: MainWindow) -> None:
        show(window)

        def poll() -> None:
            handle = window.windowHandle()
            if handle is not None and handle.isExposed():
                window.show_page("notes")
                quitting.append(True)
                QTimer.singleShot(LINGER_MS, window.close)
            else:
                QTimer.singleShot(20, poll)

        QTimer.singleShot(0, poll)

    MainWindow.show = show_then_quit  # type: ignore[method-assign,assignment]
    code = launcher.main(["--home", str(home)])
    sys.exit(code if quitting else 99)  # 99: the app ended without its window being shown


def main(argv: list[str]) -> int:
    folder, runs, parallel = Path(argv[0]), int(argv[1]), int(argv[2])
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.pop("COOPSHARE_PASSPHRASE", None)
    keyring.set_keyring(MemoryKeyring())
    free = [folder / f"home{i}" for i in range(parallel)]  # one data folder per running app
    for home in free:
        make_home(home)
    import coopshare.gui.app  # imported once, before forking
    import coopshare.gui.main_window
    from coopshare.service import api

    assert callable(coopshare.gui.app.run) and callable(coopshare.gui.main_window.MainWindow)

    assert not any(api.needs_passphrase(h) for h in free), "the keyring did not take the key"
    assert threading.active_count() == 1, threading.enumerate()  # forking is safe
    started = time.monotonic()
    codes: list[int] = []
    running: dict[int, Path] = {}

    def reap() -> None:
        pid, status = os.wait()
        free.append(running.pop(pid))
        codes.append(os.waitstatus_to_exitcode(status))

    for _ in range(runs):
        while not free:
            reap()
        home = free.pop()
        pid = os.fork()
        if pid == 0:
            child(home)  # leaves through sys.exit: the interpreter's normal shutdown
            os._exit(98)
        running[pid] = home
    while running:
        reap()
    out: dict[str, Any] = {"codes": codes, "seconds": round(time.monotonic() - started, 1)}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
