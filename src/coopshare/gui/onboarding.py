"""The Qt-free part of first-run set-up: reading an address, joining a cooperative (blocking,
for a worker thread). Creating the identity and the cooperative are ``api.create_identity`` and
``api.create_coop``."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from coopshare.service import api
from coopshare.service.api import DEFAULT_PORT

JOIN_TIMEOUT = 60.0


def parse_address(text: str) -> tuple[str, int] | None:
    """'HOST:PORT' (or a bare host: the usual port); None if it cannot be an address."""
    text = text.strip()
    if not text:
        return None
    host, sep, port = text.rpartition(":")
    if not sep or "]" in port:
        host, port = text, str(DEFAULT_PORT)
    host = host.strip().strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536 or re.search(r"\s", host):
        return None
    return host, int(port)


def join_coop(
    home: Path, passphrase: str | None, invitation: api.Invitation, targets: list[tuple[str, int]]
) -> str:
    """Dial the inviter(s), get admitted, sync; returns the cooperative's name."""
    name, _received = asyncio.run(api.join(home, passphrase, invitation, targets, JOIN_TIMEOUT))
    return name
