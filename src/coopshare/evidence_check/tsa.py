"""RFC 3161 time-stamp tokens (DER, read by hand): the token in a TSA's reply, and the check
that a token stamps a given SHA-256 and is signed by the certificate it carries."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .wire import PARSE_ERRORS, fail

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
        raise fail("time-stamp: truncated")
    tag, n, pos = d[pos], d[pos + 1], pos + 2
    if n & 0x80:
        k = n & 0x7F
        if not 0 < k <= 4 or pos + k > end:
            raise fail("time-stamp: bad length")
        n, pos = int.from_bytes(d[pos : pos + k], "big"), pos + k
    if pos + n > end:
        raise fail("time-stamp: truncated")
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


def token_of_reply(reply: bytes) -> bytes:
    """The token in a TimeStampResp (status granted), as DER."""
    try:
        return _token_of_reply(reply)
    except PARSE_ERRORS as e:
        raise fail(f"time-stamp reply: malformed ({type(e).__name__})") from None


def check_token(t: bytes, digest: bytes) -> Stamp:
    """Check a time-stamp token's signature and that it stamps `digest` (SHA-256)."""
    try:
        return _check_token(t, digest)
    except PARSE_ERRORS as e:
        raise fail(f"time-stamp: malformed ({type(e).__name__})") from None


def _token_of_reply(reply: bytes) -> bytes:
    top = _kids(reply, 0, len(reply))
    if len(top) != 1:
        raise fail("time-stamp reply: malformed")
    kids = _kids(reply, top[0][2], top[0][3])
    status = _kids(reply, kids[0][2], kids[0][3]) if kids else []
    if not status or reply[status[0][2] : status[0][3]] not in (b"\x00", b"\x01") or len(kids) < 2:
        raise fail("time-stamp reply: the TSA refused the request")
    return reply[kids[1][1] : kids[1][3]]


def _check_token(t: bytes, digest: bytes) -> Stamp:
    [(_, _, c, e)] = _kids(t, 0, len(t))
    ci = _kids(t, c, e)
    [(_, _, c, e)] = _kids(t, ci[1][2], ci[1][3])  # [0] EXPLICIT SignedData
    sd = _kids(t, c, e)
    encap = _kids(t, sd[2][2], sd[2][3])
    if _oid(t[encap[0][2] : encap[0][3]]) != _TSTINFO:
        raise fail("time-stamp: not a time-stamp token")
    [(_, _, ec, ee)] = _kids(t, encap[1][2], encap[1][3])  # [0] EXPLICIT OCTET STRING
    content = t[ec:ee]
    tst = _kids(content, *_der(content, 0, len(content))[1:])
    imprint = _kids(content, tst[2][2], tst[2][3])
    alg = _kids(content, imprint[0][2], imprint[0][3])
    if _oid(content[alg[0][2] : alg[0][3]]) != "2.16.840.1.101.3.4.2.1":
        raise fail("time-stamp: not a SHA-256 imprint")
    if content[imprint[1][2] : imprint[1][3]] != digest:
        raise fail("time-stamp: it stamps another hash than the commitment")
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
        raise fail("time-stamp: unsupported digest or no signed attributes")
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
        raise fail("time-stamp: its signed digest does not match its content")
    sig = t[si[5][2] : si[5][3]]
    for cert in certs:
        if _signed_by(cert, sig, signed, algo):
            fp = hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()
            return Stamp(ms, cert.subject.rfc4514_string(), fp, nonce)
    raise fail("time-stamp: the signature does not verify under the certificate it carries")


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
