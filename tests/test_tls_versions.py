"""Case 3 of research/security.md §4: a TLS 1.2 (downgraded) client never gets a session.

Real contexts from transport/tls.py, real keys; the handshake runs over memory BIOs, so no
socket is involved. The positive control is the same client allowed TLS 1.3: it completes the
handshake and is pinned to its device id.
"""

from __future__ import annotations

import ssl

import pytest

from coopshare.identity.keys import Identity
from coopshare.transport import tls


def _handshake(client_ctx: ssl.SSLContext, server_ctx: ssl.SSLContext) -> ssl.SSLObject:
    """Run a handshake to the end; returns the server side's SSLObject. Raises ssl.SSLError."""
    c_in, c_out, s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    client = client_ctx.wrap_bio(c_in, c_out, server_side=False)
    server = server_ctx.wrap_bio(s_in, s_out, server_side=True)
    done = {"client": False, "server": False}
    for _ in range(50):
        for name, side in (("client", client), ("server", server)):
            if not done[name]:
                try:
                    side.do_handshake()
                    done[name] = True
                except ssl.SSLWantReadError:
                    pass
            s_in.write(c_out.read())
            c_in.write(s_out.read())
        if all(done.values()):
            # TLS 1.3: the server learns of a refused client certificate only on the next read
            client.write(b"x")
            s_in.write(c_out.read())
            assert server.read(1) == b"x"
            return server
    raise AssertionError("handshake did not finish")


@pytest.fixture(scope="module")
def pair() -> tuple[Identity, Identity]:
    return Identity.generate("Anna"), Identity.generate("Bram")


def test_a_tls13_member_gets_in(pair: tuple[Identity, Identity]) -> None:
    anna, bram = pair
    server = _handshake(tls.client_context(bram), tls.server_context(anna, [bram.cert]))
    assert server.version() == "TLSv1.3"
    assert tls.peer_device_id(server) == bram.device_id


def test_a_tls12_client_is_refused(pair: tuple[Identity, Identity]) -> None:
    anna, bram = pair
    downgraded = tls.client_context(bram)
    downgraded.minimum_version = ssl.TLSVersion.TLSv1_2
    downgraded.maximum_version = ssl.TLSVersion.TLSv1_2
    with pytest.raises(ssl.SSLError):
        _handshake(downgraded, tls.server_context(anna, [bram.cert]))


def test_the_listener_offers_only_tls13(pair: tuple[Identity, Identity]) -> None:
    anna, bram = pair
    for ctx in (
        tls.server_context(anna, [bram.cert]),
        tls.join_server_context(anna),
        tls.client_context(anna),
    ):
        assert ctx.minimum_version == ssl.TLSVersion.TLSv1_3
        assert ctx.maximum_version == ssl.TLSVersion.TLSv1_3


def test_the_harness_sees_a_refusal(pair: tuple[Identity, Identity]) -> None:
    """Control for the harness itself: a TLS 1.3 client the listener does not trust fails too."""
    anna, bram = pair
    stranger = Identity.generate("Sam")
    with pytest.raises(ssl.SSLError):
        _handshake(tls.client_context(stranger), tls.server_context(anna, [bram.cert]))
