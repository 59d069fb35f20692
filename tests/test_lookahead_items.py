"""The look-ahead's answer for a batch's new items (store/lookahead.py): whatever a batch does to
its items' rows and links, "row and link count?" is what the tables say; and a batch applied
with the worker's opened changes (which name its items) ends where one without them ends."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coopshare.model.items import Kind
from coopshare.protocol.ops import decode_op
from coopshare.service.node_local import _prebuilt, roster_snapshot
from coopshare.store.db import Store
from coopshare.sync.checker import check_batch

from .conftest import MakeCoop, join

ITEMS = [bytes([i]) * 16 for i in range(4)]
STEPS = st.lists(
    st.tuples(st.sampled_from(["link", "put", "delete", "unlink", "ask"]), st.integers(0, 3)),
    max_size=30,
)


def _truth(store: Store, item_id: bytes) -> tuple[bytes | None, int]:
    row = store._c.execute(
        "SELECT (SELECT state FROM items WHERE item_id=?1),"
        " (SELECT COUNT(*) FROM item_ops WHERE item_id=?1)",
        (item_id,),
    ).fetchone()
    return (None if row[0] is None else bytes(row[0])), int(row[1])


@settings(max_examples=60, deadline=None)
@given(before=STEPS, during=STEPS)
def test_new_items_answered_ahead_match_the_tables(
    tmp_path_factory: object, before: list[tuple[str, int]], during: list[tuple[str, int]]
) -> None:
    folder = Path(tmp_path_factory.mktemp("la"))  # type: ignore[attr-defined]
    store = Store.open(folder)
    n = [0]

    def do(step: str, i: int) -> None:
        item = ITEMS[i]
        if step == "link":
            n[0] += 1
            store.link_item_op(n[0].to_bytes(32, "big"), item)
        elif step == "put":
            store.put_item(item, "note", n[0], b"state %d" % n[0])
        elif step == "delete":
            store.delete_item(item)
        elif step == "unlink":
            store.unlink_item(item)
        else:
            assert store.item_and_links(item) == _truth(store, item)

    try:
        with store.tx():
            for step, i in before:
                do(step, i)
        answered = 0
        with store.tx():
            store.look_ahead([], ITEMS)
            ahead = store._ahead
            assert ahead is not None
            for step, i in during:
                if step == "ask" and ahead.item_and_links(ITEMS[i]) is not None:
                    answered += 1  # answered without a query: it must be the truth
                do(step, i)
            for item in ITEMS:
                assert store.item_and_links(item) == _truth(store, item)
        # control: items nothing touched before the batch are answered ahead at first
        touched = {ITEMS[i] for _, i in before}
        first_asks = [i for step, i in during[:1] if step == "ask"]
        if first_asks and ITEMS[first_asks[0]] not in touched:
            assert answered >= 1
    finally:
        store.close()


def test_a_batch_with_its_items_known_ahead_ends_where_one_without_ends(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = make_replica("Alice"), make_replica("Bob"), make_replica("Carol")
    alice.create_coop("C")
    join(alice, bob)
    join(alice, carol)
    note = alice.add_note("existing", "known to all")  # an item both receivers hold already
    for r in (bob, carol):
        r.apply_batch(list(alice.wire_ops()))
    alice.edit_item(note, {"title": "edited"}, body="new text")
    for i in range(30):
        alice.add_note(f"n{i}", "text")
    ids = {decode_op(w).op_id for w in bob.wire_ops()}
    wires = tuple(w for w in alice.wire_ops() if decode_op(w).op_id not in ids)
    snap = roster_snapshot(bob)
    checked, _ = check_batch(wires, snap.pks, snap.opener)
    bob.preopened = {c[0]: c[6] for c in checked if c is not None and c[6] is not None}
    bob.apply_batch(list(_prebuilt(wires, checked)))  # as the node hands them on
    bob.preopened = {}
    carol.apply_batch(list(wires))  # the store thread opens everything itself
    assert bob.opened_ahead == 31 and carol.opened_ahead == 0  # control: the two paths

    def view(c: object) -> list[tuple[bytes, str]]:
        return sorted((s.item_id, repr(s.view())) for s in c.items(Kind.NOTE))  # type: ignore[attr-defined]

    assert view(bob) == view(carol)
    assert len(view(bob)) == 31
