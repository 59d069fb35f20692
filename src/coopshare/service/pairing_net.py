"""In-person pairing over a TCP connection (the protocol is protocol/pairing.py, sans-IO).

The host listens only while its pairing runs (the dialog or the ``coopshare pair offer``
command is open): one port, closed as soon as one pairing finished, failed or expired. It is
not announced on the network; the guest types the host's address and pairing code. Frames are
the sync protocol's 4-byte length prefix, capped at 8 KiB here. The channel needs no TLS: what
authenticates it is the 6-digit comparison both people make, and the payload is sealed under
the key the exchange agreed.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from coopshare.errors import (
    PairingContested,
    PairingExpired,
    PairingFailed,
    PeerUnreachable,
    ValidationError,
)
from coopshare.protocol import pairing, pairing_link
from coopshare.protocol.frames import encode_frame, frame_length

MAX_FRAME = 8192
MAX_ATTEMPTS = 5  # connections with a wrong pairing code before the host gives up
STEP_TIMEOUT = 30.0  # s for the other side's next message (the people compare meanwhile)
WATCH_TIMEOUT = 5.0  # s a second connection has to show its hello while a pairing runs
MAX_WATCHED = 4  # second connections read at once (more are closed unread)

T = TypeVar("T")
Confirm = Callable[[str], Awaitable[bool]]  # shows the 6 digits; True if the person confirmed


async def _send(writer: asyncio.StreamWriter, data: bytes) -> None:
    writer.write(encode_frame(data))
    await writer.drain()


async def _recv(reader: asyncio.StreamReader, timeout: float) -> bytes:
    try:
        n = frame_length(await asyncio.wait_for(reader.readexactly(4), timeout))
        if n > MAX_FRAME:
            raise PairingFailed("message too long")
        return await asyncio.wait_for(reader.readexactly(n), timeout)
    except (asyncio.IncompleteReadError, OSError):
        raise PairingFailed("the other side closed the connection") from None
    except TimeoutError:
        raise PairingFailed("no answer from the other side") from None


Finish = Callable[[pairing.Host, asyncio.StreamReader, asyncio.StreamWriter], Awaitable[T]]


async def _offer(
    side_of: Callable[[float], pairing.Host],
    listen: tuple[str, int],
    finish: Finish[T],
    on_listening: Callable[[str, int], None],
    ttl: float,
) -> T:
    """Listen until one pairing succeeds or `ttl` ends: each connection runs steps 1–4
    (hello, commit, key, reveal) on a fresh side from `side_of`, then `finish`."""
    started = time.monotonic()
    done: asyncio.Future[T] = asyncio.get_running_loop().create_future()
    busy = False
    attempts = 0
    current: list[tuple[pairing.Host, asyncio.StreamWriter]] = []  # the exchange running
    watched = 0

    async def watch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """A second connection while an exchange runs: if it knows the pairing code too, two
        devices do, and the running exchange ends before anything is handed over."""
        nonlocal watched
        watched += 1
        try:
            data = await _recv(reader, WATCH_TIMEOUT)
            if current and not done.done():
                side, first = current[0]
                try:
                    side.on_second_hello(data)
                except PairingContested as e:
                    first.close()  # the running exchange ends: nothing more goes out
                    done.set_exception(e)
        except PairingFailed:
            pass  # garbage or silence from a second connection changes nothing
        finally:
            watched -= 1
            writer.close()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal busy, attempts
        if done.done() or (busy and (not current or watched >= MAX_WATCHED)):
            writer.close()
            return
        if busy:
            await watch(reader, writer)
            return
        busy = True
        side = side_of(started)
        current[:] = [(side, writer)]
        greeted = False  # the guest knew the pairing code
        try:
            commit = side.on_hello(await _recv(reader, STEP_TIMEOUT))
            greeted = True
            await _send(writer, commit)
            await _send(writer, side.on_key(await _recv(reader, STEP_TIMEOUT)))
            result = await finish(side, reader, writer)
            if not done.done():
                done.set_result(result)
        except PairingFailed as e:
            attempts += 1
            if (greeted or attempts >= MAX_ATTEMPTS) and not done.done():
                done.set_exception(e)  # one real attempt per pairing code
        except ValidationError as e:
            if not done.done():
                done.set_exception(e)
        except asyncio.CancelledError:
            pass  # the offer was closed; ending quietly (3.11 logs a cancelled handler)
        finally:
            busy = False
            current.clear()
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    server = await asyncio.start_server(serve, listen[0], listen[1])
    try:
        sock = server.sockets[0].getsockname()
        on_listening(str(sock[0]), int(sock[1]))
        left = ttl - (time.monotonic() - started)
        try:
            return await asyncio.wait_for(asyncio.shield(done), max(left, 0.0))
        except TimeoutError:
            raise PairingExpired() from None
    finally:
        server.close()
        with contextlib.suppress(Exception):
            await server.wait_closed()


async def host(
    secret: bytes,
    listen: tuple[str, int],
    confirm: Confirm,
    payload: Callable[[], Awaitable[bytes]],
    *,
    on_listening: Callable[[str, int], None] = lambda h, p: None,
    ttl: float = pairing.TTL,
) -> str:
    """Offer one pairing until it succeeds or `ttl` ends; returns the compared code."""

    async def finish(
        side: pairing.Host, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> str:
        assert side.code is not None
        guest = asyncio.ensure_future(_recv(reader, ttl))
        try:
            if not await confirm(side.code):
                side.reject()
                raise PairingFailed("the digits did not match")
            side.confirmed = True
            side.on_confirm(await guest)
            await _send(writer, side.payload(await payload()))
            return side.code
        finally:
            guest.cancel()

    return await _offer(
        lambda started: pairing.Host(secret, started, ttl), listen, finish, on_listening, ttl
    )


async def link_host(
    secret: bytes,
    listen: tuple[str, int],
    confirm: Confirm,
    request: pairing_link.LinkRequest,
    *,
    on_listening: Callable[[str, int], None] = lambda h, p: None,
    ttl: float = pairing.TTL,
) -> pairing_link.LinkGrant:
    """The new device of protocol/pairing_link.py: show the code, send `request` once this
    side's person confirmed, return the grant of my existing device."""

    async def finish(
        side: pairing.Host, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> pairing_link.LinkGrant:
        assert isinstance(side, pairing_link.LinkHost) and side.code is not None
        if not await confirm(side.code):
            side.reject()
            raise PairingFailed("the digits did not match")
        await _send(writer, side.confirm(request))
        return side.on_grant(await _recv(reader, ttl))

    return await _offer(
        lambda started: pairing_link.LinkHost(secret, started, ttl),
        listen,
        finish,
        on_listening,
        ttl,
    )


async def _dial(
    side: pairing.Guest, address: tuple[str, int]
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter, str]:
    """Connect and run steps 1–4; returns the connection and the code to compare."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(*address), STEP_TIMEOUT)
    except (OSError, TimeoutError) as e:
        where = f"{address[0]}:{address[1]}"
        raise PeerUnreachable(str(e) or type(e).__name__, address=where) from None
    try:
        await _send(writer, side.hello())
        await _send(writer, side.on_commit(await _recv(reader, STEP_TIMEOUT)))
        return reader, writer, side.on_reveal(await _recv(reader, STEP_TIMEOUT))
    except BaseException:
        writer.close()
        raise


async def guest(secret: bytes, address: tuple[str, int], confirm: Confirm) -> bytes:
    """Pair with the host at `address`; returns the payload it sent."""
    side = pairing.Guest(secret, time.monotonic())
    reader, writer, code = await _dial(side, address)
    try:
        if not await confirm(code):
            side.reject()
            raise PairingFailed("the digits did not match")
        await _send(writer, side.confirm())
        return side.on_payload(await _recv(reader, pairing.TTL))
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()


async def link_guest(
    secret: bytes,
    address: tuple[str, int],
    confirm: Confirm,
    grant: Callable[[pairing_link.LinkRequest], Awaitable[pairing_link.LinkGrant]],
) -> str:
    """My existing device: pair with the new device at `address`; once both people confirmed
    and the new device's MAC checked, `grant` certifies its keys and the grant is sent.
    Returns the compared code."""
    side = pairing_link.LinkGuest(secret, time.monotonic())
    reader, writer, code = await _dial(side, address)
    try:
        theirs = asyncio.ensure_future(_recv(reader, pairing.TTL))
        try:
            if not await confirm(code):
                side.reject()
                raise PairingFailed("the digits did not match")
            side.confirmed = True
            request = side.on_confirm(await theirs)
        finally:
            theirs.cancel()
        await _send(writer, side.grant(await grant(request)))
        return code
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()
