"""Safety numbers marked as verified (issue 13, item 3): stored on this device only, sealed
like other local rows; a roster op that gives a verified member a key I did not verify turns
the state into "changed"; an unchanged member stays verified (control)."""

from __future__ import annotations

from coopshare.identity.keys import Identity
from coopshare.protocol import roster_body
from coopshare.protocol.ops import OpKind
from coopshare.service import verify
from coopshare.service.api_commands import Api

from .conftest import MakeCoop, sync, three_members
from .forge import forge


def test_verified_until_a_roster_op_gives_the_member_a_new_key(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    door = Api(alice)
    assert door.verification(bob.me.member_id).state == verify.UNVERIFIED
    door.mark_verified(bob.me.member_id)
    door.mark_verified(carol.me.member_id)
    cards = {c.name: c for c in door.member_cards()}
    assert cards["Bob"].verification == "verified" and cards["Carol"].verification == "verified"
    # sealed at rest: the pinned keys are not in the data folder in the clear
    key = verify._key(alice, bob.me.member_id)
    blob = alice.store.meta(key)
    assert blob and bob.me.device_pk not in blob and bob.me.member_pk not in blob
    assert bob.me.member_id.hex()[:12] not in key
    assert bob.me.device_pk in alice.open_local(b"verified", blob)  # control: it is in there
    # a roster op signed by Bob's own device adds a key Alice never compared
    laptop = make_replica("Bob")
    laptop.me = Identity("Bob", bob.me.member_key, laptop.me.device_key, laptop.me.kex_key,
                         laptop.me.cert)  # fmt: skip
    eid = bob.roster.current_epoch
    assert eid is not None and bob.coop_id is not None
    req = laptop.join_request()
    body = roster_body.add_device(
        req["member_pk"], dict(req["device"]), bob.epoch_keys[eid], bob.coop_id
    )
    op = forge(bob, body, kind=OpKind.ADD_DEVICE, epoch=eid)
    alice.apply(op.encode())
    assert op.op_id in alice.roster.valid
    v = door.verification(bob.me.member_id)
    assert v.state == verify.CHANGED and v.new_devices == 1
    assert {c.name: c for c in door.member_cards()}["Bob"].verification == "changed"
    assert door.verification(carol.me.member_id).state == verify.VERIFIED  # control
    door.mark_verified(bob.me.member_id)  # compared again
    assert door.verification(bob.me.member_id).state == verify.VERIFIED
    door.forget_verified(bob.me.member_id)
    assert door.verification(bob.me.member_id).state == verify.UNVERIFIED


def test_a_revoked_device_keeps_the_member_verified(make_replica: MakeCoop) -> None:
    alice, bob, _carol = three_members(make_replica)
    laptop = make_replica("Bob")
    laptop.me = Identity("Bob", bob.me.member_key, laptop.me.device_key, laptop.me.kex_key,
                         laptop.me.cert)  # fmt: skip
    bob.add_device(laptop.join_request())
    sync(bob, alice)
    door = Api(alice)
    door.mark_verified(bob.me.member_id)
    Api(bob).revoke_my_device(laptop.me.device_id)
    sync(bob, alice)
    assert laptop.me.device_id not in alice.roster.active
    assert door.verification(bob.me.member_id).state == verify.VERIFIED
