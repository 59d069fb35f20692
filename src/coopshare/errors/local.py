"""Errors of the local side: identity, keystore and data folder, the rules (``NotAllowed``
and its ``RULE_*`` codes), names, items, and files and the desktop."""

from __future__ import annotations

from coopshare.errors.base import UserError

# --- identity, keystore, data folder --------------------------------------------------------


class WrongPassphrase(UserError):
    """The passphrase does not unlock this data folder."""

    template = "wrong passphrase: the keystore could not be unlocked"


class PassphraseRequired(UserError):
    template = "a passphrase is required (set COOPSHARE_PASSPHRASE or type one)"


class PassphraseFileUnreadable(PassphraseRequired):
    """COOPSHARE_PASSPHRASE_FILE names a file that cannot be read (or is empty)."""

    template = "the passphrase file {path} (COOPSHARE_PASSPHRASE_FILE) cannot be read or is empty"
    path: str


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


class DataFolderNotReplaced(UserError):
    """A backup restored in place of a locked data folder (service/restore_over.py) could not
    take its place; the locked folder is left as it was."""

    template = (
        "the data folder {path} could not be replaced by the backup ({reason}); it is unchanged"
    )
    path: str
    reason: str


class DataFolderMismatch(UserError):
    """The database in a data folder does not belong to its keystore (or is empty/foreign)."""

    template = "the data in {path} does not belong to this identity; refusing to touch it"
    path: str


class AttachmentTooLarge(UserError):
    template = "{path} is larger than the {limit} bytes an attachment may have"
    path: str
    limit: int


class AttachmentLimit(UserError):
    """A member holds at most this many attachments at a time (model/attachments.py)."""

    template = "you already have {limit} attachments, the most a member may have"
    limit: int


class CommentEmpty(UserError):
    template = "a comment needs some text"


class NoSuchDevice(UserError):
    """Not one of my devices (my devices: service/my_devices.py)."""

    template = "no such device of yours"


class RevokeThisDevice(UserError):
    """This device cannot revoke itself: revoke it from another of your devices."""

    template = "revoke this device from another of your devices"


class MemberKeyNotHere(UserError):
    """This device was added in person by another device of mine, which kept the member key
    (service/device_link.py): the recovery key and certifying another device need that key."""

    template = (
        "this device does not hold your member key: use the device you added it from, "
        "or your recovery key"
    )


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
RULE_LEAD_CLOCK = "this computer's clock is behind your last change: check its date and time"
RULE_LEAD_MEMBER = "that member cannot take this lead"
RULE_THANKS_CAP = "at most 10 thanks a day"
RULE_THANKS_SELF = "you cannot thank yourself"
RULE_THANKS_TWICE = "you already thanked for this"
RULE_NO_CONSENT = "that member has not consented to you publishing their availability"
RULE_WINDOW_CAP = "at most 20 current availability windows"
RULE_WINDOW_AHEAD = "an availability window ends at most 90 days from today"
# comments on notes (model/comments.py)
RULE_NOT_A_NOTE = "only a note can be commented on"
RULE_COMMENT_AUTHOR = "only its writer can change a comment"
RULE_COMMENT_CAP = "you have reached the most comments one member can write on a note"
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
