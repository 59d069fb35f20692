"""Framed connections over asyncio streams, with timeouts and size limits.

A :class:`Connection` reads whole frames (length checked before allocation, see
protocol/frames.py) and writes frames; every read has a deadline so a slow or silent peer
(slowloris) is dropped without holding anything else up.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl

from coopshare.protocol.frames import MAX_FRAME, encode_frame, frame_length
from coopshare.protocol.knock import KNOCK_LEN
from coopshare.transport.tls import peer_device_id

KNOCK_TIMEOUT = 2.0  # the knock is 58 bytes, sent right after connecting
KNOCK_ACCEPTED = b"\x01"  # the server's one byte after a valid knock; then TLS starts
HANDSHAKE_TIMEOUT = 10.0
# read buffer of a stream: above one whole frame, so a 768 KiB batch is not read in 64 KiB
# pause/resume steps (asyncio's default limit)
STREAM_LIMIT = 2 * MAX_FRAME


class KnockRefused(ConnectionError):
    """The server closed the connection instead of answering the knock."""


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        peer = writer.get_extra_info("peername")
        self.peer_addr: tuple[str, int] = (str(peer[0]), int(peer[1])) if peer else ("?", 0)
        self.peer_device = peer_device_id(writer.get_extra_info("ssl_object"))

    async def read_frame(self, timeout: float) -> bytes:
        """One frame; raises MalformedData, asyncio.TimeoutError or IncompleteReadError."""
        async with asyncio.timeout(timeout):
            n = frame_length(await self.reader.readexactly(4))
            return await self.reader.readexactly(n)

    async def write_frame(self, payload: bytes) -> None:
        self.writer.write(encode_frame(payload))
        await self.writer.drain()

    async def write_raw(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()

    def abort(self, data: bytes) -> None:
        """Write what is pending (a Bye) and close without waiting."""
        with contextlib.suppress(Exception):
            self.writer.write(data)
        self.writer.close()

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(Exception):
            async with asyncio.timeout(2):
                await self.writer.wait_closed()


async def dial(
    host: str, port: int, knock: bytes, ctx: ssl.SSLContext, timeout: float = HANDSHAKE_TIMEOUT
) -> Connection:
    """TCP connect, send the knock, upgrade to TLS; returns the authenticated connection."""
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection(host, port, limit=STREAM_LIMIT)
        try:
            writer.write(knock)
            await writer.drain()
            # wait for the server's go-ahead: TLS bytes sent together with the knock could sit
            # in the server's stream buffer, out of reach of the TLS layer it starts next
            try:
                accepted = await reader.readexactly(1) == KNOCK_ACCEPTED
            except (asyncio.IncompleteReadError, ConnectionError):
                accepted = False
            if not accepted:
                raise KnockRefused("the peer closed the connection at the knock")
            await writer.start_tls(ctx, server_hostname=None)
        except BaseException:
            writer.close()
            raise
    return Connection(reader, writer)


async def read_knock(reader: asyncio.StreamReader, timeout: float = KNOCK_TIMEOUT) -> bytes:
    async with asyncio.timeout(timeout):
        return await reader.readexactly(KNOCK_LEN)


async def accept_tls(
    writer: asyncio.StreamWriter, reader: asyncio.StreamReader, ctx: ssl.SSLContext
) -> Connection:
    async with asyncio.timeout(HANDSHAKE_TIMEOUT):
        writer.write(KNOCK_ACCEPTED)
        await writer.drain()
        await writer.start_tls(ctx)
    return Connection(reader, writer)
