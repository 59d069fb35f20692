"""The sync session state machine, sans-IO: bytes in, events out; messages to send out.

Rules (docs/protocol.md §Sync):
1. Both sides send Hello first. Nothing else is legal before the peer's Hello.
2. Roster phase: each side sends the roster ops the other lacks (known from Hello), then
   RosterDone. Content is never sent before the sender has sent RosterDone.
3. Have phase: after RosterDone both ways, each side sends Have (its version vector).
4. Catch-up: each side sends what the other's Have lacks, in log order, in batches, then
   CaughtUp. When CaughtUp went both ways the session is converged and enters live mode.
5. Live: Ops may come at any time; Ping/Pong keep the link alive. Bye ends the session.
Anything else is a RemoteProtocolError: the connection closes, the process goes on.
This module knows nothing about sockets, the store or the roster; the engine supplies those.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from coopshare.errors import ValidationError
from coopshare.protocol import messages as m
from coopshare.protocol.frames import FrameDecoder, encode_frame


class RemoteProtocolError(ValidationError):
    """The peer broke the protocol; close this connection only."""


class Phase(enum.Enum):
    HELLO = "hello"
    ROSTER = "roster"
    HAVE = "have"
    CATCHUP = "catchup"
    LIVE = "live"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class PeerHello:
    hello: m.Hello


@dataclass(frozen=True, slots=True)
class OpsReceived:
    ops: tuple[bytes, ...]
    phase: Phase


@dataclass(frozen=True, slots=True)
class RosterReceived:
    """The peer finished its roster ops: now send our Have."""


@dataclass(frozen=True, slots=True)
class PeerHave:
    vv: dict[bytes, int]


@dataclass(frozen=True, slots=True)
class PeerCaughtUp:
    """The peer's CaughtUp arrived: it has sent everything our Have lacked."""


@dataclass(frozen=True, slots=True)
class Converged:
    """CaughtUp went both ways: both sides hold what the other held at Have time."""


@dataclass(frozen=True, slots=True)
class PingReceived:
    n: int


@dataclass(frozen=True, slots=True)
class PongReceived:
    n: int


@dataclass(frozen=True, slots=True)
class Closed:
    reason: str


Event = (
    PeerHello
    | OpsReceived
    | RosterReceived
    | PeerHave
    | PeerCaughtUp
    | Converged
    | PingReceived
    | PongReceived
    | Closed
)


class SyncSession:
    def __init__(self) -> None:
        self._decoder = FrameDecoder()
        self._out = bytearray()
        self.phase = Phase.HELLO
        self.sent_hello = self.got_hello = False
        self.sent_roster_done = self.got_roster_done = False
        self.sent_have = self.got_have = False
        self.sent_caught_up = self.got_caught_up = False

    # --- outgoing -----------------------------------------------------------------------------

    def send(self, msg: m.Message) -> None:
        if self.phase is Phase.CLOSED:
            return
        if isinstance(msg, m.Hello):
            self.sent_hello = True
        elif isinstance(msg, m.RosterDone):
            self.sent_roster_done = True
        elif isinstance(msg, m.Have):
            self.sent_have = True
        elif isinstance(msg, m.CaughtUp):
            self.sent_caught_up = True
        elif isinstance(msg, m.Bye):
            self.phase = Phase.CLOSED
        self._out += encode_frame(m.to_wire(msg))

    def data_to_send(self) -> bytes:
        data = bytes(self._out)
        self._out.clear()
        return data

    # --- incoming -----------------------------------------------------------------------------

    def receive_data(self, data: bytes) -> list[Event]:
        """Parse bytes from the peer; raises RemoteProtocolError (or a ValidationError)."""
        events: list[Event] = []
        for frame in self._decoder.feed(data):
            if self.phase is Phase.CLOSED:
                break
            events += self._handle(m.from_wire(frame))
        return events

    def receive_frame(self, frame: bytes) -> list[Event]:
        """One frame the transport already cut out (its length checked): the same as
        receive_data of its prefix and payload, without copying the payload again."""
        if self.phase is Phase.CLOSED:
            return []
        return self._handle(m.from_wire(frame))

    def _handle(self, msg: m.Message) -> list[Event]:
        if isinstance(msg, m.Bye):
            self.phase = Phase.CLOSED
            return [Closed(msg.reason)]
        if isinstance(msg, m.Ping):
            return [PingReceived(msg.n)]
        if isinstance(msg, m.Pong):
            return [PongReceived(msg.n)]
        if not self.got_hello:
            if not isinstance(msg, m.Hello):
                raise RemoteProtocolError(f"{msg.T} before hello")
            if msg.version != m.PROTOCOL_VERSION:
                raise RemoteProtocolError(f"unsupported protocol version {msg.version}")
            self.got_hello = True
            self.phase = Phase.ROSTER
            return [PeerHello(msg)]
        if isinstance(msg, m.Ops):
            if self.got_roster_done and not self.got_have and self.phase is not Phase.LIVE:
                raise RemoteProtocolError("ops between roster_done and have")
            if self.got_have and not self.sent_have:
                raise RemoteProtocolError("ops before our have")
            return [OpsReceived(msg.ops, self.phase)]
        if isinstance(msg, m.RosterDone) and not self.got_roster_done:
            self.got_roster_done = True
            self.phase = Phase.HAVE
            return [RosterReceived()]
        if isinstance(msg, m.Have) and self.got_roster_done and not self.got_have:
            self.got_have = True
            self.phase = Phase.CATCHUP
            return [PeerHave(msg.vv)]
        if isinstance(msg, m.CaughtUp) and self.got_have and not self.got_caught_up:
            self.got_caught_up = True
            return [PeerCaughtUp(), *self._maybe_converged()]
        raise RemoteProtocolError(f"unexpected {msg.T} in phase {self.phase.value}")

    def note_caught_up_sent(self) -> list[Event]:
        """Call after sending CaughtUp: converged if the peer's CaughtUp came already."""
        return self._maybe_converged()

    def _maybe_converged(self) -> list[Event]:
        if self.sent_caught_up and self.got_caught_up and self.phase is not Phase.LIVE:
            self.phase = Phase.LIVE
            return [Converged()]
        return []
