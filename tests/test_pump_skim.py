"""The sending side skims the log for what the peer lacks (Node.ops_after), in arrival order,
without reading the bodies of ops the peer already holds."""

from __future__ import annotations

import asyncio
from pathlib import Path

from coopshare.protocol.ops import decode_op
from coopshare.service import home as homes
from coopshare.service.node import Node

PASS = "correct horse battery staple"


def test_ops_after_returns_only_what_the_peer_lacks(tmp_path: Path) -> None:
    homes.init(tmp_path, "Anna", PASS)
    coop = homes.open_coop(tmp_path, PASS)
    coop.create_coop("C")
    with coop.transaction():
        for i in range(600):
            coop.add_note(f"n{i}", "text")
    device = coop.me.device_id
    everything = [decode_op(w) for w in coop.wire_ops()]
    coop.store.close()
    mine = [op for op in everything if op.header.device == device]
    top = max(op.header.seq for op in mine)

    async def run() -> tuple[list[tuple[int, int]], list[int], int]:
        node = Node(tmp_path, PASS)
        await node.open()
        try:
            up_to_date = await node.ops_after(0, 256, {device: top})
            cursor, got, seqs = 0, [], []
            while True:  # a peer that holds the first 500 of this device's ops
                moved, batch = await node.ops_after(cursor, 256, {device: 500})
                if moved == cursor:
                    break
                cursor = moved
                got.append((len(batch), moved))
                seqs += [op.seq for op in batch]
            return got, seqs, len(up_to_date[1])
        finally:
            await node.close()

    got, seqs, nothing = asyncio.run(run())
    assert nothing == 0  # nothing to send, though the cursor read through the whole log
    assert seqs == list(range(501, top + 1))  # exactly what it lacks, in order
    assert all(size <= 256 for size, _ in got)
