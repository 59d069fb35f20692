"""A carrier node on a second routed subnet, reached by address, without mDNS (root only).

Members Anna (a) and Bram (b) share 10.214.1.0/24; the carrier (c) sits on 10.214.2.0/24 behind
a router namespace, as a NAS or VPS behind the members' VPN does. Every node is a real
`coopshare` process started with --no-mdns; the carrier reads its passphrase from a file
(COOPSHARE_PASSPHRASE_FILE, what the systemd unit's LoadCredential and the container's secret
hand it), with no COOPSHARE_PASSPHRASE in its environment.

Anna invites the carrier and Bram (the inviter admits each joiner herself, as always). Then the
members' bridge ports are isolated, so Anna and Bram can no longer reach each other at all: a note
Anna writes reaches Bram only through the carrier. Controls: Anna's node really listens (the
router reaches it) while Bram cannot reach it; Bram, with only Anna's address, gets nothing;
with the carrier's address he gets the note and reads its body.
"""

from __future__ import annotations

import json
import secrets
import time
from pathlib import Path

import pytest

from .lab_routed import RoutedLab, routed_lab
from .netutil import PASS, env, init

PORT = 47490


def _titles(lab: RoutedLab, host: str, home: Path, e: dict[str, str] | None = None) -> set[str]:
    out = lab.cli(host, home, "list", "notes", "--json", env_override=e).stdout
    return {row["title"] for row in json.loads(out)}


# about 15 real processes, each unlocking its keystore (Argon2id): 2.3 min on the shared machine
@pytest.mark.timeout(900)
def test_members_sync_through_a_routed_carrier_without_mdns(tmp_path: Path) -> None:
    with routed_lab() as lab:
        anna, bram, carrier = tmp_path / "anna", tmp_path / "bram", tmp_path / "carrier"
        secret = tmp_path / "credentials" / "passphrase"
        secret.parent.mkdir(mode=0o700)
        secret.write_text(PASS + "\n", encoding="utf-8")
        secret.chmod(0o600)
        carrier_env = {k: v for k, v in env().items() if k != "COOPSHARE_PASSPHRASE"}
        carrier_env["COOPSHARE_PASSPHRASE_FILE"] = str(secret)

        def c_cli(*args: str) -> str:
            return lab.cli("c", carrier, *args, env_override=carrier_env).stdout

        a_addr, c_addr = f"{lab.addr('a')}:{PORT}", f"{lab.addr('c')}:{PORT}"
        init(anna, "Anna")  # in this process: the suite's Argon2id cost (tests/netutil.py)
        lab.cli("a", anna, "coop", "create", "--name", "Brabant Interim")
        init(bram, "Bram")
        c_cli("init", "--name", "Carrier NAS")  # unlocked from the file only

        # set-up: Anna admits the carrier (across the router) and Bram, from her own node
        a_node = lab.serve("a", anna, "--listen", a_addr, "--no-mdns")
        lab.cli("a", anna, "invite", "create", "--out", str(tmp_path / "inv-c.txt"))
        c_cli("join", str(tmp_path / "inv-c.txt"), "--peer", a_addr)
        lab.cli("a", anna, "invite", "create", "--out", str(tmp_path / "inv-b.txt"))
        lab.cli("b", bram, "join", str(tmp_path / "inv-b.txt"), "--peer", a_addr)
        lab.stop(a_node)

        # from here on Anna and Bram cannot reach each other
        lab.isolate("a", "b")
        c_node = lab.serve(
            "c", carrier, "--listen", f"0.0.0.0:{PORT}", "--no-mdns", env_override=carrier_env
        )
        marker = "carrier-marker-" + secrets.token_hex(6)
        title = "Aanbesteding Rijkswaterstaat"
        lab.cli("a", anna, "note", "add", "--title", title, "--body", f"Sluit 12 december {marker}")
        a_node = lab.serve("a", anna, "--listen", a_addr, "--no-mdns", "--peer", c_addr)
        deadline = time.monotonic() + 120
        while title not in _titles(lab, "c", carrier, carrier_env):
            assert time.monotonic() < deadline, "the note never reached the carrier"
            assert a_node.poll() is None and c_node.poll() is None
            time.sleep(0.5)

        # controls: Anna's node listens (the router reaches it), Bram cannot reach it, and with
        # only Anna's address Bram gets nothing
        assert lab.can_connect("r", lab.addr("a"), PORT)
        assert not lab.can_connect("b", lab.addr("a"), PORT)
        r = lab.cli("b", bram, "sync", "--peer", a_addr, "--timeout", "5", check=False)
        assert r.returncode != 0
        assert title not in _titles(lab, "b", bram)

        # with the carrier's address, Bram gets Anna's note and reads its body
        out = lab.cli("b", bram, "sync", "--peer", c_addr).stdout
        assert "in sync with" in out
        assert title in _titles(lab, "b", bram)
        found = json.loads(lab.cli("b", bram, "search", marker, "--json").stdout)
        assert [row["title"] for row in found] == [title]

        # the carrier ran without mDNS from start to end, and stopped cleanly
        assert c_node.poll() is None
        err = lab.stop(c_node)
        assert c_node.returncode == 0, err
        assert "mdns" not in err.lower() and "zeroconf" not in err.lower(), err
