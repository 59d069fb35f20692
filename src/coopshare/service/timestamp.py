"""Optional RFC 3161 time-stamps of a commitment: a time-stamping authority (TSA) the member
chose signs that it saw the commitment's hash at its time. Off unless a TSA URL is set
(``coopshare settings tsa URL``; the app's Settings). The token is kept on the owner's device
(sealed in ``meta``, key ``tsa:<commit op id>``) and goes into the evidence ZIP as
``timestamp.tsr``; ``evidence_check/tsa.py`` checks it.

The request is DER built here: ``TimeStampReq {version 1, messageImprint {sha256, hash},
nonce, certReq TRUE}``, sent by HTTP POST as ``application/timestamp-query``.
"""

from __future__ import annotations

import secrets
import urllib.error
import urllib.request

from coopshare import evidence_check as ev
from coopshare.errors import TimestampFailed
from coopshare.service import proofs
from coopshare.service.coop import Coop

SETTING = "tsa_url"
TIMEOUT = 10.0  # s for the TSA to answer
MAX_REPLY = 64 * 1024
_SHA256 = bytes.fromhex("0609608648016503040201")  # OID 2.16.840.1.101.3.4.2.1, DER


def _tlv(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        head = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + head + content


def _int(v: int) -> bytes:
    return _tlv(0x02, v.to_bytes(v.bit_length() // 8 + 1, "big"))


def request_der(digest: bytes, nonce: int) -> bytes:
    imprint = _tlv(0x30, _tlv(0x30, _SHA256 + b"\x05\x00") + _tlv(0x04, digest))
    return _tlv(0x30, _int(1) + imprint + _int(nonce) + b"\x01\x01\xff")


def fetch(url: str, digest: bytes, timeout: float = TIMEOUT) -> bytes:
    """The time-stamp token (DER ContentInfo) for `digest` from the TSA at `url`."""
    if not url.startswith(("http://", "https://")):
        raise TimestampFailed(reason="the TSA address must start with http:// or https://")
    nonce = secrets.randbits(63)
    req = urllib.request.Request(  # noqa: S310 - http(s) only, checked above
        url,
        data=request_der(digest, nonce),
        headers={"Content-Type": "application/timestamp-query"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as reply:  # noqa: S310
            body = reply.read(MAX_REPLY + 1)
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise TimestampFailed(reason=f"the TSA did not answer ({type(e).__name__})") from e
    try:
        token = ev.token_of_reply(body)
        stamp = ev.check_token(token, digest)
    except ev.EvidenceInvalid as e:
        raise TimestampFailed(reason=e.reason) from None
    if stamp.nonce is not None and stamp.nonce != nonce:
        raise TimestampFailed(reason="the TSA answered another request (nonce)")
    return token


def url_of(coop: Coop) -> str | None:
    blob = coop.store.meta(SETTING)
    if not blob:  # never set, or switched off (an empty value)
        return None
    return coop.open_local(SETTING.encode(), blob).decode("utf-8") or None


def set_url(coop: Coop, url: str | None) -> None:
    url = (url or "").strip()
    if url and not url.startswith(("http://", "https://")):
        raise TimestampFailed(reason="the TSA address must start with http:// or https://")
    value = coop.seal_local(SETTING.encode(), url.encode("utf-8")) if url else b""
    coop.store.set_meta(SETTING, value)


def keep(coop: Coop, op_id: bytes, token: bytes) -> ev.Stamp:
    """Check the token against the commitment and keep it; returns what it says."""
    try:
        stamp = ev.check_token(token, proofs.commit_hash(coop, op_id))
    except ev.EvidenceInvalid as e:
        raise TimestampFailed(reason=e.reason) from None
    key = proofs.tsa_key(op_id)
    coop.store.set_meta(key, coop.seal_local(key.encode(), token))
    return stamp
