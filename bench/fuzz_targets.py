"""Fuzz targets: every decoder that reads bytes from the network or from a peer's op.

Each target takes one input (bytes) and either returns, or raises one of the exceptions listed
as its documented outcome (the project's ValidationError; DecryptError where opening ciphertext
is part of the target; InviteMalformed/UserError for an invitation text). Anything else is a
finding. Used by bench/fuzz.py (atheris or the built-in mutator) and by tests/test_fuzz_corpus.py.

Targets whose input is wrapped first (sealed, MAC'd, signed) take a leading mode byte: the
harness does the wrapping with the project's own keys so that mutations reach the decoders
behind the cryptography, not only the first check.
"""

from __future__ import annotations

import base64
import contextlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coopshare import evidence_check
from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.errors import DecryptError, UserError, ValidationError
from coopshare.identity.keys import Identity
from coopshare.identity.keystore import Unlocked
from coopshare.model.fold import ItemState
from coopshare.model.items import Kind
from coopshare.model.roster import Role
from coopshare.protocol import content, frames, invite, knock, proof, roster_body
from coopshare.protocol import messages as m
from coopshare.protocol.codec import as_map, pack, unpack
from coopshare.protocol.ops import Header, Op, OpKind, decode_op
from coopshare.service import content_open, views, views_ideas, views_lead, views_people, views_work
from coopshare.service.coop import Coop
from coopshare.store.db import Store

Target = Callable[[bytes], object]


@dataclass
class World:
    """One real member (Alice, admin of a coop with a second member) and her keys."""

    alice: Coop
    epoch_key: bytes
    coop_id: bytes
    net_key: bytes


_world: World | None = None


def world(home: Path | None = None) -> World:
    """The member every target uses (made at the first call, in `home` or a temp folder)."""
    global _world
    if _world is None:
        home = home or Path(tempfile.mkdtemp(prefix="coopshare-fuzz-"))
        alice = Coop(Unlocked(Identity.generate("Alice"), p.random_bytes(32)), Store.open(home))
        alice.create_coop("Fuzz")
        bob = Coop(Unlocked(Identity.generate("Bob"), p.random_bytes(32)), Store.open(home / "b"))
        bob.adopt_coop(alice.coop_id)  # type: ignore[arg-type]
        alice.add_member(bob.join_request(), Role.MEMBER)
        assert alice.coop_id is not None and alice.roster.current_epoch is not None
        key = alice.epoch_keys[alice.roster.current_epoch]
        _world = World(alice, key, alice.coop_id, knock.network_key(key))
    return _world


def _header(kind: OpKind, body: bytes) -> Header:
    w = world()
    return Header(
        b"" if kind is OpKind.GENESIS else w.coop_id,
        w.alice.me.device_id,
        2,
        b"\1" * 32,
        1 << 20,
        (),
        kind,
        w.alice.roster.current_epoch or b"",
        p.sha256(body),
        len(body),
    )


def _op(kind: OpKind, body: bytes) -> Op:
    h = _header(kind, body)
    return Op(h, h.encode(), b"\0" * 64, body)


# --- the targets --------------------------------------------------------------------------------


def t_frames(data: bytes) -> None:
    if len(data) >= 4:
        with contextlib.suppress(ValidationError):
            frames.frame_length(data[:4])
    dec = frames.FrameDecoder()
    step = max(1, data[0] if data else 1, len(data) // 8)  # at most 8 reads
    for i in range(0, len(data), step):
        for frame in dec.feed(data[i : i + step]):
            if frame[:1] != b"\x81":  # a map of one entry: the cheap messages, decoded too
                continue
            m.from_wire(frame)


def t_messages(data: bytes) -> None:
    msg = m.from_wire(data)
    if isinstance(msg, m.Ops):
        for wire in msg.ops[:4]:
            decode_op(wire)


def t_op(data: bytes) -> None:
    decode_op(data)


def t_parts(data: bytes) -> None:
    content.decode_parts(data)


def t_change(data: bytes) -> None:
    content.decode_change(data, op_id=b"\2" * 32, hlc=1 << 20, author=b"\3" * 32)


def t_release_purge(data: bytes) -> None:
    if data[:1] == b"\0":
        content.decode_purge(data[1:])
    else:
        content.decode_grants(data[1:])


def t_proof(data: bytes) -> None:
    """Priority proof (issue 14): commit and witness bodies; an evidence ZIP or a time-stamp
    token for the standalone verifier (its own error, EvidenceInvalid)."""
    kind, rest = data[:1], data[1:]
    if kind == b"\0":
        proof.decode_commit(rest)
    elif kind == b"\1":
        proof.decode_witness(rest)
    elif kind == b"\2":
        evidence_check.check_token(rest, bytes(32))
    else:
        evidence_check.verify(rest)


def t_content_open(data: bytes) -> None:
    """mode 1: data sealed as a coop part; 2: sealed to Alice's device (HPKE: slow); else the
    body as is."""
    w = world()
    mode, rest = (data[0] % 8, data[1:]) if data else (0, b"")
    if mode in (0, 3, 4, 5, 6, 7):
        body = rest
    elif mode == 1:
        body = content.encode_parts([envelope.seal_coop(rest, w.epoch_key, w.coop_id)[0]])
    else:
        part, _ = envelope.seal_to(rest, [w.alice.me.kex_pk], w.coop_id)
        body = content.encode_parts([part])
    content_open.changes_of(
        _op(OpKind.ITEM, body),
        w.alice.me.member_id,
        w.coop_id,
        w.alice.epoch_keys,
        w.alice.me.kex_key,
        {},
    )


_ROSTER_KINDS = [k for k in OpKind if k.is_roster]


def t_roster(data: bytes) -> None:
    """First byte: the roster kind, or (7) an epoch chain sealed under the key, or (15) a join
    request as an inviting admin reads it (messages.Join.request)."""
    w = world()
    sel, rest = (data[0], data[1:]) if data else (0, b"")
    if sel % 16 == 15:
        req = as_map(unpack(rest), "request", {"member_pk", "name", "device"})
        roster_body.parse_bundle(req["device"], req["member_pk"])
        return
    if sel % 8 == 7:
        roster_body.open_chain(w.epoch_key, p.seal(w.epoch_key, rest, b"coopshare/v1/chain"))
        return
    roster_body.parse(_op(_ROSTER_KINDS[sel % 7], rest))


_checker = knock.KnockChecker(max_nonces=1000)


def t_knock(data: bytes) -> None:
    """Odd first byte: the rest gets a valid MAC and a current time (reaches the nonce cache)."""
    w = world()
    keys = [(knock.MODE_MEMBER, w.net_key), (knock.MODE_JOIN, knock.join_key(b"s" * 16))]
    if data[:1] and data[0] & 1:
        head = (data[1:27] + bytes(26))[:26]
        now = int(time.time()).to_bytes(8, "big")
        head = head[:18] + now if data[0] & 2 else head
        data = head + p.hmac256(w.net_key, head)
    _checker.check(data, keys)


def t_invite(data: bytes) -> None:
    """Odd first byte: the rest as the base32 payload of a token; else the text as typed."""
    if data[:1] and data[0] & 1:
        text = invite.PREFIX + base64.b32encode(data[1:]).decode().rstrip("=")
    else:
        text = data[1:].decode("utf-8", "replace")
    invite.parse(text)


def t_views(data: bytes) -> None:
    """A change map from a peer, folded as the replica folds it, through every detail view."""
    w = world()
    coop = w.alice
    try:
        raw = unpack(data)
        item_id = raw["id"] if isinstance(raw, dict) and isinstance(raw.get("id"), bytes) else b""
    except ValidationError:
        item_id = b""
    author = item_id[:8] + coop.me.member_id[8:]  # the item's creator: its kind holds
    ch = content.decode_change(data, op_id=b"\2" * 32, hlc=5 << 16, author=author)
    st = ItemState(ch.item_id, ch.kind)
    st.apply(ch)
    st = ItemState.from_plain(unpack(pack(st.to_plain())))  # as stored and read back
    views.row(coop, st)
    views.detail_of(coop, st)
    views_lead.lead_detail_of(coop, st)
    views_work.idea_detail_of(coop, st)
    if st.kind is Kind.IDEA and st.has_creator:
        views_ideas.terms_of(coop, st)
    prof = views_people.profile_of(st)
    if prof is not None:
        views_people.current_windows(prof["availability"])


VE = (ValidationError,)
TARGETS: dict[str, tuple[Target, tuple[type[BaseException], ...]]] = {
    "change": (t_change, VE),
    "views": (t_views, VE),
    "op": (t_op, VE),
    "messages": (t_messages, VE),
    "roster": (t_roster, (ValidationError, DecryptError)),
    "parts": (t_parts, VE),
    "release_purge": (t_release_purge, VE),
    "proof": (t_proof, (ValidationError, evidence_check.EvidenceInvalid)),
    "content_open": (t_content_open, (ValidationError, DecryptError)),
    "frames": (t_frames, VE),
    "knock": (t_knock, ()),
    "invite": (t_invite, (UserError,)),  # InviteMalformed, or "not an invitation" (UserError)
}
