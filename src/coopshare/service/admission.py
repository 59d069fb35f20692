"""Admission learned at the door: the network side (docs/protocol.md §16a, security.md §7).

A device that is not in my roster but holds a network key of this coop (its knock is valid) is
let through TLS and into a restricted first phase of the session, in which nothing but roster
ops flows and the peer must present the signed roster ops that admit it (the pure rules are in
protocol/admission.py). If they check out they are merged through the normal ingest pipeline and
the session goes on; otherwise the session closes with one log line. A device whose removal or
revocation I know of is refused before TLS, as are diallers that present my own device.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import weakref
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from coopshare.errors import AdmissionRefused
from coopshare.protocol import admission as adm
from coopshare.protocol import knock
from coopshare.protocol.ops import Op
from coopshare.service import events as ev
from coopshare.transport import conn as tc
from coopshare.transport import tls

if TYPE_CHECKING:
    from coopshare.service.coop import Coop
    from coopshare.service.node import Node

log = logging.getLogger("coopshare.net")
_CTX_CACHE = 16  # TLS contexts kept per node for certificates not in the roster
_contexts: weakref.WeakKeyDictionary[Node, OrderedDict[bytes, ssl.SSLContext]] = (
    weakref.WeakKeyDictionary()
)

Admit = Callable[[list[Op]], Awaitable[None]]


def refused(node: Node, device: bytes) -> bool:
    """My own device, or one my roster holds but no longer active (removed or revoked)."""
    return device == node.device_id or (device in node.device_pks and device not in node.trusted)


def knock_with_cert(node: Node, key: bytes) -> bytes:
    """A mode-3 member knock under `key` and this device's sealed certificate behind it (the
    knock itself is the first ``knock.KNOCK_LEN`` bytes)."""
    k = knock.make_knock(key, knock.MODE_MEMBER_CERT)
    return k + adm.seal_cert(key, k, node.coop.me.cert)


async def accept(
    node: Node,
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    knock_bytes: bytes,
    key: bytes,
) -> tuple[tc.Connection, bytes] | None:
    """Listener side of a valid mode-3 knock: read the sealed certificate, finish TLS with a
    trust store that holds it, and return the connection and the proven device id; None if the
    device is refused (the caller closes). Raises AdmissionRefused for a sealed certificate
    that does not open."""
    async with asyncio.timeout(tc.KNOCK_TIMEOUT):
        n = adm.sealed_length(await reader.readexactly(adm.SEALED_PREFIX))
        blob = await reader.readexactly(n)
    cert, claimed = adm.open_cert(key, knock_bytes, blob)
    if refused(node, claimed):
        node.stats.rejected_tls += 1
        return None
    ctx = node.server_ctx if claimed in node.trusted else _context_for(node, cert)
    if ctx is None:
        return None
    conn = await tc.accept_tls(writer, reader, ctx)
    device = conn.peer_device
    if device is None or refused(node, device):
        node.stats.rejected_tls += 1
        await conn.close()
        return None
    await conn.write_raw(adm.listener_proof(key, knock_bytes, node.coop.me.cert))
    return conn, device


async def check_listener(conn: tc.Connection, key: bytes, knock_bytes: bytes) -> None:
    """Dialler side: read the listener's proof (protocol/admission.listener_proof) before
    anything is sent in the session. Raises AdmissionRefused, TimeoutError or
    IncompleteReadError; the caller closes."""
    async with asyncio.timeout(tc.KNOCK_TIMEOUT):
        proof = await conn.reader.readexactly(adm.PROOF_LEN)
    ssl_object = conn.writer.get_extra_info("ssl_object")
    cert = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
    if not cert:
        raise AdmissionRefused("the listener showed no certificate")
    adm.check_listener_proof(key, knock_bytes, cert, proof)


def _context_for(node: Node, cert: bytes) -> ssl.SSLContext:
    """A server context whose trust store is this one certificate: TLS then proves the client
    holds its key, and admission decides after the handshake."""
    cache = _contexts.setdefault(node, OrderedDict())
    ctx = cache.get(cert)
    if ctx is None:
        ctx = cache[cert] = tls.server_context(node.coop.me, [cert])
        while len(cache) > _CTX_CACHE:
            cache.popitem(last=False)
    cache.move_to_end(cert)
    return ctx


def admitter(node: Node, device: bytes) -> Admit | None:
    """What a session with `device` must run before anything but roster ops flows: None if the
    device is in my roster already."""
    if device in node.trusted:
        return None

    async def admit(ops: list[Op]) -> None:
        await _admit(node, device, ops)

    return admit


async def _admit(node: Node, device: bytes, ops: list[Op]) -> None:
    """Check the presented roster ops against mine, merge them if they admit `device`."""

    def merge(c: Coop) -> tuple[bool, int, list[bytes]]:
        c.refresh()
        if c.coop_id is None:
            raise AdmissionRefused("this device is in no cooperative yet")
        chain = adm.check_chain(c.roster_bodies(), ops, c.coop_id, device)
        changed: list[bytes] = []
        if chain:
            with c.recording(changed):
                c.apply_batch(chain, durable=True)
        return device in c.roster.active, len(chain), changed

    ok, merged, changed = await node.db(merge)
    if merged:
        node.wake_pumps()
        await node.announce(changed)  # items a new epoch key made readable
        await node.refresh_roster()
        node.publish(ev.RosterChanged())
    if not ok:
        raise AdmissionRefused("the roster ops presented do not admit this device")
    log.info("admitted %s: %d roster ops it presented were merged", device.hex()[:12], merged)
