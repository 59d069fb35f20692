"""The one door between the app (GUI, CLI, demo) and the core.

Two objects, nothing else:

* :class:`Api` — every command and query on one unlocked data folder, as typed methods. It runs
  where the store lives: in the app and in ``serve`` on the store thread (through
  :meth:`Runtime.db` / :meth:`Runtime.write`), in a one-shot CLI command directly
  (:func:`open_api`). Reads return read models (``views.Row`` records, frozen dataclasses, plain
  values); failures are the typed errors of ``coopshare.errors``.
* :class:`Runtime` — a running node: its store thread, its events, its network. Built in one
  place, :func:`open_runtime`.

Modules above ``service`` import this module (and ``service.events``, ``errors``) and nothing
else of the core; ``tests/test_architecture.py`` enforces it.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from coopshare import __version__
from coopshare.crypto import primitives as p
from coopshare.identity import keystore
from coopshare.identity.keys import Identity
from coopshare.identity.recovery import encode as encode_recovery
from coopshare.model import lead_rules
from coopshare.model.fold import ItemState
from coopshare.model.items import Act, Kind, LeadStatus, Terms
from coopshare.protocol import invite as inv
from coopshare.service import events
from coopshare.service import home as homes
from coopshare.service.api_commands import Api
from coopshare.service.importer import ImportReport
from coopshare.service.trash import TRASH_DAYS, TrashedNote
from coopshare.service.views import Row
from coopshare.service.views_lead import Candidate, LeadDetail, LeadSealed, LeadStep
from coopshare.service.views_people import MAX_WINDOW_DAYS, current_windows
from coopshare.service.views_work import terms_rank

if TYPE_CHECKING:  # imported when first used (below): a one-shot command needs no network stack
    from coopshare.service.api_runtime import Runtime, SyncResult
    from coopshare.service.runtime import DEFAULT_PORT, NetworkOptions


def __getattr__(name: str) -> Any:
    """The running-node half of the door, imported on first use (PEP 562), so that `coopshare
    note add` and `--version` do not load TLS, mDNS and the sync engine."""
    if name in ("Runtime", "SyncResult"):
        from coopshare.service import api_runtime

        return getattr(api_runtime, name)
    if name in ("NetworkOptions", "DEFAULT_PORT"):
        from coopshare.service import runtime

        return getattr(runtime, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Invitation = inv.Invitation
INVITE_PREFIX = inv.PREFIX

T = TypeVar("T")


class DemoHandle(Protocol):
    home: Path
    passphrase: str
    peers: list[tuple[str, int]]

    def stop(self) -> None: ...


__all__ = [
    "DEFAULT_PORT",
    "INVITE_PREFIX",
    "MAX_WINDOW_DAYS",
    "TRASH_DAYS",
    "Act",
    "Api",
    "Candidate",
    "ImportReport",
    "Invitation",
    "ItemState",
    "Kind",
    "LeadDetail",
    "LeadSealed",
    "LeadStatus",
    "LeadStep",
    "NetworkOptions",
    "Row",
    "Runtime",
    "SyncResult",
    "Terms",
    "TrashedNote",
    "__version__",
    "current_windows",
    "events",
    "lead_rules",
    "open_api",
    "open_runtime",
    "terms_rank",
]


def open_api(home: Path, passphrase: str | None) -> Api:
    """Unlock `home` for a one-shot command in this thread (the CLI)."""
    return Api(homes.open_coop(home, passphrase))


async def open_runtime(
    home: Path,
    passphrase: str | None,
    *,
    search_index: bool = False,
    bulk_receiver: bool = False,
) -> Runtime:
    """Unlock `home` and start its node (store thread, events); the one place a Node is built
    for the app, the CLI and the demo."""
    from coopshare.service.api_runtime import Runtime
    from coopshare.service.node import Node

    node = Node(home, passphrase, search_index=search_index, bulk_receiver=bulk_receiver)
    await node.open()
    return Runtime(node)


async def join(
    home: Path,
    passphrase: str | None,
    invitation: inv.Invitation,
    targets: list[tuple[str, int]],
    timeout: float,
) -> tuple[str, int]:
    """Join with an invitation, trying the inviter's addresses in turn; returns (cooperative
    name, ops received). Raises the typed invitation and network errors."""
    from coopshare.service.joining import join_first_reachable

    return await join_first_reachable(home, passphrase, invitation, targets, timeout)


def parse_invitation(text: str) -> inv.Invitation:
    return inv.parse(text)


def start_demo() -> DemoHandle:
    """A throwaway sample cooperative with two simulated members on loopback
    (``coopshare --demo``); the app opens ``handle.home`` and dials ``handle.peers``."""
    from coopshare.service.demo import DemoWorld

    return DemoWorld.start()


def create_identity(home: Path, name: str, passphrase: str) -> str:
    """Create the keys (Argon2id: takes a moment); returns the member key's recovery code."""
    identity = homes.init(home, name, passphrase)
    return encode_recovery(p.seed_of(identity.member_key))


def create_coop(home: Path, passphrase: str | None, name: str) -> str:
    """Start a cooperative in `home`; returns its name."""
    door = open_api(home, passphrase)
    try:
        door.create_coop(name)
        return door.coop_name() or name
    finally:
        door.close()


def unlocks_without_coop(home: Path, passphrase: str) -> bool:
    """Unlock and open the store (raises WrongPassphrase, ...); True if `home` is not part of a
    cooperative yet."""
    door = open_api(home, passphrase)
    try:
        return not door.has_coop
    finally:
        door.close()


def init_identity(
    home: Path,
    name: str,
    passphrase: str,
    *,
    recovery_code: str | None = None,
    use_keyring: bool = False,
) -> Identity:
    """Create the member and device keys in a new data folder."""
    return homes.init(home, name, passphrase, recovery_code=recovery_code, use_keyring=use_keyring)


def default_home() -> Path:
    return homes.default_home()


def env_passphrase() -> str | None:
    return homes.env_passphrase()


def is_initialised(home: Path) -> bool:
    return homes.is_initialised(home)


def needs_passphrase(home: Path) -> bool:
    return keystore.needs_passphrase(home)


async def change_passphrase(home: Path, old: str, new: str) -> None:
    await asyncio.to_thread(keystore.change_passphrase, home, old, new)
