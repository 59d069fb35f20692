"""Writing to the cooperative: every change becomes a signed op applied through the replica.

:class:`Coop` is what the CLI (and later the Node and the GUI) call. Each method validates its
input first (nothing half-done reaches the log), builds the op body, signs the op and feeds it
through :meth:`Replica.apply` like any op from a peer.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.errors import (
    RULE_AUTHOR_ONLY,
    RULE_LEAD_STEP,
    AmbiguousName,
    NoRecipientDevice,
    NoSuchItem,
    NotAllowed,
    SchemaError,
)
from coopshare.model.fold import ItemState
from coopshare.model.idea_rules import OWNER_ONLY
from coopshare.model.items import (
    ACT_FIELDS,
    AUDIENCE,
    FIELDS,
    Act,
    Kind,
    Terms,
    check_derived_terms,
    split_sealed,
    validate_body,
    validate_fields,
)
from coopshare.protocol import content
from coopshare.protocol.ops import Header, OpKind
from coopshare.service import coop_terms, lead_acts, thanks
from coopshare.service.coop_roster import RosterAuthor


class Coop(RosterAuthor):
    """Every command that writes ops (roster from RosterAuthor; items here)."""

    # --- items --------------------------------------------------------------------------------

    def new_item_id(self) -> bytes:
        return self.me.member_id[:8] + p.random_bytes(8)

    def write_item(
        self,
        kind: Kind,
        item_id: bytes,
        fields: Mapping[str, Any],
        *,
        body: str | None = None,
        deleted: bool | None = None,
        to: Sequence[bytes] = (),
    ) -> bytes:
        """Validate and write one change of an item; `to` seals everything to those members.

        An item that was sent to named members keeps that audience: every later change (an
        edit, a deletion) is sealed to the same members, never written coop-wide.
        """
        clean = validate_fields(kind, fields)
        if body is not None:
            body = validate_body(body)
        prev: tuple[bytes, ...] = ()
        current = self.item(item_id)
        if body is not None and current is not None:
            prev = tuple(current.heads)  # this edit has seen every head: resolves a conflict
        audience = [*to, *(bytes.fromhex(m) for m in clean.pop(AUDIENCE, []))]
        known = [bytes.fromhex(m) for m in current.value(AUDIENCE, [])] if current else []
        if audience or known:
            audience = sorted({*audience, *known, self.me.member_id})
            if AUDIENCE in FIELDS[kind]:
                clean[AUDIENCE] = [m.hex() for m in audience]
        coop_fields, sealed_fields = split_sealed(kind, clean)
        coop_id = self._coop()
        eid, key = self._epoch()
        parts = []
        body_part = None
        if kind is Kind.IDEA and body is not None:  # sealed to the owners until released
            owners = clean.get("owners") or (current.value("owners", []) if current else [])
            to_owners = sorted({*(bytes.fromhex(o) for o in owners), self.me.member_id})
            body_plain = content.encode_change(kind, item_id, {}, body=body, prev=prev)
            body_part = envelope.seal_to(
                body_plain, self._devices_of(to_owners, required=()), coop_id
            )[0]
            body, prev = None, ()
        if audience:
            # named members must be reachable; members of a known audience may have left since
            recipients = self._devices_of(audience, required=to)
            plain = content.encode_change(
                kind, item_id, clean, body=body, prev=prev, deleted=deleted
            )
            parts.append(envelope.seal_to(plain, recipients, coop_id)[0])
        else:
            plain = content.encode_change(
                kind, item_id, coop_fields, body=body, prev=prev, deleted=deleted
            )
            parts.append(envelope.seal_coop(plain, key, coop_id)[0])
            if sealed_fields:  # e.g. a lead's client: only the giver until released to a claimer
                sealed = content.encode_change(kind, item_id, sealed_fields)
                parts.append(
                    envelope.seal_to(sealed, self._devices_of([self.me.member_id]), coop_id)[0]
                )
        if body_part is not None:
            parts.append(body_part)
        self._append(OpKind.ITEM, content.encode_parts(parts), eid)
        return item_id

    def _devices_of(
        self, members: Iterable[bytes], *, required: Collection[bytes] | None = None
    ) -> list[bytes]:
        """Kex keys of the members' active devices; `required` (default: all) must have one."""
        keys = []
        for mid in dict.fromkeys(members):
            devices = self.roster.active_devices_of(mid)
            if not devices and (required is None or mid in required):
                raise NoRecipientDevice()
            keys += [d.kex_pk for d in devices]
        return keys

    def add_note(
        self, title: str, body: str, tags: Sequence[str] = (), to: Sequence[bytes] = ()
    ) -> bytes:
        return self.write_item(
            Kind.NOTE, self.new_item_id(), {"title": title, "tags": list(tags)}, body=body, to=to
        )

    def edit_item(self, item_id: bytes, fields: Mapping[str, Any], body: str | None = None) -> None:
        st = self._existing(item_id)
        self._require_author(st)
        if st.kind is Kind.LEAD and ("status" in fields or ACT_FIELDS & set(fields)):
            raise NotAllowed(rule=RULE_LEAD_STEP)  # a lead moves only by its acts
        if st.kind is Kind.LEAD and "interest_until" in fields:
            lead_acts.check_window(self, st)
        self.write_item(st.kind, item_id, fields, body=body)

    def delete_item(self, item_id: bytes) -> None:
        st = self._existing(item_id)
        if not self.roster.is_admin(self.me.member_id):
            self._require_author(st)
        self.write_item(st.kind, item_id, {}, deleted=True)

    def add_lead(self, fields: Mapping[str, Any]) -> bytes:
        fields = {k: v for k, v in fields.items() if k != "status"}  # a new lead is open
        return self.write_item(Kind.LEAD, self.new_item_id(), fields)

    def lead_act(
        self, item_id: bytes, act: Act, *, member: bytes | None = None, terms: bytes = b""
    ) -> None:
        """Sign one act on a lead; NotAllowed(rule) if the rules would give it no effect."""
        lead_acts.act(self, item_id, act, member=member, terms=terms)

    def claim_lead(self, item_id: bytes, terms: bytes = b"") -> None:
        self.lead_act(item_id, Act.CLAIM, terms=terms)

    def set_lead_status(self, item_id: bytes, status: str) -> None:
        self.lead_act(item_id, lead_acts.status_act(status))

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
    ) -> bytes:
        owner_only = terms == Terms.PRIVATE.value and not to  # never released (idea_rules)
        fields: dict[str, Any] = {
            "title": title,
            "tags": list(tags),
            "terms": terms,
            "owners": [self.me.member_id.hex()],
            "audience": "named" if to else (OWNER_ONLY if owner_only else "coop"),
            "derived_from": [d.hex() for d in derived_from],
        }
        if embargo_until:
            fields["embargo_until"] = embargo_until
        clean = validate_fields(Kind.IDEA, fields)
        for parent_id in derived_from:
            parent = self._existing(parent_id)
            if parent.kind is not Kind.IDEA:
                raise SchemaError("derived_from: must name an idea")
            check_derived_terms(Terms(clean["terms"]), Terms(parent.value("terms", "private")))
        to = [self.me.member_id] if owner_only else to
        return self.write_item(Kind.IDEA, self.new_item_id(), clean, body=body, to=to)

    def set_profile(self, fields: Mapping[str, Any]) -> bytes:
        item_id = self.me.member_id[:8] + b"profile\0"
        return self.write_item(Kind.PROFILE, item_id, fields)

    def thank(self, target: bytes, text: str = "") -> bytes:
        """Thank for a note or lead (an item id) or an introduction (a member id)."""
        return thanks.give(self, target, text)

    def release(self, item_id: bytes, member_id: bytes) -> int:
        """Grant `member_id` the keys of the sealed parts of my ops on this item; returns count.

        Receivers accept grants only from an op's author, so only my own ops are granted. An
        idea or a lead is released only to a member who accepted its current terms.
        """
        st = self._existing(item_id)
        if st.kind is Kind.IDEA:
            return coop_terms.release_idea(self, item_id, member_id)
        if st.kind is Kind.LEAD:
            return coop_terms.release_lead(self, item_id, member_id)
        return coop_terms.write_release(self, item_id, member_id, self.store.ops_of_item(item_id))

    def accept_terms(self, item_id: bytes) -> str:
        """Sign my acceptance of an idea's current terms (its owner's device then releases)."""
        return coop_terms.accept(self, item_id)

    def purge(self, item_id: bytes) -> None:
        self._existing(item_id)
        mine = [
            o for o in self.store.ops_of_item(item_id) if self._author_of(o) == self.me.member_id
        ]
        eid, _ = self._epoch()
        self._append(OpKind.PURGE, content.encode_purge(mine), eid)

    def purge_ops(self, op_ids: Iterable[bytes]) -> int:
        """Purge those of `op_ids` that are mine and still have a body (purge ops of at most
        MAX_TARGETS each); returns how many."""
        mine = [o for o in op_ids if self._author_of(o) == self.me.member_id]
        mine = [o for o in mine if (row := self.store.op_row(o)) is not None and row[2]]
        if not mine:
            return 0
        eid, _ = self._epoch()
        for i in range(0, len(mine), content.MAX_TARGETS):
            self._append(OpKind.PURGE, content.encode_purge(mine[i : i + content.MAX_TARGETS]), eid)
        return len(mine)

    def _author_of(self, op_id: bytes) -> bytes | None:
        row = self.store.op_row(op_id)
        return None if row is None else self.roster.member_of(Header.decode(row[0]).device)

    def _require_author(self, st: ItemState) -> None:
        if st.creator == self.me.member_id[:8]:
            return
        raise NotAllowed(rule=RULE_AUTHOR_ONLY)

    def _existing(self, item_id: bytes) -> ItemState:
        st = self.item(item_id)
        if st is None:
            raise NoSuchItem(item=item_id.hex())
        return st

    def find_item(self, prefix: str) -> bytes:
        prefix = prefix.strip().lower()
        hits = (
            [st.item_id for st in self.items() if st.item_id.hex().startswith(prefix)]
            if prefix
            else []
        )
        if len(hits) != 1:
            raise NoSuchItem(item=prefix) if not hits else AmbiguousName(name=prefix)
        return hits[0]

    # --- status -------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        counts = self.store.count_items()
        eid = self.roster.current_epoch
        return {
            "coop_id": self.coop_id.hex() if self.coop_id else None,
            "coop_name": self.coop_name(),
            "me": {
                "name": self.me.name,
                "member_id": self.me.member_id.hex(),
                "device_id": self.me.device_id.hex(),
            },
            "members": len(self.roster.members),
            "ops": self.store.count_ops(),
            "items": {k.value: counts.get(k.value, 0) for k in Kind if k is not Kind.FILE},
            "version_vector": {d.hex(): s for d, s in sorted(self.store.version_vector().items())},
            "roster_heads": [h.hex() for h in self.roster.heads],
            "epoch": eid.hex() if eid else None,
            "quarantined": len(self.store.quarantined()),
            "equivocating_devices": [d.hex() for d in self.store.equivocating_devices()],
        }
