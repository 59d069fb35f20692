"""Codec and op envelope: round trips and strict rejection (Hypothesis)."""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import msgpack
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coopshare.crypto import primitives as p
from coopshare.errors import MalformedData, NonCanonical, SchemaError, ValidationError
from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.ops import MAX_PARENTS, Header, OpKind, decode_op, make_op

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from fuzz_mutate import mutate  # type: ignore[import-not-found]  # bench/ on sys.path

KEY = p.signing_key_from_seed(bytes(range(32)))
OP_SEEDS = [
    f.read_bytes() for f in sorted((Path(__file__).parent / "fuzz_corpus" / "op").iterdir())
]
ids = st.binary(min_size=32, max_size=32)


@st.composite
def headers(draw: st.DrawFn) -> Header:
    kind = draw(st.sampled_from(list(OpKind)))
    seq = draw(st.integers(1, 2**53 - 1))
    return Header(
        coop_id=b"" if kind is OpKind.GENESIS else draw(ids),
        device=draw(ids),
        seq=seq,
        backlink=None if seq == 1 else draw(ids),
        hlc=draw(st.integers(0, 2**63 - 1)),  # SQLite stores signed 64-bit integers
        parents=tuple(sorted(draw(st.sets(ids, max_size=MAX_PARENTS)))),
        kind=kind,
        epoch=draw(st.sampled_from([b"", b"e" * 16])),
        body_hash=draw(ids),
        body_len=draw(st.integers(0, 1000)),
    )


@given(headers())
def test_header_round_trip(h: Header) -> None:
    assert Header.decode(h.encode()) == h


@given(headers(), st.binary(max_size=2000))
@settings(max_examples=50)
def test_op_round_trip_and_signature(h: Header, body: bytes) -> None:
    op = make_op(
        KEY,
        coop_id=h.coop_id,
        device=h.device,
        seq=h.seq,
        backlink=h.backlink,
        hlc=h.hlc,
        parents=h.parents,
        kind=h.kind,
        epoch=h.epoch,
        body=body,
    )
    back = decode_op(op.encode())
    assert back == op
    assert back.op_id == op.op_id
    back.verify(p.raw_public(KEY))


def _outcome(data: bytes) -> str:
    """ "decoded", or the error type and the field it names; anything else propagates."""
    try:
        decode_op(data)
    except ValidationError as e:
        return f"{type(e).__name__}:{e.detail.split(':')[0]}"
    return "decoded"


@settings(max_examples=300, deadline=None)
@given(st.randoms(use_true_random=False), st.sampled_from(OP_SEEDS), st.integers(1, 3))
def test_mutated_ops_never_raise_anything_but_validation_errors(
    rng: random.Random, seed: bytes, rounds: int
) -> None:
    """Valid ops (tests/fuzz_corpus/op) mutated by the fuzz harness's structure-aware mutator:
    hostile values in header fields, mixed key types, nested re-encoding, byte flips."""
    data = seed
    for _ in range(rounds):
        data = mutate("op", data, rng, OP_SEEDS)
    _outcome(data)


def test_mutated_ops_reach_deep_decoding() -> None:
    """Positive control for the test above: its inputs get past the first checks. Many decode
    whole, and the refusals name most header fields (random bytes, as this test used to feed,
    all stop at "undecodable msgpack")."""
    rng = random.Random(7)
    seen = Counter(_outcome(mutate("op", rng.choice(OP_SEEDS), rng, OP_SEEDS)) for _ in range(2000))
    assert seen["decoded"] >= 40, seen
    fields = {k.split(":")[1] for k in seen if k.startswith("SchemaError:")}
    header = {"seq", "hlc", "kind", "coop_id", "device", "parents", "epoch", "backlink"}
    assert len(header & fields) >= 6, seen
    assert seen["HashMismatch:op body does not match the hash in its signed header"] > 0, seen


@given(headers())
def test_non_canonical_header_is_refused(h: Header) -> None:
    assume(h.seq < 2**32)  # below that, the 64-bit form is not the canonical one
    raw = msgpack.unpackb(h.encode())
    # re-encode the seq as a full 64-bit integer: same value, different bytes
    wide = b"\x9b" + b"".join(
        (b"\xcf" + x.to_bytes(8, "big")) if i == 3 else msgpack.packb(x, use_bin_type=True)
        for i, x in enumerate(raw)
    )
    assert msgpack.unpackb(wide) == raw
    with pytest.raises(NonCanonical):
        Header.decode(wide)


@pytest.mark.parametrize(
    ("mutate", "error"),
    [
        (lambda v: v[:10], SchemaError),  # too few fields
        (lambda v: [2, *v[1:]], SchemaError),  # unknown version
        (lambda v: [*v[:7], "bogus", *v[8:]], SchemaError),  # unknown kind
        (lambda v: [*v[:3], -1, *v[4:]], SchemaError),  # negative seq
        (lambda v: [*v[:3], 1, b"x" * 32, *v[5:]], SchemaError),  # backlink on seq 1
        (lambda v: [*v[:2], "text-not-bytes", *v[3:]], SchemaError),
        (lambda v: [*v[:6], [b"a" * 32, b"a" * 32], *v[7:]], SchemaError),  # duplicate parents
        (lambda v: [*v[:5], 1.5, *v[6:]], SchemaError),  # float clock
    ],
)
def test_header_schema_rejections(mutate, error) -> None:  # type: ignore[no-untyped-def]
    good = Header(b"c" * 32, b"d" * 32, 1, None, 5, (), OpKind.ITEM, b"", b"h" * 32, 0)
    with pytest.raises(error):
        Header.decode(pack(mutate(msgpack.unpackb(good.encode()))))


def test_hostile_msgpack_is_bounded() -> None:
    with pytest.raises(MalformedData):
        unpack(b"\x91" * 100_000 + b"\xc0")  # nesting far deeper than allowed
    with pytest.raises(MalformedData):
        unpack(b"\xdb\x40\x00\x00\x00")  # str header claiming 1 GiB
    with pytest.raises(MalformedData):
        unpack(b"\xdd\xff\xff\xff\xff")  # array header claiming 4 billion entries
    with pytest.raises(MalformedData):
        unpack(b"\xd4\x01\x00")  # ext type
    with pytest.raises(MalformedData):
        unpack(b"\x93\x01\x02\x03\x04")  # trailing bytes
