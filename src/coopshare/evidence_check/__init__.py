"""Verify a CoopShare evidence bundle (a priority proof for an idea). Standalone: Python 3
and the `cryptography` package, nothing else. Every bundle carries this package as the folder
``evidence_check/`` beside the entry script ``verify.py`` (``script.py`` here); it is also the
code behind ``coopshare verify-evidence``. Inside it, modules import each other relatively and
nothing of CoopShare (tests/test_architecture.py checks both).

    python verify.py evidence.zip

It checks every signature and hash: the cooperative's roster chain from its genesis (each
device certified by its member key and added by a signed roster op; ``ops.py``), the commitment
op and the witness receipts (op ids, body hashes, Ed25519 signatures, the cooperative they
belong to), that the commitment equals SHA-256("coopshare/v1/idea-commit\\0" || salt ||
idea.txt), that every receipt names the commitment and comes from another member, the signed
manifest that covers every file (``bundle.py``), an RFC 3161 time-stamp if there is one
(``tsa.py``), and that the ZIP container itself is in its canonical form (``wire.py``). It
prints the earliest time a witness signed (``main.py``). Exit code 0: valid; 1: invalid (the
reason is printed); 2: usage.
"""

from __future__ import annotations

from .bundle import (
    COMMIT_DOMAIN,
    FORMAT,
    MANIFEST_DOMAIN,
    MAX_BUNDLE,
    Receipt,
    Report,
    canonical_json,
    verify,
    when,
)
from .main import main, render
from .ops import OP_DOMAIN, Op, Roster, decode_op, key_id
from .tsa import Stamp, check_token, token_of_reply
from .wire import EvidenceInvalid, read_zip, unpack, write_zip

__all__ = [
    "COMMIT_DOMAIN",
    "FORMAT",
    "MANIFEST_DOMAIN",
    "MAX_BUNDLE",
    "OP_DOMAIN",
    "EvidenceInvalid",
    "Op",
    "Receipt",
    "Report",
    "Roster",
    "Stamp",
    "canonical_json",
    "check_token",
    "decode_op",
    "key_id",
    "main",
    "read_zip",
    "render",
    "token_of_reply",
    "unpack",
    "verify",
    "when",
    "write_zip",
]
