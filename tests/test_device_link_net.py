"""A new device of my own, paired in person (protocol/pairing_link.py, service/device_link.py):
no admin, no recovery code, and the member key stays on the existing device.

End to end with real processes on loopback: Bob (a member, no admin) runs `serve` on his first
laptop; a fresh install runs `pair new-device` and shows a code; Bob types it into `pair
add-device`; both print the same six digits and both answer y; the new laptop joins, is listed
in "my devices" on both, and reads the sealed details of a lead Bob gave from the first laptop.
Then the pairing listener against a stranger on loopback, with its positive control, and, at
the replica level, the control that a device added without the handover cannot read them.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import PairingFailed
from coopshare.identity.keystore import Unlocked
from coopshare.protocol import pairing
from coopshare.protocol.codec import pack
from coopshare.protocol.frames import encode_frame
from coopshare.protocol.pairing_link import LinkGrant, LinkRequest
from coopshare.service import device_keys, device_link, pairing_net
from coopshare.service.coop import Coop
from coopshare.store.db import Store

from .conftest import MakeCoop, sync, three_members
from .netutil import cli, cli_json, in_person, init, new_member, say_yes, serving

ORG = "Zorggroep-MARKER-7719"


def test_my_new_device_paired_in_person_joins_without_admin_or_recovery_code(
    tmp_path: Path,
) -> None:
    alice, bob, laptop = (tmp_path / n for n in ("alice", "bob", "laptop"))
    init(alice, "Alice")
    cli(alice, "coop", "create", "--name", "Brabant Interim")
    with serving(alice) as sa:
        new_member(bob, "Bob", alice, sa)  # Bob is a member, not an admin
    cli(bob, "lead", "add", "--title", "Interim CFO", "--org", ORG)
    lead_id = cli_json(bob, "list", "leads")[0]["id"]
    with serving(bob) as sb:
        pairs = in_person(laptop, ("pair", "new-device"), bob, ("pair", "add-device"))
        with pairs as (new, old):
            say_yes(old, new)
            assert old.wait(120) == 0, old.stderr.read() if old.stderr else ""
            assert new.wait(180) == 0, new.stderr.read() if new.stderr else ""
            assert new.stdout is not None and "joined" in new.stdout.read()
        assert sb.proc.poll() is None
    # the new laptop reads the sealed details Bob wrote before it existed
    leads = {x["id"]: x for x in cli_json(laptop, "list", "leads")}
    assert leads[lead_id]["org"] == ORG
    # it is Bob's device, listed on both of his devices
    mine = cli_json(bob, "device", "list")
    assert len(mine) == 2 and mine[0]["this_device"]
    theirs = cli_json(laptop, "device", "list")
    assert len(theirs) == 2 and theirs[0]["this_device"]
    assert {d["device_id"] for d in mine} == {d["device_id"] for d in theirs}
    assert {m["name"] for m in cli_json(laptop, "list", "members")} == {"Alice", "Bob"}
    # no recovery code was typed, and the member key did not travel: the laptop cannot show it
    r = cli(laptop, "recovery-key", check=False)
    assert r.returncode != 0 and "member key" in r.stderr
    assert cli(bob, "recovery-key").stdout.strip()  # control: the first laptop can
    # positive control that the detail is sealed, not coop-wide: Alice, an admin, cannot read it
    with serving(bob) as sb:
        cli(alice, "sync", "--peer", sb.addr)
    leads = {x["id"]: x for x in cli_json(alice, "list", "leads")}
    assert lead_id in leads and ORG not in str(leads[lead_id])


def _offer(
    secret: bytes, request: LinkRequest
) -> tuple[asyncio.Future[tuple[str, int]], asyncio.Future[LinkGrant]]:
    addr: asyncio.Future[tuple[str, int]] = asyncio.get_running_loop().create_future()

    async def yes(code: str) -> bool:
        return True

    task = asyncio.ensure_future(
        pairing_net.link_host(secret, ("127.0.0.1", 0), yes, request,
                              on_listening=lambda h, port: addr.set_result((h, port)))
    )  # fmt: skip
    return addr, task


async def _raw_hello(where: tuple[str, int], secret: bytes) -> bytes:
    """What a bare TCP client gets for a device-mode hello with `secret` (b"" if nothing)."""
    reader, writer = await asyncio.open_connection(*where)
    proof = pairing.hello_proof(secret)
    writer.write(encode_frame(pack({"t": "hello", "proof": proof, "m": "device"})))
    await writer.drain()
    got = await asyncio.wait_for(reader.read(4096), 30)
    writer.close()
    return got


def test_a_stranger_on_loopback_without_the_code_gets_nothing() -> None:
    keys = device_link.new_device_keys()
    seen: list[LinkRequest] = []
    secret = pairing.new_secret()

    async def main() -> tuple[bytes, bytes, LinkGrant]:
        addr, task = _offer(secret, device_link.request_of(keys))
        where = await addr

        async def yes(code: str) -> bool:
            return True

        async def grant(request: LinkRequest) -> LinkGrant:
            seen.append(request)
            return _grant_for(request)

        stranger = await _raw_hello(where, pairing.new_secret())
        with pytest.raises(PairingFailed):  # the whole client, with a wrong code
            await pairing_net.link_guest(pairing.new_secret(), where, yes, grant)
        assert not seen  # not even the new device's public keys reached it
        # positive control: a real client with the right code, on the same offer, gets the new
        # device's keys and grants them
        await pairing_net.link_guest(secret, where, yes, grant)
        got = await task
        # and the same bare connection with the right code gets the commitment (on an offer
        # of its own: a greeted attempt that stops ends the offer)
        other = pairing.new_secret()
        addr2, task2 = _offer(other, device_link.request_of(keys))
        right = await _raw_hello(await addr2, other)
        with pytest.raises(PairingFailed):
            await task2
        return stranger, right, got

    stranger, right, got = asyncio.run(main())
    assert stranger == b""  # not one byte for a wrong code
    assert len(right) > 4 and b"commit" in right
    assert seen == [device_link.request_of(keys)]
    assert device_link.adopt(keys, got).device_id == keys.device_id


def test_a_declined_comparison_on_either_side_grants_nothing() -> None:
    keys = device_link.new_device_keys()

    async def run(new_says: bool, old_says: bool) -> list[LinkRequest]:
        seen: list[LinkRequest] = []
        addr: asyncio.Future[tuple[str, int]] = asyncio.get_running_loop().create_future()
        secret = pairing.new_secret()

        async def new(code: str) -> bool:
            return new_says

        async def old(code: str) -> bool:
            return old_says

        async def grant(request: LinkRequest) -> LinkGrant:
            seen.append(request)
            return _grant_for(request)

        task = asyncio.ensure_future(
            pairing_net.link_host(secret, ("127.0.0.1", 0), new, device_link.request_of(keys),
                                  on_listening=lambda h, port: addr.set_result((h, port)))
        )  # fmt: skip
        results = await asyncio.gather(
            pairing_net.link_guest(secret, await addr, old, grant), task, return_exceptions=True
        )
        if new_says and old_says:
            assert not any(isinstance(r, BaseException) for r in results)
        else:
            assert all(isinstance(r, PairingFailed) for r in results), results
        return seen

    assert asyncio.run(run(False, True)) == []
    assert asyncio.run(run(True, False)) == []
    assert asyncio.run(run(True, True)) == [device_link.request_of(keys)]  # control


def _grant_for(request: LinkRequest) -> LinkGrant:
    from coopshare.identity.keys import Identity
    from coopshare.protocol import invite as inv

    bob = Identity.generate("Bob")
    invitation = inv.Invitation(b"c" * 32, ("127.0.0.1:1",), b"p" * 32, b"s" * 16,
                                2**40, "device", "C", "Bob")  # fmt: skip
    return LinkGrant(bob.member_pk, "Bob", bob.certify(request.sign_pk, request.kex_pk), invitation)


def test_a_device_paired_without_the_handover_cannot_read_my_earlier_sealed_leads(
    make_replica: MakeCoop, tmp_path: Path
) -> None:
    """The replica-level view of the flow: Bob's device grants, the new device adopts the grant
    (no member key), Bob's device admits it as serve_join does. Control: before the handover
    the new device is in the roster but cannot read the sealed field; after it, it can."""
    alice, bob, _carol = three_members(make_replica)
    lead = bob.add_lead({"title": "Interim CFO", "org": ORG, "rate_min": 120,
                         "referral_terms": "thanks"})  # fmt: skip
    keys = device_link.new_device_keys()
    got = device_link.grant(bob, device_link.request_of(keys), ("127.0.0.1", 47490))
    identity = device_link.adopt(keys, got)
    assert not identity.holds_member_key
    laptop = Coop(Unlocked(identity, p.random_bytes(32)), Store.open(tmp_path / "laptop"))
    try:
        assert bob.coop_id is not None
        laptop.adopt_coop(bob.coop_id)
        bob.add_device(laptop.join_request())  # what serve_join writes for a device invitation
        sync(bob, laptop)
        assert laptop.me.device_id in laptop.roster.active
        assert laptop.item(lead) is not None
        assert laptop.item(lead).value("org") is None  # type: ignore[union-attr]
        assert device_keys.step(bob) >= 1  # serve_join runs this before join_ok
        sync(bob, laptop)
        assert laptop.item(lead).value("org") == ORG  # type: ignore[union-attr]
        # the laptop writes as Bob: a lead it gives is sealed to both of Bob's devices
        later = laptop.add_lead({"title": "Later", "org": ORG, "referral_terms": "thanks"})
        sync(laptop, bob)
        assert bob.item(later).value("org") == ORG  # type: ignore[union-attr]
        sync(bob, alice)
        assert alice.item(lead).value("org") is None  # type: ignore[union-attr]
    finally:
        laptop.store.close()
