"""Opening the encrypted parts of an item op into changes (a pure function of the op and the
keys this device holds); authorisation, which changes an author may make, is the replica's."""

from __future__ import annotations

from collections.abc import Mapping

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from coopshare.crypto import envelope
from coopshare.errors import DecryptError
from coopshare.model.fold import Change
from coopshare.protocol import content
from coopshare.protocol.ops import Op


def open_part(
    part: envelope.Part,
    granted: list[bytes],
    coop_id: bytes,
    epoch_key: bytes | None,
    kex: X25519PrivateKey,
) -> tuple[bytes, bool] | None:
    """A part's plaintext, and whether a granted key opened it; None if nothing opens it.

    This device's own wrap or slot is tried first: a change it can read by itself never counts
    as granted (an idea's rules gate only granted keys, model/idea_rules.py). A granted key
    that does not open the part is skipped: it must not hide a part this device can open.
    """
    try:
        own = envelope.part_key(part, coop_id, epoch_key, kex)
        if own is not None:
            return envelope.open_part(part, own, coop_id), False
    except DecryptError:
        pass
    for key in granted:
        try:
            return envelope.open_part(part, key, coop_id), True
        except DecryptError:
            continue
    return None


def changes_of(
    op: Op,
    author: bytes,
    coop_id: bytes,
    epoch_keys: Mapping[bytes, bytes],
    kex: X25519PrivateKey,
    grants: Mapping[int, list[bytes]],
    *,
    grants_are_own: bool = False,
) -> list[Change]:
    """Every change this device can read in an item op (parts sealed to others are skipped);
    raises ValidationError or DecryptError for a malformed body. `grants_are_own`: the grants
    are another device of this member handing over its member's keys (service/device_keys.py),
    which open the part as this device's own key would."""
    assert op.body is not None
    out = []
    epoch_key = epoch_keys.get(op.header.epoch)
    for i, part in enumerate(content.decode_parts(op.body)):
        opened = open_part(part, grants.get(i, []), coop_id, epoch_key, kex)
        if opened is not None:
            via_grant = opened[1] and not grants_are_own
            ch = content.decode_change(
                opened[0],
                op_id=op.op_id,
                hlc=op.header.hlc,
                author=author,
                via_grant=via_grant,
                coop_wide=not via_grant and part.mode == envelope.MODE_COOP,
            )
            out.append(ch)
    return out


def notice_of(op: Op, coop_id: bytes, epoch_keys: Mapping[bytes, bytes]) -> content.Notice | None:
    """The coop-visible notice of a key release (its second part); None for a release written
    before notices existed, or one this device cannot open (an epoch key it never held)."""
    assert op.body is not None
    parts = content.decode_parts(op.body)
    if len(parts) != 2 or parts[1].mode != envelope.MODE_COOP:
        return None
    key = envelope.part_key(parts[1], coop_id, epoch_keys.get(op.header.epoch), None)
    if key is None:
        return None
    return content.decode_notice(envelope.open_part(parts[1], key, coop_id))
