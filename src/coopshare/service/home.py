"""The data folder: where it is, creating an identity in it, and opening it.

``--home DIR`` or ``COOPSHARE_HOME`` select the folder; otherwise platformdirs' user data dir.
The passphrase comes from the caller (CLI prompt, GUI dialog), ``COOPSHARE_PASSPHRASE``, or the
file named by ``COOPSHARE_PASSPHRASE_FILE`` (a server's credentials file: systemd's
``LoadCredential``, a container secret), read whole with one trailing newline removed.
"""

from __future__ import annotations

from pathlib import Path

from coopshare.crypto import primitives as p
from coopshare.errors import NameRequired
from coopshare.identity import keystore
from coopshare.identity.keys import Identity
from coopshare.identity.recovery import decode as decode_recovery
from coopshare.service import datafolder
from coopshare.service.api_unlock import (  # the door's light entry: no core beyond the keystore
    PASSPHRASE_ENV,
    PASSPHRASE_FILE_ENV,
    Key,
    default_home,
    env_passphrase,
    is_initialised,
    unlocked,
)
from coopshare.service.coop import Coop


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


def open_coop(home: Path, passphrase: Key) -> Coop:
    """Unlock the keystore (or take the keys of an unlock under way: service/api_unlock.py) and
    open the store of `home` (it must belong to that keystore)."""
    keys = unlocked(home, passphrase)
    return Coop(keys, datafolder.open_store(home, keys))


__all__ = [
    "PASSPHRASE_ENV",
    "PASSPHRASE_FILE_ENV",
    "Key",
    "default_home",
    "env_passphrase",
    "init",
    "init_linked",
    "is_initialised",
    "open_coop",
    "refuse_if_used",
]
