"""Files the user asks for (bundles, exports, backups): written whole or not at all.

Each is written to ``NAME.partial`` with mode 0600, flushed to disk, then renamed over NAME, so
an interrupted export never leaves a half file under the name the user chose. The folder's
write errors become the typed store errors (disk full, read-only).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from coopshare.errors import os_fault

T = TypeVar("T")
PRIVATE = 0o600


@contextlib.contextmanager
def private_file(dest: Path, *, sync: bool = True) -> Iterator[BinaryIO]:
    """A binary file object for `dest`, moved into place only if the block ends without error;
    `sync=False` skips the fsync (many small files whose set is not all-or-nothing anyway)."""
    tmp = dest.with_name(dest.name + ".partial")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if sync:
                os.fsync(f.fileno())
        tmp.replace(dest)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise os_fault(e, str(dest.parent)) from e
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_private(dest: Path, fill: Callable[[BinaryIO], T], *, sync: bool = True) -> T:
    """Call ``fill(f)`` on a private file for `dest` (see :func:`private_file`)."""
    with private_file(dest, sync=sync) as f:
        return fill(f)
