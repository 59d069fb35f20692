"""My devices (issue 13, item 2): a member adds its own second device without an admin, the
new device gets the keys of that member's earlier sealed items, devices are listed, renamed
(locally, sealed at rest) and revoked (a new epoch). Each roster rule is checked by the fold
on every replica: forged ops signed with real device keys are refused, with positive controls.
"""

from __future__ import annotations

import pytest

from coopshare.errors import (
    RULE_ADMIN_ONLY,
    NotAllowed,
    RevokeThisDevice,
    ValidationError,
)
from coopshare.identity.keys import Identity
from coopshare.model import lead_rules
from coopshare.protocol import content, roster_body
from coopshare.protocol.codec import pack
from coopshare.protocol.ops import OpKind
from coopshare.service import device_keys, invites, releases
from coopshare.service.api_commands import Api
from coopshare.service.coop import Coop

from .conftest import MakeCoop, sync, three_members
from .forge import forge, last_op

ORG = "Zorggroep-MARKER-4411"


def second_device(make_replica: MakeCoop, of: Coop) -> Coop:
    """A new device of `of`'s member: same member key (restored from the recovery key)."""
    laptop = make_replica(of.me.name)
    laptop.me = Identity(of.me.name, of.me.member_key, laptop.me.device_key, laptop.me.kex_key,
                         laptop.me.cert)  # fmt: skip
    assert of.coop_id is not None
    laptop.adopt_coop(of.coop_id)
    return laptop


def _lead(c: Coop) -> bytes:
    return c.add_lead(
        {"title": "Interim CFO", "org": ORG, "rate_min": 120, "referral_terms": "thanks"}
    )


def test_a_member_adds_its_own_device_which_then_reads_its_earlier_sealed_leads(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = three_members(make_replica)
    lead = _lead(bob)
    sync(alice, bob)
    laptop = second_device(make_replica, bob)
    bob.add_device(laptop.join_request())  # Bob is no admin: his member key signs it in
    assert laptop.me.device_id in bob.roster.active
    sync(bob, laptop)
    # positive control: added, but nothing handed over yet: the sealed field is unreadable
    assert laptop.item(lead) is not None
    assert laptop.item(lead).value("org") is None  # type: ignore[union-attr]
    assert device_keys.step(bob) >= 1
    assert device_keys.step(bob) == 0  # once per device
    sync(bob, laptop)
    assert laptop.item(lead).value("org") == ORG  # type: ignore[union-attr]
    # the handover is sealed to the laptop alone: the others still cannot read it
    sync(bob, alice)
    sync(alice, carol)
    assert alice.item(lead).value("org") is None  # type: ignore[union-attr]
    assert carol.item(lead).value("org") is None  # type: ignore[union-attr]
    assert laptop.me.device_id in alice.roster.active and laptop.me.device_id in carol.roster.active
    # a lead given later on the laptop is sealed to both of Bob's devices
    later = _lead(laptop)
    sync(laptop, bob)
    assert bob.item(later).value("org") == ORG  # type: ignore[union-attr]


def test_the_new_device_releases_a_lead_sealed_before_it_existed(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    lead = _lead(bob)
    laptop = second_device(make_replica, bob)
    bob.add_device(laptop.join_request())
    device_keys.step(bob)
    for a, b in ((bob, alice), (alice, carol), (bob, laptop)):
        sync(a, b)
    st = carol.item(lead)
    assert st is not None
    carol.claim_lead(lead, lead_rules.terms_hash(st))  # claims and accepts the terms
    sync(carol, alice)
    sync(alice, laptop)
    # Bob's first laptop is away: the new one releases the sealed fields by itself
    assert releases.step(laptop, [lead]) == 1
    sync(laptop, alice)
    sync(alice, carol)
    assert carol.item(lead).value("org") == ORG  # type: ignore[union-attr]


def test_forged_add_device_by_another_member_or_an_outsider_is_refused(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    sync(bob, carol)
    laptop = second_device(make_replica, bob)
    req = laptop.join_request()
    eid = carol.roster.current_epoch
    assert eid is not None and carol.coop_id is not None
    body = roster_body.add_device(
        req["member_pk"], dict(req["device"]), carol.epoch_keys[eid], carol.coop_id
    )
    # Carol (a member, not an admin) signs Bob's new device into the roster: invalid everywhere
    forged = forge(carol, body, kind=OpKind.ADD_DEVICE, epoch=eid)
    for c in (alice, bob, carol):
        c.apply(forged.encode())
        assert forged.op_id in c.roster.invalid
        assert laptop.me.device_id not in c.roster.active
    # positive control: the very same body signed by Bob's own device is valid
    own = forge(bob, body, kind=OpKind.ADD_DEVICE, epoch=eid)
    for c in (alice, bob, carol):
        c.apply(own.encode())
        assert own.op_id in c.roster.valid
        assert laptop.me.device_id in c.roster.active


def test_a_device_bundle_not_certified_by_the_member_key_is_refused(
    make_replica: MakeCoop,
) -> None:
    alice, bob, _carol = three_members(make_replica)
    outsider = make_replica("Eve")  # her own member key, not Bob's
    eid = bob.roster.current_epoch
    assert eid is not None and bob.coop_id is not None
    # Eve's device bundle (certified by Eve's member key) presented as Bob's
    with pytest.raises(ValidationError):
        roster_body.parse_bundle(roster_body.device_bundle(outsider.me), bob.me.member_pk)
    eve = roster_body.device_bundle(outsider.me)
    body = pack({"member_pk": bob.me.member_pk, "device": eve, "wraps": {}})
    forged = forge(bob, body, kind=OpKind.ADD_DEVICE, epoch=eid)
    with pytest.raises(ValidationError):
        alice.apply(forged.encode())
    assert outsider.me.device_id not in alice.roster.active
    # an outsider's own signature does not make a roster op: its device is in no roster
    req = second_device(make_replica, bob).join_request()
    body = roster_body.add_device(
        req["member_pk"], dict(req["device"]), bob.epoch_keys[eid], bob.coop_id
    )
    outsider.adopt_coop(bob.coop_id)
    stray = forge(outsider, body, kind=OpKind.ADD_DEVICE, epoch=eid, parents=bob.roster.heads)
    assert alice.apply(stray.encode()).quarantined  # parked: its author is in no roster
    assert stray.op_id not in alice.roster.valid
    assert req["device"]["sign_pk"] not in [d.sign_pk for d in alice.roster.devices.values()]


def test_a_handover_from_another_member_is_not_treated_as_my_own_key(
    make_replica: MakeCoop,
) -> None:
    alice, bob, carol = three_members(make_replica)
    sync(alice, carol)
    carol_lead = _lead(carol)
    sync(carol, bob)
    laptop = second_device(make_replica, bob)
    bob.add_device(laptop.join_request())
    sync(bob, carol)
    # Carol hands the key of her sealed lead to Bob's laptop the way a device of Bob's would
    grants = [g for g in device_keys.grants_for(carol, laptop.me.device_id)]
    assert grants  # she holds it: the attack is real
    from coopshare.crypto import envelope

    part, _ = envelope.seal_to(
        content.encode_grants(grants), [laptop.me.kex_pk], carol.coop_id or b""
    )
    carol._append(OpKind.KEY_RELEASE, content.encode_parts([part]), carol._epoch()[0])
    sync(carol, bob)
    sync(bob, laptop)
    # stored, but it is Carol's grant: gated by her lead's terms (no claim, no release)
    assert laptop.item(carol_lead) is not None
    assert laptop.item(carol_lead).value("org") is None  # type: ignore[union-attr]
    # positive control: Bob's own handover of his lead opens it on the same laptop
    bob_lead = _lead(bob)
    sync(bob, laptop)
    assert laptop.item(bob_lead).value("org") == ORG  # type: ignore[union-attr]


def test_list_rename_and_revoke_my_devices(make_replica: MakeCoop) -> None:
    alice, bob, carol = three_members(make_replica)
    laptop = second_device(make_replica, bob)
    bob.add_device(laptop.join_request())
    sync(bob, laptop)
    door = Api(bob)
    devs = door.my_devices()
    assert [d.this_device for d in devs] == [True, False]
    assert devs[1].device_id == laptop.me.device_id and devs[1].active
    door.rename_device(laptop.me.device_id, "  Old   ThinkPad ")
    assert door.my_devices()[1].name == "Old ThinkPad"
    with pytest.raises(RevokeThisDevice):
        door.revoke_my_device(bob.me.device_id)
    # Carol cannot revoke Bob's device (she is no admin): refused before writing and by the fold
    eid = carol.roster.current_epoch
    sync(bob, carol)
    body, _ = roster_body.new_epoch(
        {"device_id": laptop.me.device_id},
        b"\1" * 32,
        carol.coop_id or b"",
        [d for d in carol.roster.devices.values() if d.device_id in carol.roster.active],
        carol.epoch_keys,
    )
    forged = forge(carol, body, kind=OpKind.REVOKE_DEVICE, epoch=eid)
    bob.apply(forged.encode())
    assert forged.op_id in bob.roster.invalid and laptop.me.device_id in bob.roster.active
    # Bob revokes his lost laptop: a new epoch the laptop never gets
    before = len(bob.roster.epochs)
    door.revoke_my_device(laptop.me.device_id)
    assert len(bob.roster.epochs) == before + 1
    assert laptop.me.device_id not in bob.roster.active
    assert [d.active for d in door.my_devices()] == [True, False]
    note = bob.add_note("after", "new secret")
    sync(bob, alice)
    assert alice.item(note).body == "new secret"  # type: ignore[union-attr]
    sync(bob, laptop)
    assert laptop.item(note) is None


def test_device_invitations_need_no_admin_but_member_invitations_do(
    make_replica: MakeCoop,
) -> None:
    _alice, bob, _carol = three_members(make_replica)
    made = invites.create(bob, invites.DEVICE, ["127.0.0.1:1"])
    assert made.role == invites.DEVICE
    pend = invites.pending(bob)
    assert [p.for_device for p in pend] == [True]
    assert [o.role for o in Api(bob).open_invites()] == ["device"]
    with pytest.raises(NotAllowed) as caught:
        invites.create(bob, "member", ["127.0.0.1:1"])
    assert caught.value.rule == RULE_ADMIN_ONLY
    assert "recovery key" in invites.file_text(made)
    assert last_op(bob) is not None
