"""A removed member's op written after its removal is not offered again on every sync.

Cor stored what Bram wrote after Anna removed him (Cor had not heard of it yet). Once Cor
knows, Anna refuses the op (dated after the cut), so it never enters Anna's version vector:
Cor's pump used to send it on every sync, forever. Real nodes, real TLS on loopback."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from coopshare.protocol.ops import decode_op
from coopshare.service import home as homes
from coopshare.service.dialler import sync_once

from .doorutil import PASS, edit, everything, listening, make_coop, running

pytestmark = pytest.mark.slow


def test_a_cut_off_op_is_not_resent(tmp_path: Path) -> None:
    a, b, c = make_coop(tmp_path, ["Anna", "Bram", "Cor"])
    bram_member, bram_device = edit(b, lambda x: (x.me.member_id, x.me.device_id))  # type: ignore[misc]
    edit(a, lambda x: x.remove_member(bram_member))
    edit(b, lambda x: x.add_note("after my removal", "Bram has not heard of it"))
    late_seq = edit(b, lambda x: x.store.last_of(bram_device)[0])  # type: ignore[index]
    bram, cor, anna = (homes.open_coop(h, PASS) for h in (b, c, a))
    everything(bram, cor)  # Cor stores it: for Cor, Bram is still a member
    late = decode_op(list(bram.wire_ops())[-1])
    assert cor.store.has_op(late.op_id)
    everything(anna, cor)  # now Cor learns of the removal
    for x in (bram, cor, anna):
        x.store.close()

    async def run() -> tuple[list[int], dict[bytes, int], list[int]]:
        sent = []
        async with listening(a) as (server, _listener, port), running(c) as node:
            for _ in range(2):
                engine = await sync_once(node, "127.0.0.1", port, timeout=60)
                sent.append(engine.sent)
            await node.write(lambda x: x.add_note("Cor's own", "still flows"))
            engine = await sync_once(node, "127.0.0.1", port, timeout=60)
            sent.append(engine.sent)
            anna_vv = await server.version_vector()
            offered = [op.seq for op in (await node.ops_after(0, 10_000, anna_vv))[1]]
        return sent, anna_vv, offered

    sent, anna_vv, offered = asyncio.run(run())
    # positive control: Anna's vector does not cover the op, so only the filter keeps it back
    assert anna_vv.get(bram_device, 0) < late_seq
    assert not edit(a, lambda x: x.store.has_op(late.op_id))
    assert sent[:2] == [0, 0], sent  # not sent at all (it used to go out on every sync)
    assert late_seq not in offered
    assert sent[2] == 1, sent  # the pump works: Cor's new note went out
