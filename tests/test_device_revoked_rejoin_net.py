"""A revoked device stays out (review of adding my own device in person, security.md §5).

Bob pairs a second laptop in person: it holds no member key, only the member key's certificate
of its own keys. He loses it and revokes it. That certificate still checks, and the roster's fold
allows re-adding a device of the same member, so a thief holding the laptop and a device
invitation of Bob's (a copied file meant for his recovery-key laptop) could join with it and be
back in, with Bob's device handing it his sealed items' keys again. The inviting device refuses
a device its roster knows as revoked, before the invitation is used up. Real processes on
loopback; the control shows, with Bob's own replica, that the fold would have re-admitted it.
"""

from __future__ import annotations

from pathlib import Path

from coopshare.service import device_link, invites
from coopshare.service import home as homes

from .netutil import PASS, cli, cli_json, init, new_member, serving


def test_a_revoked_keyless_device_cannot_rejoin_with_a_stolen_device_invitation(
    tmp_path: Path,
) -> None:
    alice, bob, laptop = (tmp_path / n for n in ("alice", "bob", "laptop"))
    init(alice, "Alice")
    cli(alice, "coop", "create", "--name", "Brabant Interim")
    with serving(alice) as sa:
        new_member(bob, "Bob", alice, sa)
    # the in-person pairing's outcome (protocol/pairing_link.py runs in test_pairing_link.py):
    # Bob's device certifies the laptop's keys and makes the device invitation of the grant
    keys = device_link.new_device_keys()
    coop = homes.open_coop(bob, PASS)
    try:
        grant = device_link.grant(coop, device_link.request_of(keys), ("127.0.0.1", 1))
    finally:
        coop.store.close()
    homes.init_linked(laptop, device_link.adopt(keys, grant), PASS)
    (tmp_path / "pairing.txt").write_text(invites.file_text(grant.invitation))
    with serving(bob) as sb:
        assert (
            "joined" in cli(laptop, "join", str(tmp_path / "pairing.txt"), "--peer", sb.addr).stdout
        )
    laptop_id = keys.device_id.hex()
    assert any(d["device_id"] == laptop_id for d in cli_json(bob, "device", "list"))
    # lost: Bob revokes it
    cli(bob, "device", "revoke", laptop_id[:12])
    assert not next(d for d in cli_json(bob, "device", "list") if d["device_id"] == laptop_id)[
        "active"
    ]
    # the thief copies a device invitation Bob made for his recovery-key laptop and tries it
    stolen = tmp_path / "for-my-other-laptop.txt"
    cli(bob, "device", "invite", "--out", str(stolen))
    with serving(bob) as sb:
        # (its own stale roster still lists it as active, so the laptop's CLI may say "joined")
        cli(laptop, "join", str(stolen), "--peer", sb.addr, check=False)
    coop = homes.open_coop(bob, PASS)
    try:
        assert keys.device_id not in coop.roster.active  # still out
        assert any(not used for _, _, used in coop.store.invites())  # not used up by the thief
        # control: what serve_join would have written without the check re-admits the laptop
        thief = homes.open_coop(laptop, PASS)
        try:
            request = thief.join_request()
        finally:
            thief.store.close()
        coop.add_device(request)
        assert keys.device_id in coop.roster.active
    finally:
        coop.store.close()
