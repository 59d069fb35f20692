"""Verify a CoopShare evidence bundle (a priority proof for an idea). Standalone: Python 3.9+
and the `cryptography` package, nothing else; the same file is `verify.py` inside every bundle
and the code behind `coopshare verify-evidence`.

    python verify.py evidence.zip

It checks every signature and hash: the cooperative's roster chain from its genesis (each
device certified by its member key and added by a signed roster op), the commitment op and the
witness receipts (op ids, body hashes, Ed25519 signatures, the cooperative they belong to), that
the commitment equals SHA-256("coopshare/v1/idea-commit\\0" || salt || idea.txt), that every
receipt names the commitment and comes from another member, the signed manifest that covers
every file, and that the ZIP container itself is in its canonical form. It prints the earliest
time a witness signed. Exit code 0: valid; 1: invalid (the reason is printed); 2: usage.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import struct
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

FORMAT = "coopshare-evidence/1"
OP_DOMAIN = b"coopshare/v1/op\x00"
COMMIT_DOMAIN = b"coopshare/v1/idea-commit\x00"
CERT_DOMAIN = b"coopshare/v1/device-cert\x00"
MANIFEST_DOMAIN = b"coopshare/v1/evidence-manifest\x00"
_SPKI_ED25519 = bytes.fromhex("302a300506032b6570032100")
MAX_BUNDLE = 64 * 1024 * 1024
# fixed ZIP fields: stored (no compression), no flags, 1980-01-01 00:00, regular file 0644
_DOS_DATE, _EXT_ATTR = 0x21, 0o100644 << 16
# the only file names of the format (no folders but these two, no "..", no absolute paths)
_NAMES = re.compile(
    r"README\.(en|nl)\.md|verify\.py|idea\.txt|salt\.txt|commit\.op|members\.json"
    r"|timestamp\.tsr|manifest\.json|manifest\.sig|receipts/[0-9]{3,6}\.op|roster/[0-9]{5,7}\.op"
)


class EvidenceInvalid(Exception):
    """The bundle does not verify; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _fail(reason: str) -> EvidenceInvalid:
    return EvidenceInvalid(reason)


# --- ZIP: one canonical layout, written and read by this file only ---------------------------


def write_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """A ZIP of stored files with fixed metadata: the same entries give the same bytes."""
    out, central = bytearray(), bytearray()
    for name, data in entries:
        raw = name.encode("ascii")
        crc, off = zlib.crc32(data) & 0xFFFFFFFF, len(out)
        common = struct.pack(
            "<HHHHHIIIH", 20, 0, 0, 0, _DOS_DATE, crc, len(data), len(data), len(raw)
        )
        out += b"PK\x03\x04" + common + b"\x00\x00" + raw + data
        central += b"PK\x01\x02" + struct.pack("<H", 20) + common
        central += struct.pack("<HHHHII", 0, 0, 0, 0, _EXT_ATTR, off) + raw
    end = struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + b"PK\x05\x06" + end)


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    """The entries of a ZIP written by :func:`write_zip` (read from the local headers)."""
    entries, pos = [], 0
    try:
        while data[pos : pos + 4] == b"PK\x03\x04":
            size, name_len, extra = struct.unpack("<I2H", data[pos + 22 : pos + 30])
            start = pos + 30 + name_len + extra
            name = data[pos + 30 : pos + 30 + name_len].decode("ascii")
            if start + size > len(data):
                raise _fail("a file runs past the end of the ZIP")
            entries.append((name, data[start : start + size]))
            pos = start + size
    except (struct.error, UnicodeDecodeError) as e:
        raise _fail(f"the ZIP is damaged ({type(e).__name__})") from None
    if not entries:
        raise _fail("not a ZIP file, or it is empty")
    return entries


# --- msgpack: the subset CoopShare writes -----------------------------------------------------


def unpack(data: bytes) -> Any:
    obj, end = _item(data, 0, 0)
    if end != len(data):
        raise _fail("msgpack: trailing bytes")
    return obj


def _take(data: bytes, pos: int, n: int) -> bytes:
    if pos + n > len(data):
        raise _fail("msgpack: truncated")
    return data[pos : pos + n]


def _item(d: bytes, pos: int, depth: int) -> tuple[Any, int]:
    if depth > 32:
        raise _fail("msgpack: nested too deeply")
    b = _take(d, pos, 1)[0]
    pos += 1
    if b <= 0x7F:
        return b, pos
    if b >= 0xE0:
        return b - 0x100, pos
    if 0x80 <= b <= 0x8F:
        return _map(d, pos, b & 0x0F, depth)
    if 0x90 <= b <= 0x9F:
        return _array(d, pos, b & 0x0F, depth)
    if 0xA0 <= b <= 0xBF:
        return _str(d, pos, b & 0x1F)
    if b == 0xC0:
        return None, pos
    if b in (0xC2, 0xC3):
        return b == 0xC3, pos
    sizes = {
        0xC4: 1,
        0xC5: 2,
        0xC6: 4,
        0xD9: 1,
        0xDA: 2,
        0xDB: 4,
        0xDC: 2,
        0xDD: 4,
        0xDE: 2,
        0xDF: 4,
    }
    if b in sizes:
        n = int.from_bytes(_take(d, pos, sizes[b]), "big")
        pos += sizes[b]
        if b <= 0xC6:
            return _take(d, pos, n), pos + n
        if b <= 0xDB:
            return _str(d, pos, n)
        return (_array if b <= 0xDD else _map)(d, pos, n, depth)
    ints = {0xCC: (1, False), 0xCD: (2, False), 0xCE: (4, False), 0xCF: (8, False)}
    ints.update({0xD0: (1, True), 0xD1: (2, True), 0xD2: (4, True), 0xD3: (8, True)})
    if b in ints:
        n, signed = ints[b]
        return int.from_bytes(_take(d, pos, n), "big", signed=signed), pos + n
    raise _fail(f"msgpack: unsupported type byte 0x{b:02x}")


def _str(d: bytes, pos: int, n: int) -> tuple[str, int]:
    try:
        return _take(d, pos, n).decode("utf-8"), pos + n
    except UnicodeDecodeError:
        raise _fail("msgpack: text is not UTF-8") from None


def _array(d: bytes, pos: int, n: int, depth: int) -> tuple[list[Any], int]:
    out = []
    for _ in range(n):
        v, pos = _item(d, pos, depth + 1)
        out.append(v)
    return out, pos


def _map(d: bytes, pos: int, n: int, depth: int) -> tuple[dict[Any, Any], int]:
    out: dict[Any, Any] = {}
    for _ in range(n):
        k, pos = _item(d, pos, depth + 1)
        if not isinstance(k, (str, bytes)) or k in out:
            raise _fail("msgpack: bad or repeated map key")
        out[k], pos = _item(d, pos, depth + 1)
    return out, pos


# --- ops ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    op_id: bytes
    coop: bytes
    device: bytes
    hlc: int
    parents: tuple[bytes, ...]
    kind: str
    body: dict[Any, Any]
    header: bytes
    sig: bytes


def _bin(v: Any, what: str, size: int | None = None) -> bytes:
    if not isinstance(v, bytes) or (size is not None and len(v) != size):
        raise _fail(f"{what}: malformed")
    return v


def decode_op(wire: bytes, what: str) -> Op:
    """An op's wire bytes ([header, signature, body]): shape, body hash and length."""
    arr = unpack(wire)
    if not isinstance(arr, list) or len(arr) != 3:
        raise _fail(f"{what}: not an op")
    header, sig, body = _bin(arr[0], what), _bin(arr[1], what, 64), _bin(arr[2], what)
    h = unpack(header)
    if not isinstance(h, list) or len(h) != 11 or h[0] != 1:
        raise _fail(f"{what}: not a version-1 op header")
    if not isinstance(h[5], int) or not 0 <= h[5] < 1 << 63 or not isinstance(h[7], str):
        raise _fail(f"{what}: malformed header")
    if not isinstance(h[6], list):
        raise _fail(f"{what}: malformed header")
    if hashlib.sha256(body).digest() != _bin(h[9], what, 32) or h[10] != len(body):
        raise _fail(f"{what}: the body does not match the hash in its signed header")
    parsed = unpack(body)
    if not isinstance(parsed, dict):
        raise _fail(f"{what}: the body is not a map")
    return Op(
        hashlib.sha256(OP_DOMAIN + header).digest(),
        _bin(h[1], what),
        _bin(h[2], what, 32),
        h[5],
        tuple(_bin(x, what, 32) for x in h[6]),
        h[7],
        parsed,
        header,
        sig,
    )


def key_id(raw_pk: bytes) -> bytes:
    """Member or device id: SHA-256 of the Ed25519 key's SubjectPublicKeyInfo (DER)."""
    return hashlib.sha256(_SPKI_ED25519 + raw_pk).digest()


def _check_sig(pk: bytes, sig: bytes, message: bytes, what: str) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(pk).verify(sig, message)
    except (InvalidSignature, ValueError):
        raise _fail(f"{what}: the signature does not verify") from None


# --- the roster chain -------------------------------------------------------------------------


@dataclass
class Roster:
    coop: bytes = b""
    seen: set[bytes] = field(default_factory=set)
    devices: dict[bytes, tuple[bytes, bytes]] = field(default_factory=dict)  # id -> member, pk
    active: set[bytes] = field(default_factory=set)
    members: dict[bytes, str] = field(default_factory=dict)  # member id -> role
    member_pks: dict[bytes, bytes] = field(default_factory=dict)
    removed: set[bytes] = field(default_factory=set)
    skipped: int = 0  # signed roster ops this replay does not apply (not authorised here)

    def add_device(self, bundle: Any, member_pk: bytes, what: str) -> bytes:
        if not isinstance(bundle, dict):
            raise _fail(f"{what}: malformed device bundle")
        sign_pk, kex_pk = (
            _bin(bundle.get("sign_pk"), what, 32),
            _bin(bundle.get("kex_pk"), what, 32),
        )
        _check_sig(
            member_pk, _bin(bundle.get("msig"), what, 64), CERT_DOMAIN + sign_pk + kex_pk, what
        )
        member, device = key_id(member_pk), key_id(sign_pk)
        self.devices[device] = (member, sign_pk)
        self.member_pks[member] = member_pk
        self.active.add(device)
        return device

    def addable(self, bundle: Any, member_pk: bytes, what: str) -> bool:
        """As the app's roster rules (model/roster.py `_addable`): a device may be (re-)added
        only if it is not active and never belonged to another member. Without this, a member
        could sign Bob's public device bundle into an op of their own and take over his device
        in this replay (the app stores that op but never applies it)."""
        if not isinstance(bundle, dict):
            raise _fail(f"{what}: malformed device bundle")
        device = key_id(_bin(bundle.get("sign_pk"), what, 32))
        known = self.devices.get(device)
        return device not in self.active and (known is None or known[0] == key_id(member_pk))

    def _owner(self, body: dict[Any, Any], what: str) -> bytes:
        return self.devices.get(_bin(body.get("device_id"), what, 32), (b"", b""))[0]

    def apply(self, op: Op, what: str) -> None:
        b = op.body
        if not self.seen:
            if op.kind != "genesis" or op.coop or op.parents:
                raise _fail(f"{what}: the roster chain must start with the genesis op")
            member_pk = _bin(b.get("member_pk"), what, 32)
            device = self.add_device(b.get("device"), member_pk, what)
            if device != op.device:
                raise _fail(f"{what}: the genesis op names another device")
            _check_sig(self.devices[device][1], op.sig, OP_DOMAIN + op.header, what)
            self.coop = op.op_id
            self.members[key_id(member_pk)] = "admin"
            self.seen.add(op.op_id)
            return
        if op.coop != self.coop:
            raise _fail(f"{what}: belongs to another cooperative")
        if any(p not in self.seen for p in op.parents):
            raise _fail(f"{what}: names a roster op that is not earlier in the chain")
        if op.device not in self.devices:
            raise _fail(f"{what}: signed by a device the chain never added")
        author, pk = self.devices[op.device]
        _check_sig(pk, op.sig, OP_DOMAIN + op.header, what)
        self.seen.add(op.op_id)
        admin = self.members.get(author) == "admin" and op.device in self.active
        if op.kind == "add_member" and admin:
            member_pk = _bin(b.get("member_pk"), what, 32)
            if not self.addable(b.get("device"), member_pk, what):
                self.skipped += 1
                return
            self.add_device(b.get("device"), member_pk, what)
            self.members[key_id(member_pk)] = str(b.get("role"))
            self.removed.discard(key_id(member_pk))
        elif op.kind == "add_device":
            member_pk = _bin(b.get("member_pk"), what, 32)
            subject = key_id(member_pk)
            if (
                subject in self.members
                and (admin or (subject == author and op.device in self.active))
                and self.addable(b.get("device"), member_pk, what)
            ):
                self.add_device(b.get("device"), member_pk, what)
            else:
                self.skipped += 1
        elif op.kind == "remove_member" and admin:
            gone = _bin(b.get("member"), what, 32)
            self.members.pop(gone, None)
            self.removed.add(gone)
            self.active -= {d for d, (m, _) in self.devices.items() if m == gone}
        elif op.kind == "revoke_device" and (admin or self._owner(b, what) == author):
            self.active.discard(_bin(b.get("device_id"), what, 32))
        elif op.kind == "change_role" and admin:
            self.members[_bin(b.get("member"), what, 32)] = str(b.get("role"))
        elif op.kind not in (
            "rotate",
            "add_member",
            "remove_member",
            "revoke_device",
            "change_role",
        ):
            raise _fail(f"{what}: not a roster op")
        elif op.kind != "rotate":
            self.skipped += 1


# --- RFC 3161 time-stamp tokens (DER) --------------------------------------------------------

_TSTINFO = "1.2.840.113549.1.9.16.1.4"
_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
_HASHES: dict[str, type[hashes.SHA256 | hashes.SHA384 | hashes.SHA512]] = {
    "2.16.840.1.101.3.4.2.1": hashes.SHA256,
    "2.16.840.1.101.3.4.2.2": hashes.SHA384,
    "2.16.840.1.101.3.4.2.3": hashes.SHA512,
}


@dataclass(frozen=True)
class Stamp:
    when_ms: int
    tsa: str  # the TSA certificate's subject
    fingerprint: str  # SHA-256 of that certificate (hex)
    nonce: int | None


def _der(d: bytes, pos: int, end: int) -> tuple[int, int, int]:
    """(tag, content start, content end) of the DER element at `pos`."""
    if pos + 2 > end:
        raise _fail("time-stamp: truncated")
    tag, n, pos = d[pos], d[pos + 1], pos + 2
    if n & 0x80:
        k = n & 0x7F
        if not 0 < k <= 4 or pos + k > end:
            raise _fail("time-stamp: bad length")
        n, pos = int.from_bytes(d[pos : pos + k], "big"), pos + k
    if pos + n > end:
        raise _fail("time-stamp: truncated")
    return tag, pos, pos + n


def _kids(d: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """(tag, element start, content start, end) of each element in d[start:end]."""
    out, pos = [], start
    while pos < end:
        tag, c, e = _der(d, pos, end)
        out.append((tag, pos, c, e))
        pos = e
    return out


def _oid(b: bytes) -> str:
    parts, v = [], 0
    for x in b:
        v = (v << 7) | (x & 0x7F)
        if not x & 0x80:
            parts.append(v)
            v = 0
    first = parts[0] if parts else 0
    return ".".join(
        str(x) for x in [min(first // 40, 2), first - 40 * min(first // 40, 2), *parts[1:]]
    )


_PARSE_ERRORS = (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError)


def token_of_reply(reply: bytes) -> bytes:
    """The token in a TimeStampResp (status granted), as DER."""
    try:
        return _token_of_reply(reply)
    except _PARSE_ERRORS as e:
        raise _fail(f"time-stamp reply: malformed ({type(e).__name__})") from None


def check_token(t: bytes, digest: bytes) -> Stamp:
    """Check a time-stamp token's signature and that it stamps `digest` (SHA-256)."""
    try:
        return _check_token(t, digest)
    except _PARSE_ERRORS as e:
        raise _fail(f"time-stamp: malformed ({type(e).__name__})") from None


def _token_of_reply(reply: bytes) -> bytes:
    top = _kids(reply, 0, len(reply))
    if len(top) != 1:
        raise _fail("time-stamp reply: malformed")
    kids = _kids(reply, top[0][2], top[0][3])
    status = _kids(reply, kids[0][2], kids[0][3]) if kids else []
    if not status or reply[status[0][2] : status[0][3]] not in (b"\x00", b"\x01") or len(kids) < 2:
        raise _fail("time-stamp reply: the TSA refused the request")
    return reply[kids[1][1] : kids[1][3]]


def _check_token(t: bytes, digest: bytes) -> Stamp:
    [(_, _, c, e)] = _kids(t, 0, len(t))
    ci = _kids(t, c, e)
    [(_, _, c, e)] = _kids(t, ci[1][2], ci[1][3])  # [0] EXPLICIT SignedData
    sd = _kids(t, c, e)
    encap = _kids(t, sd[2][2], sd[2][3])
    if _oid(t[encap[0][2] : encap[0][3]]) != _TSTINFO:
        raise _fail("time-stamp: not a time-stamp token")
    [(_, _, ec, ee)] = _kids(t, encap[1][2], encap[1][3])  # [0] EXPLICIT OCTET STRING
    content = t[ec:ee]
    tst = _kids(content, *_der(content, 0, len(content))[1:])
    imprint = _kids(content, tst[2][2], tst[2][3])
    alg = _kids(content, imprint[0][2], imprint[0][3])
    if _oid(content[alg[0][2] : alg[0][3]]) != "2.16.840.1.101.3.4.2.1":
        raise _fail("time-stamp: not a SHA-256 imprint")
    if content[imprint[1][2] : imprint[1][3]] != digest:
        raise _fail("time-stamp: it stamps another hash than the commitment")
    gen = content[tst[4][2] : tst[4][3]].decode("ascii").rstrip("Z")
    stamped = dt.datetime.strptime(gen.split(".")[0], "%Y%m%d%H%M%S")
    ms = int(stamped.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)  # noqa: UP017
    nonce = next(
        (int.from_bytes(content[k[2] : k[3]], "big") for k in tst[5:] if k[0] == 0x02), None
    )
    certs = (
        [x509.load_der_x509_certificate(t[k[1] : k[3]]) for k in _kids(t, sd[3][2], sd[3][3])]
        if sd[3][0] == 0xA0
        else []
    )
    si = _kids(t, *_der(t, sd[-1][2], sd[-1][3])[1:])
    algo = _HASHES.get(
        _oid(t[_kids(t, si[2][2], si[2][3])[0][2] : _kids(t, si[2][2], si[2][3])[0][3]])
    )
    if algo is None or si[3][0] != 0xA0:
        raise _fail("time-stamp: unsupported digest or no signed attributes")
    signed = b"\x31" + t[si[3][1] + 1 : si[3][3]]
    found = None
    for a in _kids(t, si[3][2], si[3][3]):
        ak = _kids(t, a[2], a[3])
        if _oid(t[ak[0][2] : ak[0][3]]) == _MESSAGE_DIGEST:
            [(_, _, vc, ve)] = _kids(t, ak[1][2], ak[1][3])
            found = t[vc:ve]
    h = hashes.Hash(algo())
    h.update(content)
    if found != h.finalize():
        raise _fail("time-stamp: its signed digest does not match its content")
    sig = t[si[5][2] : si[5][3]]
    for cert in certs:
        if _signed_by(cert, sig, signed, algo):
            fp = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
            return Stamp(ms, cert.subject.rfc4514_string(), fp, nonce)
    raise _fail("time-stamp: the signature does not verify under the certificate it carries")


def _signed_by(cert: Any, sig: bytes, data: bytes, algo: Any) -> bool:
    key = cert.public_key()
    try:
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(sig, data, padding.PKCS1v15(), algo())
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(sig, data, ec.ECDSA(algo()))
        elif isinstance(key, Ed25519PublicKey):
            key.verify(sig, data)
        else:
            return False
    except InvalidSignature:
        return False
    return True


# --- the bundle -------------------------------------------------------------------------------


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
    return (
        dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + " UTC"
    )


def _manifest(files: dict[str, bytes]) -> tuple[dict[str, Any], bytes]:
    raw = files.get("manifest.json")
    if raw is None or "manifest.sig" not in files:
        raise _fail("manifest.json or manifest.sig is missing")
    try:
        m = json.loads(raw.decode("utf-8"))
        sig = bytes.fromhex(files["manifest.sig"].decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        raise _fail("manifest.json or manifest.sig is not readable") from None
    if not isinstance(m, dict) or m.get("format") != FORMAT or not isinstance(m.get("files"), dict):
        raise _fail(f"manifest.json: not a {FORMAT} manifest")
    if canonical_json(m) != raw:
        raise _fail("manifest.json: not in its canonical form (altered)")
    listed = set(m["files"]) | {"manifest.json", "manifest.sig"}
    if listed != set(files):
        raise _fail(f"the files do not match the manifest: {sorted(listed ^ set(files))}")
    for name, digest in m["files"].items():
        if hashlib.sha256(files[name]).hexdigest() != digest:
            raise _fail(f"{name}: its hash does not match the signed manifest")
    return m, sig


def canonical_json(obj: Any) -> bytes:
    return (
        json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True) + "\n"
    ).encode()


def verify(data: bytes) -> Report:
    """Check a bundle's every signature and hash; raises EvidenceInvalid with the reason."""
    try:
        return _verify(data)
    except _PARSE_ERRORS as e:
        raise _fail(f"malformed content ({type(e).__name__})") from None


def _verify(data: bytes) -> Report:
    if len(data) > MAX_BUNDLE:
        raise _fail("the file is too large for an evidence bundle")
    entries = read_zip(data)
    files = dict(entries)
    if len(files) != len(entries):
        raise _fail("the ZIP holds two files of one name")
    odd = sorted(n for n in files if not _NAMES.fullmatch(n))
    if odd:  # a signed manifest may list them, but no unzip tool should ever see such a name
        raise _fail(f"the ZIP holds a file this format does not have: {odd[0][:80]!r}")
    m, msig = _manifest(files)
    roster = Roster()
    for name in sorted(n for n in files if n.startswith("roster/")):
        roster.apply(decode_op(files[name], name), name)
    if not roster.seen:
        raise _fail("the roster chain is missing")
    commit = decode_op(files.get("commit.op", b""), "commit.op")
    if commit.kind != "commit" or commit.coop != roster.coop:
        raise _fail("commit.op: not a commitment of this cooperative")
    if commit.device not in roster.devices:
        raise _fail("commit.op: signed by a device the roster chain does not hold")
    committer, pk = roster.devices[commit.device]
    _check_sig(pk, commit.sig, OP_DOMAIN + commit.header, "commit.op")
    digest = _bin(commit.body.get("hash"), "commit.op", 32)
    try:
        salt = bytes.fromhex(files.get("salt.txt", b"").decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        raise _fail("salt.txt: not hexadecimal") from None
    text = files.get("idea.txt", b"")
    if len(salt) != 32 or hashlib.sha256(COMMIT_DOMAIN + salt + text).digest() != digest:
        raise _fail("idea.txt and salt.txt do not match the commitment")
    if m.get("commit") != commit.op_id.hex() or m.get("coop") != roster.coop.hex():
        raise _fail("manifest.json names another commitment or cooperative")
    signer = bytes.fromhex(str(m.get("signer", "")))
    if roster.devices.get(signer, (b"",))[0] != committer:
        raise _fail("manifest.json: its signer is not a device of the committer")
    _check_sig(
        roster.devices[signer][1], msig, MANIFEST_DOMAIN + files["manifest.json"], "manifest.sig"
    )
    names = _names(files, roster)
    receipts, seen = [], set()
    for name in sorted(n for n in files if n.startswith("receipts/")):
        r = decode_op(files[name], name)
        if r.kind != "witness" or r.coop != roster.coop:
            raise _fail(f"{name}: not a witness receipt of this cooperative")
        if r.device not in roster.devices:
            raise _fail(f"{name}: signed by a device the roster chain does not hold (not a member)")
        member, rpk = roster.devices[r.device]
        _check_sig(rpk, r.sig, OP_DOMAIN + r.header, name)
        if r.body.get("op") != commit.op_id or r.body.get("hash") != digest:
            raise _fail(f"{name}: names another commitment")
        if r.hlc <= commit.hlc:  # the witness's clock had seen the commit op: always later
            raise _fail(f"{name}: dated before the commitment it names")
        if member == committer or r.device in seen:
            raise _fail(f"{name}: by the committer, or a second receipt of one device")
        seen.add(r.device)
        receipts.append(
            Receipt(member.hex(), r.device.hex(), names.get(member.hex(), ""), _ms(r.hlc))
        )
    if write_zip(entries) != data:
        canon = write_zip(entries)
        at = next((i for i in range(min(len(canon), len(data))) if canon[i] != data[i]), len(data))
        raise _fail(f"the ZIP container is not in its canonical form at byte {at} (altered)")
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
        raise _fail("members.json: not readable") from None
    chain = {d: pk for d, (_m, pk) in roster.devices.items()}
    if keys != chain:
        raise _fail("members.json: the keys it lists are not those of the roster chain")
    return names


def render(r: Report) -> str:
    lines = [
        f"Cooperative {r.coop[:16]}",
        f"Idea text: idea.txt, {r.text_bytes} bytes, SHA-256 {r.text_sha256}",
        f"Commitment {r.commit_op[:16]} by member {r.committer[:16]} {r.committer_name!r}",
        f"  its own signed time: {when(r.commit_ms)} (the committer's claim, not a proof)",
        f"Witness receipts: {len(r.receipts)}",
    ]
    for x in r.receipts:
        lines.append(
            f"  {when(x.when_ms)}  member {x.member[:16]} {x.name!r} device {x.device[:16]}"
        )
    if r.stamp is not None:
        lines.append(f"RFC 3161 time-stamp: {when(r.stamp.when_ms)} by {r.stamp.tsa}")
        lines.append(f"  TSA certificate SHA-256 {r.stamp.fingerprint}")
        lines.append("  (whether to trust this time-stamping authority is for you to decide;")
        lines.append("  its time is not part of the earliest proven time below)")
    if r.earliest_ms is None:
        lines.append("No witness receipt: nothing proves a time beyond the committer's own claim.")
    else:
        lines.append(f"Earliest proven time: {when(r.earliest_ms)}")
        lines.append("  (this text existed no later than then, by a witness's signed clock)")
    if r.removed_later:
        lines.append(f"Members removed from the cooperative later: {len(r.removed_later)}")
    lines.append("VALID: every signature and hash checks out.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python verify.py EVIDENCE.zip\n")
        return 2
    try:
        with Path(args[0]).open("rb") as f:
            data = f.read(MAX_BUNDLE + 1)
        sys.stdout.write(render(verify(data)) + "\n")
    except OSError as e:
        sys.stdout.write(f"INVALID: cannot read {args[0]}: {e.strerror}\n")
        return 1
    except EvidenceInvalid as e:
        sys.stdout.write(f"INVALID: {e.reason}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
