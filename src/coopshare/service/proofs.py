"""Priority proof on a replica: committing to an idea's text, checking commitments and
receipts on ingest, writing receipts by itself, and reading what was witnessed
(protocol.md §11a; the counting rules are model/proof_rules.py).

* :func:`commit_idea`: the owner's device writes a ``commit`` op: the salted hash in the clear,
  the idea id, salt and exact text sealed to the owner's own devices.
* :func:`check`: called by the ingest pipeline for every ``commit`` and ``witness`` op: a body
  that does not decode raises a ValidationError (the op is kept, skipped and marked, as every
  unusable content op); another member's commitment is queued for a receipt.
* :func:`witness_step`: a device writes one ``witness`` op per commitment of another member
  that counts (model/proof_rules.py ``to_witness``); run by the node after every applied batch
  and in its 60 s pass.
* :func:`idea_proofs`: the owner's view: each commitment of an idea, its counted receipts and
  the earliest receipt time.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coopshare.crypto import envelope
from coopshare.crypto import primitives as p
from coopshare.errors import (
    RULE_AUTHOR_ONLY,
    DecryptError,
    NoCoopKey,
    NoSuchItem,
    NotAllowed,
    SchemaError,
    ValidationError,
)
from coopshare.model import proof_rules as rules
from coopshare.model.hlc import physical_ms, wall_ms
from coopshare.model.items import Kind
from coopshare.protocol import content, proof
from coopshare.protocol.ops import Header, Op, OpKind
from coopshare.service import restored

if TYPE_CHECKING:
    from coopshare import evidence_check as ev
    from coopshare.service.coop import Coop
    from coopshare.service.replica_base import ReplicaBase

log = logging.getLogger(__name__)


# --- ingest --------------------------------------------------------------------------------------


def check(replica: ReplicaBase, op: Op, author: bytes) -> None:
    """Decode a proof op's body (malformed: SchemaError, so it is skipped and marked)."""
    assert op.body is not None
    if op.header.kind is OpKind.COMMIT:
        proof.decode_commit(op.body)
        if author != replica.me.member_id:
            replica.new_commits.append(op.op_id)
    else:
        proof.decode_witness(op.body)


# --- writing -------------------------------------------------------------------------------------


def commit_idea(coop: Coop, item_id: bytes) -> bytes:
    """Publish a commitment to my idea's current title and text; returns the commit op id."""
    st = coop.item(item_id)
    if st is None or st.kind is not Kind.IDEA or st.is_deleted:
        raise NoSuchItem(item=item_id.hex())
    if st.creator != coop.me.member_id[:8]:
        raise NotAllowed(rule=RULE_AUTHOR_ONLY)
    text = proof.canonical_text(str(st.value("title", "")), st.body)
    salt = p.random_bytes(proof.SALT_LEN)
    coop_id = coop._coop()
    secret = proof.encode_secret(proof.Secret(item_id, salt, text.decode("utf-8")))
    part, _ = envelope.seal_to(secret, coop._devices_of([coop.me.member_id]), coop_id)
    body = proof.encode_commit(
        proof.Commit(proof.commitment(salt, text), content.encode_parts([part]))
    )
    return coop._append(OpKind.COMMIT, body, coop._epoch()[0]).op_id


def witness_step(coop: Coop, *, full: bool = False, now_ms: int | None = None) -> int:
    """Write the receipts due: for the commitments applied since the last call, or (full) for
    every commitment held. Returns the number written."""
    if restored.holding(coop):  # restored, not caught up: the queue waits (restored.py)
        return 0
    queued, coop.new_commits = coop.new_commits, []
    if coop.coop_id is None or not (full or queued):
        return 0
    me = coop.me
    if me.device_id not in coop.roster.active:
        return 0  # removed or revoked: nothing to sign with
    now = wall_ms() if now_ms is None else now_ms
    due = rules.to_witness(commits(coop), receipts(coop), me.member_id, me.device_id, now)
    written = 0
    for c in due:
        try:
            body = proof.encode_witness(proof.Witness(c.op_id, c.hash))
            coop._append(OpKind.WITNESS, body, coop._epoch()[0])
            written += 1
        except (NoCoopKey, ValidationError) as e:  # no epoch key yet: the next pass tries again
            log.info("receipt for %s not written: %s", c.op_id.hex()[:12], e)
    return written


# --- reading -------------------------------------------------------------------------------------


def _stored(coop: Coop, kind: OpKind) -> Iterable[Op]:
    for eid, _ in coop.roster.epochs:
        for hb, sig, body in coop.store.ops_in_epoch(eid, kind.value):
            if body is not None:
                yield Op(Header.decode(hb), hb, sig, body)


def commits(coop: Coop) -> list[rules.CommitRec]:
    out = []
    for op in _stored(coop, OpKind.COMMIT):
        member = coop.roster.member_of(op.header.device)
        try:
            c = proof.decode_commit(op.body or b"")
        except ValidationError:
            continue  # skipped and marked when it arrived
        if member is not None:
            out.append(rules.CommitRec(op.op_id, member, op.header.device, op.header.hlc, c.hash))
    return out


def receipts(coop: Coop) -> list[rules.ReceiptRec]:
    out = []
    for op in _stored(coop, OpKind.WITNESS):
        member = coop.roster.member_of(op.header.device)
        try:
            w = proof.decode_witness(op.body or b"")
        except ValidationError:
            continue
        if member is not None:
            rec = rules.ReceiptRec(op.op_id, member, op.header.device, op.header.hlc, w.op, w.hash)
            out.append(rec)
    return out


def commit_hash(coop: Coop, op_id: bytes) -> bytes:
    """The hash of my stored commit op `op_id`."""
    row = coop.store.op_row(op_id)
    if row is None or row[2] is None or Header.decode(row[0]).kind is not OpKind.COMMIT:
        raise NoSuchItem(item=op_id.hex())
    return proof.decode_commit(row[2]).hash


def tsa_key(op_id: bytes) -> str:
    """The ``meta`` key of the RFC 3161 token kept for my commit op (service/timestamp.py)."""
    return f"tsa:{op_id.hex()}"


def tsa_token(coop: Coop, op_id: bytes) -> bytes | None:
    key = tsa_key(op_id)
    blob = coop.store.meta(key)
    return None if blob is None else coop.open_local(key.encode(), blob)


def tsa_stamp(coop: Coop, op_id: bytes, digest: bytes) -> ev.Stamp | None:
    from coopshare import evidence_check as ev  # the verifier loads when a token is checked

    token = tsa_token(coop, op_id)
    if token is None:
        return None
    try:
        return ev.check_token(token, digest)
    except ev.EvidenceInvalid:
        return None


def open_secret(coop: Coop, op: Op) -> proof.Secret | None:
    """The sealed half of my commit op, or None if this device cannot open it."""
    try:
        parts = content.decode_parts(proof.decode_commit(op.body or b"").sealed)
        if len(parts) != 1 or parts[0].mode != envelope.MODE_SEALED:
            raise SchemaError("sealed: expected one sealed part")
        coop_id = coop._coop()
        dek = envelope.part_key(parts[0], coop_id, None, coop.me.kex_key)
        if dek is None:
            return None
        return proof.decode_secret(envelope.open_part(parts[0], dek, coop_id))
    except (ValidationError, DecryptError, ValueError) as e:  # not ours, or damaged
        log.debug("commit %s not opened: %s", op.op_id.hex()[:12], type(e).__name__)
        return None


@dataclass(frozen=True, slots=True)
class Witnessed:
    member_id: str  # hex
    name: str
    device: str  # hex
    when_ms: int  # the receipt's signed time (wall-clock part of its hlc)


@dataclass(frozen=True, slots=True)
class Commitment:
    """One commitment to an idea's text and what was witnessed of it (the owner's view)."""

    op_id: str  # hex
    when_ms: int  # the committer's own signed time: a claim, not a proof
    counted: bool  # within the daily cap
    receipts: tuple[Witnessed, ...]
    text_matches: bool  # the idea's current title and text are the committed ones
    tsa_ms: int | None = None  # the time of an RFC 3161 time-stamp of it, if one was taken

    @property
    def earliest_ms(self) -> int | None:
        return min((r.when_ms for r in self.receipts), default=None)

    def to_json(self) -> dict[str, Any]:
        """The CLI's ``idea proofs --json`` shape."""
        keys = ("op_id", "when_ms", "counted", "text_matches", "tsa_ms")
        out = {k: getattr(self, k) for k in keys}
        out["earliest_ms"] = self.earliest_ms
        out["receipts"] = [
            {"member": w.member_id, "name": w.name, "device": w.device, "when_ms": w.when_ms}
            for w in self.receipts
        ]
        return out


def my_commit_ops(coop: Coop, item_id: bytes) -> list[tuple[Op, proof.Secret]]:
    """My commit ops for this idea, with their opened secrets, oldest first."""
    out = []
    for op in _stored(coop, OpKind.COMMIT):
        if coop.roster.member_of(op.header.device) != coop.me.member_id:
            continue
        s = open_secret(coop, op)
        if s is not None and s.item == item_id:
            out.append((op, s))
    return sorted(out, key=lambda x: (x[0].header.hlc, x[0].op_id))


def idea_proofs(coop: Coop, item_id: bytes) -> list[Commitment]:
    st = coop.item(item_id)
    if st is None or st.kind is not Kind.IDEA:
        raise NoSuchItem(item=item_id.hex())
    current = proof.canonical_text(str(st.value("title", "")), st.body)
    all_commits = commits(coop)
    counted = rules.counted_commits(all_commits)
    by_id = {c.op_id: c for c in all_commits}
    all_receipts = receipts(coop)
    out = []
    for op, secret in my_commit_ops(coop, item_id):
        rec = by_id.get(op.op_id)
        got = rules.counted_receipts(rec, all_receipts) if rec is not None else []
        seen = tuple(
            Witnessed(
                r.member.hex(), coop.member_name(r.member), r.device.hex(), physical_ms(r.hlc)
            )
            for r in got
        )
        stamp = tsa_stamp(coop, op.op_id, proof.decode_commit(op.body or b"").hash)
        out.append(
            Commitment(
                op.op_id.hex(),
                physical_ms(op.header.hlc),
                op.op_id in counted,
                seen,
                secret.text.encode("utf-8") == current,
                None if stamp is None else stamp.when_ms,
            )
        )
    return out
