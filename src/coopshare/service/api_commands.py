"""`Api`: every command and query on one unlocked data folder (re-exported by
``service/api.py``, the one door; see there)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coopshare.errors import RULE_NO_ACCEPTANCE, NoSuchItem, NotAllowed
from coopshare.identity.recovery import encode as encode_recovery
from coopshare.model import lead_rules
from coopshare.model.fold import ItemState
from coopshare.model.items import Act, Kind
from coopshare.service import (
    activity,
    invites,
    people_admin,
    thanks,
    trash,
    views,
    views_ideas,
    views_lead,
    views_people,
    views_typed,
    views_work,
)
from coopshare.service import ledger as ledger_view
from coopshare.service.api_data import DataCommands
from coopshare.service.api_devices import DeviceCommands
from coopshare.service.api_proof import ProofCommands
from coopshare.service.api_talent import TalentCommands
from coopshare.service.coop import Coop
from coopshare.service.new_items import ItemEdit, NewLead
from coopshare.service.read_models import (
    AudienceMember,
    HeldBack,
    KnownPeer,
    Link,
    Member,
    MemberCard,
    NewInvite,
    NoteDetail,
    Overview,
    Profile,
    ProfileEdit,
    Status,
    Watch,
)
from coopshare.service.views import Row
from coopshare.service.views_ideas import IdeaTerms
from coopshare.service.views_lead import LeadDetail
from coopshare.service.views_work import IdeaChoice, IdeaDetail

if TYPE_CHECKING:  # comments load when first read or written
    from coopshare.service.comments import CommentView
    from coopshare.service.importer import ImportReport, Progress


class Api(DataCommands, ProofCommands, TalentCommands, DeviceCommands):
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
        return encode_recovery(self._coop.me.member_seed())

    def my_member_id(self) -> bytes:
        return self._coop.me.member_id

    def diagnostics(self) -> list[HeldBack]:
        """Ops held back on this device (skipped: content that cannot be used; parked), with
        the reason; no user content."""
        return views_typed.diagnostics(self._coop)

    def status(self) -> Status:
        """Counts, version vector and roster head (the CLI's ``status --json``)."""
        return views_typed.status(self._coop)

    # --- members ------------------------------------------------------------------------------

    def find_member(self, name: str) -> bytes:
        return self._coop.find_member(name)

    def remove_member(self, member_id: bytes) -> None:
        """Remove a member (admins only): new keys for everything written after."""
        people_admin.remove_member(self._coop, member_id)

    def change_role(self, member_id: bytes, role: str) -> None:
        """Make a member an admin ("admin") or an ordinary member ("member"); admins only."""
        people_admin.change_role(self._coop, member_id, role)

    def roster_view(self) -> people_admin.RosterView:
        return people_admin.roster_view(self._coop)

    def open_invites(self) -> list[people_admin.OpenInvite]:
        return people_admin.open_invites(self._coop)

    def revoke_invite(self, token_id: bytes) -> None:
        people_admin.revoke_invite(self._coop, token_id)

    def members(self) -> list[Member]:
        return views_typed.members(self._coop)

    def member_cards(self) -> list[MemberCard]:
        """Members with safety numbers and their current profiles (the People page)."""
        return views_typed.member_cards(self._coop)

    def my_profile(self) -> Profile:
        return views_typed.my_profile(self._coop)

    def save_profile(self, edit: ProfileEdit) -> None:
        """Share a new version of my talent profile; its windows replace my own windows."""
        windows = tuple((w.start, w.end, w.hours, w.region, w.remote) for w in edit.availability)
        self.set_talent_profile(edit.skills, edit.ambitions, windows)

    def can_invite(self) -> bool:
        return views_people.can_invite(self._coop)

    def create_invite(self, role: str, ttl: int, listen: tuple[str, int] | None) -> NewInvite:
        return views_typed.new_invite(views_people.create_invite(self._coop, role, ttl, listen))

    def pending_invites(self) -> int:
        return len(invites.pending(self._coop))

    def audience_members(self) -> list[AudienceMember]:
        """Members an idea can be addressed to; me first."""
        return views_typed.audience_members(self._coop)

    # --- items: writing -------------------------------------------------------------------------

    def find_item(self, prefix: str) -> bytes:
        return self._coop.find_item(prefix)

    def add_note(
        self, title: str, body: str, tags: Sequence[str] = (), to: Sequence[bytes] = ()
    ) -> str:
        return self._coop.add_note(title, body, list(tags), list(to)).hex()

    def edit_item(self, item_id: bytes, edit: ItemEdit) -> None:
        self._coop.edit_item(item_id, edit.fields(), edit.body)

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

    def add_lead(self, lead: NewLead) -> str:
        return self._coop.add_lead(lead.fields()).hex()

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

    def release_lead(self, item_id: bytes) -> int:
        """Release my lead's sealed fields to its current claimer (who accepted the terms)."""
        st = self._coop.item(item_id)
        claimer = None if st is None else lead_rules.derive(st).claimer
        if st is None or claimer is None:
            raise NotAllowed(rule=RULE_NO_ACCEPTANCE)
        return self._coop.release(item_id, claimer)

    def accept_terms(self, item_id: bytes) -> str:
        """Sign my acceptance of an idea's current terms; returns the terms hash."""
        return self._coop.accept_terms(item_id)

    def idea_terms(self, item_id: bytes) -> IdeaTerms | None:
        """Where I stand with an idea's terms, its receipts, pending requests and history."""
        return views_ideas.idea_terms(self._coop, item_id)

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

    def import_markdown(self, folder: Path, progress: Progress | None = None) -> ImportReport:
        """Import (or update) a folder of Markdown files; `progress(done, total)` per note."""
        from coopshare.service.importer import import_folder  # markdown-it: on first use

        return import_folder(self._coop, folder, progress)

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

    def overview(self) -> Overview:
        return views_typed.overview(self._coop)

    def watch(self) -> Watch:
        """What the tray notifier compares: my skills, the leads, the members."""
        return views_typed.watch(self._coop)

    def page(self, kind: Kind | None, offset: int, limit: int) -> list[Row]:
        return views.page(self._coop, kind, offset, limit)

    def rows_count(self, kind: Kind | None) -> int:
        return views.rows_count(self._coop, kind)

    def summaries_of(self, ids: tuple[bytes, ...]) -> list[Row]:
        return views.summaries_of(self._coop, ids)

    def note_detail(self, item_id: str) -> NoteDetail | None:
        """The note `item_id` (hex) as the editor shows it; None if unknown or not a note."""
        return views_typed.note_detail(self._coop, item_id)

    def comments(self, item_id: str) -> list[CommentView]:
        """The comments under a note, oldest first (each its writer's own record)."""
        from coopshare.service import comments

        return comments.of_note(self._coop, bytes.fromhex(item_id))

    def comment(self, item_id: bytes, text: str, of: bytes | None = None) -> str:
        """My comment on a note; with `of`, a change (empty `text`: removal) of my comment."""
        from coopshare.service import comments

        return comments.write(self._coop, item_id, text, of)

    def backlinks(self, title: str) -> list[Link]:
        return views_typed.backlinks(self._coop, title)

    def backlinks_of(self, item_id: str) -> list[Link]:
        """Notes that link to the item's title."""
        st = self._coop.item(bytes.fromhex(item_id))
        return [] if st is None else views_typed.backlinks(self._coop, str(st.value("title", "")))

    def find_by_title(self, title: str) -> str | None:
        return views.find_by_title(self._coop, title)

    def search(self, text: str, limit: int = 30) -> list[Row]:
        """Items matching `text`, best first, as list rows."""
        return views_typed.search(self._coop, text, limit)

    def activity(self, limit: int = activity.FEED_EVENTS) -> list[activity.ActivityEvent]:
        """The Activity feed: one row per event (who did what, when), newest first."""
        return activity.feed(self._coop, limit)

    def jump_to(self, text: str, limit: int = 30) -> list[Row]:
        """The quick switcher: notes, leads and ideas by title (the newest with no text)."""
        names: dict[bytes, str] = {}
        return [views.row(self._coop, st, names) for st in self._coop.titled(text, limit)]

    def lead_detail(self, item_id: str) -> LeadDetail | None:
        return views_lead.lead_detail(self._coop, item_id)

    def idea_detail(self, item_id: str) -> IdeaDetail | None:
        return views_work.idea_detail(self._coop, item_id)

    def ideas_to_derive_from(self) -> list[IdeaChoice]:
        return views_work.ideas_to_derive_from(self._coop)

    def count(self, kind: Kind) -> int:
        return views_work.count(self._coop, kind)

    # --- thanks and the ledger ------------------------------------------------------------------

    def thank(self, target: bytes, text: str = "") -> str:
        """Thank for a note or a lead (item id) or an introduction (member id)."""
        return self._coop.thank(target, text).hex()

    def thanked(self, target: bytes) -> bool:
        """Have I thanked for this item or member already?"""
        return thanks.already(self._coop, target)

    def thanks_target(self, text: str) -> bytes:
        """An item id prefix, else a member's name (an introduction)."""
        return thanks.target_from_text(self._coop, text)

    def ledger(self) -> ledger_view.Ledger:
        """Mine in full, the others' counts by name, my private nudges."""
        return ledger_view.ledger(self._coop)

    def member_ledger(self, member_id: bytes) -> ledger_view.Counts:
        return ledger_view.member_counts(self._coop, member_id)

    # --- network, as stored -------------------------------------------------------------------

    def peer_list(self) -> list[KnownPeer]:
        """Known, discovered and connected peers, and how each was found (``list peers``)."""
        return views_typed.peer_list(self._coop)

    def close(self) -> None:
        """Close the store (one-shot use only; a Runtime closes its own)."""
        self._coop.store.close()
