"""Errors of invitations and the network."""

from __future__ import annotations

from coopshare.errors.base import UserError
from coopshare.errors.data import ValidationError

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


class AlreadySyncing(UserError):
    """Another process already runs a syncing node (the app or `coopshare serve`) on this data
    folder: two would listen and dial as the same device (service/node_lock.py)."""

    template = (
        "CoopShare is already syncing this data folder (process {pid}); close the app or "
        "`coopshare serve` there first, or let it sync"
    )
    pid: str


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


class PairingFailed(ValidationError):
    """In-person pairing (protocol/pairing.py) was refused: a wrong pairing code, a reveal that
    does not match its commitment, or an unexpected message."""

    template = "pairing failed: {detail}"


class PairingWrongMode(PairingFailed):
    """The other device started another kind of pairing (an invitation, not adding a device of
    mine, or the reverse): on the existing device choose My devices → Add my device."""

    template = "pairing failed: the other device started another kind of pairing ({mode})"
    mode: str


class PairingContested(PairingFailed):
    """A second device proved the pairing code while an exchange ran: someone else knows it
    (a look over the shoulder) and may be racing the real device. Nothing is handed over."""

    template = "pairing stopped: a second device used the same pairing code; start again"


class PairingExpired(ValidationError):
    """The pairing code is older than its lifetime: start pairing again."""

    template = "the pairing code has expired: start pairing again"
