"""Discovery across a lab of network namespaces (real mDNS, real processes; root only).

No packet leaves the lab: every process that multicasts runs inside a namespace whose only
interface is a veth on an isolated bridge.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from coopshare.discovery import beacon as bc

from .lab import Lab, lab
from .netutil import cli, cli_json, init, new_member, op_ids, serving, wait_for

pytestmark = pytest.mark.slow
TOOLS = Path(__file__).parent / "lab_tools"


def _coop(tmp: Path, names: list[str]) -> list[Path]:
    """Build the membership on loopback first; the lab then runs the same data folders."""
    homes = [tmp / n.lower() for n in names]
    init(homes[0], names[0])
    cli(homes[0], "coop", "create", "--name", "Lab Coop")
    with serving(homes[0], "--no-mdns") as server:
        for h, n in zip(homes[1:], names[1:], strict=True):
            new_member(h, n, homes[0], server)
    return homes


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Anna's cooperative with Bram, built once; the tests that need just them run copies."""
    root = tmp_path_factory.mktemp("pair")
    _coop(root, ["Anna", "Bram"])
    return root


def _copy_pair(pair: Path, tmp: Path) -> list[Path]:
    shutil.copytree(pair, tmp / "pair")
    return [tmp / "pair" / "anna", tmp / "pair" / "bram"]


def _has_note(home: Path, title: str) -> bool:
    return title in {n["title"] for n in cli_json(home, "list", "notes")}


def _serve_all(
    world: Lab, homes: list[Path], *extra: str, env: dict[str, str] | None = None
) -> None:
    for i, h in enumerate(homes, start=1):
        world.serve(i, h, *extra, extra_env=env)


def test_three_hosts_discover_converge_and_heal(tmp_path: Path) -> None:
    homes = _coop(tmp_path, ["Anna", "Bram", "Cor"])
    with lab(3) as world:
        _serve_all(world, homes)
        world.cli(1, homes[0], "note", "add", "--title", "Found by mDNS", "--body", "no typing")
        assert wait_for(lambda: all(_has_note(h, "Found by mDNS") for h in homes), 30)
        peers = cli_json(homes[0], "list", "peers")
        assert any(p["how"] == "mdns" for p in peers) or any(
            p["how"] == "mdns" for p in cli_json(homes[1], "list", "peers")
        )
        world.link(3, "down")  # unplug host 3
        world.cli(2, homes[1], "note", "add", "--title", "While apart", "--body", "partition")
        assert wait_for(lambda: _has_note(homes[0], "While apart"), 30)
        assert not _has_note(homes[2], "While apart")
        world.link(3, "up")
        assert wait_for(lambda: _has_note(homes[2], "While apart"), 90)
    assert op_ids(homes[0]) == op_ids(homes[1]) == op_ids(homes[2])


def test_ipv6_link_local_only(pair: Path, tmp_path: Path) -> None:
    homes = _copy_pair(pair, tmp_path)
    with lab(2, ipv4=False) as world:
        _serve_all(world, homes)
        world.cli(2, homes[1], "note", "add", "--title", "Over IPv6", "--body", "fe80::")
        assert wait_for(lambda: _has_note(homes[0], "Over IPv6"), 90)
    addrs = [
        p["addr"] for p in cli_json(homes[0], "list", "peers") + cli_json(homes[1], "list", "peers")
    ]
    assert any("fe80" in a for a in addrs if a), addrs


def test_mdns_capture_reveals_nothing_and_beacons_rotate(tmp_path: Path) -> None:
    homes = _coop(tmp_path, ["Wilhelmina", "Bram"])
    status = cli_json(homes[0], "status")
    secrets_ = [
        b"Wilhelmina",
        b"Bram",
        b"Lab Coop",
        bytes.fromhex(status["coop_id"]),
        status["coop_id"].encode(),
        status["me"]["device_id"].encode(),
        bytes.fromhex(status["me"]["device_id"]),
        status["me"]["member_id"][:16].encode(),
    ]
    out = tmp_path / "capture.json"
    env = {"COOPSHARE_BEACON_WINDOW_S": "2"}
    with lab(3) as world:
        cap = world.spawn(3, sys.executable, str(TOOLS / "capture_mdns.py"), "120", str(out))
        _serve_all(world, homes, env=env)
        # Capture until two different beacons were seen (the windows are 2 s), however slow
        # the machine; the assertions below then check the whole capture.
        assert wait_for(lambda: len(_beacons(_captured(out))) >= 2, 110), "no rotation seen"
        cap.terminate()
        cap.wait(30)
    packets = _captured(out)
    assert packets, "nothing was captured"
    blob = b"".join(packets)
    assert b"_coopshare" in blob  # we did see our own service records
    for secret in secrets_:
        assert secret not in blob, secret
    for i in (1, 2, 3):
        assert f"h{i}".encode() + b"\x05local" not in blob  # no host names of the lab machines
    beacons = _beacons(packets)
    assert len(beacons) >= 2, beacons  # rotated across the 2-second windows
    txt_keys = set(re.findall(rb"[\x03-\x12]([a-z]+)=", blob))
    assert txt_keys <= {b"v", b"b"}, txt_keys
    assert bc.matches(bytes.fromhex(next(iter(beacons)).decode()), []) is False


def _captured(out: Path) -> list[bytes]:
    if not out.exists():
        return []
    return [bytes.fromhex(x) for x in json.loads(out.read_text())]


def _beacons(packets: list[bytes]) -> set[bytes]:
    return set(re.findall(rb"b=([0-9a-f]{16})", b"".join(packets)))


def test_fake_services_are_ignored(pair: Path, tmp_path: Path) -> None:
    # 1,000 fakes: the members still find each other in the crowd (the note arrives, which is
    # the control that discovery ran) and dial none of them; a single fake adds nothing to this
    fakes = 1000
    homes = _copy_pair(pair, tmp_path)
    hits = tmp_path / "hits"
    with lab(3) as world:
        fake = world.spawn(
            3,
            sys.executable,
            str(TOOLS / "fake_services.py"),
            str(fakes),
            "25",
            str(hits),
            world.addr(3),
        )
        assert fake.stdout is not None and fake.stdout.readline().strip() == "ready"
        _serve_all(world, homes[:2])
        world.cli(1, homes[0], "note", "add", "--title", f"Among {fakes} fakes", "--body", "x")
        assert wait_for(lambda: _has_note(homes[1], f"Among {fakes} fakes"), 60)
        fake.wait(60)
    assert hits.read_text() == "0"  # nobody dialled a service whose beacon did not match
