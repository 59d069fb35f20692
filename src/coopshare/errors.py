"""Every error CoopShare raises on purpose; one subclass per reason.

An error says *what* happened through its type and its structured fields; its English text comes
from the class's ``template`` (``str(error)`` is what the CLI prints as its one line). The GUI maps
each type to a translated text (``gui/errors_text.py``, checked against these templates by
``tests/test_errors.py``). No code branches on an error's text.

Adding an error: subclass the closest parent, give it a ``template`` that names its fields in
braces, and declare the fields' types as class annotations. Raise it with keyword fields:
``raise DiskFull(path=str(folder))``. ``detail`` is free text for errors whose reason is only
known as text (a peer's refusal, a validation rule); it is shown, never parsed.
"""

from __future__ import annotations

import errno
from typing import Any, ClassVar


class CoopShareError(Exception):
    """Root of all CoopShare errors."""

    template: ClassVar[str] = "{detail}"
    detail: str

    def __init__(self, detail: str = "", /, **fields: Any) -> None:
        self.detail = detail
        self.fields: dict[str, Any] = dict(fields)
        for key, value in fields.items():
            setattr(self, key, value)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English one-line text (the CLI's line; the GUI translates by type instead)."""
        try:
            text = self.template.format(detail=self.detail, **self.fields)
        except (KeyError, IndexError, ValueError):
            text = self.detail or type(self).__name__
        if self.detail and "{detail}" not in self.template:
            text = f"{text} ({self.detail})"
        return text

    def __str__(self) -> str:
        return self.message


class UserError(CoopShareError):
    """Something the user asked for cannot be done; the detail says why."""


# --- identity, keystore, data folder --------------------------------------------------------


class WrongPassphrase(UserError):
    """The passphrase does not unlock this data folder."""

    template = "wrong passphrase: the keystore could not be unlocked"


class PassphraseRequired(UserError):
    template = "a passphrase is required (set COOPSHARE_PASSPHRASE or type one)"


class PassphraseEmpty(UserError):
    template = "the new passphrase must not be empty"


class PassphrasesDiffer(UserError):
    template = "the passphrases do not match"


class KeystoreDamaged(UserError):
    """The keystore file is damaged (not a wrong passphrase) and no good copy was found."""

    template = "the keystore in {path} is damaged and no intact backup was found"
    path: str


class NotInitialised(UserError):
    """The data folder holds no identity yet."""

    template = "no identity in {path}: run 'coopshare init --name NAME' first"
    path: str


class AlreadyInitialised(UserError):
    template = "{path} already holds an identity"
    path: str


class DataFolderMismatch(UserError):
    """The database in a data folder does not belong to its keystore (or is empty/foreign)."""

    template = "the data in {path} does not belong to this identity; refusing to touch it"
    path: str


class NoCoop(UserError):
    """The data folder is not part of a cooperative yet."""

    template = "not part of a cooperative yet: run 'coopshare coop create' or 'join'"


class NoCoopKey(UserError):
    template = "this device holds no key of the cooperative yet; sync with a member first"


class OtherCoop(UserError):
    template = "this data folder already belongs to another cooperative"


class NotAllowed(UserError):
    """A rule of the cooperative forbids this change; ``rule`` names the rule (a stable code,
    one of the ``RULE_*`` constants below)."""

    template = "not allowed: {rule}"
    rule: str


RULE_ADMIN_ONLY = "only an admin of the cooperative can do this"
RULE_AUTHOR_ONLY = "only its author can change this item"
RULE_LEAD_CLOSED = "this lead is closed"
RULE_NOT_A_LEAD = "only a lead can be claimed"
RULE_ROSTER = "the roster refused this change"
RULE_LAST_ADMIN = "the cooperative needs at least one admin"
RULE_LEAD_GIVER_ONLY = "only the lead's giver can do this"
RULE_LEAD_CLAIMER_ONLY = "only the lead's claimer can do this"
RULE_LEAD_TAKEN = "another member claimed this lead first"
RULE_LEAD_OWN = "the giver cannot claim or ask for their own lead"
RULE_LEAD_WINDOW = "the interest window is open: register interest instead"
RULE_LEAD_NO_WINDOW = "this lead has no open interest window"
RULE_LEAD_STEP = "this lead cannot take that step now"
RULE_LEAD_MEMBER = "that member cannot take this lead"
RULE_THANKS_CAP = "at most 10 thanks a day"
RULE_THANKS_SELF = "you cannot thank yourself"
RULE_THANKS_TWICE = "you already thanked for this"
RULE_THANKS_TARGET = "only a note, a lead or a member can be thanked"
# idea and referral terms (model/idea_rules.py, model/lead_release.py)
RULE_NOT_AN_IDEA = "only an idea has terms to accept or release"
RULE_OWN_IDEA = "the owners of an idea do not accept its terms"
RULE_OWNER_ONLY = "this idea is for its owners only and is never released"
RULE_EMBARGO = "the idea's embargo has not ended yet"
RULE_NO_ACCEPTANCE = "this member has not accepted the current terms"


class NameRequired(UserError):
    template = "a name is required"


class NoSuchMember(UserError):
    template = "no member called {name!r}"
    name: str


class AmbiguousName(UserError):
    template = "{name!r} matches several members or items; give more of it"
    name: str


class NoRecipientDevice(UserError):
    template = "a recipient has no active device in the roster"


class RecoveryCodeInvalid(UserError):
    template = "recovery code: {detail}"


class NoSuchInvite(UserError):
    """The invitation is not open on this device (used, expired, revoked or never made here)."""

    template = "no open invitation with that id on this device"


class NoSuchDevice(UserError):
    """Not one of my devices (my devices: service/my_devices.py)."""

    template = "no such device of yours"


class RevokeThisDevice(UserError):
    """This device cannot revoke itself: revoke it from another of your devices."""

    template = "revoke this device from another of your devices"


class NoSuchItem(UserError):
    template = "no item {item}"
    item: str


class InvalidRole(UserError):
    template = "role must be member or admin"
    role: str


# --- files and the desktop -------------------------------------------------------------------


class NotUtf8(UserError):
    """A text file given to a command is not UTF-8."""

    template = "{path} is not UTF-8 text"
    path: str


class NotAFolder(UserError):
    template = "{path} is not a folder"
    path: str


class FolderNotEmpty(UserError):
    template = "{path} is not empty: choose a new or empty folder"
    path: str


class NoDisplay(UserError):
    """The desktop app was asked for where no display is (Linux without X11 or Wayland)."""

    template = (
        "no display found for the desktop app: start it from a desktop session (or under "
        "xvfb-run); every feature is also a command: see 'coopshare --help'"
    )


class AppNotInstalled(UserError):
    """The desktop app's toolkit (PySide6) cannot be imported; ``detail`` says why."""

    template = "the desktop app needs PySide6 ({detail}); the commands work without"


# --- invitations and the network ------------------------------------------------------------


class InviteError(UserError):
    """Joining with an invitation failed."""


class InviteMalformed(InviteError):
    template = "the invitation is damaged or incomplete; copy it again"


class NotAnInvitation(InviteError):
    template = "not a CoopShare invitation (it should start with 'coopshare-invite:')"


class InviteExpired(InviteError):
    template = "this invitation has expired; ask for a new one"


class InviteNotAccepted(InviteError):
    """The inviter's node answered but closed the door: the invitation is used, expired or not
    one of its own (by design it does not say which)."""

    template = (
        "the inviter at {address} did not accept this invitation: it was probably used already "
        "or has expired"
    )
    address: str


class NotTheInviter(InviteError):
    template = "the device at {address} is not the inviter (identity mismatch)"
    address: str


class InviteAlreadyUsed(InviteError):
    template = "this invitation was already used; ask for a new one"


class InviteRefused(InviteError):
    template = "the inviter refused the invitation: {detail}"


class InviteNoAddress(InviteError):
    """The invitation names no address of the inviter, and none was given."""

    template = "the invitation names no address: pass --peer HOST:PORT"


class NetworkError(UserError):
    """Talking to a peer failed."""


class AddressInvalid(UserError):
    """An address typed by the user is not HOST:PORT."""

    template = "{address!r}: expected HOST:PORT"
    address: str


class PortOutOfRange(AddressInvalid):
    template = "{address!r}: port out of range"


class PeerUnreachable(NetworkError):
    template = "could not reach {address}"
    address: str


class NotAMember(NetworkError):
    """The other side is not (or not yet, for us) a device of this cooperative."""

    template = "{address} is not a device of this cooperative (identity mismatch)"
    address: str


class KnockRefused(NetworkError):
    """The peer closed the door after our knock: we are not a member there, it has not seen a
    membership change yet, or the clocks are more than 2 minutes apart."""

    template = (
        "{address} did not let this device in: not a member there, a membership change it has "
        "not seen yet, or clocks more than 2 minutes apart"
    )
    address: str


class ClockSkew(NetworkError):
    template = "the clocks of this device and {address} are more than 2 minutes apart"
    address: str


class SyncTimeout(NetworkError):
    template = "sync did not finish within {seconds:.0f} s"
    seconds: float


class SessionFailed(NetworkError):
    template = "the sync session failed: {detail}"


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


class PairingFailed(ValidationError):
    """In-person pairing (protocol/pairing.py) was refused: a wrong pairing code, a reveal that
    does not match its commitment, or an unexpected message."""

    template = "pairing failed: {detail}"


class PairingExpired(ValidationError):
    """The pairing code is older than its lifetime: start pairing again."""

    template = "the pairing code has expired: start pairing again"


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
