"""Bodies of content ops: item parts, the change inside a part, key releases and purges.

* ``item``: msgpack list of parts ``[mode, wrap, ciphertext]`` (crypto/envelope.py); each part's
  plaintext is a change map ``{t, id, set, body?, prev?, del?}``.
* ``key_release``: a sealed part whose plaintext is ``{grants: [[op_id, part, data key]...]}``,
  followed (since the release-notice revision) by a coop part under the epoch key whose
  plaintext is the notice ``{item, to, ops}``: which item, to which member, which ops' keys.
* ``purge``: plain map ``{targets: [op_id...]}``; payloads of the targets are dropped on every
  peer, their signed headers stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coopshare.crypto.envelope import MODE_COOP, MODE_SEALED, SLOT_BUCKETS, Part
from coopshare.errors import SchemaError
from coopshare.model.fold import Change
from coopshare.model.items import Kind, validate_body, validate_fields
from coopshare.protocol.codec import (
    as_bool,
    as_bytes,
    as_int,
    as_list,
    as_map,
    as_str,
    pack,
    unpack,
)
from coopshare.protocol.ops import ID_LEN

ITEM_ID_LEN = 16
MAX_PARTS = 4
MAX_PREV = 64
MAX_GRANTS = 256
MAX_TARGETS = 1024


def encode_parts(parts: list[Part]) -> bytes:
    return pack([[pt.mode, pt.wrap, pt.ciphertext] for pt in parts])


def decode_parts(body: bytes) -> list[Part]:
    raw = as_list(unpack(body), "parts", MAX_PARTS)
    if not raw:
        raise SchemaError("parts: an item op has at least one part")
    out = []
    for v in raw:
        v = as_list(v, "part", 3)
        if len(v) != 3:
            raise SchemaError("part: expected [mode, wrap, ciphertext]")
        mode = as_int(v[0], "part.mode", 0, 1)
        if mode == MODE_COOP:
            wrap: bytes | list[bytes] = as_bytes(v[1], "part.wrap", max_len=128)
        else:
            slots = as_list(v[1], "part.slots", SLOT_BUCKETS[-1])
            if len(slots) not in SLOT_BUCKETS:
                raise SchemaError("part.slots: count must be 1, 4, 16 or 64")
            wrap = [as_bytes(s, "part.slot", max_len=256) for s in slots]
        assert mode in (MODE_COOP, MODE_SEALED)
        out.append(Part(mode, wrap, as_bytes(v[2], "part.ciphertext")))
    return out


def encode_change(
    kind: Kind,
    item_id: bytes,
    fields: dict[str, Any],
    *,
    body: str | None = None,
    prev: tuple[bytes, ...] = (),
    deleted: bool | None = None,
) -> bytes:
    m: dict[str, Any] = {"t": kind.value, "id": item_id, "set": fields}
    if body is not None:
        m["body"] = body
        m["prev"] = list(prev)
    if deleted is not None:
        m["del"] = deleted
    return pack(m)


def decode_change(
    plain: bytes,
    *,
    op_id: bytes,
    hlc: int,
    author: bytes,
    via_grant: bool = False,
    coop_wide: bool = False,
) -> Change:
    m = as_map(unpack(plain), "change", {"t", "id", "set"}, frozenset({"body", "prev", "del"}))
    try:
        kind = Kind(as_str(m["t"], "t", 16))
    except ValueError:
        raise SchemaError("t: unknown item kind") from None
    if not isinstance(m["set"], dict):
        raise SchemaError("set: expected a map")
    prev = tuple(as_bytes(x, "prev", ID_LEN) for x in as_list(m.get("prev", []), "prev", MAX_PREV))
    return Change(
        op_id=op_id,
        hlc=hlc,
        author=author,
        item_id=as_bytes(m["id"], "id", ITEM_ID_LEN),
        kind=kind,
        fields=validate_fields(kind, m["set"]),
        body=validate_body(m["body"]) if "body" in m else None,
        prev=prev,
        deleted=as_bool(m["del"], "del") if "del" in m else None,
        via_grant=via_grant,
        coop_wide=coop_wide,
    )


@dataclass(frozen=True, slots=True)
class Grant:
    op_id: bytes
    part: int
    key: bytes


def encode_grants(grants: list[Grant]) -> bytes:
    return pack({"grants": [[g.op_id, g.part, g.key] for g in grants]})


def decode_grants(plain: bytes) -> list[Grant]:
    m = as_map(unpack(plain), "release", {"grants"})
    out = []
    for g in as_list(m["grants"], "grants", MAX_GRANTS):
        g = as_list(g, "grant", 3)
        if len(g) != 3:
            raise SchemaError("grant: expected [op_id, part, key]")
        out.append(
            Grant(
                as_bytes(g[0], "grant.op", ID_LEN),
                as_int(g[1], "grant.part", 0, MAX_PARTS - 1),
                as_bytes(g[2], "grant.key", 32),
            )
        )
    return out


def encode_purge(targets: list[bytes]) -> bytes:
    return pack({"targets": targets})


def decode_purge(body: bytes) -> list[bytes]:
    m = as_map(unpack(body), "purge", {"targets"})
    return [as_bytes(t, "target", ID_LEN) for t in as_list(m["targets"], "targets", MAX_TARGETS)]


@dataclass(frozen=True, slots=True)
class Notice:
    """The coop-visible half of a key release: every member can check it against the log."""

    item_id: bytes
    to: bytes  # the recipient's member id
    ops: tuple[bytes, ...]  # the ops whose keys were granted


def encode_notice(n: Notice) -> bytes:
    return pack({"item": n.item_id, "to": n.to, "ops": list(n.ops)})


def decode_notice(plain: bytes) -> Notice:
    m = as_map(unpack(plain), "notice", {"item", "to", "ops"})
    ops = as_list(m["ops"], "notice.ops", MAX_GRANTS)
    return Notice(
        as_bytes(m["item"], "notice.item", ITEM_ID_LEN),
        as_bytes(m["to"], "notice.to", ID_LEN),
        tuple(as_bytes(o, "notice.op", ID_LEN) for o in ops),
    )
