"""The desktop app's log file: rotating, in the platform's log folder, with no user content.

Where: ``platformdirs.user_log_path`` (Linux ``~/.local/state/CoopShare/log/``, macOS
``~/Library/Logs/CoopShare/``, Windows ``%LOCALAPPDATA%\\CoopShare\\CoopShare\\Logs``), or
``$COOPSHARE_LOG_DIR``. Three files of at most 1 MB each.

What: the lines the core logs (event kinds, counts, peer addresses, shortened device ids). Never
titles, bodies, names or passphrases: the core does not log those, and this file's formatter
also writes an exception only as its type (its message could quote a peer's input or a file
name) and a traceback only as its frames. ``tests/gui/test_background.py`` syncs a note with a
marker string and checks the file does not contain it.

A ``gui-scripts`` start on Windows has no console (``sys.stderr`` is None): this file is then
the only place a problem is written down.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from coopshare.gui.appinfo import APP_NAME

MAX_BYTES = 1_000_000
BACKUPS = 2
FILE_NAME = "coopshare.log"


def log_dir() -> Path:
    env = os.environ.get("COOPSHARE_LOG_DIR")
    return Path(env) if env else platformdirs.user_log_path(APP_NAME, APP_NAME)


class ContentFreeFormatter(logging.Formatter):
    """Writes exceptions among a record's arguments, and tracebacks, without their messages."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.args, tuple) and record.args:
            clean = logging.makeLogRecord(record.__dict__)
            clean.args = tuple(_type_only(a) for a in record.args)
            record = clean
        elif isinstance(record.args, Mapping):  # `log.info("%(n)d", {"n": 1})`
            clean = logging.makeLogRecord(record.__dict__)
            clean.args = {k: _type_only(v) for k, v in record.args.items()}
            record = clean
        return super().format(record)

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        kind, _value, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb is not None else ""
        name = kind.__name__ if kind is not None else "?"
        return f"Traceback (message left out):\n{frames}{name}"


def _type_only(arg: object) -> object:
    return f"<{type(arg).__name__}>" if isinstance(arg, BaseException) else arg


def install(folder: Path | None = None) -> RotatingFileHandler | None:
    """Log CoopShare's INFO lines and everyone's warnings to the file; None if the folder cannot
    be written (the app runs on without a log)."""
    folder = folder or log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(ContentFreeFormatter())
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    if not root.handlers and sys.stderr is not None:
        # what Python's last-resort handler did before this file existed: warnings on stderr
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    root.addHandler(handler)
    ours = logging.getLogger("coopshare")
    if ours.level == logging.NOTSET or ours.level > logging.INFO:
        ours.setLevel(logging.INFO)
    logging.getLogger("coopshare.gui").info("started; log file %s", FILE_NAME)
    return handler


def uninstall(handler: RotatingFileHandler | None) -> None:
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
