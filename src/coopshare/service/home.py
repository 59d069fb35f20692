"""The data folder: where it is, creating an identity in it, and opening it.

``--home DIR`` or ``COOPSHARE_HOME`` select the folder; otherwise platformdirs' user data dir.
The passphrase comes from the caller (CLI prompt, GUI dialog), ``COOPSHARE_PASSPHRASE``, or the
file named by ``COOPSHARE_PASSPHRASE_FILE`` (a server's credentials file: systemd's
``LoadCredential``, a container secret), read whole with one trailing newline removed.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from coopshare.crypto import primitives as p
from coopshare.errors import NameRequired, PassphraseFileUnreadable
from coopshare.identity import keystore
from coopshare.identity.keys import Identity
from coopshare.identity.recovery import decode as decode_recovery
from coopshare.service import datafolder
from coopshare.service.coop import Coop

PASSPHRASE_ENV = "COOPSHARE_PASSPHRASE"  # noqa: S105 - the variable name, not a secret
PASSPHRASE_FILE_ENV = "COOPSHARE_PASSPHRASE_FILE"  # noqa: S105 - the variable name


def default_home() -> Path:
    env = os.environ.get("COOPSHARE_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir("coopshare", "CoopShare"))


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


def init(
    home: Path,
    name: str,
    passphrase: str,
    *,
    recovery_code: str | None = None,
    use_keyring: bool = False,
) -> Identity:
    """Create the member and device keys, and the database, in a new data folder; refuses a
    folder that already holds either (AlreadyInitialised)."""
    datafolder.refuse_if_used(home)
    if not name.strip():
        raise NameRequired("--name")
    member_key = p.signing_key_from_seed(decode_recovery(recovery_code)) if recovery_code else None
    identity = Identity.generate(name.strip(), member_key)
    _create(home, identity, passphrase, use_keyring)
    return identity


def refuse_if_used(home: Path) -> None:
    datafolder.refuse_if_used(home)


def init_linked(home: Path, identity: Identity, passphrase: str) -> None:
    """A new data folder for a device added in person (service/device_link.py): its identity
    holds the member key's certificate of its keys, not the member key."""
    datafolder.refuse_if_used(home)
    _create(home, identity, passphrase, False)


def _create(home: Path, identity: Identity, passphrase: str, use_keyring: bool) -> None:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    home.chmod(0o700)
    unlocked = keystore.create(home, identity, passphrase, use_keyring=use_keyring)
    datafolder.create(home, unlocked)


def open_coop(home: Path, passphrase: str | None) -> Coop:
    """Unlock the keystore and open the store of `home` (it must belong to that keystore)."""
    unlocked = keystore.unlock(home, passphrase)
    return Coop(unlocked, datafolder.open_store(home, unlocked))
