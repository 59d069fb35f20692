"""Errors of data: validation of input from peers, files and forms; bundles and backups;
the local store (``os_fault`` maps an OSError to one)."""

from __future__ import annotations

import errno

from coopshare.errors.base import CoopShareError, UserError
from coopshare.errors.local import WrongPassphrase

# --- validation of input from peers, files and forms ----------------------------------------


class ValidationError(CoopShareError):
    """Input (from a peer, a file or a form) broke a rule; the data is refused."""


class MalformedData(ValidationError):
    """Bytes that do not decode, or decode to the wrong shape."""


class SchemaError(ValidationError):
    """A field is missing, unknown, of the wrong type or out of range."""


class NonCanonical(ValidationError):
    """The encoding is not the one canonical encoding of its value."""


class BadSignature(ValidationError):
    """A signature does not verify over the exact bytes received."""


class WrongCoop(ValidationError):
    """The op belongs to another cooperative."""


class HashMismatch(ValidationError):
    """The body does not match the hash its signed header commits to."""


class UnknownAuthor(ValidationError):
    """The op's author device is not (yet) in the roster."""


class Unauthorized(ValidationError):
    """The author is not allowed to make this change."""


class AdmissionRefused(ValidationError):
    """A device not in my roster did not prove its admission: no valid chain of signed roster
    ops that makes it active, a removed device, or the restricted phase's limits broken."""

    template = "admission refused: {detail}"


class NeverStoredField(ValidationError):
    """A field of the never-stored class (such as the reason for hiring) was given."""


# --- files carried by hand: bundles and backups -------------------------------------------


class BundleError(ValidationError):
    """A bundle file (ops carried by hand, docs/protocol.md §Bundles) was refused whole."""

    template = "the bundle was refused: {detail}"


class BundleDamaged(BundleError):
    """Not a bundle, a version this app cannot read, truncated, or its checksum does not match;
    ``reason`` says which."""

    template = "the bundle is damaged or incomplete ({reason}); nothing was imported"
    reason: str


class BundleForeign(BundleError):
    template = "the bundle belongs to another cooperative; nothing was imported"


class BundleOpRefused(BundleError):
    """An op inside an intact bundle failed the checks every received op passes."""

    template = "op {index} of the bundle was refused ({reason}); nothing was imported"
    index: int
    reason: str


class EvidenceError(UserError):
    """A priority proof's evidence bundle could not be made or does not verify."""


class NoCommitment(EvidenceError):
    template = "idea {item} has no commitment of yours yet: run 'coopshare idea commit' first"
    item: str


class EvidenceRejected(EvidenceError):
    """An evidence bundle failed verification; ``reason`` says which check."""

    template = "the evidence does not verify: {reason}"
    reason: str


class TimestampFailed(EvidenceError):
    """The time-stamping authority gave no valid token; ``reason`` says why."""

    template = "no time-stamp: {reason}"
    reason: str


class VectorMalformed(UserError):
    template = (
        "not a version vector ({detail}): expected DEVICE:SEQ,... as printed by "
        "'coopshare bundle vector'"
    )


class BackupError(UserError):
    """A backup file could not be written or read back."""


class BackupDamaged(BackupError):
    template = "the backup file is damaged or not a CoopShare backup ({reason})"
    reason: str


class WrongBackupPassphrase(WrongPassphrase):
    template = "wrong passphrase: the backup could not be opened"


class WrongBackupRecoveryKey(BackupError):
    """A well-formed recovery key (its checksum matches) that does not open this backup: it is
    another member's key, or the backup holds another member's identity."""

    template = "this recovery key does not open the backup: it belongs to another member"


class BackupNeedsPassphrase(BackupError):
    """A version-1 backup: it was sealed under its passphrase only."""

    template = (
        "this backup was made before restoring by recovery key existed: "
        "restore it with its passphrase"
    )


class BackupWithoutRecoveryKey(BackupNeedsPassphrase):
    """A backup made on a device added in person (service/device_link.py): that device holds
    no member seed, so the backup has no recovery wrap and opens with its passphrase only."""

    template = (
        "this backup was made on a device added in person, which does not hold the member key: "
        "restore it with its passphrase"
    )


class DecryptError(CoopShareError):
    """Ciphertext did not open: wrong key, or tampered bytes."""


# --- the local store --------------------------------------------------------------------------


class StoreError(CoopShareError):
    """The local store failed (disk full, corruption, locked)."""


class DiskFull(StoreError):
    template = "disk full: free space in {path}"
    path: str


class StoreReadOnly(StoreError):
    template = "the data folder {path} cannot be written (read-only)"
    path: str


class StoreIOError(StoreError):
    template = "the disk reported an error while writing {path}"
    path: str


class StoreDamaged(StoreError):
    template = "the database in {path} is damaged"
    path: str


def os_fault(e: OSError, path: str) -> StoreError:
    """The typed error for a file write that failed in the folder `path` (by errno)."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(path=path)
    if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreReadOnly(path=path)
    return StoreIOError(path=path)
