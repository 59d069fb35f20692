"""Record every mDNS packet seen on this lab host for at most SECONDS, hex-encoded, to OUT.

OUT is rewritten (atomically) after every packet, so a test can read it while the capture
runs and stop it as soon as it has seen what it waits for.

Usage (inside a lab namespace only): python capture_mdns.py SECONDS OUT
"""

from __future__ import annotations

import json
import socket
import struct
import sys
import time
from pathlib import Path

from _guard import require_lab_namespace  # type: ignore[import-not-found]  # run as a script


def main() -> None:
    require_lab_namespace()
    seconds, out = float(sys.argv[1]), sys.argv[2]
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("", 5353))
    mreq = struct.pack("4s4s", socket.inet_aton("224.0.0.251"), socket.inet_aton("0.0.0.0"))
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
    sock.settimeout(0.2)
    packets = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            data, _ = sock.recvfrom(9000)
        except TimeoutError:
            continue
        packets.append(data.hex())
        _write(out, packets)
    _write(out, packets)


def _write(out: str, packets: list[str]) -> None:
    tmp = Path(out + ".tmp")
    tmp.write_text(json.dumps(packets))
    tmp.replace(out)


if __name__ == "__main__":
    main()
