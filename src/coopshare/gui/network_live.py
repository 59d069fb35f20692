"""Network settings that apply at once (meetup mode, discovery, members by address): the
preferences are saved, then the running node's network starts again with them
(``Runtime.apply_network``); no restart of the app."""

from __future__ import annotations

from collections.abc import Callable

from coopshare.gui.bridge import Bridge
from coopshare.gui.settings import Prefs


def parse_peers(text: str) -> list[tuple[str, int]]:
    """HOST:PORT entries of the "members by address" preference (commas or semicolons)."""
    out = []
    for part in text.replace(";", ",").split(","):
        host, sep, port = part.strip().rpartition(":")
        if sep and host and port.isdigit():
            out.append((host.strip("[]"), int(port)))
    return out


def apply_network_prefs(
    bridge: Bridge,
    prefs: Prefs,
    *,
    peers_changed: bool = False,
    done: Callable[[bool], None] | None = None,
) -> None:
    """Restart the running node's network with the saved preferences; `done(changed)` on the
    GUI thread. Members by address are passed only when they changed (the demo adds its own)."""
    if not bridge.runtime.has_coop:
        return
    peers = parse_peers(prefs.text("peers")) if peers_changed else None
    bridge.run(
        bridge.runtime.apply_network(
            mdns=prefs.flag("mdns"), meetup=prefs.flag("meetup"), peers=peers
        ),
        done,
    )
