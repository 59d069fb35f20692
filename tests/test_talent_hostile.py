"""Hostile bytes in the talent bank and comments (review of session 6): a window, consent or
comment change of any shape decodes to a change or raises a ValidationError, and the rules and
folds that read what did decode never raise; a signed op whose change cannot be used (a
`reason` field among them) is kept, skipped and marked, and the batch it came in goes on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as hs

from coopshare.errors import ValidationError
from coopshare.model import comments, talent_rules
from coopshare.model.fold import ItemState
from coopshare.model.items import Kind
from coopshare.protocol import content
from coopshare.protocol.codec import pack
from coopshare.protocol.ops import decode_op
from coopshare.service import quarantine, talent
from coopshare.service.coop import Coop

from .conftest import MakeCoop, three_members
from .forge import forge, sealed_raw_change

TODAY = dt.datetime.now(dt.UTC).date()
ME = bytes(range(32))
HLC = 1_800_000_000_000 << 16

_scalars = hs.one_of(
    hs.none(),
    hs.booleans(),
    hs.integers(min_value=-(2**63), max_value=2**64 - 1),
    hs.text(max_size=40),
    hs.binary(max_size=40),
    hs.sampled_from(["2026-02-30", "2026-01-01", "9999-12-31", "0001-01-01", "2026-W01-1",
                     "20260101", "2026-01-01T00:00", "ff" * 32, "FF" * 32, "zz" * 32, "1e9999"]),
)  # fmt: skip
_values = hs.recursive(_scalars, lambda v: hs.lists(v, max_size=3), max_leaves=6)
_names = hs.sampled_from(
    ["start", "end", "subject", "hours", "region", "remote", "publisher", "granted",
     "comment", "comment_of", "reason", "health", "title", "availability"]
)  # fmt: skip
_changes = hs.fixed_dictionaries(
    {
        "t": hs.sampled_from(["window", "consent", "note", "profile", "wind0w"]),
        "id": hs.sampled_from([ME[:8] + bytes(8), ME[:8] + ME[8:16], bytes(16), b"short"]),
        "set": hs.dictionaries(hs.one_of(_names, hs.binary(max_size=4)), _values, max_size=5),
    },
    optional={"del": _values, "body": _values, "prev": _values},
)


@settings(max_examples=600, deadline=None)
@given(_changes, hs.integers(min_value=0, max_value=(1 << 63) - 1))
def test_any_change_decodes_or_raises_a_validation_error_and_the_rules_never_raise(
    change: dict[str, Any], hlc: int
) -> None:
    try:
        ch = content.decode_change(pack(change), op_id=bytes(32), hlc=hlc, author=ME)
    except ValidationError:
        return
    talent_rules.allowed(ch, ME)
    talent_rules.allowed(ch, bytes(32))
    st = ItemState(ch.item_id, ch.kind)
    st.apply(ch)
    w = talent_rules.window_of(st)
    c = talent_rules.consent_of(st)
    comments.current(st.comments)
    now = 1_800_000_000_000
    if w is not None:
        talent_rules.visible([w], {} if c is None else {b"x": c[2]}, now)
        talent_rules.dead(w, None if c is None else c[2])


def test_unusable_talent_ops_are_kept_skipped_and_marked_and_the_batch_goes_on(
    make_replica: MakeCoop,
) -> None:
    alice, bob, _carol = three_members(make_replica)
    me = alice.me.member_id
    start, end = TODAY.isoformat(), (TODAY + dt.timedelta(days=10)).isoformat()
    window = {"start": start, "end": end}
    bad: list[dict[Any, Any]] = [
        {"t": "window", "id": me[:8] + bytes(8), "set": {"start": start, "end": "2026-02-30"}},
        {"t": "window", "id": me[:8] + bytes([1] * 8), "set": {"start": 5, "end": end}},
        {"t": "window", "id": me[:8] + bytes([2] * 8), "set": {**window, "subject": "zz" * 32}},
        {"t": "window", "id": me[:8] + bytes([3] * 8), "set": {**window, "reason": "burn-out"}},
        {
            "t": "consent",
            "id": me[:8] + bob.me.member_id[:8],
            "set": {"publisher": "xyz", "granted": "yes"},
        },
        {"t": "note", "id": me[:8] + bytes([4] * 8), "set": {"comment": 5}},
    ]
    ops = []
    for change in bad:  # sealed to Bob's device: only Bob can try to read them
        op = forge(alice, sealed_raw_change(alice, [bob.me.kex_pk], change))
        alice.apply(op)
        ops.append(op)
    good = talent.publish_window(alice, start, end, 8, "", True)  # after them, same batch
    batch = [w for w in alice.wire_ops() if not bob.store.has_op(decode_op(w).op_id)]
    results = bob.apply_batch(batch)
    assert all(not isinstance(r, ValidationError) for r in results), results
    assert bob.item(good) is not None  # control: the op after them was applied
    held = {h["op_id"]: h for h in quarantine.diagnostics(bob)}
    for op in ops:
        assert bob.store.has_op(op.op_id)  # kept as received (and relayed)
        assert held[op.op_id.hex()]["state"] == "skipped"
    reasons = sorted(h["reason"] for h in held.values())
    assert reasons == [
        "NeverStoredField (reason)",
        "SchemaError (comment)",
        "SchemaError (end)",
        "SchemaError (publisher)",
        "SchemaError (start)",
        "SchemaError (subject)",
    ]
    assert all(bob.item(ch["id"]) is None for ch in bad)  # nothing of them folded
    assert b"burn-out" not in _plain_items(bob)


def _plain_items(c: Coop) -> bytes:
    """Every derived item this replica holds, decrypted."""
    return b"".join(pack(st.to_plain()) for k in Kind for st in c.items(k, include_deleted=True))
