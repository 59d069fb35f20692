"""Every error CoopShare raises on purpose; one subclass per reason.

Messages are written for the person reading them: the CLI prints ``str(error)`` as its one line.
"""

from __future__ import annotations


class CoopShareError(Exception):
    """Root of all CoopShare errors."""


class UserError(CoopShareError):
    """Something the user asked for cannot be done; the message says why."""


class WrongPassphrase(UserError):
    """The passphrase does not unlock this data folder."""

    def __init__(self) -> None:
        super().__init__("wrong passphrase: the keystore could not be unlocked")


class NotInitialised(UserError):
    """The data folder holds no identity yet."""


class NoCoop(UserError):
    """The data folder is not part of a cooperative yet."""


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


class NeverStoredField(ValidationError):
    """A field of the never-stored class (such as the reason for hiring) was given."""


class DecryptError(CoopShareError):
    """Ciphertext did not open: wrong key, or tampered bytes."""


class StoreError(CoopShareError):
    """The local store failed (disk full, corruption, locked)."""
