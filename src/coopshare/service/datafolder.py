"""A data folder's database belongs to one keystore: create it with the identity, check it on
every open, and never recreate one that is there.

The store carries an owner stamp in ``meta``: ``HMAC(master key, "coopshare/v1/store-owner")``,
so a database from another identity (copied in, or left by an earlier ``init``) is refused with
``DataFolderMismatch`` instead of being written to, and the stamp reveals nothing without the
key. A zero-length or non-CoopShare ``coopshare.db`` is refused the same way (it is not silently
replaced by an empty store); a missing one is made anew (the log comes back from peers). Stores
made before stamps existed are stamped at their next open.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from coopshare.crypto import primitives as p
from coopshare.errors import AlreadyInitialised, DataFolderMismatch, StoreDamaged
from coopshare.identity import keystore
from coopshare.identity.keystore import Unlocked
from coopshare.store import faults, files
from coopshare.store.db import DB_FILE, Store

log = logging.getLogger("coopshare.store")
OWNER_KEY = "owner"
_NEW = DB_FILE + ".new"


def owner_stamp(master_key: bytes) -> bytes:
    return p.hmac256(master_key, b"coopshare/v1/store-owner")


def refuse_if_used(home: Path) -> None:
    """`init` must not take over a folder that already holds a keystore or a database."""
    if keystore.exists(home) or files.inspect(home / DB_FILE) is not files.Kind.MISSING:
        raise AlreadyInitialised(path=str(home))


def create(home: Path, unlocked: Unlocked) -> None:
    """A new, empty store stamped with its owner: made under a temporary name, then renamed, so
    a crash leaves either no database or a complete one."""
    tmp = home / _NEW
    files.remove(tmp)
    store = Store.open(home, _NEW)
    try:
        with store.tx(durable=True):
            store.set_meta(OWNER_KEY, owner_stamp(unlocked.master_key))
    finally:
        store.close()  # checkpoints and removes the -wal and -shm of the temporary name
    tmp.replace(home / DB_FILE)
    fd = os.open(home, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_store(home: Path, unlocked: Unlocked) -> Store:
    """Open the store of `home`, refusing one that does not belong to this keystore."""
    path = home / DB_FILE
    kind = files.inspect(path)
    if kind is files.Kind.MISSING:
        create(home, unlocked)
    elif kind is files.Kind.DAMAGED:
        raise StoreDamaged(path=str(home))
    elif kind is not files.Kind.STORE:
        raise DataFolderMismatch(f"{DB_FILE} is {kind.value}", path=str(home))
    store = Store.open(home)
    mine = owner_stamp(unlocked.master_key)
    stamp = store.meta(OWNER_KEY)
    if stamp is None:  # made by a version before owner stamps: adopt it
        try:
            with store.tx(durable=True):
                store.set_meta(OWNER_KEY, mine)
        except faults.WRITE_FAULTS as e:
            log.info("the store could not be stamped with its owner yet: %s", e)
    elif stamp != mine:
        store.close()
        raise DataFolderMismatch("the database belongs to another keystore", path=str(home))
    return store
