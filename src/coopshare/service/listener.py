"""Accepting connections: knock, TLS, trust; then a sync session or a join.

Every failure here closes one connection and is counted; none reaches the caller's loop.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import ssl

from coopshare.errors import StoreError, UserError, ValidationError
from coopshare.protocol import knock
from coopshare.service import admission, invites
from coopshare.service.joining import serve_join
from coopshare.service.node import Node
from coopshare.service.refusals import RefusalLog
from coopshare.service.slots import Slots
from coopshare.transport import conn as tc

log = logging.getLogger("coopshare.net")
KNOCK_DEADLINE = tc.KNOCK_TIMEOUT  # s from accept to the 58-byte knock


class Listener:
    def __init__(
        self, node: Node, slots: Slots | None = None, knock_deadline: float = KNOCK_DEADLINE
    ) -> None:
        """`slots` and `knock_deadline`: the door's limits (service/slots.py); tests compare."""
        self.node = node
        self.slots = slots or Slots()
        self.knock_deadline = knock_deadline
        self.refused = RefusalLog(log, "refused connections from")
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

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        node = self.node
        peer = writer.get_extra_info("peername")
        addr = f"{peer[0]}:{peer[1]}" if peer else "?"
        source = source_of(str(peer[0]) if peer else "?")
        slot = self.slots.admit(source, writer.transport.abort)
        if slot is None:
            self.refused.note(source, "over the rate limit")
            writer.transport.abort()
            return
        conn: tc.Connection | None = None
        try:
            try:
                data = await tc.read_knock(reader, self.knock_deadline)
                pend = await node.db(invites.pending)
                keys = [(knock.MODE_MEMBER, k) for k in node.network_keys]
                keys += [(knock.MODE_MEMBER_CERT, k) for k in node.network_keys]
                keys += [(knock.MODE_JOIN, knock.join_key(x.secret)) for x in pend]
                hit = node.knocks.check(data, keys)
                if hit is None:
                    node.stats.rejected_knocks += 1
                    self.refused.note(source, "bad or replayed knock")
                    writer.close()  # silent: no certificate, no byte
                    return
                slot.knocked = True
                mode, key = hit
                if mode == knock.MODE_MEMBER:
                    if node.server_ctx is None:
                        writer.close()
                        return
                    conn = await tc.accept_tls(writer, reader, node.server_ctx)
                    device = conn.peer_device
                    if device is None or device not in node.trusted:
                        node.stats.rejected_tls += 1
                        self.refused.note(source, "not a member's certificate")
                        await conn.close()
                        return
                elif mode == knock.MODE_MEMBER_CERT:  # may be a member not in my roster yet
                    accepted = await admission.accept(node, reader, writer, data, key)
                    if accepted is None:
                        return
                    conn, device = accepted
                else:
                    conn = await tc.accept_tls(writer, reader, node.join_ctx)
                    invitation = next(x for x in pend if knock.join_key(x.secret) == key)
                    device = await serve_join(node, conn, invitation)
            finally:
                self.slots.release(slot)
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
            if slot.evicted:
                self.refused.note(source, "evicted from a full door")
            elif isinstance(e, TimeoutError) and not slot.knocked:
                self.refused.note(source, "no knock in time")
            log.debug("connection from %s dropped: %r", addr, e, exc_info=True)
        except (ValidationError, UserError, StoreError) as e:  # StoreError: logged by the store
            node.stats.protocol_errors += not isinstance(e, StoreError)
            self.refused.note(source, f"{type(e).__name__}: {e}")
        finally:
            if conn is not None:
                await conn.close()
            else:
                writer.close()


def source_of(ip: str) -> str:
    """The address a per-source limit counts by: an IPv4 address (also when IPv4-mapped), or
    an IPv6 /64 (one host can hold a whole /64)."""
    try:
        a = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return ip
    if isinstance(a, ipaddress.IPv6Address):
        if a.ipv4_mapped is not None:
            return str(a.ipv4_mapped)
        return str(ipaddress.IPv6Network((a, 64), strict=False))
    return str(a)


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
