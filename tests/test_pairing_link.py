"""Adding a new device of my own in person (protocol/pairing_link.py), sans-IO: the new
device (host) shows the code, my existing device (guest) types it; after both people confirmed
the same six digits the new device's keys go one way and the member key's certificate of them
comes back, sealed under the exchange's key. The member private key never travels.
"""

from __future__ import annotations

import dataclasses
import random
import time

import pytest

from coopshare.errors import MemberKeyNotHere, PairingFailed, PairingWrongMode, ValidationError
from coopshare.identity.keys import Identity
from coopshare.protocol import invite as inv
from coopshare.protocol import pairing
from coopshare.protocol.codec import pack, unpack
from coopshare.protocol.pairing_link import LinkGrant, LinkGuest, LinkHost, LinkRequest
from coopshare.service import device_link

MEMBER = Identity.generate("Bob")


def _invitation() -> inv.Invitation:
    return inv.Invitation(b"c" * 32, ("127.0.0.1:47490",), b"p" * 32, b"s" * 16,
                          int(time.time()) + 600, "device", "Coop", "Bob")  # fmt: skip


def _grant(request: LinkRequest, member: Identity = MEMBER) -> LinkGrant:
    msig = member.certify(request.sign_pk, request.kex_pk)
    return LinkGrant(member.member_pk, member.name, msig, _invitation())


def _exchange(host: LinkHost, guest: LinkGuest) -> tuple[str, str]:
    commit = host.on_hello(guest.hello())
    reveal = host.on_key(guest.on_commit(commit))
    code_g = guest.on_reveal(reveal)
    assert host.code is not None
    return host.code, code_g


def _pair() -> tuple[LinkHost, LinkGuest]:
    secret = pairing.new_secret()
    return LinkHost(secret, time.monotonic()), LinkGuest(secret, time.monotonic())


def test_the_new_device_gets_a_certificate_of_its_own_keys_after_both_confirmed() -> None:
    host, guest = _pair()
    code_h, code_g = _exchange(host, guest)
    assert code_h == code_g and len(code_h) == 6
    keys = device_link.new_device_keys()
    guest.confirmed = True  # the person at the existing device confirmed
    request = guest.on_confirm(host.confirm(device_link.request_of(keys)))
    assert request == device_link.request_of(keys)
    box = guest.grant(_grant(request))
    assert MEMBER.name.encode() not in box  # sealed
    got = host.on_grant(box)
    identity = device_link.adopt(keys, got)
    assert identity.member_id == MEMBER.member_id and identity.device_id == keys.device_id
    assert not identity.holds_member_key
    # its own device bundle carries the certificate the member key made
    assert identity.certify_device() == MEMBER.certify(keys.device_pk, keys.kex_pk)
    with pytest.raises(MemberKeyNotHere):  # the member key stayed on the other device
        identity.member_seed()
    with pytest.raises(MemberKeyNotHere):
        identity.certify(keys.device_pk, keys.kex_pk)


def test_nothing_is_granted_unless_both_people_confirmed() -> None:
    keys = device_link.new_device_keys()
    # the existing device's person did not confirm: no grant even with the new device's MAC
    host, guest = _pair()
    _exchange(host, guest)
    request = guest.on_confirm(host.confirm(device_link.request_of(keys)))
    with pytest.raises(PairingFailed):
        guest.grant(_grant(request))
    # the new device's person did not confirm: no confirmation message, so nothing to grant to
    host, guest = _pair()
    _exchange(host, guest)
    guest.confirmed = True
    with pytest.raises(PairingFailed):
        guest.grant(_grant(device_link.request_of(keys)))
    host.reject()  # "they differ" on the new device
    with pytest.raises(PairingFailed):
        host.confirm(device_link.request_of(keys))
    # positive control: both confirmed, the grant goes out
    host, guest = _pair()
    _exchange(host, guest)
    guest.confirmed = True
    request = guest.on_confirm(host.confirm(device_link.request_of(keys)))
    assert host.on_grant(guest.grant(_grant(request))).msig


def test_a_middle_that_relays_but_swaps_keys_gets_different_codes_and_no_grant() -> None:
    """Mallory knows the pairing code and sits between the new device and my old one; she
    relays every message but puts her own X25519 keys in, one exchange toward each side."""
    secret = pairing.new_secret()
    new, old = LinkHost(secret, time.monotonic()), LinkGuest(secret, time.monotonic())
    m_to_new, m_to_old = LinkGuest(secret, time.monotonic()), LinkHost(secret, time.monotonic())
    new_commit = new.on_hello(m_to_new.hello())
    old_commit = m_to_old.on_hello(old.hello())
    old_key = old.on_commit(old_commit)
    m_to_new.on_reveal(new.on_key(m_to_new.on_commit(new_commit)))
    old_code = old.on_reveal(m_to_old.on_key(old_key))
    assert new.code is not None and new.code != old_code  # the two people see different digits
    # relaying the new device's real confirmation does not check on the old device: the keys
    # differ, so Mallory cannot pass the new device's request through unchanged
    keys = device_link.new_device_keys()
    with pytest.raises(PairingFailed):
        old.on_confirm(new.confirm(device_link.request_of(keys)))
    # her own confirmation toward the old device does check (she did that exchange), so what
    # stops her is the person at the old device, who sees digits that differ from the new
    # screen and declines: then nothing is granted
    for person_confirms in (False, True):
        secret = pairing.new_secret()
        old, m_to_old = LinkGuest(secret, time.monotonic()), LinkHost(secret, time.monotonic())
        old.on_reveal(m_to_old.on_key(old.on_commit(m_to_old.on_hello(old.hello()))))
        mallory = device_link.new_device_keys()
        request = old.on_confirm(m_to_old.confirm(device_link.request_of(mallory)))
        assert request.sign_pk == mallory.device_pk  # her request was really processed...
        old.confirmed = person_confirms
        if person_confirms:  # positive control: a person who confirms anyway certifies her
            assert old.grant(_grant(request))
        else:
            with pytest.raises(PairingFailed):  # ...but the person declined: no certificate
                old.grant(_grant(request))
    # positive control: a middle that relays the bytes unchanged yields matching codes
    secret = pairing.new_secret()
    new, old = LinkHost(secret, time.monotonic()), LinkGuest(secret, time.monotonic())
    commit = new.on_hello(bytes(old.hello()))
    reveal = new.on_key(bytes(old.on_commit(bytes(commit))))
    assert old.on_reveal(bytes(reveal)) == new.code


def test_a_grant_that_certifies_other_keys_is_refused() -> None:
    keys, other = device_link.new_device_keys(), device_link.new_device_keys()
    good = _grant(device_link.request_of(keys))
    assert device_link.adopt(keys, good).device_id == keys.device_id  # control
    with pytest.raises(ValidationError):  # a certificate of someone else's keys
        device_link.adopt(keys, _grant(device_link.request_of(other)))
    eve = Identity.generate("Eve")
    bad = LinkGrant(
        MEMBER.member_pk, "Bob", eve.certify(keys.device_pk, keys.kex_pk), _invitation()
    )
    with pytest.raises(ValidationError):  # signed by another member key than it names
        device_link.adopt(keys, bad)


def test_the_modes_do_not_mix() -> None:
    secret = pairing.new_secret()
    with pytest.raises(PairingWrongMode):  # an invitation guest at a new device
        LinkHost(secret, time.monotonic()).on_hello(pairing.Guest(secret, time.monotonic()).hello())
    with pytest.raises(PairingWrongMode):  # "add my device" at an invitation offer
        pairing.Host(secret, time.monotonic()).on_hello(LinkGuest(secret, time.monotonic()).hello())
    # the keys differ by mode even for the same transcript: labels are mode-bound
    assert pairing.domain(pairing.INVITE, b"key") != pairing.domain(pairing.DEVICE, b"key")
    # control: matching modes pass the hello
    assert LinkHost(secret, time.monotonic()).on_hello(LinkGuest(secret, time.monotonic()).hello())


def _valid_messages() -> list[tuple[str, bytes]]:
    host, guest = _pair()
    hello = guest.hello()
    commit = host.on_hello(hello)
    key = guest.on_commit(commit)
    reveal = host.on_key(key)
    guest.on_reveal(reveal)
    keys = device_link.new_device_keys()
    confirm = host.confirm(device_link.request_of(keys))
    guest.confirmed = True
    request = guest.on_confirm(confirm)
    grant = _grant(request)
    return [("hello", hello), ("commit", commit), ("key", key), ("reveal", reveal),
            ("confirm", confirm), ("payload", guest.grant(grant)),
            ("request", request.encode()), ("grant", grant.encode())]  # fmt: skip


def _feed(kind: str, data: bytes) -> None:
    """Hand `data` to the decoder that reads a message of `kind`, in the right state."""
    host, guest = _pair()
    if kind == "hello":
        host.on_hello(data)
    elif kind == "commit":
        guest.on_commit(data)
    elif kind == "key":
        host.on_hello(guest.hello())
        host.on_key(data)
    elif kind == "reveal":
        guest.on_commit(pack({"t": "commit", "c": b"\0" * 32}))
        guest.on_reveal(data)
    elif kind == "confirm":
        _exchange(host, guest)
        guest.on_confirm(data)
    elif kind == "payload":
        _exchange(host, guest)
        host.confirm(device_link.request_of(device_link.new_device_keys()))
        host.on_grant(data)
    elif kind == "request":
        LinkRequest.decode(data)
    else:
        LinkGrant.decode(data)


def test_random_and_mutated_bytes_raise_only_validation_errors() -> None:
    rng = random.Random(1313)
    valid = _valid_messages()
    accepted = 0
    for kind, good in valid:
        if kind in ("commit", "key", "request", "grant"):
            _feed(kind, good)  # positive control: the valid message passes its decoder
        for _ in range(300):
            choice = rng.random()
            if choice < 0.4:
                data = rng.randbytes(rng.randrange(0, 200))
            elif choice < 0.8:
                buf = bytearray(good)
                for _ in range(rng.randrange(1, 4)):
                    buf[rng.randrange(len(buf))] = rng.randrange(256)
                data = bytes(buf)
            else:
                data = good[: rng.randrange(len(good))]
            try:
                _feed(kind, data)
                accepted += 1
            except ValidationError:
                pass
    # some mutations stay valid (any 32 bytes are a key to the decoder): the decoders really
    # parsed them rather than refusing everything
    assert 0 < accepted < 300 * len(valid)


def test_hostile_shapes_of_the_records() -> None:
    keys = device_link.new_device_keys()
    good = device_link.request_of(keys).encode()
    assert LinkRequest.decode(good).sign_pk == keys.device_pk  # control
    v = unpack(good)
    for bad in ([2, *v[1:]], v[:3], [*v, 1], [1, b"x" * 31, v[2], v[3]], [1, v[1], v[2], "cert"],
                [1, v[1], v[2], b"x" * 2000], {"v": 1}, 5):  # fmt: skip
        with pytest.raises(ValidationError):
            LinkRequest.decode(pack(bad))
    g = unpack(_grant(device_link.request_of(keys)).encode())
    member_invite = dataclasses.replace(_invitation(), role="member")
    for bad in ([*g[:4], "coopshare-invite:AAAA"], [*g[:4], member_invite.to_text()],
                [1, g[1], g[2], b"x" * 63, g[4]], [1, g[1], "x" * 101, g[3], g[4]]):  # fmt: skip
        with pytest.raises(ValidationError):
            LinkGrant.decode(pack(bad))
