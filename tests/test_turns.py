"""When a session may send its Have (sync/turns.py): the rules one by one, then a model of the
engine's use of them on a small mesh, run under many random interleavings: every node ends
with every op, no session is left waiting (no deadlock), a session that dies half-way leaves
its node to ask another peer for the rest, and the duplicates received fall from about the
log's size (the control: the same runs with every Have sent at once, as before the rule) to
none in the usual orders."""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass, field

from coopshare.sync.turns import HOLD_MAX_S, HOLD_PER_OP, HOLD_S, STALL_S, CatchupTurns

N = 60  # ops in A's log in the mesh model


def test_a_second_session_waits_while_the_first_feeds_and_asks_again_when_it_is_done() -> None:
    t: CatchupTurns[str] = CatchupTurns()
    assert t.ask("a", listener=False, lacks=True, now=0.0)  # granted: its Have goes out now
    assert t.peer_have("a", 10, 0.0) == []  # a feeds this node
    assert t.feeding() == ["a"]
    assert not t.ask("b", listener=False, lacks=True, now=0.0)  # would bring the same ops again
    assert t.waiting() == ["b"]
    assert t.caught_up("a") == ["b"]  # a is done: b asks again, with a fresh version vector
    assert t.ask("b", listener=False, lacks=False, now=0.0)
    assert t.waiting() == [] and t.feeding() == []


def test_a_feeding_session_that_dies_releases_the_others() -> None:
    t: CatchupTurns[str] = CatchupTurns()
    assert t.ask("a", listener=False, lacks=True, now=0.0)
    t.peer_have("a", 10, 0.0)
    assert not t.ask("b", listener=True, lacks=None, now=0.0)
    assert not t.ask("c", listener=False, lacks=True, now=0.0)
    assert t.closed("a") == ["b", "c"]  # cut short: the rest is asked of the others
    assert t.ask("c", listener=False, lacks=True, now=0.0)
    t.peer_have("c", 10, 0.0)
    assert not t.ask("b", listener=True, lacks=None, now=0.0)  # c feeds now
    assert t.closed("c") == ["b"]


def test_a_peer_with_nothing_new_is_answered_at_once() -> None:
    t: CatchupTurns[str] = CatchupTurns()
    assert t.ask("a", listener=False, lacks=True, now=0.0)
    t.peer_have("a", 10, 0.0)
    assert t.ask("b", listener=False, lacks=False, now=0.0)  # nothing can come twice from b
    assert t.peer_have("b", 0, 0.0) == []
    assert t.feeding() == ["a"]


def test_a_listener_waits_for_its_dialler_to_answer_but_a_dialler_does_not() -> None:
    t: CatchupTurns[str] = CatchupTurns()
    assert t.ask("in1", listener=True, lacks=None, now=0.0)  # sent; the dialler's Have not in yet
    assert t.feeding() == []
    assert not t.ask("in2", listener=True, lacks=None, now=0.0)  # in1 may turn out to feed
    assert t.ask("out", listener=False, lacks=True, now=0.0)  # a dialled session is not held by it
    t.peer_have("out", 10, 0.0)
    assert t.peer_have("in1", 0, 0.0) == ["in2"]  # in1 had nothing: in2 may ask (out feeds)
    assert not t.ask("in2", listener=True, lacks=None, now=0.0)
    assert t.caught_up("out") == ["in2"]
    assert t.ask("in2", listener=True, lacks=None, now=0.0)


def test_a_feeding_session_that_moves_nothing_stops_holding_the_others_back() -> None:
    """A slow or stalling peer (pings keep its session alive) does not keep the node from its
    other peers for longer than STALL_S; one that keeps storing batches does."""
    t: CatchupTurns[str] = CatchupTurns()
    assert t.ask("a", listener=False, lacks=True, now=100.0)
    t.peer_have("a", 10, 100.0)
    assert not t.ask("b", listener=False, lacks=True, now=100.0 + STALL_S - 1)
    t.progress("a", 100.0 + STALL_S - 1)  # a stored a batch: still feeding, still holds b
    assert not t.ask("b", listener=False, lacks=True, now=100.0 + STALL_S + 1)
    assert t.ask("b", listener=False, lacks=True, now=100.0 + 2 * STALL_S)  # a stalled
    assert not t.ask("in", listener=True, lacks=None, now=100.0 + 2 * STALL_S)  # b feeds now
    t.peer_have("b", 10, 100.0 + 2 * STALL_S)
    assert not t.ask("in", listener=True, lacks=None, now=100.0 + 3 * STALL_S - 1)
    assert t.ask("in", listener=True, lacks=None, now=100.0 + 3 * STALL_S)


def test_a_feeding_session_holds_the_others_back_only_as_long_as_what_it_owes_allows() -> None:
    """A peer that trickles an op every few seconds (never stalled) while its Have claimed
    many more is not waited for beyond HOLD_S + HOLD_PER_OP per op owed (HOLD_MAX_S at most)."""
    for owed, limit in ((1000, HOLD_S + HOLD_PER_OP * 1000), (10**12, HOLD_MAX_S)):
        t: CatchupTurns[str] = CatchupTurns()
        assert t.ask("a", listener=False, lacks=True, now=0.0)
        t.peer_have("a", owed, 0.0)
        now = 0.0
        while now + 10 < limit:
            now += 10
            t.progress("a", now)  # one batch every 10 s: never stalled
            assert not t.ask("b", listener=False, lacks=True, now=now)
        assert t.ask("b", listener=False, lacks=True, now=limit)


# --- a model of the engine on a mesh ------------------------------------------------------------


@dataclass(eq=False)
class Side:
    """One node's end of one session, as sync/engine.py runs it (ops: one device's seqs)."""

    node: Node
    peer: Node
    listener: bool
    out: deque[tuple[str, int]] = field(default_factory=deque)  # messages in flight to the peer
    sent_have: bool = False
    got_have: bool = False
    their: int = 0  # the peer's contiguous seq, as far as this side knows
    mine: int = 0  # what this side's Have said
    cursor: int = 0  # the pump's position in this node's arrival order
    pumping: bool = False
    said_caught_up: bool = False
    got_caught_up: bool = False
    waiting: bool = False
    dead: bool = False
    other: Side | None = None


@dataclass
class Node:
    name: str
    log: list[int]  # seqs in arrival order
    turns: CatchupTurns[Side] | None
    dupes: int = 0

    def vv(self) -> int:
        held, k = set(self.log), 0
        while k + 1 in held:
            k += 1
        return k


def _ask(side: Side) -> None:
    """The engine's _have_when_turn, one try."""
    node = side.node
    lacks = side.their > node.vv() if side.got_have else None
    if node.turns is not None and not node.turns.ask(
        side, listener=side.listener, lacks=lacks, now=0.0
    ):
        side.waiting = True
        return
    side.waiting, side.sent_have, side.mine = False, True, node.vv()
    side.out.append(("have", side.mine))
    if side.got_have:
        _start(side)


def _start(side: Side) -> None:
    side.pumping = True
    if side.node.turns is not None:
        _wake(side.node.turns.peer_have(side, max(0, side.their - side.mine), 0.0))


def _wake(sides: list[Side]) -> None:
    for s in sides:
        if s.waiting and not s.dead:
            _ask(s)


def _deliver(side: Side) -> None:
    """The next message `side` sent arrives at the other end."""
    kind, value = side.out.popleft()
    to = side.other
    assert to is not None
    if to.dead:
        return
    node = to.node
    if kind == "have":
        to.got_have, to.their = True, value
        if to.sent_have:
            _start(to)
        elif not to.listener:
            _ask(to)  # the dialler asks once it knows what the listener holds
    elif kind == "op":
        if value in node.log:
            node.dupes += 1
        else:
            node.log.append(value)
        if value == to.their + 1:
            to.their = value  # the peer has it, new here or not
    elif kind == "caught_up":
        to.got_caught_up = True
        if node.turns is not None:
            _wake(node.turns.caught_up(to))


def _pump(side: Side) -> bool:
    """One step of the pump: the next op the peer lacks, or CaughtUp at the end."""
    log = side.node.log
    while side.cursor < len(log):
        seq = log[side.cursor]
        side.cursor += 1
        if seq > side.their:
            side.out.append(("op", seq))
            return True
    if not side.said_caught_up:
        side.said_caught_up = True
        side.out.append(("caught_up", 0))
        return True
    return False


def _open(dialler: Node, listener: Node) -> tuple[Side, Side]:
    d, li = Side(dialler, listener, False), Side(listener, dialler, True)
    d.other, li.other = li, d
    _ask(li)  # the listener sends its Have on the dialler's RosterDone
    return d, li


def _close(side: Side) -> None:
    for s in (side, side.other):
        assert s is not None
        s.dead = True
        if s.node.turns is not None:
            _wake(s.node.turns.closed(s))


def _run(
    seed: int, turns: bool, kill_at: int | None, late: bool
) -> tuple[dict[str, Node], list[Side]]:
    """A holds N ops; B dials A; C dials A and B. Sessions open at random moments (`late`: the
    sessions with A first, and C's with B only once both have crossed Haves); `kill_at`: C's
    session with A dies once C holds that many ops."""
    rnd = random.Random(seed)
    nodes = {
        x: Node(x, list(range(1, N + 1)) if x == "A" else [], CatchupTurns() if turns else None)
        for x in "ABC"
    }
    pending = [("B", "A"), ("C", "A")]
    rnd.shuffle(pending)
    pending.insert(0, ("C", "B"))  # popped last
    if not late:
        rnd.shuffle(pending)
    sides: list[Side] = []
    killed = False
    for _ in range(100_000):
        live = [s for s in sides if not s.dead]
        moves: list[tuple[str, Side | None]] = [("deliver", s) for s in live if s.out]
        moves += [("pump", s) for s in live if s.pumping and _has_more(s)]
        crossed = len(sides) == 4 and all(s.sent_have and s.got_have for s in sides)
        if pending and (not late or len(pending) > 1 or crossed):
            moves.append(("open", None))
        if not moves:
            break
        what, side = rnd.choice(moves)
        if what == "open":
            d, li = pending.pop()
            sides += _open(nodes[d], nodes[li])
        elif side is not None:
            _deliver(side) if what == "deliver" else _pump(side)
        if kill_at is not None and not killed and len(nodes["C"].log) >= kill_at:
            fed = [s for s in sides if s.node.name == "C" and s.peer.name == "A"]
            if fed:
                killed = True
                _close(fed[0])
    return nodes, sides


def _has_more(side: Side) -> bool:
    """The pump has an op the peer lacks, or has not said CaughtUp yet."""
    more = any(seq > side.their for seq in side.node.log[side.cursor :])
    return more or not side.said_caught_up


def _check(seed: int, turns: bool, kill_at: int | None = None, late: bool = False) -> int:
    """Runs the mesh to the end; checks it converged and nobody waits; the duplicates."""
    nodes, sides = _run(seed, turns, kill_at, late)
    for node in nodes.values():
        assert sorted(node.log) == list(range(1, N + 1)), (seed, node.name)  # converged
    for s in sides:
        if not s.dead:
            assert s.sent_have and s.got_have and not s.waiting, (seed, s.node.name)  # no deadlock
    return nodes["B"].dupes + nodes["C"].dupes


def test_the_mesh_converges_and_nobody_waits_for_ever_under_any_interleaving() -> None:
    for seed in range(80):
        for turns in (True, False):
            for kill_at in (None, 1, N // 3):
                _check(seed, turns, kill_at)


def test_nothing_comes_twice_once_each_node_asked_the_source_first() -> None:
    """The bench's case (B is catching up from A when C dials A and B), in every order of the
    messages: with the turns nothing is received twice; the control, the same runs with every
    Have sent at once, receives about half the log twice."""
    with_turns = [_check(seed, turns=True, late=True) for seed in range(150)]
    without = [_check(seed, turns=False, late=True) for seed in range(150)]
    assert with_turns == [0] * 150
    assert sum(without) > 150 * N // 4 and without.count(0) < 15


def test_a_session_that_dies_half_way_leaves_the_rest_to_another_peer() -> None:
    """C's session with A dies after C received a third of the log from it: C asks B, which
    sends exactly the rest (nothing twice), in every order of the messages."""
    for seed in range(150):
        assert _check(seed, turns=True, kill_at=N // 3, late=True) == 0


def test_when_two_empty_nodes_crossed_haves_before_either_was_fed_live_pushes_still_repeat() -> (
    None
):
    """What the turns do not prevent (docs/protocol.md §16): B and C, both still empty, crossed
    their Haves before either asked A; each then forwards to the other, live, what it gets from
    A. Every order still converges (above); here some ops arrive twice, as before the rule."""
    orders = [_check(seed, turns=True) for seed in range(150)]
    assert sum(orders) > 0
