"""The evidence bundle of a priority proof: one ZIP a third party can check with Python and
`cryptography` alone: ``verify.py`` inside it is ``coopshare/evidence_check/script.py``, which
runs the package :mod:`coopshare.evidence_check`, shipped beside it as ``evidence_check/``.

Contents: ``idea.txt`` (the exact committed bytes), ``salt.txt``, ``commit.op`` and
``receipts/NNN.op`` (wire bytes as stored), ``roster/NNNNN.op`` (every roster op, in arrival
order: parents first), ``members.json`` (member and device keys, names as known here),
``README.en.md``, ``README.nl.md``, ``verify.py`` and ``evidence_check/*.py`` (the verifier),
and ``manifest.json`` (SHA-256 of every other file) with ``manifest.sig`` (Ed25519 of the
exporting device over ``"coopshare/v1/evidence-manifest\\0" ‖ manifest``). The ZIP is written
in one canonical layout, so a change of any byte is found. Plain text by design: the callers
warn.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from coopshare import evidence_check as ev
from coopshare.crypto import primitives as p
from coopshare.errors import EvidenceRejected, NoCommitment, NoSuchItem, ValidationError
from coopshare.model import proof_rules as rules
from coopshare.protocol.ops import Header, Op
from coopshare.service import proofs
from coopshare.service.coop import Coop
from coopshare.service.evidence_readme import readmes
from coopshare.service.outfiles import write_private

Report = ev.Report
render = ev.render


@dataclass(frozen=True, slots=True)
class EvidenceExported:
    path: str
    commit_op: str  # hex
    receipts: int
    earliest_ms: int | None


def _wire(coop: Coop, op_id: bytes) -> bytes:
    row = coop.store.op_row(op_id)
    if row is None or row[2] is None:
        raise NoSuchItem(item=op_id.hex())
    return Op(Header.decode(row[0]), row[0], row[1], row[2]).encode()


def _signed(coop: Coop, op_id: bytes) -> bool:
    """Whether the stored copy's own signature checks. A copy vouched for by a later op of its
    run (protocol.md §12a) may carry signature bytes a relay mangled; the standalone verifier
    checks every signature, so such a receipt is left out rather than failing the bundle."""
    row = coop.store.op_row(op_id)
    if row is None:
        return False
    op = Op(Header.decode(row[0]), row[0], row[1], row[2])
    device = coop.roster.devices.get(op.header.device)
    if device is None:
        return False
    try:
        op.verify(device.sign_pk)
    except ValidationError:
        return False
    return True


def build(coop: Coop, item_id: bytes, commit: str | None = None) -> tuple[bytes, EvidenceExported]:
    """The bundle's bytes for my commitment of this idea (by default its earliest)."""
    mine = proofs.my_commit_ops(coop, item_id)
    if commit:
        mine = [(o, s) for o, s in mine if o.op_id.hex().startswith(commit.lower())]
    if not mine:
        raise NoCommitment(item=item_id.hex())
    op, secret = mine[0]
    recs = {c.op_id: c for c in proofs.commits(coop)}
    if op.op_id not in recs:
        raise NoSuchItem(item=op.op_id.hex())
    got = rules.counted_receipts(recs[op.op_id], proofs.receipts(coop))
    got = [r for r in got if _signed(coop, r.op_id)]
    me = coop.me.member_id
    files: list[tuple[str, bytes]] = []
    earliest = min((r.hlc >> 16 for r in got), default=None)
    texts = readmes(coop.member_name(me), op.header.hlc >> 16, earliest, len(got))
    files += [(name, text.encode("utf-8")) for name, text in texts.items()]
    files += verifier_files()
    files.append(("idea.txt", secret.text.encode("utf-8")))
    files.append(("salt.txt", secret.salt.hex().encode("ascii") + b"\n"))
    files.append(("commit.op", op.encode()))
    files.append(("members.json", _members(coop)))
    files += [(f"receipts/{i:03d}.op", _wire(coop, r.op_id)) for i, r in enumerate(got, 1)]
    token = proofs.tsa_token(coop, op.op_id)
    if token is not None:
        files.append(("timestamp.tsr", token))
    roster = coop.store.roster_op_ids()
    files += [(f"roster/{i:05d}.op", _wire(coop, o)) for i, o in enumerate(roster, 1)]
    manifest = ev.canonical_json(
        {
            "format": ev.FORMAT,
            "coop": coop._coop().hex(),
            "commit": op.op_id.hex(),
            "signer": coop.me.device_id.hex(),
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "files": {name: p.sha256(data).hex() for name, data in files},
        }
    )
    sig = p.sign(coop.me.device_key, ev.MANIFEST_DOMAIN, manifest)
    files += [("manifest.json", manifest), ("manifest.sig", sig.hex().encode("ascii") + b"\n")]
    info = EvidenceExported("", op.op_id.hex(), len(got), earliest)
    return ev.write_zip(files), info


def verifier_files() -> list[tuple[str, bytes]]:
    """The standalone verifier as a bundle carries it: the entry script as ``verify.py`` and
    the package's modules in the folder ``evidence_check/`` beside it."""
    here = Path(ev.__file__).resolve().parent
    modules = sorted(f for f in here.glob("*.py") if f.name != "script.py")
    return [
        ("verify.py", (here / "script.py").read_bytes()),
        *((f"evidence_check/{f.name}", f.read_bytes()) for f in modules),
    ]


def _members(coop: Coop) -> bytes:
    out = []
    for member in sorted({d.member_id for d in coop.roster.devices.values()}):
        devices = {
            did.hex(): rec.sign_pk.hex()
            for did, rec in sorted(coop.roster.devices.items())
            if rec.member_id == member
        }
        out.append({"member": member.hex(), "name": coop.member_name(member), "keys": devices})
    return json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True).encode("utf-8")


def export(coop: Coop, item_id: bytes, dest: Path, commit: str | None = None) -> EvidenceExported:
    data, info = build(coop, item_id, commit)
    write_private(dest, lambda f: f.write(data))
    return EvidenceExported(str(dest), info.commit_op, info.receipts, info.earliest_ms)


def verify_file(path: Path) -> Report:
    """Check an evidence bundle (raises EvidenceRejected with the reason)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise EvidenceRejected(reason=f"cannot read the file ({e.strerror})") from e
    try:
        return ev.verify(data)
    except ev.EvidenceInvalid as e:
        raise EvidenceRejected(reason=e.reason) from None
