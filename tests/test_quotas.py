"""Junk from a member: a forged op is not parked, and a flood of parked or refused ops stops
at the per-peer quota (service/quotas.py): the session is closed, the quarantine and the log
stay bounded, and good members (the flooder's own real device too) still sync.

The flood runs over real TLS against a real node in this process; the flooder is a raw member
link speaking the sync protocol with ops signed by Bram's real device key."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from coopshare.crypto import primitives as p
from coopshare.errors import BadSignature, ValidationError
from coopshare.model.items import Kind
from coopshare.protocol import knock
from coopshare.protocol import messages as m
from coopshare.protocol.frames import FrameDecoder, encode_frame
from coopshare.protocol.ops import OpKind, make_op
from coopshare.service import home as homes
from coopshare.service import quotas
from coopshare.service.coop import Coop
from coopshare.service.dialler import sync_once
from coopshare.transport import tls

from .conftest import MakeCoop
from .doorutil import PASS, edit, listening, make_coop, running
from .forge import coop_change, forge

FLOOD = 3_000


def _junk(c: Coop, n: int, kind: str) -> list[bytes]:
    """`n` ops by c's device: validly signed with unknown parents ("parked"), or citing the
    real roster heads with a signature by another key ("refused")."""
    body = coop_change(c, Kind.NOTE, c.new_item_id(), {"title": "junk"}, body="x")
    other = p.new_signing_key()
    out = []
    for i in range(n):
        op = make_op(
            c.me.device_key if kind == "parked" else other,
            coop_id=c.coop_id or b"",
            device=c.me.device_id,
            seq=10_000 + i,
            backlink=os.urandom(32),
            hlc=c.clock.tick(),
            parents=(os.urandom(32),) if kind == "parked" else c.roster.heads,
            kind=OpKind.ITEM,
            epoch=c.roster.current_epoch or b"",
            body=body,
        )
        out.append(op.encode())
    return out


class _Counting(quotas.PeerQuotas):
    """The real quotas, also counting every op they were charged: tells the control test when
    the server has judged the whole flood (instead of waiting out a timeout)."""

    def __init__(self, burst: int) -> None:
        super().__init__(burst=burst)
        self.charged = {"refused": 0, "parked": 0}

    def take(self, peer: bytes, what: str, n: int) -> int:
        self.charged[what] += n
        return super().take(peer, what, n)


async def _flood(
    port: int, c: Coop, ops: list[bytes], judged: Callable[[], bool] | None = None
) -> bool:
    """Bram's device, raw: knock, TLS, hello, then the junk; True if the server closed.

    `judged` (for a server that should keep the session): says when the server has judged every
    junk op; the session must then still answer a ping. Without it, wait for the close."""
    key = knock.network_key(c.epoch_keys[c.roster.current_epoch])  # type: ignore[index]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(knock.make_knock(key, knock.MODE_MEMBER))
    await writer.drain()
    assert await reader.readexactly(1) == b"\x01"
    await writer.start_tls(tls.client_context(c.me), server_hostname=None)
    roster = tuple(c.store.roster_op_ids())
    writer.write(encode_frame(m.to_wire(m.Hello(c.coop_id or b"", c.me.device_id, roster))))
    frames = FrameDecoder()
    try:
        for i in range(0, len(ops), 200):
            writer.write(encode_frame(m.to_wire(m.Ops(tuple(ops[i : i + 200])))))
            await writer.drain()
        if judged is not None:
            async with asyncio.timeout(120):
                while not judged():
                    await asyncio.sleep(0.05)
            writer.write(encode_frame(m.to_wire(m.Ping(7))))
            await writer.drain()
        async with asyncio.timeout(20):  # under the server's 45 s idle timeout
            while data := await reader.read(65536):
                if judged is not None and m.Pong(7) in map(m.from_wire, frames.feed(data)):
                    return False  # the whole flood judged, and the session still answers
        return True
    except TimeoutError:  # before OSError, of which it is a subclass
        if judged is not None:
            raise AssertionError("the server neither judged the flood nor closed") from None
        return False
    except (ConnectionError, OSError):
        return True
    finally:
        writer.close()


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Anna's cooperative with Bram and Cor, built once; each test floods a copy of it."""
    root = tmp_path_factory.mktemp("quotas")
    make_coop(root, ["Anna", "Bram", "Cor"])
    return root


def _quarantined(home: Path) -> int:
    return int(edit(home, lambda c: len(c.store.quarantined())))  # type: ignore[call-overload]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["parked", "refused"])
@pytest.mark.parametrize("quota", [True, False], ids=["quota", "no-quota-control"])
def test_a_members_flood_stops_at_the_quota(
    three: Path, tmp_path: Path, kind: str, quota: bool, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copytree(three, tmp_path / "coop")
    a, b, c = (tmp_path / "coop" / n for n in ("anna", "bram", "cor"))
    bram = homes.open_coop(b, PASS)
    junk = _junk(bram, FLOOD, kind)
    note = edit(a, lambda x: x.add_note("for the good members", "hi"))

    async def run() -> tuple[bool, int, int]:
        async with listening(a) as (server, _listener, port):
            judged = None
            if not quota:  # positive control: the same flood with a budget it never reaches
                server.quotas = counting = _Counting(burst=10**9)
                judged = lambda: counting.charged[kind] >= FLOOD  # noqa: E731
            closed = await _flood(port, bram, junk, judged)
            for home in (c, b):  # a good member, and the flooder's own real device
                async with running(home) as member:
                    await sync_once(member, "127.0.0.1", port, timeout=60)
            return closed, server.quotas.closed, server.stats.protocol_errors

    with caplog.at_level(logging.INFO, logger="coopshare"):
        closed, closes, _ = asyncio.run(run())
    bram.store.close()
    lines = [
        r for r in caplog.records if "refused ops" in r.getMessage() or "too many" in r.getMessage()
    ]
    parked = _quarantined(a)
    for home in (b, c):
        assert edit(home, lambda x: x.item(note)) is not None  # type: ignore[arg-type]
    if quota:
        assert closed and closes == 1
        assert parked <= quotas.BURST
        assert len(lines) <= 3, [r.getMessage() for r in lines]  # not one line per junk op
        if kind == "parked":
            assert parked == quotas.BURST  # parked up to the budget, the rest dropped
    else:
        assert not closed and closes == 0  # the flood went through
        assert parked == (FLOOD if kind == "parked" else 0)
    if kind == "refused":
        assert parked == 0  # a forged signature is never parked nor stored


def test_a_forged_op_with_unknown_parents_is_not_parked(make_replica: MakeCoop) -> None:
    from .conftest import join

    alice, bob = make_replica("Alice"), make_replica("Bob")
    alice.create_coop("C")
    join(alice, bob)
    unknown = (os.urandom(32),)
    body = coop_change(bob, Kind.NOTE, bob.new_item_id(), {"title": "t"}, body="b")
    mallory = p.new_signing_key()
    forged = make_op(
        mallory,
        coop_id=bob.coop_id or b"",
        device=bob.me.device_id,  # claims to be Bob's device
        seq=5,
        backlink=b"\x01" * 32,
        hlc=bob.clock.tick(),
        parents=unknown,
        kind=OpKind.ITEM,
        epoch=bob.roster.current_epoch or b"",
        body=body,
    )
    with pytest.raises(ValidationError) as e:
        alice.apply(forged.encode())
    assert isinstance(e.value, BadSignature)
    assert alice.store.quarantined() == []
    # positive control: the same op signed by Bob's own key is parked (the path is reached)
    real = forge(bob, body, parents=unknown, seq=5, backlink=b"\x01" * 32)
    assert alice.apply(real.encode()).quarantined
    assert [op_id for op_id, _ in alice.store.quarantined()] == [real.op_id]
