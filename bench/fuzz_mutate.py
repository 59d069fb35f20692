"""A structure-aware mutator for msgpack inputs, and the seed corpus it starts from.

Half of the time it parses the input as msgpack (after the target's mode byte, if any) and
changes the tree: a value swapped for a hostile one (huge or negative integers, a 5,000-digit
number as text, odd-length hex, mixed text and bytes keys, deep nesting, floats, wrong types),
a key dropped or added, a list entry duplicated or removed, or a bytes value that is itself
msgpack (an op's header, the ops inside a message) mutated in turn. Otherwise it works on the
bytes: bit flips, byte changes, insertions, deletions, truncation and splices with another seed.
"""

from __future__ import annotations

import base64
import random
from pathlib import Path
from typing import Any

import msgpack

# targets whose first byte selects a mode; the msgpack starts after it
MODE_BYTE = {"release_purge", "content_open", "roster", "knock", "invite"}


def _hostile(rng: random.Random) -> Any:
    return rng.choice(
        [
            (1 << 64) - 1,
            -(1 << 63),
            1 << 63,
            -1,
            0,
            "9" * 5000,
            "-" + "1" * 30,
            " 12 ",
            "abc",
            "0" * 31,
            "f" * 63,
            ["ab" * 15 + "a"],
            [rng.randbytes(16).hex()[:-1]],
            {"a": 1, b"b": 2},
            {b"t": "note", "id": b"x" * 16},
            {"": None},
            [[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]],
            1.5,
            float("nan"),
            None,
            True,
            b"",
            rng.randbytes(rng.choice([1, 16, 31, 32, 33, 64, 300])),
            "x" * rng.choice([0, 65, 301, 20_001]),
            "2026-02-30",
            "99999-01-01",
            [{"from": "2026-01-01", "to": "2025-01-01", b"hours": 1}],
            {"from": "2026-01-01", "to": "2026-01-02", "hours": "9" * 5000},
        ]
    )


def _nodes(obj: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _nodes(v, (*path, i))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            out += _nodes(v, (*path, k))
    return out


def _get(obj: Any, path: tuple[Any, ...]) -> Any:
    for k in path:
        obj = obj[k]
    return obj


def _set(obj: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(obj, path[:-1])[path[-1]] = value
    return obj


def mutate_tree(obj: Any, rng: random.Random, depth: int = 0) -> Any:
    path = rng.choice(_nodes(obj))
    node = _get(obj, path)
    r = rng.random()
    if isinstance(node, bytes) and depth < 3 and r < 0.3:
        try:  # nested msgpack (an op header, an op inside a message)
            inner = msgpack.unpackb(node, raw=False, strict_map_key=False)
            return _set(obj, path, pack(mutate_tree(inner, rng, depth + 1)))
        except Exception:
            pass
    if isinstance(node, dict) and node and r < 0.5:
        key = rng.choice(list(node))
        if rng.random() < 0.5:
            del node[key]
        else:
            node[rng.choice(["x", b"x", "t", "set", "id", "body", "prev", "del", key])] = _hostile(
                rng
            )
        return obj
    if isinstance(node, list) and node and r < 0.5:
        i = rng.randrange(len(node))
        if rng.random() < 0.5:
            node.insert(i, node[i])
        else:
            del node[i]
        return obj
    if r < 0.75:
        return _set(obj, path, _hostile(rng))
    # type swap keeping the value's spirit
    if isinstance(node, int) and not isinstance(node, bool):
        swapped: Any = str(node)
    elif isinstance(node, bytes):
        swapped = node.hex() if rng.random() < 0.5 else node.decode("latin-1")
    elif isinstance(node, str):
        swapped = node.encode()
    elif isinstance(node, list):
        swapped = {str(i): v for i, v in enumerate(node)}
    elif isinstance(node, dict):
        swapped = list(node.values())
    else:
        swapped = _hostile(rng)
    return _set(obj, path, swapped)


def pack(obj: Any) -> bytes:
    return msgpack.packb(obj, use_bin_type=True)  # type: ignore[no-any-return]


def mutate_bytes(data: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    b = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4])):
        r = rng.random()
        if not b or r < 0.1:
            b += rng.randbytes(rng.randint(1, 8))
        elif r < 0.35:
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
        elif r < 0.55:
            b[rng.randrange(len(b))] = rng.choice([0, 0xFF, 0x7F, 0x80, 0xC1, 0xD9, 0xDC, 0xDE])
        elif r < 0.7:
            i = rng.randrange(len(b) + 1)
            b[i:i] = rng.randbytes(rng.randint(1, 16))
        elif r < 0.85:
            i = rng.randrange(len(b))
            del b[i : i + rng.randint(1, 16)]
        elif r < 0.93:
            del b[rng.randrange(len(b)) :]
        else:
            other = rng.choice(seeds) if seeds else data
            i, j = rng.randrange(len(b) + 1), rng.randrange(len(other) + 1)
            b = b[:i] + other[j:]
    return bytes(b)


def mutate(target: str, data: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    head, rest = (data[:1], data[1:]) if target in MODE_BYTE and data else (b"", data)
    if rng.random() < 0.05 and head:
        head = bytes([rng.randrange(256)])
    if rng.random() < 0.55:
        try:
            tree = msgpack.unpackb(rest, raw=False, strict_map_key=False)
            return head + pack(mutate_tree(tree, rng))
        except Exception:
            pass
    return head + mutate_bytes(rest, rng, seeds)


def load_corpus(root: Path, target: str) -> list[bytes]:
    folder = root / target
    return [f.read_bytes() for f in sorted(folder.iterdir())] if folder.is_dir() else []


def make_seeds() -> dict[str, list[bytes]]:
    """Valid inputs for every target, made with the project's own code and keys."""
    from fuzz_targets import world

    from coopshare.crypto import envelope
    from coopshare.model.items import Kind
    from coopshare.protocol import content, frames, invite, knock
    from coopshare.protocol import messages as m
    from coopshare.protocol.ops import decode_op

    w = world()
    a = w.alice
    note = a.add_note("A note", "Body with [[Link]]", ["tag"], [])
    lead = a.add_lead(
        {
            "title": "Interim controller",
            "description": "Six months",
            "role": "controller",
            "skills": ["excel"],
            "region": "Brabant",
            "remote": True,
            "start": "2027-01-04",
            "duration_weeks": "26",
            "hours_per_week": 32,
            "respond_by": "2026-12-20",
            "org": "Acme",
            "rate_min": 80,
            "rate_max": 95,
        }
    )
    idea = a.add_idea("Idea", "text", "view-only", tags=["x"], to=[], derived_from=[])
    a.add_idea("Child", "more", "private", tags=[], to=[], derived_from=[idea])
    a.set_profile(
        {
            "skills": ["audit"],
            "availability": [{"from": "2027-01-01", "to": "2027-02-01", "hours": 24}],
            "ambitions": "grow",
        }
    )
    a.purge(note)
    a.rotate()
    wires = list(a.wire_ops())
    ops = [decode_op(x) for x in wires]
    item_id = a.new_item_id()
    changes = [
        content.encode_change(Kind.NOTE, item_id, {"title": "T", "tags": ["a"]}, body="b"),
        content.encode_change(
            Kind.LEAD,
            item_id,
            {k: v[0] for k, v in a.item(lead).fields.items()},  # type: ignore[union-attr]
        ),
        content.encode_change(
            Kind.IDEA,
            item_id,
            {"title": "I", "owners": [a.me.member_id.hex()], "derived_from": [idea.hex()]},
            body="x",
            prev=(b"\4" * 32,),
        ),
        content.encode_change(
            Kind.PROFILE,
            item_id,
            {"availability": [{"from": "2027-01-01", "to": "2027-01-09", "hours": 8}]},
        ),
        content.encode_change(
            Kind.THANKS, item_id, {"target": "x", "text": "thanks"}, deleted=True
        ),
    ]
    item_bodies = [o.body for o in ops if o.header.kind.value == "item" and o.body]
    roster = [o for o in ops if o.header.kind.is_roster and o.body]
    kinds = [k for k in type(ops[0].header.kind) if k.is_roster]
    grants = content.encode_grants([content.Grant(b"\5" * 32, 0, b"\6" * 32)])
    token = invite.new_invitation(w.coop_id, ["127.0.0.1:9"], b"\7" * 32, "member")
    raw_token = base64.b32decode(
        token.to_text()[len(invite.PREFIX) :] + "=" * (-len(token.to_text()[17:]) % 8)
    )
    msgs: list[m.Message] = [
        m.Hello(w.coop_id, a.me.device_id, tuple(o.op_id for o in roster)),
        m.Ops(tuple(wires[:3])),
        m.Have({a.me.device_id: 7}),
        m.Ping(3),
        m.Bye("done"),
        m.RosterDone(),
        m.CaughtUp(),
        m.JoinChallenge(b"n" * 16),
        m.Join(b"t" * 16, a.join_request(), b"p" * 32, b"s" * 64),
        m.JoinOk(w.coop_id),
    ]
    part = envelope.seal_coop(changes[0], w.epoch_key, w.coop_id)[0]
    return {
        "frames": [
            b"".join(frames.encode_frame(m.to_wire(x)) for x in msgs[i::3]) for i in range(3)
        ],
        "messages": [m.to_wire(x) for x in msgs],
        "op": wires,
        "parts": [*item_bodies[:4], content.encode_parts([part])],
        "change": changes,
        "release_purge": [b"\0" + o.body for o in ops if o.header.kind.value == "purge" and o.body]
        + [b"\1" + grants],
        "content_open": [b"\1" + c for c in changes] + [b"\2" + changes[1], b"\0" + item_bodies[0]],
        "roster": [bytes([kinds.index(o.header.kind)]) + o.body for o in roster if o.body]
        + [b"\7" + pack({b"\1" * 16: b"\2" * 32}), b"\x0f" + pack(a.join_request())],
        "knock": [
            b"\x01" + knock.make_knock(w.net_key, 1)[:26],
            b"\x03" + bytes(26),
            b"\x00" + knock.make_knock(w.net_key, 1),
        ],
        "invite": [b"\0" + token.to_text().encode(), b"\1" + raw_token],
        "views": changes,
    }
