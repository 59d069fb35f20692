"""The node's network edges: accepting (knock, TLS, trust), dialling with backoff, joining.

Every failure here closes one connection and is counted; none reaches the caller's loop.
"""

from __future__ import annotations

import asyncio
import logging
import random
import socket
import ssl
import time
from collections import defaultdict, deque
from pathlib import Path

from coopshare.crypto import primitives as p
from coopshare.discovery.mdns import Discovery
from coopshare.errors import StoreError, UserError, ValidationError
from coopshare.protocol import invite as inv
from coopshare.protocol import knock
from coopshare.protocol import messages as m
from coopshare.protocol.codec import as_bytes, as_map, as_str, pack
from coopshare.protocol.roster_body import parse_bundle
from coopshare.service import invites
from coopshare.service.coop import Coop
from coopshare.service.node import Node
from coopshare.sync.engine import SyncEngine
from coopshare.transport import conn as tc

log = logging.getLogger("coopshare.net")
JOIN_DOMAIN = b"coopshare/v1/join\0"
MAX_HANDSHAKES = 32
MAX_ATTEMPTS_PER_IP = 30  # per 10 seconds
JOIN_TIMEOUT = 10.0


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
                else:
                    conn = await tc.accept_tls(writer, reader, node._join_ctx)
                    invitation = next(x for x in pend if knock.join_key(x.secret) == key)
                    device = await serve_join(node, conn, invitation)
            await node.run_session(conn, device, addr, outbound=False)
        except (
            ssl.SSLError,
            TimeoutError,
            asyncio.IncompleteReadError,
            ConnectionError,
            OSError,
        ) as e:
            node.stats.rejected_tls += isinstance(e, ssl.SSLError)
            log.debug("connection from %s dropped: %r", addr, e, exc_info=True)
        except (ValidationError, UserError, StoreError) as e:  # StoreError: logged by the store
            node.stats.protocol_errors += not isinstance(e, StoreError)
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


async def connect(
    node: Node, host: str, port: int, expect: bytes | None = None
) -> tuple[tc.Connection, bytes]:
    """Dial a member: knock, TLS, then check the certificate against the roster (and `expect`)."""
    if not node._network_keys:
        raise UserError("this device holds no key of the cooperative yet")
    conn = await tc.dial(
        host, port, knock.make_knock(node._network_keys[0], knock.MODE_MEMBER), node._client_ctx
    )
    device = conn.peer_device
    if device is None or device not in node._trusted or (expect is not None and device != expect):
        await conn.close()
        raise UserError(f"{host}:{port} is not a device of this cooperative (identity mismatch)")
    return conn, device


async def sync_once(node: Node, host: str, port: int, timeout: float) -> SyncEngine:
    """Dial, sync until both sides converged, close. Raises UserError on failure."""
    try:
        conn, device = await connect(node, host, port)
    except tc.KnockRefused:
        raise UserError(
            f"{host}:{port} did not let this device in. It may not be a device of this"
            " cooperative, it may not know yet of a membership change made elsewhere, or the"
            " two computers' clocks may differ by more than 2 minutes: check the date and"
            " time on both"
        ) from None
    except (OSError, TimeoutError, ssl.SSLError, asyncio.IncompleteReadError) as e:
        raise UserError(
            f"cannot reach a member at {host}:{port}: {e or type(e).__name__}"
        ) from None
    task = asyncio.ensure_future(node.run_session(conn, device, f"{host}:{port}", outbound=True))
    engine = await _engine_of(node, device, task)
    await _await_converged(engine, task, timeout)
    engine.stop("done")
    await task
    return engine


async def keep_dialing(node: Node, host: str, port: int) -> None:
    """Stay connected to a manual peer, with exponential backoff (1 s to 30 s, jittered)."""
    delay = 1.0
    while not node._closing:
        try:
            conn, device = await connect(node, host, port)
            delay = 1.0
            await node.run_session(conn, device, f"{host}:{port}", outbound=True)
        except (OSError, TimeoutError, ssl.SSLError, asyncio.IncompleteReadError, UserError) as e:
            log.debug("dial %s:%s failed: %s", host, port, e)
        await asyncio.sleep(delay * random.uniform(0.8, 1.2))
        delay = min(delay * 2, 30.0)


# --- discovery ----------------------------------------------------------------------------------

NO_PEER_HINT_AFTER = 60.0


async def start_discovery(
    node: Node, port: int, *, meetup: bool, interfaces: list[str] | None
) -> Discovery:
    """Advertise (unless in meetup mode) and browse; dial recognised members."""
    dialling: dict[str, asyncio.Task[None]] = {}
    disc: Discovery

    async def on_candidate(name: str, addrs: list[tuple[str, int]]) -> None:
        their = name.split(".", 1)[0]
        if disc.advertise and not disc.instance < their:
            return  # the side with the smaller label dials; a meetup node always dials
        task = dialling.get(name)
        if task is None or task.done():
            dialling[name] = asyncio.ensure_future(_dial_discovered(node, disc, name))

    disc = Discovery(
        port, lambda: node._network_keys, on_candidate, advertise=not meetup, interfaces=interfaces
    )
    await disc.start()
    node.discovered = disc.recognised
    node._spawn(_no_peer_hint(node))
    return disc


async def _dial_discovered(node: Node, disc: Discovery, name: str) -> None:
    delay = 1.0
    while not node._closing and name in disc.recognised:
        for host, port in disc.recognised.get(name, []):
            try:
                conn, device = await connect(node, host, port)
            except (
                OSError,
                TimeoutError,
                ssl.SSLError,
                asyncio.IncompleteReadError,
                UserError,
            ) as e:
                log.debug("discovered %s at %s:%s not reachable: %s", name, host, port, e)
                continue
            delay = 1.0
            await node.run_session(conn, device, _fmt(host, port), outbound=True, how="mdns")
            break
        await asyncio.sleep(delay * random.uniform(0.8, 1.2))
        delay = min(delay * 2, 30.0)


async def _no_peer_hint(node: Node) -> None:
    await asyncio.sleep(NO_PEER_HINT_AFTER)
    if not node.sessions:
        log.warning(
            "no member found on this network yet: it may block multicast (guest Wi-Fi client "
            "isolation, a firewall); connect directly with --peer HOST:PORT"
        )


def _fmt(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# --- joining ------------------------------------------------------------------------------------


def _join_statement(nonce: bytes, inviter: bytes, token_id: bytes) -> bytes:
    return nonce + inviter + token_id


async def serve_join(node: Node, conn: tc.Connection, invitation: invites.Pending) -> bytes:
    """Inviter's side: check the secret and key possession, admit the joiner; returns its device."""
    nonce = p.random_bytes(16)
    await conn.write_frame(m.to_wire(m.JoinChallenge(nonce)))
    msg = m.from_wire(await conn.read_frame(JOIN_TIMEOUT))
    if not isinstance(msg, m.Join) or msg.token != invitation.token_id:
        raise ValidationError("expected a join for this invitation")
    if msg.proof != inv.proof(invitation.secret, nonce, pack(msg.request)):
        raise ValidationError("join proof does not match the invitation secret")
    req = as_map(msg.request, "request", {"member_pk", "name", "device"})
    member_pk = as_bytes(req["member_pk"], "member_pk", 32)
    as_str(req["name"], "name", 100)
    device = parse_bundle(req["device"], member_pk)
    p.verify(
        device.sign_pk,
        msg.signature,
        JOIN_DOMAIN,
        _join_statement(nonce, node.device_id, msg.token),
    )
    if not await node.db(lambda c: invites.consume(c, invitation.token_id)):
        await conn.write_frame(m.to_wire(m.Bye("this invitation was already used")))
        raise UserError("invitation reused")
    try:
        await node.write(lambda c: c.add_member(req, invitation.role))
    except Exception:
        # not admitted after all (say, we are no longer an admin): the invitation stays usable
        await node.db(lambda c: invites.restore(c, invitation.token_id))
        await conn.write_frame(m.to_wire(m.Bye("the inviter could not admit you")))
        raise
    await conn.write_frame(m.to_wire(m.JoinOk(node.coop_id)))
    log.info("admitted a new device %s", device.device_id.hex()[:12])
    return device.device_id


async def join(
    node: Node, invitation: inv.Invitation, host: str, port: int, timeout: float
) -> SyncEngine:
    """Joiner's side: pin the inviter, prove the secret, get admitted, then sync until converged."""
    if invitation.expired():
        raise UserError("this invitation has expired; ask for a new one")
    key = knock.join_key(invitation.secret)
    try:
        conn = await tc.dial(host, port, knock.make_knock(key, knock.MODE_JOIN), node._client_ctx)
        if conn.peer_device != invitation.pin:
            await conn.close()
            raise UserError("the device at that address is not the inviter (identity mismatch)")
        challenge = m.from_wire(await conn.read_frame(JOIN_TIMEOUT))
    except (OSError, TimeoutError, ssl.SSLError, asyncio.IncompleteReadError) as e:
        raise UserError(
            f"the inviter at {host}:{port} did not accept this invitation "
            f"(already used, expired, not theirs, or not reachable: {_why(e)})"
        ) from None
    if not isinstance(challenge, m.JoinChallenge):
        raise UserError("the inviter answered something unexpected")
    request = await node.db(lambda c: c.join_request())
    sig = p.sign(
        node.coop.me.device_key,
        JOIN_DOMAIN,
        _join_statement(challenge.nonce, invitation.pin, invitation.token_id),
    )
    proof = inv.proof(invitation.secret, challenge.nonce, pack(request))
    await conn.write_frame(m.to_wire(m.Join(invitation.token_id, request, proof, sig)))
    try:
        answer = m.from_wire(await conn.read_frame(JOIN_TIMEOUT))
    except (asyncio.IncompleteReadError, TimeoutError, OSError):
        raise UserError("the inviter closed the connection: the invitation was refused") from None
    if isinstance(answer, m.Bye):
        await conn.close()
        raise UserError(f"the inviter refused: {answer.reason}")
    if not isinstance(answer, m.JoinOk) or answer.coop != invitation.coop_id:
        await conn.close()
        raise UserError("the inviter answered for another cooperative")
    await node.db(lambda c: c.adopt_coop(invitation.coop_id))
    node.coop_id = invitation.coop_id
    node._trusted = frozenset({invitation.pin})
    task = asyncio.ensure_future(
        node.run_session(conn, invitation.pin, f"{host}:{port}", outbound=True)
    )
    engine = await _engine_of(node, invitation.pin, task)
    await _await_converged(engine, task, timeout)
    engine.stop("done")
    await task
    return engine


async def join_first_reachable(
    home: Path,
    passphrase: str | None,
    invitation: inv.Invitation,
    targets: list[tuple[str, int]],
    timeout: float,
) -> tuple[str, int]:
    """Try the inviter's addresses in turn; returns (cooperative name, ops received).

    Admitted but cut off during the first sync still counts as joined: the rest syncs later.
    """
    node = Node(home, passphrase, bulk_receiver=True)
    await node.open()
    try:
        if node.coop_id and node.coop_id != invitation.coop_id:
            raise UserError("this data folder already belongs to another cooperative")
        last: UserError | None = None
        received = 0
        for host, port in targets:
            try:
                received = (await join(node, invitation, host, port, timeout)).received
                break
            except UserError as e:
                last = e
                if await node.db(_admitted):
                    break
        else:
            assert last is not None
            raise last
        return await node.db(lambda c: c.coop_name() or ""), received
    finally:
        await node.close()


def _admitted(c: Coop) -> bool:
    return c.coop_id is not None and c.me.device_id in c.roster.active and bool(c.epoch_keys)


async def _engine_of(node: Node, device: bytes, task: asyncio.Task[SyncEngine]) -> SyncEngine:
    for _ in range(200):
        s = node.sessions.get(device)
        if s is not None:
            return s.engine
        if task.done():
            return task.result()
        await asyncio.sleep(0.01)
    raise UserError("the session did not start")


async def _await_converged(
    engine: SyncEngine, task: asyncio.Task[SyncEngine], timeout: float
) -> None:
    done = asyncio.ensure_future(engine.converged.wait())
    try:
        async with asyncio.timeout(timeout):
            await asyncio.wait({done, task}, return_when=asyncio.FIRST_COMPLETED)
    except TimeoutError:
        raise UserError(f"sync did not finish within {timeout:.0f} s") from None
    finally:
        done.cancel()
    if not engine.converged.is_set():
        raise UserError(
            f"the connection closed before sync finished ({engine.close_reason or 'closed'})"
        )


def _why(e: BaseException) -> str:
    if isinstance(e, asyncio.IncompleteReadError | ConnectionError):
        return "the connection was closed"
    if isinstance(e, TimeoutError):
        return "no answer in time"
    return str(e) or type(e).__name__
