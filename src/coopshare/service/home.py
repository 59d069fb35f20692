"""The data folder: where it is, creating an identity in it, and opening it.

``--home DIR`` or ``COOPSHARE_HOME`` select the folder; otherwise platformdirs' user data dir.
The passphrase comes from the caller (CLI prompt, GUI dialog) or ``COOPSHARE_PASSPHRASE``.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from coopshare.crypto import primitives as p
from coopshare.errors import NameRequired
from coopshare.identity import keystore
from coopshare.identity.keys import Identity
from coopshare.identity.recovery import decode as decode_recovery
from coopshare.service import datafolder
from coopshare.service.coop import Coop

PASSPHRASE_ENV = "COOPSHARE_PASSPHRASE"  # noqa: S105 - the variable name, not a secret


def default_home() -> Path:
    env = os.environ.get("COOPSHARE_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir("coopshare", "CoopShare"))


def env_passphrase() -> str | None:
    return os.environ.get(PASSPHRASE_ENV)


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
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    home.chmod(0o700)
    unlocked = keystore.create(home, identity, passphrase, use_keyring=use_keyring)
    datafolder.create(home, unlocked)
    return identity


def open_coop(home: Path, passphrase: str | None) -> Coop:
    """Unlock the keystore and open the store of `home` (it must belong to that keystore)."""
    unlocked = keystore.unlock(home, passphrase)
    return Coop(unlocked, datafolder.open_store(home, unlocked))
