"""A dialler sends nothing until the listener proved it holds the network key.

Without that proof, a machine on the LAN that answers a member's knock (say, by replaying a
fresh beacon of a real member with its own address) and finishes TLS with any certificate
received the member's Hello and roster ops: the admission phase lets a device it does not know
yet talk first. Real nodes and real TLS on loopback; the impostor holds no key of the coop.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from coopshare.errors import AdmissionRefused, NotAMember
from coopshare.identity.keys import Identity
from coopshare.protocol import admission as adm
from coopshare.protocol.knock import KNOCK_LEN
from coopshare.service.dialler import connect
from coopshare.transport import conn as tc
from coopshare.transport import tls

from .doorutil import listening, make_coop, running

pytestmark = pytest.mark.slow


class Impostor:
    """Accepts any knock, says go-ahead, finishes TLS with a certificate of its own, and keeps
    whatever the dialler sends afterwards."""

    def __init__(self) -> None:
        self.ctx = tls.join_server_context(Identity.generate("Mallory"))
        self.knocks = 0
        self.tls_done = 0
        self.received = b""

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readexactly(KNOCK_LEN)
            self.knocks += 1
            n = adm.sealed_length(await reader.readexactly(adm.SEALED_PREFIX))
            await reader.readexactly(n)
            conn = await tc.accept_tls(writer, reader, self.ctx)
            self.tls_done += 1
            async with asyncio.timeout(3):
                while chunk := await conn.reader.read(65536):
                    self.received += chunk
        except (TimeoutError, asyncio.IncompleteReadError, ConnectionError, OSError):
            pass
        finally:
            writer.close()


def test_an_impostor_listener_gets_nothing(tmp_path: Path) -> None:
    (anna,) = make_coop(tmp_path, ["Anna"])
    impostor = Impostor()

    async def run() -> None:
        server = await asyncio.start_server(impostor.handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            async with running(anna) as node:
                with pytest.raises(NotAMember):
                    await connect(node, "127.0.0.1", port)
                await asyncio.sleep(0.5)
        finally:
            server.close()

    asyncio.run(run())
    # positive control: the impostor really got the knock and a finished TLS session, so
    # without the proof the member would have gone on to send its Hello and roster ops
    assert impostor.knocks == 1 and impostor.tls_done == 1
    assert impostor.received == b"", len(impostor.received)


def test_a_real_member_proves_it_and_the_session_starts(tmp_path: Path) -> None:
    anna, bram = make_coop(tmp_path, ["Anna", "Bram"])

    async def run() -> bytes:
        async with listening(anna) as (_server, _listener, port), running(bram) as node:
            conn, device = await connect(node, "127.0.0.1", port)
            await conn.close()
            return device

    assert asyncio.run(run()) != b""


def test_the_proof_is_bound_to_key_knock_and_certificate() -> None:
    key, other = b"k" * 32, b"o" * 32
    knock, cert = b"n" * KNOCK_LEN, b"certificate"
    proof = adm.listener_proof(key, knock, cert)
    adm.check_listener_proof(key, knock, cert, proof)  # control: the right one passes
    for args in (
        (other, knock, cert),
        (key, b"m" * KNOCK_LEN, cert),
        (key, knock, b"another certificate"),
    ):
        with pytest.raises(AdmissionRefused):
            adm.check_listener_proof(*args, proof)
