"""The door's light entry: find the data folder and its passphrase, and start the Argon2id
unlock on a thread of its own before the rest of the door is imported.

Argon2id (the `cryptography` package) releases the interpreter lock while it runs, so a command
that starts it here (the CLI, right after parsing its arguments) imports the door, the node and
the TLS stack on the main thread meanwhile; the door then takes the unlocked keys from the
:class:`Unlocking` (``open_api``, ``open_runtime`` and the Node accept one wherever they accept a
passphrase). Nothing is decrypted with the keys, and nothing is opened or written, before
:meth:`Unlocking.result` returns: the thread runs :func:`keystore.unlock` and only that (which
verifies the passphrase first, as always). A wrong passphrase is raised by :meth:`result` as the
same typed error (``WrongPassphrase``).

This module imports the keystore and the standard library, nothing else of the core
(tests/test_startup_imports.py): it is a door for the layers above ``service``
(tests/test_architecture.py), like ``service.api``.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TypeAlias

from coopshare.errors import PassphraseFileUnreadable
from coopshare.identity import keystore
from coopshare.identity.keystore import Unlocked

PASSPHRASE_ENV = "COOPSHARE_PASSPHRASE"  # noqa: S105 - the variable name, not a secret
PASSPHRASE_FILE_ENV = "COOPSHARE_PASSPHRASE_FILE"  # noqa: S105 - the variable name


def default_home() -> Path:
    env = os.environ.get("COOPSHARE_HOME")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("coopshare", "CoopShare"))


def env_passphrase() -> str | None:
    """``COOPSHARE_PASSPHRASE`` if set, else the contents of ``COOPSHARE_PASSPHRASE_FILE``."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    name = os.environ.get(PASSPHRASE_FILE_ENV)
    if not name:
        return None
    try:
        with Path(name).open(encoding="utf-8") as f:
            text = f.read(4096)
    except (OSError, UnicodeDecodeError):
        raise PassphraseFileUnreadable(path=name) from None
    text = text.removesuffix("\n").removesuffix("\r")
    if not text:
        raise PassphraseFileUnreadable(path=name)
    return text


def is_initialised(home: Path) -> bool:
    return keystore.exists(home)


class Unlocking:
    """:func:`keystore.unlock` of `home` running on its own thread from the moment it is made.

    Not a daemon thread: an unlock that repairs a damaged keystore file finishes its write
    even if the command fails meanwhile. One use: the door takes the result once."""

    def __init__(self, home: Path, passphrase: str | None) -> None:
        self.home = home
        self._unlocked: Unlocked | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(passphrase,), name="coopshare-unlock"
        )
        self._thread.start()

    def _run(self, passphrase: str | None) -> None:
        try:
            self._unlocked = keystore.unlock(self.home, passphrase)
        except BaseException as e:  # handed to the caller of result(), typed as raised
            self._error = e

    def result(self) -> Unlocked:
        """The unlocked keys, once Argon2id is done; raises what the unlock raised
        (WrongPassphrase, PassphraseRequired, KeystoreDamaged, ...)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._unlocked is not None
        return self._unlocked


# what the door's openers take: a passphrase, or its unlock under way
Key: TypeAlias = str | Unlocking | None


def unlocked(home: Path, key: Key) -> Unlocked:
    """`home`'s keys: from an unlock already under way, or unlocked now with a passphrase."""
    if isinstance(key, Unlocking):
        if key.home != home:
            raise ValueError("the unlock under way is of another data folder")
        return key.result()
    return keystore.unlock(home, key)
