"""Hostile review of adding my own device in person (protocol/pairing_link.py,
service/pairing_net.py, service/device_link.py): a stranger who races the real device with a
code seen over a shoulder, replayed messages of an earlier session, and addresses in a grant
that do not parse. Each with its positive control.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from coopshare.errors import PairingContested, PairingFailed
from coopshare.identity.keys import Identity
from coopshare.protocol import invite as inv
from coopshare.protocol import pairing
from coopshare.protocol.pairing_link import LinkGrant, LinkGuest, LinkHost, LinkRequest
from coopshare.service import device_link, pairing_net

MALLORY = Identity.generate("Mallory")  # the stranger: a member key of his own, his own coop


def _grant_for(request: LinkRequest, member: Identity = MALLORY) -> LinkGrant:
    invitation = inv.Invitation(b"c" * 32, ("127.0.0.1:1",), b"p" * 32, b"s" * 16,
                                2**40, "device", "Mallory's coop", member.name)  # fmt: skip
    msig = member.certify(request.sign_pk, request.kex_pk)
    return LinkGrant(member.member_pk, member.name, msig, invitation)


async def _race(real_device_arrives: bool) -> tuple[object, object, list[LinkRequest]]:
    """The new device shows its code; a stranger who read it connects first and is shown the
    digits; (maybe) my real device then connects with the same code; the person at the new
    device confirms without comparing (the other screen shows nothing to compare)."""
    keys = device_link.new_device_keys()
    secret = pairing.new_secret()
    loop = asyncio.get_running_loop()
    addr: asyncio.Future[tuple[str, int]] = loop.create_future()
    shown = asyncio.Event()
    person: asyncio.Future[bool] = loop.create_future()
    seen: list[LinkRequest] = []

    async def new_device_person(code: str) -> bool:
        shown.set()
        return await person

    async def stranger_says_yes(code: str) -> bool:
        return True

    async def stranger_grants(request: LinkRequest) -> LinkGrant:
        seen.append(request)
        return _grant_for(request)

    host = asyncio.ensure_future(
        pairing_net.link_host(secret, ("127.0.0.1", 0), new_device_person,
                              device_link.request_of(keys),
                              on_listening=lambda h, port: addr.set_result((h, port)))
    )  # fmt: skip
    where = await addr
    stranger = asyncio.ensure_future(
        pairing_net.link_guest(secret, where, stranger_says_yes, stranger_grants)
    )
    await asyncio.wait_for(shown.wait(), 60)
    if real_device_arrives:
        real = LinkGuest(secret, time.monotonic())
        with pytest.raises(PairingFailed):  # its hello is read, then the connection closes
            await pairing_net._dial(real, where)
        await asyncio.wait_for(asyncio.wait([host]), 60)
    person.set_result(True)
    got_host, got_stranger = await asyncio.gather(host, stranger, return_exceptions=True)
    return got_host, got_stranger, seen


def test_a_stranger_who_races_with_the_code_is_stopped_when_the_real_device_arrives() -> None:
    got_host, got_stranger, seen = asyncio.run(_race(real_device_arrives=True))
    assert isinstance(got_host, PairingContested)
    assert isinstance(got_stranger, PairingFailed)
    assert seen == []  # the new device's keys never reached the stranger, nothing certified
    # positive control: without a second device knowing the code, the same race succeeds and
    # the new device would adopt the stranger's grant: it joins his cooperative as his device
    got_host, got_stranger, seen = asyncio.run(_race(real_device_arrives=False))
    assert isinstance(got_host, LinkGrant) and isinstance(got_stranger, str)
    assert len(seen) == 1 and got_host.member_pk == MALLORY.member_pk


def test_a_second_connection_without_the_code_does_not_stop_a_pairing() -> None:
    """Garbage or a wrong code from a second connection is read and ignored (the control for
    the contest above is the right code)."""
    host, guest = LinkHost(b"k" * 5, time.monotonic()), LinkGuest(b"k" * 5, time.monotonic())
    commit = host.on_hello(guest.hello())
    host.on_second_hello(LinkGuest(b"x" * 5, time.monotonic()).hello())  # a wrong code
    host.on_second_hello(b"\xc1garbage")
    host.on_key(guest.on_commit(commit))
    with pytest.raises(PairingContested):
        host.on_second_hello(LinkGuest(b"k" * 5, time.monotonic()).hello())
    with pytest.raises(PairingFailed):  # and nothing more goes out
        host.confirm(device_link.request_of(device_link.new_device_keys()))


def _recorded() -> tuple[LinkHost, LinkGuest, dict[str, bytes]]:
    """One honest device-mode exchange, every message kept."""
    secret = pairing.new_secret()
    host, guest = LinkHost(secret, time.monotonic()), LinkGuest(secret, time.monotonic())
    msgs: dict[str, bytes] = {"hello": guest.hello()}
    msgs["commit"] = host.on_hello(msgs["hello"])
    msgs["key"] = guest.on_commit(msgs["commit"])
    msgs["reveal"] = host.on_key(msgs["key"])
    guest.on_reveal(msgs["reveal"])
    keys = device_link.new_device_keys()
    msgs["confirm"] = host.confirm(device_link.request_of(keys))
    guest.confirmed = True
    request = guest.on_confirm(msgs["confirm"])
    msgs["payload"] = guest.grant(_grant_for(request))
    host.on_grant(msgs["payload"])
    return host, guest, msgs


def test_messages_of_an_earlier_session_do_not_replay() -> None:
    old_host, old_guest, msgs = _recorded()
    secret = old_host.secret  # even the same pairing code

    def fresh_host(reuse: bool) -> LinkHost:
        h = LinkHost(secret, time.monotonic())
        if reuse:
            h.kex, h.nonce = old_host.kex, old_host.nonce
        h.on_hello(msgs["hello"])
        h.on_key(msgs["key"])  # the old guest's key and nonce, replayed
        h.confirmed = True
        return h

    def fresh_guest(reuse: bool) -> LinkGuest:
        g = LinkGuest(secret, time.monotonic())
        if reuse:
            g.kex, g.nonce = old_guest.kex, old_guest.nonce
        g.on_commit(msgs["commit"])
        g.on_reveal(msgs["reveal"])  # the old host's reveal matches its old commitment
        g.confirmed = True
        return g

    with pytest.raises(PairingFailed):  # an old grant does not open on a new device
        fresh_host(reuse=False).on_grant(msgs["payload"])
    with pytest.raises(PairingFailed):  # an old confirmation does not check on my device
        fresh_guest(reuse=False).on_confirm(msgs["confirm"])
    # positive control: only the fresh ephemeral key and nonce stop them; a side that reused
    # the recorded ones would accept both
    assert fresh_host(reuse=True).on_grant(msgs["payload"]).member_pk == MALLORY.member_pk
    assert fresh_guest(reuse=True).on_confirm(msgs["confirm"]).sign_pk


def test_a_grants_addresses_that_do_not_parse_are_skipped() -> None:
    assert device_link._hostport("192.0.2.7:47490") == ("192.0.2.7", 47490)  # control
    assert device_link._hostport("[::1]:47490") == ("::1", 47490)
    for bad in ("192.0.2.7:²", "192.0.2.7:70000", "192.0.2.7:0", "192.0.2.7:", "47490"):
        assert device_link._hostport(bad) is None, bad
