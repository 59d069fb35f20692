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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from coopshare import __version__
from coopshare.crypto import primitives as p
from coopshare.identity import keystore
from coopshare.identity.keys import Identity
from coopshare.identity.recovery import encode as encode_recovery
from coopshare.model.fold import ItemState
from coopshare.model.items import Kind, LeadStatus, Terms
from coopshare.protocol import invite as inv
from coopshare.service import events, invites, views, views_people, views_work
from coopshare.service import home as homes
from coopshare.service import peers as peerbook
from coopshare.service.coop import Coop
from coopshare.service.dialler import sync_once
from coopshare.service.importer import ImportReport, import_folder
from coopshare.service.joining import join_first_reachable
from coopshare.service.node import Node
from coopshare.service.runtime import DEFAULT_PORT, Network, NetworkOptions, start_network
from coopshare.service.views import Row
from coopshare.service.views_people import MAX_WINDOW_DAYS, current_windows
from coopshare.service.views_work import next_statuses, terms_rank

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
    "Api",
    "ImportReport",
    "Invitation",
    "ItemState",
    "Kind",
    "LeadStatus",
    "NetworkOptions",
    "Row",
    "Runtime",
    "SyncResult",
    "Terms",
    "__version__",
    "current_windows",
    "events",
    "next_statuses",
    "open_api",
    "open_runtime",
    "terms_rank",
]


@dataclass(frozen=True)
class SyncResult:
    sent: int
    received: int


class Api:
    """Commands and queries on one unlocked data folder (see the module docstring)."""

    def __init__(self, coop: Coop) -> None:
        self._coop = coop

    # --- identity and cooperative ----------------------------------------------------------

    @property
    def has_coop(self) -> bool:
        return self._coop.coop_id is not None

    def coop_name(self) -> str | None:
        return self._coop.coop_name()

    def create_coop(self, name: str) -> str:
        """Start a cooperative (this member is its first admin); returns its id in hex."""
        return self._coop.create_coop(name).hex()

    def recovery_code(self) -> str:
        return encode_recovery(p.seed_of(self._coop.me.member_key))

    def my_member_id(self) -> bytes:
        return self._coop.me.member_id

    def status(self) -> dict[str, Any]:
        """Counts, version vector and roster head (the CLI's ``status --json``)."""
        return self._coop.status()

    # --- members ------------------------------------------------------------------------------

    def find_member(self, name: str) -> bytes:
        return self._coop.find_member(name)

    def remove_member(self, member_id: bytes) -> None:
        self._coop.remove_member(member_id)

    def members(self) -> list[dict[str, Any]]:
        return self._coop.members()

    def member_cards(self) -> list[dict[str, Any]]:
        return views_people.members(self._coop)

    def my_profile(self) -> dict[str, Any]:
        return views_people.my_profile(self._coop)

    def set_profile(self, fields: Mapping[str, Any]) -> None:
        self._coop.set_profile(fields)

    def can_invite(self) -> bool:
        return views_people.can_invite(self._coop)

    def create_invite(self, role: str, ttl: int, listen: tuple[str, int] | None) -> dict[str, Any]:
        return views_people.create_invite(self._coop, role, ttl, listen)

    def pending_invites(self) -> int:
        return len(invites.pending(self._coop))

    def audience_members(self) -> list[dict[str, Any]]:
        return views_work.audience_members(self._coop)

    # --- items: writing -------------------------------------------------------------------------

    def find_item(self, prefix: str) -> bytes:
        return self._coop.find_item(prefix)

    def add_note(
        self, title: str, body: str, tags: Sequence[str] = (), to: Sequence[bytes] = ()
    ) -> str:
        return self._coop.add_note(title, body, list(tags), list(to)).hex()

    def edit_item(self, item_id: bytes, fields: Mapping[str, Any], body: str | None = None) -> None:
        self._coop.edit_item(item_id, fields, body)

    def delete_item(self, item_id: bytes) -> None:
        self._coop.delete_item(item_id)

    def restore_note(self, item_id: bytes) -> None:
        self._coop.write_item(Kind.NOTE, item_id, {}, deleted=False)

    def add_lead(self, fields: Mapping[str, Any]) -> str:
        return self._coop.add_lead(fields).hex()

    def claim_lead(self, item_id: bytes) -> None:
        self._coop.claim_lead(item_id)

    def set_lead_status(self, item_id: bytes, status: str) -> None:
        self._coop.set_lead_status(item_id, status)

    def release(self, item_id: bytes, member_id: bytes) -> int:
        return self._coop.release(item_id, member_id)

    def add_idea(
        self,
        title: str,
        body: str,
        terms: str,
        *,
        tags: Sequence[str] = (),
        to: Sequence[bytes] = (),
        derived_from: Sequence[bytes] = (),
        embargo_until: str | None = None,
    ) -> str:
        return self._coop.add_idea(
            title,
            body,
            terms,
            tags=list(tags),
            to=list(to),
            derived_from=list(derived_from),
            embargo_until=embargo_until,
        ).hex()

    def import_markdown(self, folder: Path) -> ImportReport:
        return import_folder(self._coop, folder)

    # --- items: reading -------------------------------------------------------------------------

    def item(self, item_id: bytes) -> ItemState | None:
        return self._coop.item(item_id)

    def items(self, kind: Kind | None = None) -> list[ItemState]:
        return self._coop.items(kind)

    def search_items(self, query: str) -> list[ItemState]:
        return self._coop.search(query)

    def author_name(self, st: ItemState) -> str | None:
        """The name of the item's creator; None for a former member."""
        for mid in self._coop.roster.members:
            if mid[:8] == st.creator:
                return self._coop.member_name(mid)
        return None

    def member_name(self, member_id: bytes) -> str:
        return self._coop.member_name(member_id)

    def overview(self) -> dict[str, Any]:
        return views.overview(self._coop)

    def page(self, kind: Kind | None, offset: int, limit: int) -> list[Row]:
        return views.page(self._coop, kind, offset, limit)

    def rows_count(self, kind: Kind | None) -> int:
        return views.rows_count(self._coop, kind)

    def summaries_of(self, ids: tuple[bytes, ...]) -> list[Row]:
        return views.summaries_of(self._coop, ids)

    def detail(self, item_id: str) -> dict[str, Any] | None:
        return views.detail(self._coop, item_id)

    def backlinks(self, title: str) -> list[dict[str, Any]]:
        return views.backlinks(self._coop, title)

    def backlinks_of(self, item_id: str) -> list[dict[str, Any]]:
        """Notes that link to the item's title."""
        st = self._coop.item(bytes.fromhex(item_id))
        return [] if st is None else views.backlinks(self._coop, str(st.value("title", "")))

    def find_by_title(self, title: str) -> str | None:
        return views.find_by_title(self._coop, title)

    def search(self, text: str, limit: int = 30) -> list[dict[str, Any]]:
        return views.search(self._coop, text, limit)

    def lead_detail(self, item_id: str) -> dict[str, Any] | None:
        return views_work.lead_detail(self._coop, item_id)

    def idea_detail(self, item_id: str) -> dict[str, Any] | None:
        return views_work.idea_detail(self._coop, item_id)

    def ideas_to_derive_from(self) -> list[dict[str, Any]]:
        return views_work.ideas_to_derive_from(self._coop)

    def count(self, kind: Kind) -> int:
        return views_work.count(self._coop, kind)

    # --- network, as stored -------------------------------------------------------------------

    def peer_list(self) -> list[dict[str, Any]]:
        """Known, discovered and connected peers, and how each was found (``list peers``)."""
        return peerbook.overview(self._coop)

    def close(self) -> None:
        """Close the store (one-shot use only; a Runtime closes its own)."""
        self._coop.store.close()


def open_api(home: Path, passphrase: str | None) -> Api:
    """Unlock `home` for a one-shot command in this thread (the CLI)."""
    return Api(homes.open_coop(home, passphrase))


class Runtime:
    """A running node of one data folder: its store thread, its events, its network."""

    def __init__(self, node: Node) -> None:
        self._node = node
        self._network: Network | None = None

    @property
    def home(self) -> Path:
        return self._node.home

    @property
    def has_coop(self) -> bool:
        return bool(self._node.coop_id)

    @property
    def session_count(self) -> int:
        return len(self._node.sessions)

    @property
    def listen_addr(self) -> tuple[str, int] | None:
        return self._node.listen_addr

    def subscribe(self, callback: Callable[[events.Event], None]) -> None:
        self._node.subscribe(callback)

    async def db(self, fn: Callable[[Api], T]) -> T:
        """Run a read on the store thread."""
        return await self._node.db(lambda c: fn(Api(c)))

    async def write(self, fn: Callable[[Api], T]) -> T:
        """Run a change on the store thread; peers are woken and ItemsChanged follows."""
        return await self._node.write(lambda c: fn(Api(c)))

    async def start_network(self, opts: NetworkOptions) -> tuple[str, int]:
        self._network = await start_network(self._node, opts)
        return self._network.addr

    async def sync_with(self, host: str, port: int, timeout: float) -> SyncResult:
        engine = await sync_once(self._node, host, port, timeout)
        return SyncResult(sent=engine.sent, received=engine.received)

    async def nearby(self) -> list[dict[str, Any]]:
        return await views_people.nearby(self._node)

    async def new_invite(self, role: str, ttl: int) -> dict[str, Any]:
        return await views_people.new_invite(self._node, role, ttl)

    async def close(self) -> None:
        if self._network is not None:
            await self._network.close()
            self._network = None
        await self._node.close()


async def open_runtime(
    home: Path,
    passphrase: str | None,
    *,
    search_index: bool = False,
    bulk_receiver: bool = False,
) -> Runtime:
    """Unlock `home` and start its node (store thread, events); the one place a Node is built
    for the app, the CLI and the demo."""
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
