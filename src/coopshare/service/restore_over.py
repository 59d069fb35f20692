"""Restore a backup in place of a data folder whose passphrase is forgotten (the unlock screen's
"Forgot your passphrase?"), without ever overwriting or deleting that folder.

The locked folder's master key is wrapped under its passphrase only (identity/keystore.py; the OS
keyring entry, if the member chose one, was not found, or the unlock screen would not show), so
nothing opens it without the passphrase. What the recovery key opens is a backup file (format
v2, service/backup.py): this module restores one so that the app, which always uses the same
data folder, finds the restored data where the locked folder was:

1. the backup is restored into a new folder beside the locked one (same parent, so the renames
   below stay on one file system and are atomic), by :func:`backup.restore_by_recovery_key` or
   :func:`backup.restore_backup`: every check runs first, and a failure leaves nothing behind
   (what the restore wrote is removed by it, the new folder by us);
2. only then the locked folder is renamed to :func:`kept_folder_for` (``<name>-locked-<date>``,
   beside it: kept whole, never deleted), a name the user was shown before confirming;
3. the restored folder takes the data folder's name. If that rename fails, the locked folder
   gets its name back.

The kept folder still opens with the old passphrase, should it come back to mind (as a data
folder of its own: ``coopshare --home``).
"""

from __future__ import annotations

import contextlib
import datetime
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from coopshare.errors import DataFolderNotReplaced
from coopshare.service import backup


@dataclass(frozen=True)
class RestoredOver:
    name: str  # the identity restored
    kept: Path  # where the locked data folder is now, whole


def kept_folder_for(home: Path, today: datetime.date | None = None) -> Path:
    """The name the locked folder will be kept under: ``<name>-locked-<YYYY-MM-DD>`` beside it,
    with ``-2``, ``-3``... when that is taken."""
    day = (today or datetime.date.today()).isoformat()
    base = home.with_name(f"{home.name}-locked-{day}")
    found, n = base, 1
    while found.exists() or found.is_symlink():
        n += 1
        found = base.with_name(f"{base.name}-{n}")
    return found


def restore_over(
    src: Path,
    home: Path,
    kept: Path,
    *,
    recovery_code: str | None = None,
    new_passphrase: str | None = None,
    passphrase: str | None = None,
) -> RestoredOver:
    """Restore the backup `src` (by `recovery_code` and `new_passphrase`, or else by the backup's
    own `passphrase`) and put it where `home` is; the folder that was at `home` is renamed to
    `kept` (which must not exist: DataFolderNotReplaced). Raises what the restore raises
    (WrongBackupRecoveryKey, WrongBackupPassphrase, BackupDamaged, ...) with `home` untouched."""
    if kept.exists() or kept.is_symlink() or kept.parent != home.parent:
        raise DataFolderNotReplaced(path=str(home), reason=f"{kept.name} exists or is elsewhere")
    staging = home.with_name(f".{home.name}.restoring-{secrets.token_hex(4)}")
    try:
        if recovery_code is not None:
            name = backup.restore_by_recovery_key(src, staging, recovery_code, new_passphrase)
        else:
            name = backup.restore_backup(src, staging, passphrase)
    except OSError as e:  # the parent folder cannot be written (a typed error is no OSError)
        _remove_new(staging)
        raise DataFolderNotReplaced(path=str(home), reason=e.strerror or type(e).__name__) from None
    except BaseException:
        _remove_new(staging)
        raise
    try:
        home.rename(kept)
    except OSError as e:
        _remove_new(staging)
        raise DataFolderNotReplaced(path=str(home), reason=e.strerror or type(e).__name__) from None
    try:
        staging.rename(home)
    except OSError as e:
        kept.rename(home)  # the locked folder gets its name back
        _remove_new(staging)
        raise DataFolderNotReplaced(path=str(home), reason=e.strerror or type(e).__name__) from None
    return RestoredOver(name, kept)


def set_aside(home: Path, kept: Path) -> None:
    """Rename the locked folder `home` to `kept` (beside it, not existing), for a first run in an
    empty `home` (the unlock screen's "Start again with my recovery key")."""
    if kept.exists() or kept.is_symlink() or kept.parent != home.parent:
        raise DataFolderNotReplaced(path=str(home), reason=f"{kept.name} exists or is elsewhere")
    try:
        home.rename(kept)
    except OSError as e:
        raise DataFolderNotReplaced(path=str(home), reason=e.strerror or type(e).__name__) from None


def _remove_new(staging: Path) -> None:
    """Remove the folder this module made for the restore (never the locked one)."""
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(staging)
