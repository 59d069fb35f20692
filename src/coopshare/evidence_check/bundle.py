"""The bundle as a whole: its signed manifest, the commitment against the idea's text and salt,
the witness receipts against the roster chain, and the report of what it proves."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from .ops import OP_DOMAIN, Roster, binary, check_sig, decode_op
from .tsa import Stamp, check_token
from .wire import PARSE_ERRORS, fail, read_zip, write_zip

FORMAT = "coopshare-evidence/1"
COMMIT_DOMAIN = b"coopshare/v1/idea-commit\x00"
MANIFEST_DOMAIN = b"coopshare/v1/evidence-manifest\x00"
MAX_BUNDLE = 64 * 1024 * 1024
# the only file names of the format (no folders but these three, no "..", no absolute paths);
# evidence_check/ holds the verifier's own modules (verify.py runs them)
_NAMES = re.compile(
    r"README\.(en|nl)\.md|verify\.py|idea\.txt|salt\.txt|commit\.op|members\.json"
    r"|timestamp\.tsr|manifest\.json|manifest\.sig|receipts/[0-9]{3,6}\.op|roster/[0-9]{5,7}\.op"
    r"|evidence_check/[a-z_]{1,40}\.py"
)


@dataclass(frozen=True)
class Receipt:
    member: str  # hex
    device: str
    name: str  # as the exporter knew it: not verified
    when_ms: int


@dataclass(frozen=True)
class Report:
    coop: str
    committer: str
    committer_name: str
    commit_op: str
    commit_ms: int  # the committer's own claim
    text_sha256: str
    text_bytes: int
    receipts: tuple[Receipt, ...]
    removed_later: tuple[str, ...]
    stamp: Stamp | None = None  # an RFC 3161 time-stamp of the commitment, if the ZIP has one

    @property
    def earliest_ms(self) -> int | None:
        """The earliest proven time: a witness's receipt. A time-stamp is shown apart: anyone can
        make a token under a certificate of their own, so it proves a time only to a reader who
        trusts that TSA."""
        return min((r.when_ms for r in self.receipts), default=None)


def _ms(hlc: int) -> int:
    return hlc >> 16


def when(ms: int) -> str:
    utc = dt.timezone.utc  # noqa: UP017 (dt.UTC is Python 3.11+; the verifier runs on 3.9)
    return dt.datetime.fromtimestamp(ms / 1000, utc).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + " UTC"


def _manifest(files: dict[str, bytes]) -> tuple[dict[str, Any], bytes]:
    raw = files.get("manifest.json")
    if raw is None or "manifest.sig" not in files:
        raise fail("manifest.json or manifest.sig is missing")
    try:
        m = json.loads(raw.decode("utf-8"))
        sig = bytes.fromhex(files["manifest.sig"].decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        raise fail("manifest.json or manifest.sig is not readable") from None
    if not isinstance(m, dict) or m.get("format") != FORMAT or not isinstance(m.get("files"), dict):
        raise fail(f"manifest.json: not a {FORMAT} manifest")
    if canonical_json(m) != raw:
        raise fail("manifest.json: not in its canonical form (altered)")
    listed = set(m["files"]) | {"manifest.json", "manifest.sig"}
    if listed != set(files):
        raise fail(f"the files do not match the manifest: {sorted(listed ^ set(files))}")
    for name, digest in m["files"].items():
        if hashlib.sha256(files[name]).hexdigest() != digest:
            raise fail(f"{name}: its hash does not match the signed manifest")
    return m, sig


def canonical_json(obj: Any) -> bytes:
    return (
        json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True) + "\n"
    ).encode()


def verify(data: bytes) -> Report:
    """Check a bundle's every signature and hash; raises EvidenceInvalid with the reason."""
    try:
        return _verify(data)
    except PARSE_ERRORS as e:
        raise fail(f"malformed content ({type(e).__name__})") from None


def _verify(data: bytes) -> Report:
    if len(data) > MAX_BUNDLE:
        raise fail("the file is too large for an evidence bundle")
    entries = read_zip(data)
    files = dict(entries)
    if len(files) != len(entries):
        raise fail("the ZIP holds two files of one name")
    odd = sorted(n for n in files if not _NAMES.fullmatch(n))
    if odd:  # a signed manifest may list them, but no unzip tool should ever see such a name
        raise fail(f"the ZIP holds a file this format does not have: {odd[0][:80]!r}")
    m, msig = _manifest(files)
    roster = Roster()
    for name in sorted(n for n in files if n.startswith("roster/")):
        roster.apply(decode_op(files[name], name), name)
    if not roster.seen:
        raise fail("the roster chain is missing")
    commit = decode_op(files.get("commit.op", b""), "commit.op")
    if commit.kind != "commit" or commit.coop != roster.coop:
        raise fail("commit.op: not a commitment of this cooperative")
    if commit.device not in roster.devices:
        raise fail("commit.op: signed by a device the roster chain does not hold")
    committer, pk = roster.devices[commit.device]
    check_sig(pk, commit.sig, OP_DOMAIN + commit.header, "commit.op")
    digest = binary(commit.body.get("hash"), "commit.op", 32)
    try:
        salt = bytes.fromhex(files.get("salt.txt", b"").decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        raise fail("salt.txt: not hexadecimal") from None
    text = files.get("idea.txt", b"")
    if len(salt) != 32 or hashlib.sha256(COMMIT_DOMAIN + salt + text).digest() != digest:
        raise fail("idea.txt and salt.txt do not match the commitment")
    if m.get("commit") != commit.op_id.hex() or m.get("coop") != roster.coop.hex():
        raise fail("manifest.json names another commitment or cooperative")
    signer = bytes.fromhex(str(m.get("signer", "")))
    if roster.devices.get(signer, (b"",))[0] != committer:
        raise fail("manifest.json: its signer is not a device of the committer")
    check_sig(
        roster.devices[signer][1], msig, MANIFEST_DOMAIN + files["manifest.json"], "manifest.sig"
    )
    names = _names(files, roster)
    receipts, seen = [], set()
    for name in sorted(n for n in files if n.startswith("receipts/")):
        r = decode_op(files[name], name)
        if r.kind != "witness" or r.coop != roster.coop:
            raise fail(f"{name}: not a witness receipt of this cooperative")
        if r.device not in roster.devices:
            raise fail(f"{name}: signed by a device the roster chain does not hold (not a member)")
        member, rpk = roster.devices[r.device]
        check_sig(rpk, r.sig, OP_DOMAIN + r.header, name)
        if r.body.get("op") != commit.op_id or r.body.get("hash") != digest:
            raise fail(f"{name}: names another commitment")
        if r.hlc <= commit.hlc:  # the witness's clock had seen the commit op: always later
            raise fail(f"{name}: dated before the commitment it names")
        if member == committer or r.device in seen:
            raise fail(f"{name}: by the committer, or a second receipt of one device")
        seen.add(r.device)
        receipts.append(
            Receipt(member.hex(), r.device.hex(), names.get(member.hex(), ""), _ms(r.hlc))
        )
    if write_zip(entries) != data:
        canon = write_zip(entries)
        at = next((i for i in range(min(len(canon), len(data))) if canon[i] != data[i]), len(data))
        raise fail(f"the ZIP container is not in its canonical form at byte {at} (altered)")
    receipts.sort(key=lambda r: (r.when_ms, r.device))
    stamp = check_token(files["timestamp.tsr"], digest) if "timestamp.tsr" in files else None
    return Report(
        roster.coop.hex(),
        committer.hex(),
        names.get(committer.hex(), ""),
        commit.op_id.hex(),
        _ms(commit.hlc),
        hashlib.sha256(text).hexdigest(),
        len(text),
        tuple(receipts),
        tuple(sorted(m.hex() for m in roster.removed)),
        stamp,
    )


def _names(files: dict[str, bytes], roster: Roster) -> dict[str, str]:
    """Member names as the exporter knew them (members.json: its keys must be the chain's;
    the names are covered by the manifest only)."""
    try:
        members = json.loads(files.get("members.json", b"[]").decode("utf-8"))
        names = {str(x["member"]): str(x.get("name", "")) for x in members}
        keys = {bytes.fromhex(d): bytes.fromhex(k) for x in members for d, k in x["keys"].items()}
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError):
        raise fail("members.json: not readable") from None
    chain = {d: pk for d, (_m, pk) in roster.devices.items()}
    if keys != chain:
        raise fail("members.json: the keys it lists are not those of the roster chain")
    return names
