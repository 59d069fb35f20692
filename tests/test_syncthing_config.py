"""bench/syncthing_config.py: the Syncthing configs of the side-by-side benchmark cannot reach a
network (discovery, relays, NAT/STUN, usage and crash reporting, upgrades all off; every address
on 127.0.0.1), and its checker `leaks` catches each of those switches when it is on."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import syncthing_config as sc  # type: ignore[import-not-found]  # bench/ on sys.path

A = "P52YCR2-N2VS5UM-767TUAW-RUTLVOS-U2TD7JX-NCXPAEY-CVHFCQ6-OQ4JFQZ"
B = "MFZWI3D-BONSGYC-YLTMRWG-C43ENR5-QXGZDMM-FZWI3DP-BONSGYY-LTMRWAD"
KEY = "0123456789abcdef0123456789abcdef"

# the <options> and addresses of `syncthing generate` 1.19.2 (Debian), as written on this machine
SYNCTHING_DEFAULTS = f"""<configuration version="36">
  <device id="{A}" name="vm"><address>dynamic</address></device>
  <gui enabled="true" tls="false"><address>127.0.0.1:8384</address></gui>
  <options>
    <listenAddress>default</listenAddress>
    <globalAnnounceServer>default</globalAnnounceServer>
    <globalAnnounceEnabled>true</globalAnnounceEnabled>
    <localAnnounceEnabled>true</localAnnounceEnabled>
    <relaysEnabled>true</relaysEnabled>
    <startBrowser>true</startBrowser>
    <natEnabled>true</natEnabled>
    <urAccepted>0</urAccepted>
    <urURL>https://data.syncthing.net/newdata</urURL>
    <autoUpgradeIntervalH>12</autoUpgradeIntervalH>
    <releasesURL>https://upgrades.syncthing.net/meta.json</releasesURL>
    <crashReportingURL>https://crash.syncthing.net/newcrash</crashReportingURL>
    <crashReportingEnabled>true</crashReportingEnabled>
    <stunKeepaliveStartS>180</stunKeepaliveStartS>
    <stunServer>default</stunServer>
    <announceLANAddresses>true</announceLANAddresses>
  </options>
</configuration>"""


def _ours() -> str:
    me, other = sc.Peer(A, "a", 22001), sc.Peer(B, "b", 22002)
    xml: str = sc.config_xml(me, [other], "notes", "/tmp/x/folder-a", 18381, KEY)
    return xml


def test_bench_config_turns_every_network_feature_off() -> None:
    xml = _ours()
    assert sc.leaks(xml) == []
    opts = ET.fromstring(xml).find("options")
    assert opts is not None
    for name in ("globalAnnounceEnabled", "localAnnounceEnabled", "relaysEnabled", "natEnabled"):
        assert opts.findtext(name) == "false", name
    assert opts.findtext("crashReportingEnabled") == "false"
    assert opts.findtext("urAccepted") == "-1"
    assert opts.findtext("autoUpgradeIntervalH") == "0"
    assert opts.findtext("stunKeepaliveStartS") == "0"
    assert [e.text for e in opts.findall("listenAddress")] == ["tcp://127.0.0.1:22001"]
    root = ET.fromstring(xml)
    assert [e.text for e in root.iter("address")] == [
        "tcp://127.0.0.1:22001",
        "tcp://127.0.0.1:22002",
        "127.0.0.1:18381",
    ]
    folder = root.find("folder")
    assert folder is not None
    assert [d.get("id") for d in folder.findall("device")] == [A, B]


def test_leaks_flags_syncthings_own_defaults() -> None:
    """Positive control: the checker the bench runs before starting an instance refuses the
    config Syncthing writes itself, naming each switch that would send on the network."""
    found = " | ".join(sc.leaks(SYNCTHING_DEFAULTS))
    for name in (
        "globalAnnounceEnabled",
        "localAnnounceEnabled",
        "relaysEnabled",
        "natEnabled",
        "crashReportingEnabled",
        "urAccepted",
        "autoUpgradeIntervalH",
        "stunKeepaliveStartS",
        "announceLANAddresses",
        "urURL",
        "releasesURL",
        "listenAddress",
        "address 'dynamic'",
    ):
        assert name in found, name


@pytest.mark.parametrize(
    ("option", "bad"),
    [
        ("globalAnnounceEnabled", "true"),
        ("localAnnounceEnabled", "true"),
        ("relaysEnabled", "true"),
        ("natEnabled", "true"),
        ("urAccepted", "3"),
        ("crashReportingEnabled", "true"),
        ("autoUpgradeIntervalH", "12"),
        ("stunKeepaliveStartS", "180"),
        ("listenAddress", "default"),
        ("globalAnnounceServer", "default"),
    ],
)
def test_leaks_catches_each_switch_turned_back_on(option: str, bad: str) -> None:
    """One switch back at a networked value in our own config: refused (so a regression in
    config_xml that would send on the network fails here)."""
    root = ET.fromstring(_ours())
    el = root.find(f"options/{option}")
    assert el is not None
    el.text = bad
    assert any(option in leak for leak in sc.leaks(ET.tostring(root, encoding="unicode")))


def test_a_missing_switch_counts_as_on() -> None:
    root = ET.fromstring(_ours())
    opts = root.find("options")
    assert opts is not None
    el = opts.find("relaysEnabled")
    assert el is not None
    opts.remove(el)
    assert any("relaysEnabled" in leak for leak in sc.leaks(ET.tostring(root, encoding="unicode")))


def test_helpers() -> None:
    assert sc.device_id_from(f"05:18 INFO: Device ID: {A}\n") == A
    with pytest.raises(ValueError):
        sc.device_id_from("no id here")
    with pytest.raises(ValueError):
        sc.Peer("not-an-id", "a", 22001)
    assert sc.only_loopback([(1, "lo")])
    assert not sc.only_loopback([(1, "lo"), (2, "eth0")])
    with pytest.raises(ValueError):  # an api key that could break out of the XML element
        sc.config_xml(sc.Peer(A, "a", 22001), [], "n", "/x", 18381, "</apikey><x>")


def test_the_bench_refuses_without_root_or_tools(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil

    import syncthing_bench as sb  # type: ignore[import-not-found]  # bench/ on sys.path

    monkeypatch.setattr(sb.os, "geteuid", lambda: 0)
    monkeypatch.setattr(shutil, "which", lambda tool: f"/usr/bin/{tool}")
    assert sb.refuse_reason() is None  # control: root with both tools may run
    monkeypatch.setattr(sb.os, "geteuid", lambda: 1000)
    assert "root" in (sb.refuse_reason() or "")
    monkeypatch.setattr(sb.os, "geteuid", lambda: 0)
    monkeypatch.setattr(shutil, "which", lambda tool: None if tool == "syncthing" else "/x")
    assert "syncthing" in (sb.refuse_reason() or "")

    def nothing_runs(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"ran {args!r}")

    monkeypatch.setattr(sb.subprocess, "run", nothing_runs)
    assert sb.outer([]) == 2  # refuses before creating any namespace
