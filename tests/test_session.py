"""The sans-IO sync session and framing: legal sequences, and one test per protocol violation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopshare.errors import MalformedData, SchemaError, ValidationError
from coopshare.protocol import messages as m
from coopshare.protocol import session as s
from coopshare.protocol.codec import pack
from coopshare.protocol.frames import MAX_FRAME, FrameDecoder, encode_frame
from coopshare.protocol.knock import MODE_JOIN, MODE_MEMBER, KnockChecker, make_knock

C, D = b"c" * 32, b"d" * 32


def frames(*msgs: m.Message) -> bytes:
    return b"".join(encode_frame(m.to_wire(x)) for x in msgs)


def test_full_exchange_reaches_live() -> None:
    a, b = s.SyncSession(), s.SyncSession()
    for x in (a, b):
        x.send(m.Hello(C, D, ()))
    assert isinstance(b.receive_data(a.data_to_send())[0], s.PeerHello)
    a.receive_data(b.data_to_send())
    for x in (a, b):
        x.send(m.Ops((b"op",)))
        x.send(m.RosterDone())
    events = b.receive_data(a.data_to_send())
    assert [type(e) for e in events] == [s.OpsReceived, s.RosterReceived]
    assert events[0].phase is s.Phase.ROSTER  # type: ignore[union-attr]
    a.receive_data(b.data_to_send())
    for x in (a, b):
        x.send(m.Have({D: 3}))
    assert isinstance(b.receive_data(a.data_to_send())[0], s.PeerHave)
    a.receive_data(b.data_to_send())
    a.send(m.Ops((b"x",)))
    a.send(m.CaughtUp())
    assert a.note_caught_up_sent() == []
    events = b.receive_data(a.data_to_send())
    assert [type(e) for e in events] == [s.OpsReceived, s.PeerCaughtUp]
    b.send(m.CaughtUp())
    assert isinstance(b.note_caught_up_sent()[0], s.Converged)
    events = a.receive_data(b.data_to_send())
    assert [type(e) for e in events] == [s.PeerCaughtUp, s.Converged]
    assert a.phase is b.phase is s.Phase.LIVE
    b.send(m.Ops((b"live",)))
    assert a.receive_data(b.data_to_send())[0] == s.OpsReceived((b"live",), s.Phase.LIVE)


@pytest.mark.parametrize(
    "wire",
    [
        frames(m.Ops((b"x",))),  # ops before hello
        frames(m.Have({})),  # have before hello
        frames(m.Hello(C, D, ()), m.Have({})),  # have before roster_done
        frames(m.Hello(C, D, ()), m.RosterDone(), m.RosterDone()),  # twice
        frames(m.Hello(C, D, ()), m.RosterDone(), m.Ops((b"x",))),  # ops between done and have
        frames(m.Hello(C, D, ()), m.CaughtUp()),  # caught_up before have
        frames(m.Hello(C, D, (), version=9)),  # unknown version
        frames(m.Hello(C, D, ()), m.Hello(C, D, ())),  # hello twice
        frames(m.JoinOk(C)),  # join message in a sync session
    ],
)
def test_protocol_violations_raise(wire: bytes) -> None:
    with pytest.raises(s.RemoteProtocolError):
        s.SyncSession().receive_data(wire)


@pytest.mark.parametrize(
    "payload",
    [
        pack({"t": "bogus"}),  # unknown kind
        pack({"t": "hello", "v": 1, "coop": C, "device": D}),  # missing field
        pack({"t": "hello", "v": 1, "coop": C, "device": D, "roster": [], "extra": 1}),
        pack({"t": "ops", "ops": ["text-not-bytes"]}),
        pack({"t": "have", "vv": {b"short": 1}}),
        pack([1, 2, 3]),
        b"\x91" * 5000 + b"\xc0",  # deep nesting
        b"\xdb\x7f\xff\xff\xff",  # str claiming 2 GiB
    ],
)
def test_hostile_payloads_raise_validation_errors(payload: bytes) -> None:
    with pytest.raises(ValidationError):
        s.SyncSession().receive_data(encode_frame(payload))


def test_frame_length_is_checked_before_buffering() -> None:
    dec = FrameDecoder()
    with pytest.raises(MalformedData):
        dec.feed(b"\x80\x00\x00\x00")  # 2^31, rejected from four bytes
    with pytest.raises(MalformedData):
        FrameDecoder().feed(b"\x00\x00\x00\x00")
    with pytest.raises(ValueError):
        encode_frame(b"x" * (MAX_FRAME + 1))


@given(st.lists(st.binary(min_size=1, max_size=3000), max_size=8), st.integers(1, 50))
def test_frames_survive_any_chunking(payloads: list[bytes], chunk: int) -> None:
    stream = b"".join(encode_frame(p) for p in payloads)
    dec = FrameDecoder()
    out = []
    for i in range(0, len(stream), chunk):
        out += dec.feed(stream[i : i + chunk])
    assert out == payloads


@given(
    st.sampled_from(
        [
            m.Hello(C, D, (C,)),
            m.Ops((b"a", b"b")),
            m.RosterDone(),
            m.Have({D: 7}),
            m.CaughtUp(),
            m.Ping(3),
            m.Pong(3),
            m.Bye("x"),
            m.JoinChallenge(b"n" * 16),
            m.JoinOk(C),
        ]
    )
)
def test_message_round_trip(msg: m.Message) -> None:
    assert m.from_wire(m.to_wire(msg)) == msg


def test_knock_accepts_once_and_only_with_the_right_key() -> None:
    key, other = b"k" * 32, b"o" * 32
    checker = KnockChecker()
    knock = make_knock(key, MODE_MEMBER, now=1000)
    assert checker.check(knock, [(MODE_MEMBER, other)], now=1000) is None
    assert checker.check(knock, [(MODE_JOIN, key)], now=1000) is None  # mode is bound
    assert checker.check(knock, [(MODE_MEMBER, key)], now=1000) == (MODE_MEMBER, key)
    assert checker.check(knock, [(MODE_MEMBER, key)], now=1001) is None  # replay
    stale = make_knock(key, MODE_MEMBER, now=1000)
    assert checker.check(stale, [(MODE_MEMBER, key)], now=1000 + 600) is None  # too old
    tampered = bytearray(make_knock(key, MODE_MEMBER, now=1000))
    tampered[5] ^= 1
    assert checker.check(bytes(tampered), [(MODE_MEMBER, key)], now=1000) is None
    assert checker.check(b"short", [(MODE_MEMBER, key)], now=1000) is None


def test_schema_error_for_unknown_message_names_it() -> None:
    with pytest.raises(SchemaError, match="unknown type"):
        m.from_wire(pack({"t": "teleport"}))


def test_sync_batches_always_fit_one_frame() -> None:
    from coopshare.protocol.ops import MAX_BODY
    from coopshare.sync.batching import BATCH_OPS, batches

    wires = [b"s" * 300] * 117 + [b"L" * (MAX_BODY + 300)] + [b"m" * 200_000] * 9 + [b"t"] * 600
    chunks = batches(wires)
    assert [w for c in chunks for w in c] == wires  # nothing lost, order kept
    for chunk in chunks:
        assert len(chunk) <= BATCH_OPS
        encode_frame(m.to_wire(m.Ops(chunk)))  # raises if a message exceeds the frame limit


def test_receive_frame_is_receive_data_without_the_prefix() -> None:
    """The engine hands over frames the transport cut out; they must parse as bytes would."""
    msgs: list[m.Message] = [
        m.Hello(C, D, (b"r" * 32,)),
        m.Ops((b"op",)),
        m.RosterDone(),
        m.Have({D: 2}),
    ]
    by_bytes, by_frame = s.SyncSession(), s.SyncSession()
    events_b = by_bytes.receive_data(frames(*msgs))
    events_f = [e for x in msgs for e in by_frame.receive_frame(m.to_wire(x))]
    assert events_f == events_b and len(events_f) == 4
    with pytest.raises(ValidationError):  # the same checks: roster_done twice
        by_frame.receive_frame(m.to_wire(m.RosterDone()))
