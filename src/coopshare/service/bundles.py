"""Sneakernet: the ops a peer lacks, written to one bundle file and read back on its side.

Export picks the ops as a sync session's pump does (sync/engine.py): every op whose seq is
above what the peer's version vector says it holds for that op's device, in arrival order,
without the ops no peer may accept any more (service/forward.py). Import runs every op through
the same :meth:`Replica.apply_batch` path as ops from the network (decode, signature,
authorisation, quarantine of ops with unknown parents), in one transaction: if the file is
damaged, of another cooperative, or any op in it is refused, nothing is kept. Importing a
bundle again stores nothing new (each op is a replay).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coopshare.errors import BundleForeign, BundleOpRefused, ValidationError, VectorMalformed
from coopshare.protocol import bundle
from coopshare.protocol.codec import pack
from coopshare.service import forward
from coopshare.service.coop import Coop
from coopshare.service.outfiles import write_private

SKIM = 5000
APPLY_CHUNK = 1000


@dataclass(frozen=True, slots=True)
class BundleExported:
    ops: int
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class BundleImported:
    new: int  # ops stored now
    known: int  # ops this device held already
    parked: int  # kept in quarantine until their parents or author arrive
    total: int


def format_vector(vv: dict[bytes, int]) -> str:
    return ",".join(f"{d.hex()}:{s}" for d, s in sorted(vv.items()))


def parse_vector(text: str) -> dict[bytes, int]:
    """A vector as printed by :func:`format_vector`, or the JSON object of ``status --json``."""
    text = text.strip()
    pairs: list[tuple[str, object]] = []
    if text.startswith("{"):
        try:
            obj = json.loads(text)
        except ValueError:
            raise VectorMalformed("invalid JSON") from None
        if not isinstance(obj, dict):
            raise VectorMalformed("not an object")
        pairs = list(obj.items())
    elif text:
        for part in text.split(","):
            dev, sep, num = part.strip().partition(":")
            if not sep:
                raise VectorMalformed(f"{part.strip()[:20]!r} has no ':'")
            pairs.append((dev, num))
    out: dict[bytes, int] = {}
    for key, seq in pairs:
        try:
            d, s = bytes.fromhex(str(key)), int(str(seq))
        except ValueError:
            raise VectorMalformed(f"{str(key)[:20]!r}") from None
        if len(d) != 32 or s < 0:
            raise VectorMalformed("a device id is 64 hex digits, a seq 0 or more")
        out[d] = s
    return out


def my_vector(coop: Coop) -> str:
    """What this device holds, for a peer's ``bundle export --since``: per device the highest
    seq below which nothing is missing."""
    return format_vector(coop.store.contiguous_vv())


def member_vector(coop: Coop, member_id: bytes) -> dict[bytes, int]:
    """What `member_id` surely holds as far as this device knows: the ops its own devices wrote
    (the estimate leaves everything else in; an op the member has already is a no-op there)."""
    vv = coop.store.contiguous_vv()
    return {d: vv.get(d, 0) for d, rec in coop.roster.devices.items() if rec.member_id == member_id}


def _wires(coop: Coop, have: dict[bytes, int]) -> Iterator[bytes]:
    n = 0
    while True:
        skim = coop.store.log_after(n, SKIM)
        if not skim:
            return
        n = skim[-1][0]
        want = [rn for rn, device, seq in skim if seq > have.get(device, 0)]
        for row in forward.drop_cut_off(coop, coop.store.ops_numbered(want)):
            yield pack([row[3], row[4], row[5]])


def export_bundle(
    coop: Coop, dest: Path, *, since: dict[bytes, int] | None = None, member: bytes | None = None
) -> BundleExported:
    """Write the ops a peer lacks (all of them without `since` or `member`) to `dest`."""
    coop_id = coop._coop()
    have = dict(since or {})
    if member is not None:
        for d, s in member_vector(coop, member).items():
            have[d] = max(have.get(d, 0), s)
    with coop.transaction():  # one snapshot of the log, even with a node writing beside us
        count = write_private(dest, lambda f: bundle.write(f, coop_id, _wires(coop, have)))
    return BundleExported(count, dest.stat().st_size)


def import_bundle(coop: Coop, path: Path) -> BundleImported:
    """Verify and apply a bundle whole, or raise a BundleError and keep nothing."""
    coop_id = coop._coop()
    with path.open("rb") as f:
        info = bundle.check(f)
        if info.coop_id != coop_id:
            raise BundleForeign()
        f.seek(0)
        counts = [0, 0, 0]  # new, known, parked
        with coop.transaction(durable=True):
            chunk: list[bytes] = []
            for wire in bundle.ops(f):
                chunk.append(wire)
                if len(chunk) == APPLY_CHUNK:
                    _apply(coop, chunk, counts)
                    chunk = []
            _apply(coop, chunk, counts)
    return BundleImported(counts[0], counts[1], counts[2], info.count)


def _apply(coop: Coop, chunk: list[bytes], counts: list[int]) -> None:
    """Apply one chunk inside the import's transaction; a refused op refuses the bundle."""
    done = sum(counts)
    for i, result in enumerate(coop.apply_batch(chunk)):
        if isinstance(result, ValidationError):
            raise BundleOpRefused(index=done + i + 1, reason=type(result).__name__) from result
        counts[2 if result.quarantined else 0 if result.new else 1] += 1
