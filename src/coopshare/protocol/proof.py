"""Bodies of the priority-proof ops (protocol.md §11a): a salted commitment to an idea's text
and the witness receipts other members' devices return for it.

* ``commit``: plain map ``{hash: bin 32, sealed: bin}``. ``hash`` is
  ``SHA-256("coopshare/v1/idea-commit\\0" ‖ salt(32) ‖ text)``; ``sealed`` is an item-style
  parts list holding one mode-1 part, sealed to the author's own active devices, whose
  plaintext is ``{item: bin 16, salt: bin 32, text: str}``. Only the author can open it.
* ``witness``: plain map ``{op: bin 32, hash: bin 32}``: the commit op id and its hash.

Both bodies are plain so that a third party can check them (the evidence bundle) without any
key of the cooperative; the hash reveals nothing of the text without the salt.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from coopshare.crypto.envelope import MODE_SEALED
from coopshare.errors import SchemaError
from coopshare.protocol.codec import as_bytes, as_map, as_str, pack, unpack
from coopshare.protocol.ops import ID_LEN

COMMIT_DOMAIN = b"coopshare/v1/idea-commit\x00"
SALT_LEN = 32
HASH_LEN = 32
ITEM_ID_LEN = 16
MAX_SEALED = 900_000  # bytes: the sealed text's part, below the 1 MiB body limit
MAX_TEXT = 300_000  # characters: title and body of an idea (a body is at most 200,000)


def commitment(salt: bytes, text: bytes) -> bytes:
    if len(salt) != SALT_LEN:
        raise SchemaError("salt: expected 32 bytes")
    return hashlib.sha256(COMMIT_DOMAIN + salt + text).digest()


def canonical_text(title: str, body: str) -> bytes:
    """The bytes a commitment covers: NFC, LF line ends, title, a blank line, the body."""
    text = f"{title.strip()}\n\n{body}".replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Commit:
    hash: bytes
    sealed: bytes


@dataclass(frozen=True, slots=True)
class Secret:
    """What only the committer's devices read: which idea, the salt, the exact text."""

    item: bytes
    salt: bytes
    text: str


@dataclass(frozen=True, slots=True)
class Witness:
    op: bytes  # the commit op's id
    hash: bytes  # its hash, copied: the receipt stands for the content on its own


def encode_commit(c: Commit) -> bytes:
    return pack({"hash": c.hash, "sealed": c.sealed})


def decode_commit(body: bytes) -> Commit:
    m = as_map(unpack(body), "commit", {"hash", "sealed"})
    sealed = as_bytes(m["sealed"], "sealed", max_len=MAX_SEALED)
    if not sealed:
        raise SchemaError("sealed: empty")
    return Commit(as_bytes(m["hash"], "hash", HASH_LEN), sealed)


def encode_secret(s: Secret) -> bytes:
    return pack({"item": s.item, "salt": s.salt, "text": s.text})


def decode_secret(plain: bytes) -> Secret:
    m = as_map(unpack(plain), "secret", {"item", "salt", "text"})
    return Secret(
        as_bytes(m["item"], "item", ITEM_ID_LEN),
        as_bytes(m["salt"], "salt", SALT_LEN),
        as_str(m["text"], "text", MAX_TEXT),
    )


def encode_witness(w: Witness) -> bytes:
    return pack({"op": w.op, "hash": w.hash})


def decode_witness(body: bytes) -> Witness:
    m = as_map(unpack(body), "witness", {"op", "hash"})
    return Witness(as_bytes(m["op"], "op", ID_LEN), as_bytes(m["hash"], "hash", HASH_LEN))


__all__ = [
    "MODE_SEALED",
    "Commit",
    "Secret",
    "Witness",
    "canonical_text",
    "commitment",
    "decode_commit",
    "decode_secret",
    "decode_witness",
    "encode_commit",
    "encode_secret",
    "encode_witness",
]
