"""Pure helpers for syncthing_bench.py: a Syncthing 1.19 config.xml that cannot reach a network.

Everything that makes Syncthing talk to anything but the peers named in its config is turned
off here (tests/test_syncthing_config.py asserts each one): global discovery (and its server
address pointed at a closed loopback port), local discovery (LAN broadcast/multicast), relays,
NAT traversal (UPnP/NAT-PMP) and STUN, usage reporting, crash reporting, automatic upgrades and
release checks. Peers are static `tcp://127.0.0.1:PORT` addresses; the only listener is TCP on
127.0.0.1 (no QUIC, so no UDP socket at all); the GUI/REST API listens on 127.0.0.1. The bench
also runs every Syncthing inside a network namespace of its own with only `lo` up, so a
setting missed here still could not leave the machine.

Settings that differ from Syncthing's defaults in its favour, said in bench/README.md:
`setLowPriority` false (by default Syncthing lowers its own CPU and I/O priority, which on a
shared machine would slow it), and `reconnectionIntervalS` 1 (instead of 60, so a peer that
dialled before the other listened does not wait a minute); and, unless the bench is run with
`--st-case-check`, the folder's `caseSensitiveFS` true (see config_xml).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

# a loopback address where nothing listens (port 9, "discard"): for the URLs Syncthing keeps
# even when the feature is off, so a missed switch would dial a dead local port
DEAD_URL = "https://127.0.0.1:9/"

# options whose values make Syncthing stay off every network but the configured peers
OFFLINE_OPTIONS: dict[str, str] = {
    "globalAnnounceEnabled": "false",
    "globalAnnounceServer": DEAD_URL,
    "localAnnounceEnabled": "false",
    "announceLANAddresses": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "stunKeepaliveStartS": "0",  # 0 = never contact a STUN server
    "stunKeepaliveMinS": "0",
    "stunServer": DEAD_URL,
    "urAccepted": "-1",  # -1 = usage reporting declined
    "urSeen": "3",
    "urURL": DEAD_URL,
    "crashReportingEnabled": "false",
    "crashReportingURL": DEAD_URL,
    "autoUpgradeIntervalH": "0",
    "releasesURL": DEAD_URL,
    "startBrowser": "false",
    "restartOnWakeup": "false",
}
# not about the network: Syncthing's defaults changed in its favour (see the docstring)
FAIR_OPTIONS: dict[str, str] = {"setLowPriority": "false", "reconnectionIntervalS": "1"}

_DEVICE_ID = re.compile(r"^[A-Z2-7]{7}(-[A-Z2-7]{7}){7}$")


@dataclass(frozen=True)
class Peer:
    """One Syncthing instance: its device id, name and TCP port on 127.0.0.1."""

    device_id: str
    name: str
    port: int

    def __post_init__(self) -> None:
        if not _DEVICE_ID.match(self.device_id):
            raise ValueError(f"not a Syncthing device id: {self.device_id!r}")
        if not 1024 <= self.port <= 65535:
            raise ValueError(f"port out of range: {self.port}")

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"


def device_id_from(output: str) -> str:
    """The device id in `syncthing generate` / `serve --device-id` output."""
    for m in re.finditer(r"[A-Z2-7-]{63}", output):
        if _DEVICE_ID.match(m.group(0)):
            return m.group(0)
    raise ValueError(f"no device id in {output[:200]!r}")


def _device(peer: Peer) -> str:
    return (
        f"    <device id={quoteattr(peer.device_id)} name={quoteattr(peer.name)}"
        ' compression="metadata" introducer="false">\n'
        f"        <address>{peer.address}</address>\n"
        "        <autoAcceptFolders>false</autoAcceptFolders>\n"
        "    </device>\n"
    )


def config_xml(
    me: Peer,
    others: list[Peer],
    folder_id: str,
    folder_path: str,
    gui_port: int,
    api_key: str,
    *,
    case_sensitive_fs: bool = True,
) -> str:
    """config.xml for `me`: one folder shared with `others`, nothing else reachable.

    `case_sensitive_fs` (Syncthing's default: false) turns off the check Syncthing makes on
    every file it writes that no other file differs from its name only in case: it lists the
    parent directory again after each change, which in one folder of 10,000 notes makes the
    pull quadratic (bench/README.md). Linux file systems are case-sensitive, so true is the
    documented setting there; it favours Syncthing."""
    if not re.fullmatch(r"[A-Za-z0-9]{16,64}", api_key):
        raise ValueError("api key: 16-64 letters and digits")
    members = "".join(
        f"        <device id={quoteattr(p.device_id)}></device>\n" for p in [me, *others]
    )
    options = {**OFFLINE_OPTIONS, **FAIR_OPTIONS, "listenAddress": me.address}
    opts = "".join(f"        <{k}>{v}</{k}>\n" for k, v in options.items())
    return (
        '<configuration version="36">\n'
        f"    <folder id={quoteattr(folder_id)} label={quoteattr(folder_id)}"
        f' path={quoteattr(folder_path)} type="sendreceive" rescanIntervalS="3600"'
        ' fsWatcherEnabled="false" ignorePerms="false" autoNormalize="true">\n'
        f"{members}"
        "        <paused>false</paused>\n"
        f"        <caseSensitiveFS>{str(case_sensitive_fs).lower()}</caseSensitiveFS>\n"
        "    </folder>\n"
        + "".join(_device(p) for p in [me, *others])
        + '    <gui enabled="true" tls="false" debugging="false">\n'
        f"        <address>127.0.0.1:{gui_port}</address>\n"
        f"        <apikey>{api_key}</apikey>\n"
        "    </gui>\n"
        f"    <options>\n{opts}    </options>\n"
        "</configuration>\n"
    )


def only_loopback(interfaces: list[tuple[int, str]]) -> bool:
    """True when the network interfaces of this namespace are `lo` alone
    (`socket.if_nameindex()` inside the bench's namespace)."""
    return [name for _, name in interfaces] == ["lo"]


# what leaks() demands of <options>: off switches (a missing element is Syncthing's default: on)
_OFF = (
    "globalAnnounceEnabled",
    "localAnnounceEnabled",
    "announceLANAddresses",
    "relaysEnabled",
    "natEnabled",
    "crashReportingEnabled",
    "startBrowser",
)
_ZERO = ("autoUpgradeIntervalH", "stunKeepaliveStartS")
_URLS = ("globalAnnounceServer", "stunServer", "urURL", "crashReportingURL", "releasesURL")


def leaks(xml: str) -> list[str]:
    """What in a config.xml could make Syncthing reach anything beyond 127.0.0.1 (empty: nothing).
    syncthing_bench.py refuses to start an instance whose config has any."""
    root = ET.fromstring(xml)
    opts = root.find("options")
    if opts is None:
        return ["no <options>: every default is on"]

    def opt(name: str) -> str | None:
        el = opts.find(name)
        return None if el is None else (el.text or "").strip()

    found = [f"{k} is {opt(k)!r}, not false" for k in _OFF if opt(k) != "false"]
    found += [f"{k} is {opt(k)!r}, not 0" for k in _ZERO if opt(k) != "0"]
    if opt("urAccepted") != "-1":
        found.append(f"urAccepted is {opt('urAccepted')!r}: usage reporting not declined")
    found += [f"{k} is {opt(k)!r}" for k in _URLS if not (opt(k) or "").startswith(DEAD_URL)]
    listen = [(el.text or "").strip() for el in opts.findall("listenAddress")]
    if not listen or any(not a.startswith("tcp://127.0.0.1:") for a in listen):
        found.append(f"listenAddress {listen!r}: not TCP on 127.0.0.1 only")
    for dev in root.findall("device"):
        for el in dev.findall("address"):
            if not (el.text or "").strip().startswith("tcp://127.0.0.1:"):
                found.append(f"device {dev.get('name')} address {el.text!r}")
    gui = root.find("gui/address")
    if gui is None or not (gui.text or "").startswith("127.0.0.1:"):
        found.append("GUI not on 127.0.0.1")
    return found
