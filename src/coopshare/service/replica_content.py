"""Applying content ops to item state: opening changes, authorisation of each change, the
fold into encrypted item rows, key releases and purges. Part of the ingest pipeline of
:class:`coopshare.service.replica.Replica`.
"""

from __future__ import annotations

from dataclasses import replace

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.model import attachments as att
from coopshare.model import talent_rules
from coopshare.model.comments import is_comment
from coopshare.model.fold import Change, ItemState
from coopshare.model.items import ACCEPT, ACT_FIELDS, Kind
from coopshare.protocol import content, preopen
from coopshare.protocol.codec import pack
from coopshare.protocol.ops import Op, OpKind
from coopshare.service import content_open, talent_purge, terms_gate
from coopshare.service.quarantine import changes_or_none
from coopshare.service.replica_base import (
    _GRANT_AAD,
    _ITEM_AAD,
    CLAIMER_FIELDS,
    HOLD_MAX,
    ReplicaBase,
    _header,
)


class ContentApplier(ReplicaBase):
    """Item ops' effect on derived state (the content half of Replica.apply)."""

    # --- content ------------------------------------------------------------------------------

    def _apply_content(self, op: Op) -> tuple[bytes, ...]:
        assert op.body is not None
        kind = op.header.kind
        author = self.roster.member_of(op.header.device) or b""
        if kind is OpKind.ITEM:
            changes = self._open_changes(op, author)
            return tuple(self._fold(ch) for ch in changes)
        if kind is OpKind.KEY_RELEASE:
            return self._apply_release(op, author)
        if kind is OpKind.PURGE:
            return self._apply_purge(op, author)
        if kind in (OpKind.COMMIT, OpKind.WITNESS):
            from coopshare.service import proofs  # loaded by the first proof op, not at start

            proofs.check(self, op, author)  # priority proof: checked here, counted when read
        return ()

    def _open_changes(self, op: Op, author: bytes) -> list[Change]:
        assert op.body is not None and self.coop_id is not None
        if op.header.kind is OpKind.KEY_RELEASE:  # its notice, when the item is folded again
            return terms_gate.notice_changes(op, author, self.coop_id, self.epoch_keys)
        pre = self.preopened.get(op.op_id)  # opened in the signature worker: protocol/preopen.py
        if pre is not None and (pre.author, pre.epoch_key) == (author, self._epoch_key(op)):
            changes = preopen.changes(pre)  # what changes_of makes of it
            self.opened_ahead += 1
        else:
            grants = self._grants(op.op_id, author)
            mine = author == self.me.member_id  # a handover: service/device_keys.py
            changes = content_open.changes_of(
                op,
                author,
                self.coop_id,
                self.epoch_keys,
                self.me.kex_key,
                grants,
                grants_are_own=mine,
            )
        changes = terms_gate.authorise(changes, author, self._change_allowed)
        if any(_is_act(ch) for ch in changes):
            h = op.header
            if self.store.hlc_before(h.device, h.seq) > h.hlc:  # evidence of backdating
                changes = [replace(ch, late=True) if _is_act(ch) else ch for ch in changes]
        return changes

    def _epoch_key(self, op: Op) -> bytes | None:
        return self.epoch_keys.get(op.header.epoch)

    def _refold_backdated(self, op: Op) -> tuple[bytes, ...]:
        """Items with acts of op's device at a higher seq but an earlier time than `op`: now
        that `op` is stored, their device's log shows those acts backdated (lead_rules)."""
        h = op.header
        later = self.store.dated_before(h.device, h.seq, h.hlc)
        items = {i for i in map(self.store.item_of_op, later) if i is not None}
        for item_id in sorted(items):
            self._refold(item_id)
        return tuple(sorted(items))

    def _change_allowed(self, ch: Change, author: bytes) -> bool:
        """The creator may change anything; others only claim a lead or, as admin, tombstone.
        An attachment chunk must keep the caps (model/attachments.py), whoever writes it."""
        if ch.kind is Kind.FILE and not att.change_allowed(
            ch.item_id, ch.fields, ch.body, ch.deleted
        ):
            return False
        """The creator may change anything; others only claim a lead or, as admin, tombstone."""
        if ch.kind in talent_rules.KINDS:  # windows and consents: model/talent_rules.py
            return talent_rules.allowed(ch, author)
        if ch.item_id[:8] == author[:8]:
            return True
        if ch.body is not None or ch.prev:
            return False
        if ch.kind is Kind.IDEA and set(ch.fields) == {ACCEPT}:  # a reader's acceptance
            return ch.deleted is None
        if ch.kind is Kind.NOTE and is_comment(ch.fields):  # a member's own comment record
            return ch.deleted is None
        if ch.kind is Kind.LEAD and ch.fields and set(ch.fields) <= CLAIMER_FIELDS:
            return ch.deleted is None
        return ch.deleted is not None and not ch.fields and self.roster.is_admin(author)

    def _fold(self, ch: Change) -> bytes:
        self.store.link_item_op(ch.op_id, ch.item_id)
        state = None if self._held is None else self._held.get(ch.item_id)  # batch_ingest.py
        if state is None:
            blob, linked = self.store.item_and_links(ch.item_id)
            state = None if blob is None else self._open_item(ch.item_id, blob)
        if state is None:
            if linked != 1:  # this op's own link is there: others' ops came before it
                # changes by others came first and were kept aside: fold them all together
                self._refold(ch.item_id)
                return ch.item_id
            state = ItemState(ch.item_id, ch.kind)
        me = self.me.member_id
        if ch.via_grant and not terms_gate.usable(state, ch, me):
            return ch.item_id  # kept linked: folded once a valid release makes it usable
        before = terms_gate.watched(state, me) and terms_gate.grants_usable(state, me)
        state.apply(ch)
        self._store_item(state)
        if terms_gate.watched(state, me) and terms_gate.grants_usable(state, me) != before:
            self._refold(ch.item_id)  # granted keys became usable here, or stopped being so
        return ch.item_id

    def _store_item(self, state: ItemState) -> None:
        """Save the derived row; an item with no creator's change or nothing left has none.
        In a batch's unguarded attempt the row is held open and written once (batch_ingest.py)."""
        held = self._held
        if held is not None:
            held.pop(state.item_id, None)
        if talent_purge.on_store(self, state):  # an ended or revoked window: purged instead
            return
        if state.has_creator and not state.is_empty:
            if held is not None:
                held[state.item_id] = state
                if len(held) > HOLD_MAX:  # memory stays bounded on a long catch-up
                    self.write_held()
            else:
                self._save_item(state)
            return
        self.store.delete_item(state.item_id)  # the GUI drops the row (ItemsChanged)
        if self._search is not None:
            self._search.remove(state.item_id.hex())

    def _save_item(self, state: ItemState) -> None:
        blob = p.seal(self._master, pack(state.to_plain()), _ITEM_AAD + state.item_id)
        self.store.put_item(state.item_id, state.kind.value, state.updated, blob)
        if self._search is not None:
            self._index(state)

    def _apply_release(self, op: Op, releaser: bytes) -> tuple[bytes, ...]:
        """Keep the data keys granted to this device; only an op's author may grant its keys.

        A grant for an op not stored yet is kept with its releaser and used only if that
        releaser turns out to be the op's author (_grants). The notice (second part, every
        member reads it) is folded into the item it names: idea_rules judges it.
        """
        assert op.body is not None and self.coop_id is not None
        parts = content.decode_parts(op.body)
        if len(parts) > 2:
            return ()
        touched = [
            self._fold(ch)
            for ch in terms_gate.notice_changes(op, releaser, self.coop_id, self.epoch_keys)
        ]
        dek = envelope.part_key(parts[0], self.coop_id, None, self.me.kex_key)
        if dek is None:
            return tuple(touched)
        for g in content.decode_grants(envelope.open_part(parts[0], dek, self.coop_id)):
            row = self.store.op_row(g.op_id)
            author = None if row is None else self.roster.member_of(_header(row[0]).device)
            if row is not None and author != releaser:
                continue
            sealed = p.seal(self._master, g.key, _GRANT_AAD + g.op_id)
            self.store.put_grant(g.op_id, g.part, releaser, sealed)
            if row is not None and row[2] is not None and author is not None:
                target = Op(_header(row[0]), row[0], row[1], row[2])
                touched += [self._fold(ch) for ch in changes_or_none(self, target, author)]
        return tuple(touched)

    def _grants(self, op_id: bytes, author: bytes) -> dict[int, list[bytes]]:
        """Data keys for the parts of `op_id` that its author granted to this device."""
        out: dict[int, list[bytes]] = {}
        for part, blob in self.store.grants_for(op_id, author):
            out.setdefault(part, []).append(p.open_sealed(self._master, blob, _GRANT_AAD + op_id))
        return out

    def _apply_purge(self, op: Op, author: bytes) -> tuple[bytes, ...]:
        assert op.body is not None
        touched: set[bytes] = set()
        for target in content.decode_purge(op.body):
            row = self.store.op_row(target)
            if row is None:
                self.store.request_purge(target, author)  # checked when the target arrives
                continue
            target_author = self.roster.member_of(_header(row[0]).device)
            if target_author != author and not self.roster.is_admin(author):
                continue
            if not self.store.purge_body(target, author):  # only item ops are ever purged
                continue
            item_id = self.store.item_of_op(target)
            if item_id is not None:
                touched.add(item_id)
        for item_id in touched:
            self._refold(item_id)
        return tuple(touched)

    def _refold(self, item_id: bytes) -> None:
        """Rebuild one item from its stored ops (after a purge, or once its creator's arrives).

        Changes opened with granted keys come last, once the rest shows whether they may be
        used (terms_gate.usable)."""
        changes: list[Change] = []
        for op_id in self.store.ops_of_item(item_id):
            row = self.store.op_row(op_id)
            if row is None or row[2] is None:
                continue
            op = Op(_header(row[0]), row[0], row[1], row[2])
            author = self.roster.member_of(op.header.device) or b""
            changes += [ch for ch in changes_or_none(self, op, author) if ch.item_id == item_id]
        own, granted = terms_gate.split(changes)
        state = ItemState(item_id, changes[0].kind if changes else Kind.NOTE)
        for ch in own:
            state.apply(ch)
        for ch in granted:
            if terms_gate.usable(state, ch, self.me.member_id):
                state.apply(ch)
        self._store_item(state)


_ACT_KEYS = CLAIMER_FIELDS | ACT_FIELDS | {"interest_until"}


def _is_act(ch: Change) -> bool:
    """A coop-wide lead change that carries an act (lead_rules.act_of)."""
    return ch.coop_wide and ch.kind is Kind.LEAD and not _ACT_KEYS.isdisjoint(ch.fields)
