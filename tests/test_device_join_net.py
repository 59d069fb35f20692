"""A member's second device over real loopback with real processes (issue 13, item 2): Bob
(no admin) restores his member key from his recovery code on a new laptop, his running first
device admits it with a device invitation, and the laptop reads the sealed details of the lead
Bob gave from the first device. Someone with another member key cannot use such an invitation.
"""

from __future__ import annotations

from pathlib import Path

from coopshare.service import home as homes

from .netutil import PASS, cli, cli_json, init, new_member, serving

ORG = "Zorggroep-MARKER-5123"


def test_second_device_joins_by_member_key_and_reads_earlier_sealed_leads(
    tmp_path: Path,
) -> None:
    alice, bob, laptop, eve = (tmp_path / n for n in ("alice", "bob", "laptop", "eve"))
    init(alice, "Alice")
    cli(alice, "coop", "create", "--name", "Brabant Interim")
    with serving(alice) as sa:
        new_member(bob, "Bob", alice, sa)
    assert "state: verified" in cli(alice, "verify", "Bob", "--mark").stdout
    cli(bob, "lead", "add", "--title", "Interim CFO", "--org", ORG)
    lead_id = cli_json(bob, "list", "leads")[0]["id"]
    code = cli(bob, "recovery-key").stdout.strip()
    homes.init(laptop, "Bob", PASS, recovery_code=code)  # same member key, a new device key
    init(eve, "Eve")  # a stranger: her own member key
    with serving(bob) as sb:
        # Eve tries a device invitation of Bob's: refused, she is not Bob
        cli(bob, "device", "invite", "--out", str(tmp_path / "for-eve.txt"))
        r = cli(eve, "join", str(tmp_path / "for-eve.txt"), "--peer", sb.addr, check=False)
        assert r.returncode != 0 and "refused" in r.stderr
        # Bob's new laptop, with the recovery code (no admin involved)
        cli(bob, "device", "invite", "--out", str(tmp_path / "laptop.txt"))
        r = cli(laptop, "join", str(tmp_path / "laptop.txt"), "--peer", sb.addr)
        assert "joined" in r.stdout
    leads = {x["id"]: x for x in cli_json(laptop, "list", "leads")}
    assert leads[lead_id]["org"] == ORG  # the sealed details, sealed before the laptop existed
    devices = cli_json(bob, "device", "list")
    assert len(devices) == 2 and devices[0]["this_device"]
    cli(bob, "device", "rename", devices[1]["device_id"][:10], "New laptop")
    assert [d["name"] for d in cli_json(bob, "device", "list")] == ["", "New laptop"]
    members = {m["name"]: m for m in cli_json(laptop, "list", "members")}
    assert set(members) == {"Alice", "Bob"}  # Eve never got in
    assert "Eve" not in {m["name"] for m in cli_json(bob, "list", "members")}
    # Alice (an admin, not Bob) still cannot read Bob's sealed details: positive control that
    # the detail is sealed and not simply coop-wide
    with serving(bob) as sb:
        cli(alice, "sync", "--peer", sb.addr)
    leads = {x["id"]: x for x in cli_json(alice, "list", "leads")}
    assert lead_id in leads and ORG not in str(leads[lead_id])
    # Alice had verified Bob: his new device key shows as a change she should check
    assert "state: changed" in cli(alice, "verify", "Bob").stdout
