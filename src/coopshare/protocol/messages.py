"""Sync messages: frozen dataclasses with strict to_wire / from_wire (docs/protocol.md §Sync).

Every message is a msgpack map with a ``t`` field naming its type. Unknown types, missing or
extra fields, and out-of-range values raise :class:`SchemaError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from coopshare.errors import SchemaError
from coopshare.protocol.codec import (
    MAX_MESSAGE,
    as_bytes,
    as_int,
    as_list,
    as_map,
    as_str,
    pack,
    unpack,
)
from coopshare.protocol.ops import ID_LEN

PROTOCOL_VERSION = 1
MAX_BATCH = 512
MAX_ROSTER_IDS = 20_000
MAX_DEVICES = 10_000


@dataclass(frozen=True, slots=True)
class Hello:
    T: ClassVar[str] = "hello"
    coop: bytes
    device: bytes
    roster: tuple[bytes, ...]  # ids of every roster op the sender holds
    version: int = PROTOCOL_VERSION


@dataclass(frozen=True, slots=True)
class Ops:
    T: ClassVar[str] = "ops"
    ops: tuple[bytes, ...]  # wire-encoded ops, parents before children


@dataclass(frozen=True, slots=True)
class RosterDone:
    T: ClassVar[str] = "roster_done"


@dataclass(frozen=True, slots=True)
class Have:
    T: ClassVar[str] = "have"
    vv: dict[bytes, int]  # device id -> highest contiguous seq held


@dataclass(frozen=True, slots=True)
class CaughtUp:
    T: ClassVar[str] = "caught_up"


@dataclass(frozen=True, slots=True)
class Ping:
    T: ClassVar[str] = "ping"
    n: int


@dataclass(frozen=True, slots=True)
class Pong:
    T: ClassVar[str] = "pong"
    n: int


@dataclass(frozen=True, slots=True)
class Bye:
    T: ClassVar[str] = "bye"
    reason: str


@dataclass(frozen=True, slots=True)
class JoinChallenge:
    T: ClassVar[str] = "join_challenge"
    nonce: bytes


@dataclass(frozen=True, slots=True)
class Join:
    T: ClassVar[str] = "join"
    token: bytes  # invitation id
    request: dict[str, Any]  # member_pk, name, device bundle
    proof: bytes  # HMAC(secret, nonce || request)
    signature: bytes  # device key over the challenge: proves possession


@dataclass(frozen=True, slots=True)
class JoinOk:
    T: ClassVar[str] = "join_ok"
    coop: bytes


Message = (
    Hello | Ops | RosterDone | Have | CaughtUp | Ping | Pong | Bye | JoinChallenge | Join | JoinOk
)


def to_wire(m: Message) -> bytes:
    if isinstance(m, Hello):
        body: dict[str, Any] = {
            "v": m.version,
            "coop": m.coop,
            "device": m.device,
            "roster": list(m.roster),
        }
    elif isinstance(m, Ops):
        body = {"ops": list(m.ops)}
    elif isinstance(m, Have):
        body = {"vv": m.vv}
    elif isinstance(m, Ping | Pong):
        body = {"n": m.n}
    elif isinstance(m, Bye):
        body = {"reason": m.reason}
    elif isinstance(m, JoinChallenge):
        body = {"nonce": m.nonce}
    elif isinstance(m, Join):
        body = {"token": m.token, "request": m.request, "proof": m.proof, "sig": m.signature}
    elif isinstance(m, JoinOk):
        body = {"coop": m.coop}
    else:
        body = {}
    return pack({"t": m.T, **body})


_FIELDS: dict[str, set[str]] = {
    "hello": {"v", "coop", "device", "roster"},
    "ops": {"ops"},
    "roster_done": set(),
    "have": {"vv"},
    "caught_up": set(),
    "ping": {"n"},
    "pong": {"n"},
    "bye": {"reason"},
    "join_challenge": {"nonce"},
    "join": {"token", "request", "proof", "sig"},
    "join_ok": {"coop"},
}


def from_wire(data: bytes) -> Message:
    raw = unpack(data)
    if not isinstance(raw, dict) or not isinstance(raw.get("t"), str):
        raise SchemaError("message: expected a map with a type")
    t = raw.pop("t")
    if t not in _FIELDS:
        raise SchemaError(f"message: unknown type {t[:32]!r}")
    m = as_map(raw, t, _FIELDS[t])
    if t == "hello":
        roster = as_list(m["roster"], "roster", MAX_ROSTER_IDS)
        return Hello(
            as_bytes(m["coop"], "coop", ID_LEN),
            as_bytes(m["device"], "device", ID_LEN),
            tuple(as_bytes(x, "roster", ID_LEN) for x in roster),
            as_int(m["v"], "v", 1, 255),
        )
    if t == "ops":
        return Ops(
            tuple(
                as_bytes(x, "op", max_len=MAX_MESSAGE) for x in as_list(m["ops"], "ops", MAX_BATCH)
            )
        )
    if t == "have":
        vv = m["vv"]
        if not isinstance(vv, dict) or len(vv) > MAX_DEVICES:
            raise SchemaError("vv: expected a map of device id to seq")
        return Have({as_bytes(k, "vv", ID_LEN): as_int(v, "vv", 0, 2**53) for k, v in vv.items()})
    if t in ("ping", "pong"):
        return (Ping if t == "ping" else Pong)(as_int(m["n"], "n"))
    if t == "bye":
        return Bye(as_str(m["reason"], "reason", 200))
    if t == "join_challenge":
        return JoinChallenge(as_bytes(m["nonce"], "nonce", 16))
    if t == "join":
        if not isinstance(m["request"], dict):
            raise SchemaError("request: expected a map")
        return Join(
            as_bytes(m["token"], "token", 16),
            m["request"],
            as_bytes(m["proof"], "proof", 32),
            as_bytes(m["sig"], "sig", 64),
        )
    if t == "join_ok":
        return JoinOk(as_bytes(m["coop"], "coop", ID_LEN))
    return RosterDone() if t == "roster_done" else CaughtUp()
