"""One translated sentence per error type (the GUI's half of the typed-error table).

The CLI prints an error's English ``template`` (``coopshare.errors``); the app shows the sentence
chosen here by the error's *type*, with its structured fields filled in. Nothing here reads an
error's text; a type not listed falls back to its closest listed parent.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from coopshare import errors as E
from coopshare.gui.text import safe


def _t(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def _rule_text(rule: str) -> str:
    if rule == E.RULE_ADMIN_ONLY:
        return _t("Only an admin of the cooperative can do this.")
    if rule == E.RULE_AUTHOR_ONLY:
        return _t("Only its author can change this item.")
    if rule == E.RULE_LEAD_CLOSED:
        return _t("This lead is closed: it cannot change any more.")
    if rule == E.RULE_NOT_A_LEAD:
        return _t("Only a lead can be claimed.")
    if rule == E.RULE_ROSTER:
        return _t("The membership list does not allow this change.")
    if rule == E.RULE_THANKS_CAP:
        return _t("You can give at most 10 thanks a day. Try again tomorrow.")
    if rule == E.RULE_THANKS_SELF:
        return _t("You cannot thank yourself.")
    if rule == E.RULE_THANKS_TWICE:
        return _t("You already thanked for this.")
    if rule == E.RULE_THANKS_TARGET:
        return _t("Only a note, a lead or a member can be thanked.")
    if rule == E.RULE_LAST_ADMIN:
        return _t("The cooperative needs at least one admin: make someone else an admin first.")
    if rule == E.RULE_NOT_AN_IDEA:
        return _t("Only an idea has terms to accept or release.")
    if rule == E.RULE_OWN_IDEA:
        return _t("You own this idea: there are no terms for you to accept.")
    if rule == E.RULE_OWNER_ONLY:
        return _t("This idea is for its owners only: it is never released to anyone.")
    if rule == E.RULE_EMBARGO:
        return _t("The embargo on this idea has not ended yet.")
    if rule == E.RULE_NO_ACCEPTANCE:
        return _t("This member has not accepted the current terms.")
    if rule == E.RULE_NO_CONSENT:
        return _t("That member has not consented to you publishing their availability.")
    if rule == E.RULE_WINDOW_CAP:
        return _t("At most 20 current availability windows.")
    if rule == E.RULE_WINDOW_AHEAD:
        return _t("An availability window ends at most 90 days from today.")
    if rule == E.RULE_NOT_A_NOTE:
        return _t("Only a note can be commented on.")
    if rule == E.RULE_COMMENT_AUTHOR:
        return _t("Only the member who wrote a comment can change it.")
    if rule == E.RULE_COMMENT_CAP:
        return _t("You have written the most comments one member can write on this note.")
    return _lead_rule_text(rule)


def _lead_rule_text(rule: str) -> str:
    if rule == E.RULE_LEAD_GIVER_ONLY:
        return _t("Only the member who gave this lead can do this.")
    if rule == E.RULE_LEAD_CLAIMER_ONLY:
        return _t("Only the member who claimed this lead can do this.")
    if rule == E.RULE_LEAD_TAKEN:
        return _t("Another member claimed this lead first.")
    if rule == E.RULE_LEAD_OWN:
        return _t("You gave this lead yourself: you cannot claim it or ask for it.")
    if rule == E.RULE_LEAD_WINDOW:
        return _t("The interest window of this lead is still open: say you are interested instead.")
    if rule == E.RULE_LEAD_NO_WINDOW:
        return _t("This lead has no open interest window.")
    if rule == E.RULE_LEAD_STEP:
        return _t("This lead cannot take that step now.")
    if rule == E.RULE_LEAD_CLOCK:
        return _t("This computer's clock is behind your last change: check its date and time.")
    if rule == E.RULE_LEAD_MEMBER:
        return _t("That member cannot take this lead.")
    return _t("The cooperative's rules do not allow this.")


def error_text(error: BaseException) -> str:
    """The sentence the app shows for `error`, in the current language."""
    f = getattr(error, "fields", {})
    address = str(f.get("address", ""))
    path = str(f.get("path", ""))
    # most specific first: a subclass must come before its parent
    if isinstance(error, E.WrongPassphrase):
        return _t("Wrong passphrase. Check it and try again.")
    if isinstance(error, E.PassphraseRequired):
        return _t("A passphrase is needed to unlock this data folder.")
    if isinstance(error, E.PassphraseEmpty):
        return _t("The new passphrase must not be empty.")
    if isinstance(error, E.PassphrasesDiffer):
        return _t("The two passphrases are not the same.")
    if isinstance(error, E.KeystoreDamaged):
        return _t(
            "The key file in {0} is damaged and no intact backup was found. Start again with your recovery key."
        ).format(path)
    if isinstance(error, E.NotInitialised):
        return _t("This data folder holds no identity.")
    if isinstance(error, E.AlreadyInitialised):
        return _t("This data folder already holds an identity.")
    if isinstance(error, E.DataFolderNotReplaced):
        return _t(
            "The backup could not take the place of the data folder {0} ({1}). The data folder is unchanged."
        ).format(path, str(f.get("reason", "")))
    if isinstance(error, E.DataFolderMismatch):
        return _t(
            "The data in {0} does not belong to this identity. CoopShare leaves it untouched."
        ).format(path)
    if isinstance(error, E.NoCoop):
        return _t("This device is not part of a cooperative yet.")
    if isinstance(error, E.NoCoopKey):
        return _t("This device holds no key of the cooperative yet. Sync with a member first.")
    if isinstance(error, E.OtherCoop):
        return _t("This data folder already belongs to another cooperative.")
    if isinstance(error, E.NotAllowed):
        return _rule_text(str(f.get("rule", "")))
    if isinstance(error, E.NoSuchInvite):
        return _t("This invitation is no longer open: it was used, has expired or was revoked.")
    if isinstance(error, E.NoSuchItem):
        return _t("This item no longer exists.")
    if isinstance(error, E.NoSuchDevice):
        return _t("That is not one of your devices.")
    if isinstance(error, E.MemberKeyNotHere):
        return _t(
            "This device was added in person and does not hold your member key. Use the device you added it from, or your recovery key."
        )
    if isinstance(error, E.PairingWrongMode):
        return _t("The other device started another kind of pairing.")
    if isinstance(error, E.RevokeThisDevice):
        return _t("This device cannot revoke itself: revoke it from another of your devices.")
    if isinstance(error, E.NoSuchMember):
        return _t("There is no member called {0}.").format(safe(str(f.get("name", "")), 80))
    if isinstance(error, E.AmbiguousName):
        return _t("{0} matches more than one; give more of it.").format(
            safe(str(f.get("name", "")), 80)
        )
    if isinstance(error, E.NameRequired):
        return _t("A name is required.")
    if isinstance(error, E.CommentEmpty):
        return _t("Write something before you send the comment.")
    if isinstance(error, E.NoRecipientDevice):
        return _t("A recipient has no active device in the cooperative.")
    if isinstance(error, E.RecoveryCodeInvalid):
        return _t("This recovery key is not valid. Check it for typing errors.")
    if isinstance(error, E.InvalidRole):
        return _t("The role must be member or admin.")
    if isinstance(error, E.NotUtf8):
        return _t("{0} is not UTF-8 text.").format(safe(path, 300))
    if isinstance(error, E.FolderNotEmpty):
        return _t("{0} is not empty. Choose a new or empty folder.").format(path)
    if isinstance(error, E.NotAFolder):
        return _t("{0} is not a folder.").format(safe(path, 300))
    if isinstance(error, E.NoDisplay):
        return _t("No display was found for the desktop app.")
    if isinstance(error, E.AppNotInstalled):
        return _t("The desktop app is not installed completely: PySide6 is missing.")
    if isinstance(error, E.PortOutOfRange):
        return _t("{0}: the port must be a number from 0 to 65535.").format(safe(address, 100))
    if isinstance(error, E.AddressInvalid):
        return _t("{0} is not an address: write it as host:port.").format(safe(address, 100))
    if isinstance(error, E.NotAnInvitation):
        return _t("This is not a CoopShare invitation.")
    if isinstance(error, E.InviteMalformed):
        return _t("The invitation is damaged or incomplete. Copy it again.")
    if isinstance(error, E.InviteExpired):
        return _t("This invitation has expired. Ask the member who invited you for a new one.")
    if isinstance(error, E.InviteNotAccepted):
        return _t(
            "The inviter at {0} did not accept this invitation. It was probably used already or has expired: ask for a new one."
        ).format(address)
    if isinstance(error, E.NotTheInviter):
        return _t(
            "The computer at {0} is not the one that made this invitation. Check the address."
        ).format(address)
    if isinstance(error, E.InviteNoAddress):
        return _t("The invitation names no address of the inviter. Enter the inviter's address.")
    if isinstance(error, E.InviteError):
        return _t(
            "The inviter refused this invitation; it was probably used already. An invitation works once: ask for a new one."
        )
    if isinstance(error, E.AlreadySyncing):
        return _t(
            "CoopShare is already syncing this data folder in another process ({0}): another window of the app, or `coopshare serve`. This window works on the same data, and that process syncs it."
        ).format(safe(str(f.get("pid", "")), 20))
    if isinstance(error, E.PeerUnreachable):
        return _t(
            "Could not reach {0}. Check that CoopShare is running there and that you are on the same network."
        ).format(address)
    if isinstance(error, E.KnockRefused):
        return _t(
            "{0} did not let this device in: it is not a member there, it has not seen a membership change yet, or the two clocks are more than 2 minutes apart."
        ).format(address)
    if isinstance(error, E.NotAMember):
        return _t("The computer at {0} is not a device of this cooperative.").format(address)
    if isinstance(error, E.ClockSkew):
        return _t(
            "The clocks of this computer and {0} are more than 2 minutes apart. Check the date and time on both."
        ).format(address)
    if isinstance(error, E.SyncTimeout):
        return _t("Syncing did not finish in time.")
    if isinstance(error, E.NetworkError):
        return _t("The connection to the other member failed.")
    if isinstance(error, E.DiskFull):
        return _t(
            "The disk is full: free some space in {0}, then try again. Syncing resumes by itself."
        ).format(path)
    if isinstance(error, E.StoreReadOnly):
        return _t("The data folder {0} cannot be written to.").format(path)
    if isinstance(error, E.StoreIOError):
        return _t("The disk reported an error while saving in {0}.").format(path)
    if isinstance(error, E.StoreDamaged):
        return _t("The database in {0} is damaged.").format(path)
    if isinstance(error, E.StoreError):
        return _t("Saving failed: the data folder could not be written.")
    if isinstance(error, E.RestoredNotCaughtUp):
        return _t(
            "This data folder was restored from a backup. Let it sync with another device of "
            "the cooperative first: what this device wrote after the backup comes back, then "
            "you can write again."
        )
    if isinstance(error, E.BackupDamaged):
        return _t("This backup file is damaged or not a CoopShare backup. Nothing was restored.")
    if isinstance(error, E.WrongBackupRecoveryKey):
        return _t(
            "This recovery key does not open this backup: it belongs to another member. Nothing was restored."
        )
    if isinstance(error, E.BackupWithoutRecoveryKey):
        return _t(
            "This backup was made on a device added in person, which has no recovery key: "
            "restore it with its passphrase."
        )
    if isinstance(error, E.BackupNeedsPassphrase):
        return _t("This backup was made with an older version: it opens only with its passphrase.")
    if isinstance(error, E.BundleDamaged):
        return _t("This bundle is damaged or incomplete ({0}). Nothing was imported.").format(
            safe(str(f.get("reason", "")), 120)
        )
    if isinstance(error, E.BundleForeign):
        return _t("This bundle belongs to another cooperative. Nothing was imported.")
    if isinstance(error, E.BundleOpRefused):
        return _t(
            "A change in this bundle did not pass the checks ({0}). Nothing was imported."
        ).format(safe(str(f.get("reason", "")), 80))
    if isinstance(error, E.NoCommitment):
        return _t("Prove priority first: this idea has no commitment of yours yet.")
    if isinstance(error, E.EvidenceRejected):
        return _t("The evidence does not verify: {0}").format(safe(str(f.get("reason", "")), 200))
    if isinstance(error, E.ValidationError):
        return _t("The data was refused: {0}").format(safe(str(error), 300))
    if isinstance(error, E.DecryptError):
        return _t("This could not be decrypted: a wrong key, or damaged data.")
    if isinstance(error, E.UserError):
        return _t("This could not be done: {0}").format(safe(str(error), 300))
    return _t("Something went wrong: {0}").format(safe(str(error) or type(error).__name__, 300))
