"""A hostile batch applied with the signature worker's pre-opened parts (protocol/preopen.py)
ends in exactly the state the store thread's own path gives: two copies of one replica apply
the same batch, one with what check_batch opened ahead (from a snapshot taken before the
batch), one without, and everything they keep is compared.

The batch holds: coop-wide notes and an edit; a note sealed to one member and released (a key
release: opened via a grant) to the receiver; a lead whose client details are sealed (parts
of both modes); a purge of a note in the same batch as the note; a malformed change and a part
that does not open (quarantine); a member's removal, so that the ops after it are under an
epoch key the receiver learns mid-batch; and adversarial copies: a header-only copy before the
full one, and a copy with a broken signature before the real one."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from coopshare.errors import ValidationError
from coopshare.identity.keystore import Unlocked
from coopshare.model.items import Kind
from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.ops import OpKind, decode_op
from coopshare.service import quarantine
from coopshare.service.coop import Coop
from coopshare.service.node_local import roster_snapshot
from coopshare.store.db import Store
from coopshare.sync.checker import check_batch

from .conftest import MakeCoop, join, sync
from .forge import coop_change, forge, header_only


def _state(c: Coop) -> dict[str, Any]:
    return {
        "items": sorted(pack(st.to_plain()) for st in c.items(include_deleted=True)),
        "ops": sorted(c.wire_ops()),
        "held": sorted((d["op_id"], d["state"], d["reason"]) for d in quarantine.diagnostics(c)),
        "keys": dict(c.epoch_keys),
        "roster": sorted(c.roster.active),
    }


def test_a_hostile_batch_ends_the_same_with_and_without_the_worker(
    make_replica: MakeCoop, tmp_path: Path
) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    dave = make_replica("Dave")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, dave)
    join(alice, carol)  # the receiver: it holds the first epoch key, then falls behind
    sync(alice, bob)
    n1 = bob.add_note("plain", "for everyone", ["t", "u"])
    n2 = bob.add_note("to purge", "soon gone")
    bob.edit_item(n1, {"title": "edited"}, body="edited text")
    sealed = bob.add_note("sealed", "for Alice", to=[alice.me.member_id])
    bob.add_lead({"title": "Interim CFO", "org": "Bakkerij", "referral_terms": "thanks"})
    bob.release(sealed, carol.me.member_id)
    for body in (
        coop_change(bob, Kind.NOTE, bytes(16), {"title": 7}),  # malformed: quarantined
        pack([[0, b"w" * 60, b"c" * 40]]),  # a part that does not open: skipped
    ):
        bob.apply(forge(bob, body).encode())
    bob.purge(n2)
    sync(alice, bob)
    alice.remove_member(dave.me.member_id)  # a new epoch: its key reaches Carol in the batch
    sync(alice, bob)
    late = bob.add_note("after the rekey", "new epoch")
    bob.edit_item(late, {"tags": ["x"]})
    sync(alice, bob)

    wires = [w for w in alice.wire_ops() if not carol.store.has_op(decode_op(w).op_id)]
    kinds = {decode_op(w).header.kind for w in wires}
    assert {OpKind.ITEM, OpKind.PURGE, OpKind.KEY_RELEASE, OpKind.REMOVE_MEMBER} <= kinds
    batch: list[bytes] = []
    items = [w for w in wires if decode_op(w).header.kind is OpKind.ITEM]
    for w in wires:
        if w in items and not items.index(w) % 2:  # a relay stripped the body; full copy next
            batch.append(header_only(w))
        elif w in items:  # a copy with a broken signature first, then the real one
            hb, _, body = unpack(w)
            batch.append(pack([hb, bytes(64), body]))
        batch.append(w)
    unlocked = Unlocked(carol.me, carol._master)
    opener = roster_snapshot(carol).opener  # the worker's snapshot: taken before the batch
    assert opener is not None
    carol.store.close()
    shutil.copytree(carol.store.folder, tmp_path / "carol-copy")
    ahead = Coop(unlocked, Store.open(carol.store.folder))
    own = Coop(unlocked, Store.open(tmp_path / "carol-copy"))
    try:
        snap = roster_snapshot(ahead)
        out, _ = check_batch(tuple(batch), snap.pks, opener)
        verified = {(c[0], c[3]) for c in out if c is not None and c[4]}
        pre = {c[0]: c[6] for c in out if c is not None and c[6] is not None}
        ahead.preverified.update(verified)  # as EngineView.apply_ops hands them over
        ahead.preopened = pre
        got_ahead = ahead.apply_batch(list(batch))
        ahead.preopened = {}
        ahead.preverified.clear()
        own.preverified.update(verified)  # the same, without the opened parts (before 29f176f)
        got_own = own.apply_batch(list(batch))
        own.preverified.clear()
        assert ahead.opened_ahead > 0 and own.opened_ahead == 0  # control: the worker's used
        first_epoch = decode_op(wires[0]).header.epoch
        rekeyed = [
            decode_op(w).op_id
            for w in wires
            if decode_op(w).header.kind is OpKind.ITEM and decode_op(w).header.epoch != first_epoch
        ]
        assert rekeyed and not set(rekeyed) & set(pre)  # their epoch key came in the batch
        assert [type(r).__name__ for r in got_ahead] == [type(r).__name__ for r in got_own]
        assert [str(r) for r in got_ahead if isinstance(r, ValidationError)] == [
            str(r) for r in got_own if isinstance(r, ValidationError)
        ]
        assert _state(ahead) == _state(own)
        titles = {st.value("title") for st in own.items(Kind.NOTE)}
        assert {"edited", "sealed", "after the rekey"} <= titles  # the batch really applied
        assert own.item(n2) is None  # purged in the batch
        assert _state(own)["held"]  # the malformed change went through the quarantine
        opened = [decode_op(w).op_id in pre for w in items]
        assert opened[0] and opened[2] and not opened[3]  # coop-wide yes; sealed no
    finally:
        ahead.store.close()
        own.store.close()
