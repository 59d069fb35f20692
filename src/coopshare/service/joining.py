"""Joining a cooperative by invitation: the inviter's side and the joiner's side."""

from __future__ import annotations

import asyncio
import logging
import ssl
from pathlib import Path
from typing import Any

from coopshare.crypto import primitives as p
from coopshare.errors import (
    InviteExpired,
    InviteNotAccepted,
    InviteRefused,
    NotTheInviter,
    OtherCoop,
    PeerUnreachable,
    UserError,
    ValidationError,
)
from coopshare.protocol import invite as inv
from coopshare.protocol import knock
from coopshare.protocol import messages as m
from coopshare.protocol.codec import as_bytes, as_map, as_str, pack
from coopshare.protocol.roster_body import parse_bundle
from coopshare.service import device_keys, invites
from coopshare.service.coop import Coop
from coopshare.service.dialler import await_converged, engine_of, fmt_address, why_text
from coopshare.service.node import Node
from coopshare.sync.engine import SyncEngine
from coopshare.transport import conn as tc

log = logging.getLogger("coopshare.net")
JOIN_DOMAIN = b"coopshare/v1/join\0"
JOIN_TIMEOUT = 10.0


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
    if invitation.for_device and device.member_id != node.coop.me.member_id:
        # a device invitation admits only a device certified by the inviter's own member key
        await conn.write_frame(m.to_wire(m.Bye("this invitation is for a device of its member")))
        raise InviteRefused("device invitation used by another member")
    if await node.db(lambda c: _revoked_of_a_member(c, device.device_id)):
        # a revoked device stays out: its certificate still checks, so without this a stolen
        # invitation would let a thief's revoked (say, keyless) laptop back in (security.md §5)
        await conn.write_frame(m.to_wire(m.Bye("this device was revoked")))
        raise InviteRefused("a revoked device tried to join again")
    if not await node.db(lambda c: invites.consume(c, invitation.token_id)):
        await conn.write_frame(m.to_wire(m.Bye("this invitation was already used")))
        raise InviteRefused("invitation reused")
    try:
        await node.write(lambda c: _admit(c, req, invitation))
    except Exception:
        # not admitted after all (say, we are no longer an admin): the invitation stays usable
        await node.db(lambda c: invites.restore(c, invitation.token_id))
        await conn.write_frame(m.to_wire(m.Bye("the inviter could not admit you")))
        raise
    await conn.write_frame(m.to_wire(m.JoinOk(node.coop_id)))
    log.info("admitted a new device %s", device.device_id.hex()[:12])
    return device.device_id


def _revoked_of_a_member(c: Coop, device_id: bytes) -> bool:
    """A device of a current member that the roster knows but no longer holds active: revoked.
    (A removed member's device may come back with its member, by an admin's invitation.)"""
    rec = c.roster.devices.get(device_id)
    return (
        rec is not None and device_id not in c.roster.active and rec.member_id in c.roster.members
    )


def _admit(c: Coop, req: dict[str, Any], invitation: invites.Pending) -> None:
    """Write the admission; a new device of my own member also gets my sealed items' keys
    (service/device_keys.py) before it syncs, so its first sync brings them."""
    if invitation.for_device:
        c.add_device(req)
        device_keys.step(c)
    else:
        c.add_member(req, invitation.role)


async def join(
    node: Node, invitation: inv.Invitation, host: str, port: int, timeout: float
) -> SyncEngine:
    """Joiner's side: pin the inviter, prove the secret, get admitted, then sync until converged."""
    if invitation.expired():
        raise InviteExpired()
    key = knock.join_key(invitation.secret)
    address = fmt_address(host, port)
    try:
        conn = await tc.dial(host, port, knock.make_knock(key, knock.MODE_JOIN), node.client_ctx)
    except tc.KnockRefused:
        # the inviter's node is there but closed the door: by design it does not say why
        raise InviteNotAccepted(address=address) from None
    except (OSError, TimeoutError, ssl.SSLError, asyncio.IncompleteReadError) as e:
        raise PeerUnreachable(why_text(e), address=address) from None
    if conn.peer_device != invitation.pin:
        await conn.close()
        raise NotTheInviter(address=address)
    try:
        challenge = m.from_wire(await conn.read_frame(JOIN_TIMEOUT))
    except (OSError, TimeoutError, asyncio.IncompleteReadError) as e:
        await conn.close()
        raise InviteRefused(why_text(e)) from None
    if not isinstance(challenge, m.JoinChallenge):
        await conn.close()
        raise InviteRefused("the inviter answered something unexpected")
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
        raise InviteRefused("the inviter closed the connection") from None
    if isinstance(answer, m.Bye):
        await conn.close()
        raise InviteRefused(answer.reason)
    if not isinstance(answer, m.JoinOk) or answer.coop != invitation.coop_id:
        await conn.close()
        raise InviteRefused("the inviter answered for another cooperative")
    await node.db(lambda c: c.adopt_coop(invitation.coop_id))
    node.coop_id = invitation.coop_id
    node.trusted = frozenset({invitation.pin})
    task = asyncio.ensure_future(
        node.run_session(conn, invitation.pin, f"{host}:{port}", outbound=True)
    )
    engine = await engine_of(node, invitation.pin, task)
    await await_converged(engine, task, timeout)
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
            raise OtherCoop()
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
