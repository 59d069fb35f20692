"""Accepting connections: knock, TLS, trust; then a sync session or a join.

Every failure here closes one connection and is counted; none reaches the caller's loop.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
import time
from collections import defaultdict, deque

from coopshare.errors import UserError, ValidationError
from coopshare.protocol import knock
from coopshare.service import admission, invites
from coopshare.service.joining import serve_join
from coopshare.service.node import Node
from coopshare.transport import conn as tc

log = logging.getLogger("coopshare.net")
MAX_HANDSHAKES = 32
MAX_ATTEMPTS_PER_IP = 30  # per 10 seconds


class Listener:
    def __init__(self, node: Node) -> None:
        self.node = node
        self._handshakes = asyncio.Semaphore(MAX_HANDSHAKES)
        self._attempts: dict[str, deque[float]] = defaultdict(deque)
        self.server: asyncio.Server | None = None

    async def start(self, host: str | None, port: int) -> tuple[str, int]:
        """Listen on `host` (None: every address, IPv4 and IPv6, on ONE port)."""
        if host is None:
            # asyncio would open one socket per family, each with its own random port when
            # port is 0, and only one port can be advertised: use one dual-stack socket
            self.server = await asyncio.start_server(
                self._handle, sock=_dual_stack(port), limit=tc.STREAM_LIMIT
            )
        else:
            self.server = await asyncio.start_server(
                self._handle, host, port, reuse_address=True, limit=tc.STREAM_LIMIT
            )
        sock = self.server.sockets[0].getsockname()
        self.node.listen_addr = (str(sock[0]), int(sock[1]))
        return self.node.listen_addr

    def close(self) -> None:
        if self.server is not None:
            self.server.close()

    def _rate_ok(self, ip: str) -> bool:
        now = time.monotonic()
        q = self._attempts[ip]
        while q and now - q[0] > 10:
            q.popleft()
        q.append(now)
        if len(self._attempts) > 10_000:
            self._attempts.clear()
        return len(q) <= MAX_ATTEMPTS_PER_IP

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        node = self.node
        peer = writer.get_extra_info("peername")
        addr = f"{peer[0]}:{peer[1]}" if peer else "?"
        if not self._rate_ok(str(peer[0]) if peer else "?") or self._handshakes.locked():
            writer.close()
            return
        conn: tc.Connection | None = None
        try:
            async with self._handshakes:
                data = await tc.read_knock(reader)
                pend = await node.db(invites.pending)
                keys = [(knock.MODE_MEMBER, k) for k in node._network_keys]
                keys += [(knock.MODE_MEMBER_CERT, k) for k in node._network_keys]
                keys += [(knock.MODE_JOIN, knock.join_key(x.secret)) for x in pend]
                hit = node.knocks.check(data, keys)
                if hit is None:
                    node.stats.rejected_knocks += 1
                    writer.close()  # silent: no certificate, no byte
                    return
                mode, key = hit
                if mode == knock.MODE_MEMBER:
                    if node._server_ctx is None:
                        writer.close()
                        return
                    conn = await tc.accept_tls(writer, reader, node._server_ctx)
                    device = conn.peer_device
                    if device is None or device not in node._trusted:
                        node.stats.rejected_tls += 1
                        await conn.close()
                        return
                elif mode == knock.MODE_MEMBER_CERT:  # may be a member not in my roster yet
                    accepted = await admission.accept(node, reader, writer, data, key)
                    if accepted is None:
                        return
                    conn, device = accepted
                else:
                    conn = await tc.accept_tls(writer, reader, node._join_ctx)
                    invitation = next(x for x in pend if knock.join_key(x.secret) == key)
                    device = await serve_join(node, conn, invitation)
            await node.run_session(
                conn, device, addr, outbound=False, admit=mode == knock.MODE_MEMBER_CERT
            )
        except (
            ssl.SSLError,
            TimeoutError,
            asyncio.IncompleteReadError,
            ConnectionError,
            OSError,
        ) as e:
            node.stats.rejected_tls += isinstance(e, ssl.SSLError)
            log.debug("connection from %s dropped: %r", addr, e, exc_info=True)
        except (ValidationError, UserError) as e:
            node.stats.protocol_errors += 1
            log.info("connection from %s refused: %s", addr, e)
        finally:
            if conn is not None:
                await conn.close()
            else:
                writer.close()


def _dual_stack(port: int) -> socket.socket:
    """A listening socket for IPv6 and IPv4 (mapped) on one port; IPv4 only if IPv6 is absent."""
    try:
        sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        address: tuple[str, int] = ("::", port)
    except OSError:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        address = ("0.0.0.0", port)  # noqa: S104 - listening on every address is the point
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.setblocking(False)
    return sock
