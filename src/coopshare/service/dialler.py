"""Dialling members: by address (once, or kept up with backoff) and as found by mDNS."""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from typing import TYPE_CHECKING

from coopshare.errors import (
    KnockRefused,
    NoCoopKey,
    NotAMember,
    PeerUnreachable,
    SessionFailed,
    SyncTimeout,
    UserError,
    ValidationError,
)
from coopshare.protocol import knock
from coopshare.service import admission
from coopshare.service.backoff import Backoff
from coopshare.service.node import Node
from coopshare.service.refusals import RefusalLog
from coopshare.sync.engine import SyncEngine
from coopshare.transport import conn as tc

if TYPE_CHECKING:  # zeroconf is imported only by a node that starts mDNS
    from coopshare.discovery.mdns import Discovery

log = logging.getLogger("coopshare.net")
_failed_dials = RefusalLog(log, "dials failed to")


async def connect(
    node: Node, host: str, port: int, expect: bytes | None = None, key: bytes | None = None
) -> tuple[tc.Connection, bytes]:
    """Dial a member: knock, TLS, then check the certificate against the roster (and `expect`).

    A device not in my roster yet is not refused here: the session admits it or closes
    (service/admission.py); one whose removal I know of is. `key`: knock under this network
    key of mine (an older one, for a peer whose beacon shows it missed a newer epoch)."""
    if not node.network_keys:
        raise NoCoopKey()
    if key not in node.network_keys:
        key = node.network_keys[0]
    sent = admission.knock_with_cert(node, key)
    conn = await tc.dial(host, port, sent, node.client_ctx)
    device = conn.peer_device
    if (
        device is None
        or admission.refused(node, device)
        or (expect is not None and device != expect)
    ):
        await conn.close()
        raise NotAMember(address=fmt_address(host, port))
    try:  # nothing is sent before the listener proved it holds the network key
        await admission.check_listener(conn, key, sent[: knock.KNOCK_LEN])
    except (ValidationError, TimeoutError, asyncio.IncompleteReadError, ConnectionError):
        await conn.close()
        raise NotAMember(address=fmt_address(host, port)) from None
    return conn, device


async def sync_once(node: Node, host: str, port: int, timeout: float) -> SyncEngine:
    """Dial, sync until both sides converged, close. Raises a NetworkError on failure."""
    address = fmt_address(host, port)
    try:
        conn, device = await connect(node, host, port)
    except tc.KnockRefused:
        raise KnockRefused(address=address) from None
    except (OSError, TimeoutError, ssl.SSLError, asyncio.IncompleteReadError) as e:
        raise PeerUnreachable(why_text(e), address=address) from None
    task = asyncio.ensure_future(
        node.run_session(conn, device, f"{host}:{port}", outbound=True, admit=True)
    )
    engine = await engine_of(node, device, task)
    await await_converged(engine, task, timeout)
    engine.stop("done")
    await task
    return engine


async def keep_dialing(node: Node, host: str, port: int, backoff: Backoff | None = None) -> None:
    """Stay connected to a manual peer; a refused or failed dial backs off (1 s doubling to
    2 min, jittered) until a session converges (service/backoff.py)."""
    backoff = backoff or Backoff()
    address = fmt_address(host, port)
    while not node.closing:
        try:
            conn, device = await connect(node, host, port)
            started = time.monotonic()
            engine = await node.run_session(
                conn, device, f"{host}:{port}", outbound=True, admit=True
            )
            backoff.session_ended(engine.converged.is_set(), started)
            if backoff.failures:
                _failed_dials.note(address, engine.close_reason or "closed before converging")
        except (OSError, TimeoutError, ssl.SSLError, asyncio.IncompleteReadError, UserError) as e:
            backoff.failed()
            _failed_dials.note(address, why_text(e))
        await asyncio.sleep(backoff.next())


# --- discovery ----------------------------------------------------------------------------------

NO_PEER_HINT_AFTER = 60.0


async def start_discovery(
    node: Node, port: int, *, meetup: bool, interfaces: list[str] | None
) -> Discovery:
    """Advertise (unless in meetup mode) and browse; dial recognised members."""
    from coopshare.discovery.mdns import Discovery  # zeroconf: only a node that uses mDNS

    dialling: dict[str, asyncio.Task[None]] = {}
    disc: Discovery

    async def on_candidate(name: str, addrs: list[tuple[str, int]]) -> None:
        their = name.split(".", 1)[0]
        # a peer behind on epochs (its beacon is under an older key of mine) cannot recognise
        # my beacon: I dial it, with its key, whatever the labels
        behind = node.network_keys[:1] != [disc.key_of.get(name)]
        if disc.advertise and not disc.instance < their and not behind:
            return  # the side with the smaller label dials; a meetup node always dials
        task = dialling.get(name)
        if task is None or task.done():
            dialling[name] = asyncio.ensure_future(_dial_discovered(node, disc, name))

    disc = Discovery(
        port, lambda: node.network_keys, on_candidate, advertise=not meetup, interfaces=interfaces
    )
    await disc.start()
    node.discovered = disc.recognised
    node.spawn(_no_peer_hint(node))
    return disc


async def _dial_discovered(
    node: Node, disc: Discovery, name: str, backoff: Backoff | None = None
) -> None:
    backoff = backoff or Backoff()
    while not node.closing and name in disc.recognised:
        backoff.failed()  # unless a session below goes well
        for host, port in disc.recognised.get(name, []):
            try:
                conn, device = await connect(node, host, port, key=disc.key_of.get(name))
            except (
                OSError,
                TimeoutError,
                ssl.SSLError,
                asyncio.IncompleteReadError,
                UserError,
            ) as e:
                _failed_dials.note(f"{name} at {fmt_address(host, port)}", why_text(e))
                continue
            started = time.monotonic()
            engine = await node.run_session(
                conn, device, fmt_address(host, port), outbound=True, how="mdns", admit=True
            )
            backoff.session_ended(engine.converged.is_set(), started)
            break
        await asyncio.sleep(backoff.next())


async def _no_peer_hint(node: Node) -> None:
    await asyncio.sleep(NO_PEER_HINT_AFTER)
    if not node.sessions:
        log.warning(
            "no member found on this network yet: it may block multicast (guest Wi-Fi client "
            "isolation, a firewall); connect directly with --peer HOST:PORT"
        )


def fmt_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


async def engine_of(node: Node, device: bytes, task: asyncio.Task[SyncEngine]) -> SyncEngine:
    for _ in range(200):
        s = node.sessions.get(device)
        if s is not None:
            return s.engine
        if task.done():
            return task.result()
        await asyncio.sleep(0.01)
    raise SessionFailed("the session did not start")


async def await_converged(
    engine: SyncEngine, task: asyncio.Task[SyncEngine], timeout: float
) -> None:
    done = asyncio.ensure_future(engine.converged.wait())
    try:
        async with asyncio.timeout(timeout):
            await asyncio.wait({done, task}, return_when=asyncio.FIRST_COMPLETED)
    except TimeoutError:
        raise SyncTimeout(seconds=timeout) from None
    finally:
        done.cancel()
    if not engine.converged.is_set():
        raise SessionFailed(engine.close_reason or "the connection closed before sync finished")


def why_text(e: BaseException) -> str:
    """A short English reason for a failed connection (shown as detail, never parsed)."""
    if isinstance(e, asyncio.IncompleteReadError | ConnectionError):
        return "the connection was closed"
    if isinstance(e, TimeoutError):
        return "no answer in time"
    return str(e) or type(e).__name__
