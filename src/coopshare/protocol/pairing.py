"""In-person pairing, sans-IO: commit-then-reveal X25519 and a 6-digit comparison code
(numeric comparison as in Bluetooth SSP and Briar), docs/protocol.md §Pairing.

The *host* (say, an admin at a meetup) shows a short-lived pairing code; the *guest* types it
(with the host's address) and connects. Then, over any byte stream:

1. guest → host ``hello``: ``HMAC(pairing secret, "hello")`` (a stranger cannot start one);
2. host → guest ``commit``: ``C = SHA-256("commit" ‖ pkH ‖ nH)``;
3. guest → host ``key``: ``pkG, nG`` (sent before the guest knows ``pkH``);
4. host → guest ``reveal``: ``pkH, nH``; the guest checks them against ``C``;
5. both show ``code = SHA-256("code" ‖ pkH ‖ pkG ‖ nH ‖ nG) mod 10^6`` and the two people
   compare the digits. Both derive ``key = HKDF(X25519(skH, pkG), transcript)``;
6. after its person confirmed, the guest sends ``confirm`` (a MAC under the key); after its
   person confirmed *and* the guest's ``confirm`` arrived, the host sends ``payload``
   (ChaCha20-Poly1305 under the key): what an invitation would carry.

The hello may carry a mode: ``invite`` (absent; the steps above) or ``device``, where the
new device of a member is the host and that member's existing device the guest, and step 6 goes
the other way (``protocol/pairing_link.py``); labels differ by mode (:func:`domain`).

Why the commitment: a machine in the middle must pick its own keys and nonces for both sides
*before* it sees the honest side's nonce (the host is committed before it sees ``pkG``; the
guest sends ``nG`` before it sees ``nH``), so it matches the two codes only by chance:
one in a million per attempt. Without it the middle could grind a key after seeing both.

Every decoder raises only :class:`~coopshare.errors.ValidationError` subclasses.
"""

from __future__ import annotations

import base64
import enum
import hmac
import time
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from coopshare.crypto import primitives as p
from coopshare.errors import (
    DecryptError,
    PairingContested,
    PairingExpired,
    PairingFailed,
    PairingWrongMode,
    ValidationError,
)
from coopshare.protocol.codec import as_bytes, as_map, as_str, pack, unpack

DOMAIN = b"coopshare/v1/pair/"
TTL = 120.0  # seconds a pairing code is valid
SECRET_LEN = 5  # bytes: 8 base32 characters
NONCE_LEN = 16
MAX_PAYLOAD = 4096
INVITE = "invite"  # the host hands the guest an invitation (v1, the default)
DEVICE = "device"  # the guest adds the host as a device of its member (pairing_link.py)
MODES = (INVITE, DEVICE)


class Phase(enum.Enum):
    START = "start"
    COMMITTED = "committed"  # host: commit sent; guest: key sent
    COMPARE = "compare"  # codes shown, waiting for the people
    DONE = "done"
    FAILED = "failed"


def new_secret() -> bytes:
    return p.random_bytes(SECRET_LEN)


def code_text(secret: bytes) -> str:
    """The pairing code as shown: 8 base32 characters in two groups (``K7QZ-2MXA``)."""
    s = base64.b32encode(secret).decode()
    return f"{s[:4]}-{s[4:8]}"


def parse_code(text: str) -> bytes:
    clean = "".join(ch for ch in text.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(clean)
    except ValueError:
        raise PairingFailed("that is not a pairing code") from None
    if len(raw) != SECRET_LEN:
        raise PairingFailed("that is not a pairing code")
    return raw


def commitment(pk: bytes, nonce: bytes) -> bytes:
    return p.sha256(DOMAIN + b"commit", pk, nonce)


def comparison_code(
    pk_host: bytes, pk_guest: bytes, n_host: bytes, n_guest: bytes, digits: int = 6
) -> str:
    """Six digits both screens show (the same transcript gives the same digits); `digits`
    is for tests that show an attack on a shorter code."""
    d = p.sha256(DOMAIN + b"code", pk_host, pk_guest, n_host, n_guest)
    return f"{int.from_bytes(d[:8], 'big') % 10**digits:0{digits}d}"


def _msg(kind: str, **fields: bytes | str) -> bytes:
    return pack({"t": kind, **fields})


def domain(mode: str, what: bytes) -> bytes:
    """The label of a key, MAC or box in `mode`: invite mode keeps v1's labels, device mode
    has its own (``coopshare/v1/pair/device/…``), so the two can never be confused."""
    return DOMAIN + what if mode == INVITE else DOMAIN + mode.encode() + b"/" + what


def _read_hello(data: bytes) -> tuple[bytes, str]:
    """A hello's proof and mode (absent: invite, as in v1)."""
    try:
        m = as_map(unpack(data), "pairing", {"t", "proof"}, frozenset({"m"}))
        if as_str(m["t"], "t", 16) != "hello":
            raise PairingFailed("expected hello")
        mode = as_str(m.get("m", INVITE), "m", 16)
        if mode not in MODES:
            raise PairingFailed("unknown pairing mode")
        return as_bytes(m["proof"], "proof", 32), mode
    except PairingFailed:
        raise
    except ValidationError as e:
        raise PairingFailed(f"malformed hello: {e}") from None


def _read(data: bytes, kind: str, fields: dict[str, int]) -> dict[str, bytes]:
    try:
        m = as_map(unpack(data), "pairing", {"t", *fields})
        if as_str(m["t"], "t", 16) != kind:
            raise PairingFailed(f"expected {kind}")
        return {
            k: as_bytes(m[k], k, n if n > 0 else None, MAX_PAYLOAD + 64) for k, n in fields.items()
        }
    except PairingFailed:
        raise
    except ValidationError as e:
        raise PairingFailed(f"malformed {kind}: {e}") from None


@dataclass
class _Side:
    secret: bytes
    started: float
    ttl: float = TTL
    kex: X25519PrivateKey = field(default_factory=p.new_kex_key)
    nonce: bytes = field(default_factory=lambda: p.random_bytes(NONCE_LEN))
    phase: Phase = Phase.START
    code: str | None = None
    key: bytes | None = None
    confirmed: bool = False  # this side's person said the digits match
    mode: str = INVITE

    @property
    def pk(self) -> bytes:
        return p.raw_public(self.kex)

    def _check_time(self, now: float | None) -> None:
        if (time.monotonic() if now is None else now) > self.started + self.ttl:
            self.phase = Phase.FAILED
            raise PairingExpired()

    def _fail(self, why: str) -> PairingFailed:
        self.phase = Phase.FAILED
        return PairingFailed(why)

    def _finish(self, pk_host: bytes, pk_guest: bytes, n_host: bytes, n_guest: bytes) -> None:
        try:
            other = X25519PublicKey.from_public_bytes(pk_guest if self.pk == pk_host else pk_host)
            shared = self.kex.exchange(other)
        except ValueError:
            raise self._fail("bad public key") from None
        transcript = p.sha256(DOMAIN + b"transcript", pk_host, pk_guest, n_host, n_guest)
        self.key = p.hkdf(shared, domain(self.mode, b"key"), salt=transcript + self.secret)
        self.code = comparison_code(pk_host, pk_guest, n_host, n_guest)
        self.phase = Phase.COMPARE

    def _confirm_mac(self) -> bytes:
        assert self.key is not None
        return p.hmac256(self.key, domain(self.mode, b"confirm"))

    def reject(self) -> None:
        """The digits differ (or the person cancelled): nothing more is sent or accepted."""
        self.phase = Phase.FAILED


class Host(_Side):
    """The side that shows the pairing code and, at the end, sends the payload."""

    guest_confirmed: bool = False

    def on_hello(self, data: bytes, now: float | None = None) -> bytes:
        """Check the guest knows the pairing code; returns the commitment to send."""
        self._check_time(now)
        if self.phase is not Phase.START:
            raise self._fail("unexpected hello")
        proof, mode = _read_hello(data)
        if not hmac.compare_digest(proof, hello_proof(self.secret)):
            raise self._fail("wrong pairing code")
        if mode != self.mode:
            self.phase = Phase.FAILED
            raise PairingWrongMode(mode=mode)
        self.phase = Phase.COMMITTED
        return _msg("commit", c=commitment(self.pk, self.nonce))

    def on_second_hello(self, data: bytes) -> None:
        """Another connection's hello while this exchange runs past its own hello: with the
        right pairing code, two devices know the code, so one of them may be a stranger who
        raced the real one (and the person might confirm digits nobody else shows). The
        exchange ends (PairingContested) and nothing more is sent; any other bytes are ignored."""
        if self.phase not in (Phase.COMMITTED, Phase.COMPARE):
            return
        try:
            proof, _mode = _read_hello(data)
        except PairingFailed:
            return
        if hmac.compare_digest(proof, hello_proof(self.secret)):
            self.phase = Phase.FAILED
            raise PairingContested()

    def on_key(self, data: bytes, now: float | None = None) -> bytes:
        """The guest's key and nonce; returns the reveal; the code is then ready."""
        self._check_time(now)
        if self.phase is not Phase.COMMITTED:
            raise self._fail("unexpected key")
        m = _read(data, "key", {"pk": 32, "n": NONCE_LEN})
        self._finish(self.pk, m["pk"], self.nonce, m["n"])
        return _msg("reveal", pk=self.pk, n=self.nonce)

    def on_confirm(self, data: bytes, now: float | None = None) -> None:
        self._check_time(now)
        if self.phase is not Phase.COMPARE:
            raise self._fail("unexpected confirmation")
        mac = _read(data, "confirm", {"mac": 32})["mac"]
        if not hmac.compare_digest(mac, self._confirm_mac()):
            raise self._fail("the other side derived another key")
        self.guest_confirmed = True

    def payload(self, plain: bytes, now: float | None = None) -> bytes:
        """The sealed payload, once both people confirmed the digits."""
        self._check_time(now)
        if self.phase is not Phase.COMPARE or not (self.confirmed and self.guest_confirmed):
            raise self._fail("the digits were not confirmed on both sides")
        assert self.key is not None
        self.phase = Phase.DONE
        return _msg("payload", box=p.seal(self.key, plain, DOMAIN + b"payload"))


class Guest(_Side):
    """The side that typed the pairing code and receives the payload."""

    commit: bytes = b""
    host_pk: bytes = b""

    def hello(self) -> bytes:
        if self.mode == INVITE:
            return _msg("hello", proof=hello_proof(self.secret))
        return _msg("hello", proof=hello_proof(self.secret), m=self.mode)

    def on_commit(self, data: bytes, now: float | None = None) -> bytes:
        """Keep the host's commitment; returns this side's key and nonce."""
        self._check_time(now)
        if self.phase is not Phase.START:
            raise self._fail("unexpected commitment")
        self.commit = _read(data, "commit", {"c": 32})["c"]
        self.phase = Phase.COMMITTED
        return _msg("key", pk=self.pk, n=self.nonce)

    def on_reveal(self, data: bytes, now: float | None = None) -> str:
        """Check the reveal against the commitment; returns the 6-digit code."""
        self._check_time(now)
        if self.phase is not Phase.COMMITTED:
            raise self._fail("unexpected reveal")
        m = _read(data, "reveal", {"pk": 32, "n": NONCE_LEN})
        if not hmac.compare_digest(commitment(m["pk"], m["n"]), self.commit):
            raise self._fail("the host's key does not match its commitment")
        self.host_pk = m["pk"]
        self._finish(m["pk"], self.pk, m["n"], self.nonce)
        assert self.code is not None
        return self.code

    def confirm(self) -> bytes:
        """This side's person confirmed the digits: the message that tells the host."""
        if self.phase is not Phase.COMPARE:
            raise self._fail("nothing to confirm")
        self.confirmed = True
        return _msg("confirm", mac=self._confirm_mac())

    def on_payload(self, data: bytes, now: float | None = None) -> bytes:
        self._check_time(now)
        if self.phase is not Phase.COMPARE or not self.confirmed:
            raise self._fail("unexpected payload")
        box = _read(data, "payload", {"box": 0})["box"]
        assert self.key is not None
        try:
            plain = p.open_sealed(self.key, box, DOMAIN + b"payload")
        except DecryptError:
            raise self._fail("the payload does not open under the agreed key") from None
        self.phase = Phase.DONE
        return plain


def hello_proof(secret: bytes) -> bytes:
    return p.hmac256(secret, DOMAIN + b"hello")
