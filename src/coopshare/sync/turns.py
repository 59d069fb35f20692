"""When a session may ask its peer for a catch-up (sans-IO; docs/protocol.md §16, "Turns").

A session asks its peer for what it lacks by sending Have: the peer's pump then sends every op
the Have does not cover, and a Have is sent once per session. With two sessions asking at once
(a device dialling two members that both hold the log, or a member that is still catching up
from one peer when another dials it), both peers stream the same ops and the node receives the
log twice. So the node hands out *turns*:

1. A session is **feeding** from when its Have went out and the peer's Have listed ops this
   node lacked, until the peer's CaughtUp has arrived and what it sent is stored, or the
   session ends.
2. A session may send its Have only while no other session is feeding, unless the peer's Have
   has arrived and lists nothing this node lacks (then nothing can come twice).
3. On the listener's side, a session whose dialler has not answered the listener's Have yet
   also holds back the listener's other Haves: it may turn out to feed.
4. The dialler sends its Have only after the listener's (the engine's part: one round trip), so
   that it knows what the listener holds when it asks.

A session held back waits; whenever a session stops feeding (or stops being a possible feeder)
every waiting session asks again, with its version vector read at that moment, so its peer
sends only the rest, and all of the rest if the session that fed it died half-way.

A session that holds the others back but has moved nothing for :data:`STALL_S` (no batch
stored, or no answer to the listener's Have) stops holding them (a slow or stalling peer, which
may keep a session alive with pings for ever, must not keep the node from its other peers);
held-back sessions ask again at least that often. And a feeding session holds the others back
for at most :data:`HOLD_S` plus :data:`HOLD_PER_OP` per op its peer's Have said it would bring,
:data:`HOLD_MAX_S` at most, however it trickles (a member whose Have claims ops it never sends
cannot hold the node's other catch-ups for longer).

No deadlock: a feeding session ends by itself (the peer sent its Have and has ours, so its pump
runs to the end of its log and says CaughtUp), and a session of rule 3 waits only for its
dialler's Have, which rule 2 delays only behind feeding sessions. Every wait ends in a feeding
session, and those end. The rules change only *when* a Have is sent, never what is on the wire.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K")
STALL_S = 15.0  # s without progress after which a session holds no other back
HOLD_S, HOLD_PER_OP, HOLD_MAX_S = 60.0, 0.01, 900.0  # how long a feeding session may hold


@dataclass
class _State:
    listener: bool
    sent: bool = False  # our Have went out (granted by ask)
    lacks: bool | None = None  # the peer's Have listed ops we lacked; None: not known yet
    done: bool = False  # the peer's CaughtUp arrived and what it sent is stored
    moved: float = 0.0  # when it last made progress (granted, answered, stored a batch)
    until: float = float("inf")  # it holds no other session back after this


class CatchupTurns(Generic[K]):
    """The node's sessions (keys `K`, e.g. engines) and the rules above."""

    def __init__(self) -> None:
        self._states: dict[K, _State] = {}
        self._waiting: dict[K, None] = {}  # in the order they asked

    def feeding(self) -> list[K]:
        """Sessions feeding this node (stalled ones included)."""
        return [k for k, s in self._states.items() if s.sent and s.lacks and not s.done]

    def waiting(self) -> list[K]:
        return list(self._waiting)

    def ask(self, k: K, *, listener: bool, lacks: bool | None, now: float) -> bool:
        """May session `k` send its Have now? `lacks`: the peer's Have, if it has arrived,
        lists ops this node lacks now (None: it has not arrived). True grants the turn: the
        caller sends its Have at once. False: it waits; a later call of :meth:`peer_have`,
        :meth:`caught_up` or :meth:`closed` returns it among the sessions to ask again (and it
        asks again after :data:`STALL_S` in any case). `now`: a monotonic clock, in seconds."""
        state = self._states.setdefault(k, _State(listener))
        if lacks is not False and self._blocked(k, listener, now):
            self._waiting[k] = None
            return False
        self._waiting.pop(k, None)
        state.sent, state.lacks, state.moved = True, lacks, now
        return True

    def progress(self, k: K, now: float) -> None:
        """Session `k` stored a batch it received."""
        if k in self._states:
            self._states[k].moved = now

    def _blocked(self, k: K, listener: bool, now: float) -> bool:
        for other, s in self._states.items():
            if other == k or not s.sent or s.done or now - s.moved >= STALL_S or now >= s.until:
                continue
            if s.lacks or (listener and s.listener and s.lacks is None):
                return True
        return False

    def peer_have(self, k: K, owed: int, now: float) -> list[K]:
        """Both Haves crossed on `k`; `owed`: how many ops the peer's listed that we lacked
        when we sent ours. Returns the sessions to ask again."""
        state = self._states.setdefault(k, _State(False, sent=True))
        state.lacks, state.moved = owed > 0, now
        state.until = now + min(HOLD_MAX_S, HOLD_S + HOLD_PER_OP * owed)
        return [] if owed > 0 else self.waiting()

    def caught_up(self, k: K) -> list[K]:
        """The peer's CaughtUp arrived on `k` and what it sent is stored."""
        if k in self._states:
            self._states[k].done = True
        return self.waiting()

    def closed(self, k: K) -> list[K]:
        """Session `k` ended, converged or not."""
        self._states.pop(k, None)
        self._waiting.pop(k, None)
        return self.waiting()


__all__ = ["CatchupTurns"]
