"""`Api`: every command and query on one unlocked data folder (re-exported by
``service/api.py``, the one door; see there)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from coopshare.crypto import primitives as p
from coopshare.errors import NoSuchItem
from coopshare.identity.recovery import encode as encode_recovery
from coopshare.model import lead_rules
from coopshare.model.fold import ItemState
from coopshare.model.items import Act, Kind
from coopshare.service import (
    invites,
    quarantine,
    trash,
    views,
    views_lead,
    views_people,
    views_work,
)
from coopshare.service import peers as peerbook
from coopshare.service.coop import Coop
from coopshare.service.importer import ImportReport, import_folder
from coopshare.service.views import Row
from coopshare.service.views_lead import LeadDetail


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

    def diagnostics(self) -> list[dict[str, Any]]:
        """Ops held back on this device (skipped: content that cannot be used; parked), with
        the reason; no user content."""
        return quarantine.diagnostics(self._coop)

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

    def trash(self) -> list[trash.TrashedNote]:
        """My deleted notes, restorable until each one's purge time (service/trash.py)."""
        return trash.trashed_notes(self._coop)

    def purge_old_trash(self, now_ms: int | None = None) -> int:
        """Purge my notes deleted more than 30 days ago; returns how many."""
        return trash.purge_expired(self._coop, now_ms)

    def add_lead(self, fields: Mapping[str, Any]) -> str:
        return self._coop.add_lead(fields).hex()

    def claim_lead(self, item_id: bytes, *, accept_terms: bool = False) -> None:
        """Claim a lead; with `accept_terms`, the claim also signs the giver's current terms."""
        self._coop.claim_lead(item_id, self.lead_terms(item_id) if accept_terms else b"")

    def lead_act(self, item_id: bytes, act: Act, member: bytes | None = None) -> None:
        """One act on a lead (interest, pick, pass on, give back, withdraw, reopen, confirm...)."""
        terms = self.lead_terms(item_id) if act is Act.ACCEPT else b""
        self._coop.lead_act(item_id, act, member=member, terms=terms)

    def lead_terms(self, item_id: bytes) -> bytes:
        """The hash of a lead's current referral terms (what an acceptance signs)."""
        st = self._coop.item(item_id)
        if st is None:
            raise NoSuchItem(item=item_id.hex())
        return lead_rules.terms_hash(st)

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

    def lead_detail(self, item_id: str) -> LeadDetail | None:
        return views_lead.lead_detail(self._coop, item_id)

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
