"""My private conflict-of-interest declarations: client names I will not work for.

Kept on this device only, sealed under the keystore's master key in one ``meta`` row; never in
an op, never sent. Matching (service/fits.py) leaves me out of "Who fits" for a lead that names
one of them, and the tray does not offer me such a lead; nothing says why.
"""

from __future__ import annotations

import re

from coopshare.errors import SchemaError
from coopshare.protocol.codec import pack, unpack
from coopshare.service.coop import Coop

_KEY = "coi"
_PURPOSE = b"coi"
MAX_NAMES = 200
MAX_NAME = 200


def names(coop: Coop) -> tuple[str, ...]:
    blob = coop.store.meta(_KEY)
    if blob is None:
        return ()
    value = unpack(coop.open_local(_PURPOSE, blob))
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def set_names(coop: Coop, new: list[str]) -> tuple[str, ...]:
    clean = list(dict.fromkeys(n.strip() for n in new if n.strip()))
    if len(clean) > MAX_NAMES or any(len(n) > MAX_NAME for n in clean):
        raise SchemaError(f"coi: at most {MAX_NAMES} names of at most {MAX_NAME} characters")
    coop.store.set_meta(_KEY, coop.seal_local(_PURPOSE, pack(clean)))
    return tuple(clean)


def hits(declared: tuple[str, ...], texts: list[str]) -> bool:
    """Whether any declared client name occurs (whole words, any case) in the texts."""
    hay = " ".join(texts).casefold()
    return any(re.search(rf"(?<!\w){re.escape(n.casefold())}(?!\w)", hay) for n in declared)
