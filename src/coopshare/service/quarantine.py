"""Quarantine, never block: what happens to an op whose content cannot be used here.

An op that is signed by a device of the roster and authorised, but whose content does not
decode, does not decrypt with a key this device holds, or cannot be applied, must not stop
anything else: a member could otherwise seal a malformed change to one victim, and since
nobody else can read it, everybody would store and relay it and every sync of the victim
would fail (issue 10). Such an op is

* kept exactly as received in the log (it is relayed like any other op),
* skipped: whatever applying it wrote is undone (a savepoint), it changes no item,
* marked with the reason (table ``bad_ops``, schema 005): the error type and the field, never
  content, and listed by :func:`diagnostics` (``coopshare diagnostics``).

Ops parked because their parents or author are not known yet (the older quarantine of
``Replica``) are listed too, as "parked".

The decoders raise only ValidationError (fuzzed by bench/fuzz.py); the wider net of Python
errors below is a second line: a bug found by a peer's bytes costs that one op, not the session.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from typing import TYPE_CHECKING, Any

from coopshare.errors import DecryptError, ValidationError
from coopshare.model.fold import Change
from coopshare.protocol.codec import unpack
from coopshare.protocol.ops import Header, Op

if TYPE_CHECKING:
    from coopshare.service.replica import Replica
    from coopshare.service.replica_base import ReplicaBase
    from coopshare.service.replica_content import ContentApplier

log = logging.getLogger(__name__)

# what a peer's bytes can make content decoding or applying raise; never StoreError (a full
# disk must end the transaction, not mark good ops as bad)
DATA_ERRORS: tuple[type[BaseException], ...] = (
    ValidationError,
    DecryptError,
    ValueError,
    TypeError,
    LookupError,
    ArithmeticError,
    RecursionError,
)
_FIELD = re.compile(r"[a-z_.]{1,40}")


def reason_of(error: BaseException) -> str:
    """Why an op was skipped, without any of its content: the error type, and for a schema
    error the name of the field (the text before the first colon, when it is a field name)."""
    name = type(error).__name__
    if isinstance(error, ValidationError):
        field = error.detail.split(":", 1)[0] if ":" in error.detail else ""
        return f"{name} ({field})" if _FIELD.fullmatch(field) else name
    if isinstance(error, DecryptError):
        return "DecryptError (a part did not open with the key this device holds)"
    return f"unexpected {name}"


def apply_content(replica: Replica, op: Op) -> tuple[bytes, ...]:
    """Apply a stored content op's effects; on a data error undo them, mark the op, skip it.

    In the unguarded attempt of a batch (service/batch_ingest.py) there is no savepoint: a data
    error raises Redo, which rolls the batch back and applies it again guarded, as here."""
    if not replica.guarded:
        from coopshare.service.batch_ingest import Redo  # batch_ingest imports this module

        try:
            return replica._apply_content(op)
        except DATA_ERRORS as e:
            raise Redo from e
    try:
        with replica.store.savepoint():
            return replica._apply_content(op)
    except DATA_ERRORS as e:
        replica._search = None  # it may hold what the savepoint undid: rebuilt when next asked
        skip(replica, op, e)
        return ()


def skip(replica: ReplicaBase, op: Op, error: BaseException) -> None:
    replica.unreadable += 1
    reason = reason_of(error)
    replica.store.mark_bad(op.op_id, reason, int(time.time()))
    if isinstance(error, ValidationError | DecryptError):
        log.info("op %s skipped: %s", op.op_id.hex()[:16], reason)
    else:  # the decoders should have refused this: worth a trace in the log
        log.warning("op %s skipped: %s", op.op_id.hex()[:16], reason, exc_info=error)


def changes_or_none(replica: ContentApplier, op: Op, author: bytes) -> list[Change]:
    """The changes of an earlier op (when an item is folded again); none if it is bad."""
    try:
        return replica._open_changes(op, author)
    except DATA_ERRORS as e:
        skip(replica, op, e)
        return []


def diagnostics(replica: Replica) -> list[dict[str, Any]]:
    """Every op held back here: skipped (bad content) or parked (parents or author unknown).

    Op id, kind, author device and member (ids in hex), the reason and since when; no content.
    """
    out = []
    for state, op_id, reason, added, raw in replica.store.held_back():
        header = _header_of(raw if state == "skipped" else _wire_header(raw))
        member = None if header is None else replica.roster.member_of(header.device)
        out.append(
            {
                "op_id": op_id.hex(),
                "state": state,
                "kind": "" if header is None else header.kind.value,
                "device": "" if header is None else header.device.hex(),
                "author": member.hex() if member else "",
                "reason": reason,
                "since": dt.datetime.fromtimestamp(added, dt.UTC).isoformat(timespec="seconds"),
            }
        )
    return out


def _wire_header(wire: bytes) -> bytes | None:
    try:
        v = unpack(wire)
    except ValidationError:
        return None
    return v[0] if isinstance(v, list) and v and isinstance(v[0], bytes) else None


def _header_of(raw: bytes | None) -> Header | None:
    try:
        return None if raw is None else Header.decode(raw)
    except ValidationError:
        return None
