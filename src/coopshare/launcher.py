"""The `coopshare` entry point: the command line, or the desktop app when no command is given.

It sits above both `cli` and `gui` (which must not import each other) and hands the CLI a way
to open the app.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from coopshare.cli.main import main as cli_main
from coopshare.errors import AppNotInstalled, NoDisplay


def open_app(home: Path, demo: bool) -> int:
    display_vars = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    no_display = not any(os.environ.get(v) for v in display_vars)
    if sys.platform.startswith("linux") and no_display:
        raise NoDisplay()
    try:
        from coopshare.gui.app import run
    except ImportError as e:
        raise AppNotInstalled(str(e)) from None
    return run(home, demo=demo)


def main(argv: Sequence[str] | None = None) -> int:
    # a frozen app (packaging/) starts its signature-check worker (sync/checker.py) through
    # its own executable: this turns that start into the worker instead of a second app
    # (freeze_support does nothing unless frozen; multiprocessing is not loaded otherwise)
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    return cli_main(argv, open_app=open_app)
