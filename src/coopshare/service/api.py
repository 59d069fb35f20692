"""The one door between the app (GUI, CLI, demo) and the core.

Two objects, nothing else:

* :class:`Api` — every command and query on one unlocked data folder, as typed methods. It runs
  where the store lives: in the app and in ``serve`` on the store thread (through
  :meth:`Runtime.db` / :meth:`Runtime.write`), in a one-shot CLI command directly
  (:func:`open_api`). Reads return read models (the frozen dataclasses of
  ``service/read_models.py``, ``views.Row`` records, plain values), all re-exported here; failures
  are the typed errors of ``coopshare.errors``.
* :class:`Runtime` — a running node: its store thread, its events, its network. Built in one
  place, :func:`open_runtime`.

Modules above ``service`` import this module (and ``service.events``, ``errors``) and nothing
else of the core; ``tests/test_architecture.py`` enforces it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from coopshare import __version__
from coopshare.errors import RecoveryCodeInvalid
from coopshare.identity import keystore
from coopshare.identity.keys import Identity
from coopshare.identity.recovery import decode as decode_recovery
from coopshare.identity.recovery import encode as encode_recovery
from coopshare.model import lead_rules
from coopshare.model.fold import ItemState
from coopshare.model.idea_rules import PROBLEMS as IDEA_FLAGS
from coopshare.model.items import Act, Kind, LeadStatus, Terms
from coopshare.protocol import invite as inv
from coopshare.protocol import pairing
from coopshare.protocol.pairing_link import LinkGrant, LinkRequest
from coopshare.service import events
from coopshare.service import home as homes
from coopshare.service.activity import ActivityEvent
from coopshare.service.api_commands import Api
from coopshare.service.api_proof import TimestampJob, fetch_timestamp
from coopshare.service.api_talent import Bench, ConsentEntry, ConsentGiver, FitRow, WindowEntry
from coopshare.service.attachments import Attachment
from coopshare.service.ledger import Counts, Entry, Ledger, Nudge
from coopshare.service.new_items import ItemEdit, NewIdea, NewLead
from coopshare.service.people_admin import DeviceEntry, MemberEntry, OpenInvite, RosterView
from coopshare.service.read_models import (
    AudienceMember,
    HeldBack,
    KnownPeer,
    LeadGlance,
    Link,
    Me,
    Member,
    MemberCard,
    NearbyPeer,
    NewInvite,
    NoteDetail,
    Overview,
    Profile,
    ProfileEdit,
    Status,
    ThisDevice,
    Watch,
    Window,
    current_windows,
)
from coopshare.service.trash import TRASH_DAYS, TrashedNote
from coopshare.service.views import Row
from coopshare.service.views_ideas import IdeaTerms
from coopshare.service.views_lead import Candidate, LeadDetail, LeadSealed, LeadStep
from coopshare.service.views_people import MAX_WINDOW_DAYS
from coopshare.service.views_work import IdeaChoice, IdeaDetail, IdeaLink, terms_rank

if TYPE_CHECKING:  # imported when first used (below): a one-shot command needs no network stack
    from coopshare.service.api_runtime import Runtime, SyncResult
    from coopshare.service.bundles import BundleExported, BundleImported
    from coopshare.service.comments import CommentView
    from coopshare.service.device_link import join_as_my_device
    from coopshare.service.esco import Skill
    from coopshare.service.evidence import EvidenceExported
    from coopshare.service.evidence import Report as EvidenceReport
    from coopshare.service.evidence import render as render_evidence
    from coopshare.service.evidence import verify_file as verify_evidence
    from coopshare.service.exports import Exported
    from coopshare.service.importer import SKIP_TEXT, ImportReport, Skip
    from coopshare.service.my_devices import MyDevice
    from coopshare.service.pairing_net import guest as pair_guest
    from coopshare.service.pairing_net import host as pair_host
    from coopshare.service.pairing_net import link_guest as add_my_device_in_person
    from coopshare.service.proofs import Commitment, Witnessed
    from coopshare.service.restore_over import kept_folder_for, restore_over, set_aside
    from coopshare.service.runtime import DEFAULT_PORT, NetworkOptions
    from coopshare.service.verify import Verification


def __getattr__(name: str) -> Any:
    """The names service/api_lazy.py imports on first use (PEP 562): `coopshare note add`,
    `status` and `--version` load no TLS, mDNS, sync engine or rarely used modules."""
    from coopshare.service import api_lazy

    return api_lazy.load(name)


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
    "IDEA_FLAGS",
    "INVITE_PREFIX",
    "MAX_WINDOW_DAYS",
    "SKIP_TEXT",
    "TRASH_DAYS",
    "Act",
    "ActivityEvent",
    "Api",
    "Attachment",
    "AudienceMember",
    "Bench",
    "BundleExported",
    "BundleImported",
    "Candidate",
    "CommentView",
    "Commitment",
    "ConsentEntry",
    "ConsentGiver",
    "Counts",
    "DeviceEntry",
    "Entry",
    "EvidenceExported",
    "EvidenceReport",
    "Exported",
    "FitRow",
    "HeldBack",
    "IdeaChoice",
    "IdeaDetail",
    "IdeaLink",
    "IdeaTerms",
    "ImportReport",
    "Invitation",
    "ItemEdit",
    "ItemState",
    "Kind",
    "KnownPeer",
    "LeadDetail",
    "LeadGlance",
    "LeadSealed",
    "LeadStatus",
    "LeadStep",
    "Ledger",
    "Link",
    "LinkGrant",
    "LinkRequest",
    "Me",
    "Member",
    "MemberCard",
    "MemberEntry",
    "MyDevice",
    "NearbyPeer",
    "NetworkOptions",
    "NewIdea",
    "NewInvite",
    "NewLead",
    "NoteDetail",
    "Nudge",
    "OpenInvite",
    "Overview",
    "Profile",
    "ProfileEdit",
    "RosterView",
    "Row",
    "Runtime",
    "Skill",
    "Skip",
    "Status",
    "SyncResult",
    "Terms",
    "ThisDevice",
    "TimestampJob",
    "TrashedNote",
    "Verification",
    "Watch",
    "Window",
    "WindowEntry",
    "Witnessed",
    "__version__",
    "add_my_device_in_person",
    "current_windows",
    "events",
    "fetch_timestamp",
    "join_as_my_device",
    "kept_folder_for",
    "lead_rules",
    "open_api",
    "open_runtime",
    "pair_guest",
    "pair_host",
    "render_evidence",
    "restore_over",
    "set_aside",
    "skill_label",
    "terms_rank",
    "verify_evidence",
]


def open_api(home: Path, passphrase: homes.Key) -> Api:
    """Unlock `home` (or take its unlock under way, api_unlock.py) for a one-shot command."""
    return Api(homes.open_coop(home, passphrase))


async def open_runtime(
    home: Path,
    passphrase: homes.Key,
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


# --- in-person pairing (protocol/pairing.py, service/pairing_net.py) ----------------------------

new_pairing_secret = pairing.new_secret
pairing_code_text = pairing.code_text
parse_pairing_code = pairing.parse_code
PAIRING_TTL = pairing.TTL


def pairing_addresses(host: str, port: int) -> list[str]:
    """Where a guest reaches a pairing offer listening on (host, port): a wildcard host is
    this machine's LAN addresses."""
    from coopshare.service import liveinfo

    if host not in ("0.0.0.0", "::", ""):  # noqa: S104
        return [f"{host}:{port}"]
    return [f"{ip}:{port}" for ip in liveinfo.lan_addresses()] or [f"127.0.0.1:{port}"]


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
    """The invitation in `text`: the bare token, or an invitation file or message holding one."""
    return inv.parse(inv.find(text) or text)


def start_demo() -> DemoHandle:
    """A throwaway sample cooperative with two simulated members on loopback
    (``coopshare --demo``); the app opens ``handle.home`` and dials ``handle.peers``."""
    from coopshare.service.demo import DemoWorld

    return DemoWorld.start()


def create_identity(
    home: Path, name: str, passphrase: str, recovery_code: str | None = None
) -> str:
    """Create the keys (Argon2id: takes a moment); returns the member key's recovery code.
    With `recovery_code`, the member key is restored from it (same member, a new device)."""
    identity = homes.init(home, name, passphrase, recovery_code=recovery_code)
    return encode_recovery(identity.member_seed())


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


def recovery_code_valid(text: str) -> bool:
    """True if `text` is a well-formed recovery code (its checksum matches)."""
    try:
        decode_recovery(text)
    except RecoveryCodeInvalid:
        return False
    return True


def recovery_code_for(home: Path, passphrase: str) -> str:
    """This member's recovery code, after checking the passphrase (Argon2id: takes a moment;
    raises WrongPassphrase). Blocking: call it from a worker thread."""
    unlocked = keystore.unlock_by_passphrase(home, passphrase)
    return encode_recovery(unlocked.identity.member_seed())


async def recovery_code_after(home: Path, passphrase: str) -> str:
    """:func:`recovery_code_for` off the calling thread (for the running app's bridge)."""
    import asyncio

    return await asyncio.to_thread(recovery_code_for, home, passphrase)


def skill_label(skill: str, lang: str = "en") -> str:
    """A stored skill as shown: its ESCO label in `lang` ("en" or "nl"), else the free word."""
    from coopshare.service import esco

    return esco.label(skill, lang)


def default_home() -> Path:
    return homes.default_home()


def env_passphrase() -> str | None:
    return homes.env_passphrase()


def is_initialised(home: Path) -> bool:
    return homes.is_initialised(home)


def needs_passphrase(home: Path) -> bool:
    return keystore.needs_passphrase(home)


async def change_passphrase(home: Path, old: str, new: str) -> None:
    import asyncio

    await asyncio.to_thread(keystore.change_passphrase, home, old, new)


def create_backup(home: Path, passphrase: str | None, dest: Path) -> int:
    """Encrypted backup of `home` under its own passphrase; bytes written. Off the GUI thread."""
    from coopshare.service import backup

    return backup.create_backup(home, passphrase, dest)


def restore_backup(src: Path, home: Path, passphrase: str | None) -> str:
    """Restore a backup into a new data folder `home`; returns the identity's name."""
    from coopshare.service import backup

    return backup.restore_backup(src, home, passphrase)


def restore_backup_by_recovery_key(
    src: Path, home: Path, recovery_code: str, new_passphrase: str | None
) -> str:
    """Restore a backup into a new data folder `home` by the recovery key; it opens with
    `new_passphrase`. Returns the identity's name. Argon2id twice: off the GUI thread."""
    from coopshare.service import backup

    return backup.restore_by_recovery_key(src, home, recovery_code, new_passphrase)
