"""Advertise COUNT fake `_coopshare._tcp` services with garbage beacons, all pointing at a TCP
port on this host that counts connection attempts; run for SECONDS, then write the count to OUT.

Usage (inside a lab namespace only): python fake_services.py COUNT SECONDS OUT ADDR
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from _guard import require_lab_namespace  # type: ignore[import-not-found]  # run as a script
from zeroconf.asyncio import AsyncServiceInfo, AsyncZeroconf

TYPE = "_coopshare._tcp.local."


async def main() -> None:
    require_lab_namespace()
    count, seconds, out, addr = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
    hits = 0

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal hits
        hits += 1
        writer.close()

    server = await asyncio.start_server(on_connect, addr, 0)
    port = server.sockets[0].getsockname()[1]
    azc = AsyncZeroconf(interfaces=[addr])  # the lab host's own eth0 address only
    infos = []
    for i in range(count):
        info = AsyncServiceInfo(
            TYPE,
            f"fake{i}-{os.urandom(4).hex()}.{TYPE}",
            port=port,
            properties={b"v": b"1", b"b": os.urandom(8).hex().encode()},
            server=f"fake{i}.local.",
            parsed_addresses=[addr],
        )
        infos.append(info)
    await asyncio.gather(
        *(azc.async_register_service(i, cooperating_responders=True) for i in infos)
    )
    print("ready", flush=True)
    await asyncio.sleep(seconds)
    Path(out).write_text(str(hits))
    await azc.async_close()
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
