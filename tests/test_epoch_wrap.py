"""Case 27 of the adversarial list: an epoch key wrapped for device X opens for X only.

A member who hands Y the wrap made for X (under Y's device id, or as it is) gets nothing: HPKE
binds the coop, the epoch and the recipient device into `info`, and only X's key opens it.
"""

from __future__ import annotations

import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import DecryptError
from coopshare.model.roster import DeviceRecord
from coopshare.protocol import roster_body


def _device(n: int) -> tuple[DeviceRecord, object]:
    kex = p.kex_key_from_seed(bytes([n]) * 32)
    pk = kex.public_key().public_bytes_raw()
    return DeviceRecord(bytes([n]) * 32, bytes([n + 100]) * 32, b"s" * 32, pk, b""), kex


def test_a_wrap_for_x_does_not_open_for_y() -> None:
    coop_id, key = b"\7" * 32, p.random_bytes(32)
    eid = roster_body.epoch_id_of(key)
    x, x_kex = _device(1)
    y, y_kex = _device(2)
    wraps = roster_body.wrap_epoch(key, coop_id, [x])
    # control: X opens its own wrap
    assert roster_body.unwrap_epoch(wraps, coop_id, eid, x.device_id, x_kex) == key  # type: ignore[arg-type]
    # Y has no wrap of its own: nothing
    assert roster_body.unwrap_epoch(wraps, coop_id, eid, y.device_id, y_kex) is None  # type: ignore[arg-type]
    # X's wrap handed to Y under Y's id: Y's key cannot open it
    given = {y.device_id: wraps[x.device_id]}
    with pytest.raises(DecryptError):
        roster_body.unwrap_epoch(given, coop_id, eid, y.device_id, y_kex)  # type: ignore[arg-type]
    # even X's own key fails once the wrap is read as Y's (the device id is bound in `info`)
    with pytest.raises(DecryptError):
        roster_body.unwrap_epoch(given, coop_id, eid, y.device_id, x_kex)  # type: ignore[arg-type]
    # and a wrap read for another coop or epoch fails too
    with pytest.raises(DecryptError):
        roster_body.unwrap_epoch(wraps, b"\10" * 32, eid, x.device_id, x_kex)  # type: ignore[arg-type]
