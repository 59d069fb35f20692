"""Item ops opened in the signature worker (protocol/preopen.py, sync/checker.py): the
plaintexts it hands back decode to the changes the store thread makes itself, and take no more
memory than the batch's wire; an op it cannot open wholly with its
own epoch key is left to the store thread; the store thread uses a pre-opened result only with
the epoch key and author it would use itself; and a real sync uses them."""

from __future__ import annotations

import dataclasses
import itertools
import pickle
import string
import tracemalloc

import pytest

from coopshare.crypto import envelope
from coopshare.errors import ValidationError
from coopshare.model.items import Kind
from coopshare.protocol import content
from coopshare.protocol import preopen as preopen_mod
from coopshare.protocol.codec import MAX_MESSAGE, pack, unpack
from coopshare.protocol.messages import MAX_BATCH
from coopshare.protocol.ops import OpKind, decode_op
from coopshare.protocol.preopen import Opener, Preopened, preopen
from coopshare.service import content_open
from coopshare.service.coop import Coop
from coopshare.service.node_local import roster_snapshot
from coopshare.sync.checker import check_batch

from .conftest import MakeCoop, join
from .forge import coop_change, forge

ORG = "Bakkerij de Vries"


def _opener(c: Coop) -> Opener:
    opener = roster_snapshot(c).opener
    assert opener is not None
    return opener


def _own_changes(c: Coop, wire: bytes) -> list:  # type: ignore[type-arg]
    """What the store thread makes of the op itself (service/content_open.py)."""
    op = decode_op(wire)
    author = c.roster.member_of(op.header.device) or b""
    grants = c._grants(op.op_id, author)
    return content_open.changes_of(op, author, c.coop_id or b"", c.epoch_keys, c.me.kex_key, grants)


def test_the_workers_changes_are_the_store_threads_own(coop_ab) -> None:  # type: ignore[no-untyped-def]
    alice, bob = coop_ab
    bob.add_note("plain", "for everyone", ["t"])
    bob.add_lead({"title": "Open lead", "referral_terms": "thanks"})
    bob.add_note("sealed", "only for Alice", to=[alice.me.member_id])
    bob.add_lead({"title": "Interim CFO", "org": ORG, "referral_terms": "thanks"})
    bob.add_idea("Idea", "how it works", "ask-before-use")
    wires = [w for w in bob.wire_ops() if not alice.store.has_op(decode_op(w).op_id)]
    opened = skipped = 0
    for wire in wires:
        op = decode_op(wire)
        got = preopen(op, _opener(alice))
        if op.header.kind is not OpKind.ITEM:
            assert got is None
            continue
        own = _own_changes(alice, wire)
        assert op.body is not None
        modes = {part.mode for part in content.decode_parts(op.body)}
        if modes == {0}:  # every part coop-wide: opened in the worker, the very same changes
            assert got is not None and preopen_mod.changes(got) == own
            assert got.author == bob.me.member_id
            opened += 1
        else:  # a part sealed to devices: left to the store thread (it reads it with kex)
            assert got is None and own
            skipped += 1
    # opened: the plain note and the lead without client details; left: the sealed note, the
    # lead whose client details are sealed, the idea (sealed until its terms are accepted)
    assert (opened, skipped) == (2, 3)


def test_what_the_worker_cannot_open_is_left_to_the_store_thread(coop_ab) -> None:  # type: ignore[no-untyped-def]
    alice, bob = coop_ab
    item = b"\x07" * 16
    good = forge(bob, coop_change(bob, Kind.NOTE, item, {"title": "t"}, body="b"))
    op = good
    opener = _opener(alice)
    assert preopen(op, opener) is not None  # control: this op opens in the worker
    no_key = opener._replace(epoch_keys={})
    no_member = opener._replace(members={})
    other_coop = opener._replace(coop_id=b"\x01" * 32)  # the part's AAD names the coop
    assert preopen(op, no_key) is None
    assert preopen(op, no_member) is None
    assert preopen(op, other_coop) is None
    junk = forge(bob, pack([[0, b"w" * 60, b"c" * 40]]))  # does not open
    bad_change = forge(bob, coop_change(bob, Kind.NOTE, item, {"title": 7}))
    assert preopen(junk, opener) is None and preopen(bad_change, opener) is None
    # the store thread then does what it always did: a part it cannot open is skipped, a
    # malformed change is refused with its reason (and the op kept, marked: quarantine.py)
    assert _own_changes(alice, junk.encode()) == []
    with pytest.raises(ValidationError):
        _own_changes(alice, bad_change.encode())


@pytest.mark.parametrize(
    ("case", "forged_shows"), [("same", True), ("other key", False), ("other author", False)]
)
def test_a_preopened_result_counts_only_with_the_store_threads_key_and_author(
    make_replica: MakeCoop, case: str, forged_shows: bool
) -> None:
    """The store thread trusts its own worker's result (the same code on the same bytes), but
    only for the epoch key and author it would use: a result made with anything else is
    opened again. Control ("same"): a result with the right key and author is used, so a
    forged one shows; with another key or author it does not."""
    alice, bob = make_replica("Alice"), make_replica("Bob")
    alice.create_coop("C")
    join(alice, bob)
    bob.add_note("real title", "real text")
    wires = tuple(w for w in bob.wire_ops() if not alice.store.has_op(decode_op(w).op_id))
    out, _ = check_batch(wires, {}, _opener(alice))
    pre = {c[0]: c[6] for c in out if c is not None and c[6] is not None}
    assert len(pre) == 1
    op_id, got = next(iter(pre.items()))
    real = preopen_mod.changes(got)[0]
    forged = dataclasses.replace(real, fields={**real.fields, "title": "forged"})
    key, author = got.epoch_key, got.author
    if case == "other key":
        key = bytes(32)
    elif case == "other author":
        author = alice.me.member_id
    alice.preopened = {op_id: Preopened(key, author, preopen_mod.pack_changes([forged]), got.items)}
    alice.apply_batch([decode_op(w) for w in wires])
    alice.preopened = {}
    titles = {st.value("title") for st in alice.items(Kind.NOTE)}
    assert titles == ({"forged"} if forged_shows else {"real title"})
    assert alice.opened_ahead == (1 if forged_shows else 0)


def test_check_batch_hands_back_the_opened_changes(coop_ab) -> None:  # type: ignore[no-untyped-def]
    alice, bob = coop_ab
    for i in range(5):
        bob.add_note(f"n{i}", "text")
    wires = tuple(w for w in bob.wire_ops() if not alice.store.has_op(decode_op(w).op_id))
    without, _ = check_batch(wires, {})
    assert all(c is not None and c[6] is None for c in without)  # no opener: nothing opened
    out, _ = check_batch(wires, {}, _opener(alice))
    assert [c[6] is not None for c in out if c is not None] == [True] * 5
    hb, sig, body = unpack(wires[0])
    assert check_batch((pack([hb, sig, body[:-1]]),), {}, _opener(alice))[0] == [None]


def test_ops_cross_the_process_boundary_unchanged(coop_ab) -> None:  # type: ignore[no-untyped-def]
    """Header and Op pickle as their fields (faster than a dataclass's own state): every field
    comes back, the op id too (it is not hashed again); the worker hands an op back without
    its body, and the body cut from the wire makes it the decoded op again."""
    from coopshare.protocol.ops import with_wire_body

    _alice, bob = coop_ab
    bob.add_note("n", "text")
    wire = list(bob.wire_ops())[-1]
    op = decode_op(wire)
    for value in (op, op.header, op.without_body()):
        back = pickle.loads(pickle.dumps(value))
        assert back == value and type(back) is type(value)
    assert pickle.loads(pickle.dumps(op)).op_id == op.op_id
    assert with_wire_body(op.without_body(), wire) == op
    empty = forge(bob, b"")  # a body of no bytes: an empty cut, not the whole wire
    assert with_wire_body(empty.without_body(), empty.encode()).body == b""


def test_a_batchs_opened_changes_take_no_more_memory_than_its_wire(coop_ab) -> None:  # type: ignore[no-untyped-def]
    """The engine holds the pre-check results of up to QUEUE_BATCHES batches (and of a group
    of GROUP_OPS ops being applied) at once: it bounds memory by batches of at most a message
    each. What the worker hands back for a batch must therefore stay about the size of the
    batch's wire bytes, whatever a member writes. Attack: a full message of item ops, each
    with four coop-wide parts of short tags (a 2-letter tag is 3 bytes of msgpack and ~60
    bytes as a Python str in a list): handed back as decoded changes, 8.9 times the wire.
    The worker hands them back pickled (unpickled on the store thread when the op is applied):
    1.7 times. Control: every op is really opened ahead."""
    alice, bob = coop_ab
    eid = bob.roster.current_epoch
    assert eid is not None and bob.coop_id is not None
    tags = ["".join(t) for t in itertools.product(string.ascii_letters, repeat=2)][:2600]
    wires: list[bytes] = []
    total = 0
    while len(wires) < MAX_BATCH:
        parts = []
        for k in range(content.MAX_PARTS):
            at = (len(wires) * content.MAX_PARTS + k) * 50 % 2550
            plain = content.encode_change(Kind.NOTE, bytes(16), {"tags": tags[at : at + 50]})
            parts.append(envelope.seal_coop(plain, bob.epoch_keys[eid], bob.coop_id)[0])
        wire = forge(bob, content.encode_parts(parts)).encode()
        if total + len(wire) + 16 > MAX_MESSAGE:
            break
        wires.append(wire)
        total += len(wire)
    out, _ = check_batch(tuple(wires), {}, _opener(alice))
    assert all(c is not None and c[6] is not None for c in out)  # control: all opened ahead
    sent = pickle.dumps(out)  # what the worker sends back over the pipe
    tracemalloc.start()
    try:
        got = pickle.loads(sent)  # what the node then holds until the batch is applied
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(got) == len(wires)
    assert held < 2 * total, f"{held / total:.1f} times the batch's {total} wire bytes"


def test_every_field_of_a_change_crosses_back(coop_ab) -> None:  # type: ignore[no-untyped-def]
    """The worker packs each change as a tuple of its fields (protocol/preopen.py
    pack_changes): a change with every field set comes back equal, and a field added to
    Change without being packed fails here."""
    alice, bob = coop_ab
    bob.add_note("n", "text")
    op = decode_op(list(bob.wire_ops())[-1])
    ch = dataclasses.replace(
        _own_changes(alice, op.encode())[0],
        prev=(b"\x01" * 32,),
        deleted=True,
        via_grant=True,
        release=(b"\x02" * 32, (b"\x03" * 32,)),
        refused="rule",
        coop_wide=True,
        late=True,
    )
    pre = Preopened(b"k" * 32, ch.author, preopen_mod.pack_changes([ch, ch]), (ch.item_id,))
    assert preopen_mod.changes(pre) == [ch, ch]
    assert len(dataclasses.fields(ch)) == 14  # each one is in pack_changes' tuple
