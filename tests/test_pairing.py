"""In-person pairing (issue 13, item 3): commit-then-reveal X25519 and a 6-digit comparison.

Sans-IO tests of protocol/pairing.py (matching codes; a man in the middle gets different codes,
with the attack carried out for real; the commitment binds the host's key; expiry), then the
TCP transport on loopback, then real `coopshare pair` processes: an admin pairs a new member
who joins with the invitation handed over.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import PairingExpired, PairingFailed, ValidationError
from coopshare.protocol import pairing
from coopshare.protocol.codec import pack, unpack
from coopshare.service import pairing_net

from .netutil import cli, cli_json, in_person, init, say_yes, serving


def _run(host: pairing.Host, guest: pairing.Guest) -> tuple[str, str]:
    commit = host.on_hello(guest.hello())
    key = guest.on_commit(commit)
    reveal = host.on_key(key)
    code_g = guest.on_reveal(reveal)
    assert host.code is not None
    return host.code, code_g


def _pair(secret: bytes | None = None) -> tuple[pairing.Host, pairing.Guest]:
    secret = secret or pairing.new_secret()
    return pairing.Host(secret, time.monotonic()), pairing.Guest(secret, time.monotonic())


def test_both_sides_show_the_same_six_digits_and_the_payload_arrives() -> None:
    host, guest = _pair()
    code_h, code_g = _run(host, guest)
    assert code_h == code_g and len(code_h) == 6 and code_h.isdigit()
    assert host.key == guest.key and host.key is not None
    # the payload only after both people confirmed
    with pytest.raises(PairingFailed):
        host.payload(b"x")
    host2, guest2 = _pair()
    _run(host2, guest2)
    host2.confirmed = True
    host2.on_confirm(guest2.confirm())
    box = host2.payload(b"coopshare-invite:ABC")
    assert b"coopshare-invite" not in box
    assert guest2.on_payload(box) == b"coopshare-invite:ABC"
    # another run gives other digits (fresh keys and nonces)
    assert _run(*_pair())[0] != code_h or _run(*_pair())[0] != code_h


def test_a_wrong_pairing_code_is_refused_before_any_key() -> None:
    host = pairing.Host(pairing.new_secret(), time.monotonic())
    stranger = pairing.Guest(pairing.new_secret(), time.monotonic())
    with pytest.raises(PairingFailed):
        host.on_hello(stranger.hello())
    assert host.phase is pairing.Phase.FAILED
    ok = pairing.Host(b"12345", time.monotonic())
    assert ok.on_hello(pairing.Guest(b"12345", time.monotonic()).hello())  # positive control


def test_a_man_in_the_middle_who_swaps_keys_gets_different_codes() -> None:
    """Mallory relays between Alice (host) and Bob (guest) with her own keys on each side."""
    secret = pairing.new_secret()  # she even knows the pairing code (looked over a shoulder)
    alice, bob = pairing.Host(secret, time.monotonic()), pairing.Guest(secret, time.monotonic())
    m_guest, m_host = (
        pairing.Guest(secret, time.monotonic()),
        pairing.Host(secret, time.monotonic()),
    )  # toward A / B
    alice_commit = alice.on_hello(m_guest.hello())
    bob_commit_seen = m_host.on_hello(bob.hello())
    bob_key = bob.on_commit(bob_commit_seen)
    alice_reveal = alice.on_key(m_guest.on_commit(alice_commit))
    m_code_a = m_guest.on_reveal(alice_reveal)
    bob_code = bob.on_reveal(m_host.on_key(bob_key))
    assert alice.code == m_code_a  # each half is a consistent pairing with Mallory...
    assert bob_code == m_host.code
    assert alice.code != bob_code  # ...but the two people see different digits
    assert alice.key != bob.key  # and she could not read a payload meant for Bob anyway


def test_the_commitment_stops_a_key_chosen_after_seeing_the_other_side() -> None:
    """Without the commitment, a middle that sees Bob's key and nonce first can grind its own
    nonce until Bob's digits equal Alice's; the commitment makes the guest refuse it."""
    secret = pairing.new_secret()
    alice, bob = pairing.Host(secret, time.monotonic()), pairing.Guest(secret, time.monotonic())
    m_guest = pairing.Guest(secret, time.monotonic())
    alice_commit = alice.on_hello(m_guest.hello())
    alice.on_key(m_guest.on_commit(alice_commit))
    assert alice.code is not None
    # toward Bob, Mallory commits to something, then sees Bob's key and nonce...
    m_key = p.new_kex_key()
    m_pk = p.raw_public(m_key)
    bob_key = unpack(bob.on_commit(pack({"t": "commit", "c": b"\0" * 32})))
    # ...and grinds a nonce so that Bob's code equals the code Alice shows. Positive control:
    # this works. Scaled down to the last 3 digits (about 1,000 tries) to keep the test
    # short; the full 6 digits take about a million, a few seconds on a laptop.
    target = alice.code[-3:]
    for i in range(1_000_000):
        n = i.to_bytes(16, "big")
        if pairing.comparison_code(m_pk, bob_key["pk"], n, bob_key["n"], digits=3) == target:
            break
    else:
        pytest.fail("no nonce found")
    assert pairing.comparison_code(m_pk, bob_key["pk"], n, bob_key["n"])[-3:] == target
    # the reveal does not match what she committed to before: Bob refuses it
    with pytest.raises(PairingFailed):
        bob.on_reveal(pack({"t": "reveal", "pk": m_pk, "n": n}))
    assert bob.phase is pairing.Phase.FAILED and bob.code is None


def test_the_pairing_code_expires() -> None:
    host, guest = pairing.Host(b"abcde", 100.0, ttl=120.0), pairing.Guest(b"abcde", 100.0)
    with pytest.raises(PairingExpired):
        host.on_hello(guest.hello(), now=221.0)
    host = pairing.Host(b"abcde", 100.0, ttl=120.0)
    assert host.on_hello(guest.hello(), now=219.0)  # control: just inside its lifetime
    late = pairing.Guest(b"abcde", 100.0)
    with pytest.raises(PairingExpired):  # the guest's side runs out too
        late.on_commit(pack({"t": "commit", "c": b"\0" * 32}), now=221.0)


def test_hostile_pairing_messages_raise_only_validation_errors() -> None:
    for junk in (b"", b"\xc1", pack([1, 2]), pack({"t": "hello"}), pack({"t": 3, "proof": b""}),
                 pack({"t": "hello", "proof": b"x" * 31}), pack({"t": "hello", "proof": 5}),
                 pack({"t": "hello", "proof": b"x" * 32, "extra": 1})):  # fmt: skip
        with pytest.raises(ValidationError):
            pairing.Host(pairing.new_secret(), time.monotonic()).on_hello(junk)
    for junk in (pack({"t": "reveal", "pk": b"\0" * 32, "n": b"\0" * 16}), b"\x00"):
        g = pairing.Guest(b"abcde", time.monotonic())
        g.on_commit(pack({"t": "commit", "c": pairing.commitment(b"\0" * 32, b"\0" * 16)}))
        with pytest.raises(ValidationError):
            g.on_reveal(junk)  # an all-zero X25519 key: refused, not a crash
    assert pairing.parse_code(pairing.code_text(b"abcde")) == b"abcde"
    with pytest.raises(PairingFailed):
        pairing.parse_code("hello")


def test_pairing_over_loopback_tcp() -> None:
    async def main() -> tuple[str, bytes, list[str]]:
        secret = pairing.new_secret()
        addr: asyncio.Future[tuple[str, int]] = asyncio.get_running_loop().create_future()
        shown: list[str] = []

        async def yes(code: str) -> bool:
            shown.append(code)
            return True

        async def payload() -> bytes:
            return b"the invitation"

        host = asyncio.ensure_future(
            pairing_net.host(
                secret, ("127.0.0.1", 0), yes, payload,
                on_listening=lambda h, port: addr.set_result((h, port)),
            )
        )  # fmt: skip
        where = await addr
        # a wrong code first: refused, the offer stays open for the right one
        with pytest.raises(PairingFailed):
            await pairing_net.guest(pairing.new_secret(), where, yes)
        got = await pairing_net.guest(secret, where, yes)
        code = await host
        return code, got, shown

    code, got, shown = asyncio.run(main())
    assert got == b"the invitation" and shown == [code, code]


def test_a_declined_comparison_hands_over_nothing() -> None:
    async def main() -> None:
        secret = pairing.new_secret()
        addr: asyncio.Future[tuple[str, int]] = asyncio.get_running_loop().create_future()

        async def no(code: str) -> bool:
            return False

        async def yes(code: str) -> bool:
            return True

        async def payload() -> bytes:
            raise AssertionError("no payload after a declined comparison")

        host = asyncio.ensure_future(
            pairing_net.host(secret, ("127.0.0.1", 0), no, payload,
                             on_listening=lambda h, port: addr.set_result((h, port)))
        )  # fmt: skip
        with pytest.raises(PairingFailed):
            await pairing_net.guest(secret, await addr, yes)
        with pytest.raises(PairingFailed):
            await host

    asyncio.run(main())


def test_an_admin_pairs_a_new_member_in_person(tmp_path: Path) -> None:
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    init(alice, "Alice")
    cli(alice, "coop", "create", "--name", "Meetup Coop")
    init(bob, "Bob")
    with serving(alice), in_person(alice, ("pair", "offer"), bob, ("pair", "join")) as pair:
        offer, guest = pair
        say_yes(offer, guest)
        assert guest.wait(120) == 0, guest.stderr.read() if guest.stderr else ""
        assert offer.wait(60) == 0
    names = {m["name"] for m in cli_json(alice, "list", "members")}
    assert names == {"Alice", "Bob"}
    assert {m["name"] for m in cli_json(bob, "list", "members")} == {"Alice", "Bob"}
