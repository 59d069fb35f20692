"""`coopshare --version` and `--help` build the parser without loading the core (the door, TLS,
the sync engine): a command module that imports `service.api` at its top undoes that (it did,
once, through four command modules; `--version` took twice as long as in session 3). And
`coopshare status` loads the door without the talent, proof, evidence, device and comment
modules (the door imported them all once: `status` 0.64 s at the end of session 3, 1.00 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .netutil import cli, env

# what `status` has no use for: the door imports these when a command first needs them
NOT_FOR_STATUS = (
    "coopshare.service.talent",
    "coopshare.service.fits",
    "coopshare.service.esco",
    "coopshare.service.coi",
    "coopshare.service.proofs",
    "coopshare.service.evidence",
    "coopshare.service.timestamp",
    "coopshare.evidence_check",
    "coopshare.service.my_devices",
    "coopshare.service.comments",
    "coopshare.service.verify",
    "coopshare.service.api_runtime",
    "coopshare.service.pairing_net",
    "asyncio",  # and with it ssl and concurrent.futures: status runs nothing async
    "ssl",
)


def _imported(*args: str) -> str:
    """Module names a fresh interpreter imported running `args` (from -X importtime)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return "\n".join(line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines())


def test_version_and_help_do_not_load_the_door() -> None:
    for argv in (["-m", "coopshare", "--version"], ["-m", "coopshare", "--help"]):
        names = _imported(*argv).splitlines()
        assert "coopshare.cli.main" in names  # the command ran (control)
        assert "coopshare.service.api" not in names, argv
        assert "coopshare.service.replica" not in names, argv


def test_the_check_sees_the_door_when_it_is_loaded() -> None:
    """Positive control: the same reading finds the door when a command module loads it."""
    names = _imported("-c", "import coopshare.cli.net").splitlines()
    assert "coopshare.service.api" in names


def test_status_loads_the_door_without_talent_proof_or_evidence(tmp_path: Path) -> None:
    home = tmp_path / "home"
    cli(home, "init", "--name", "Anna")
    cli(home, "coop", "create", "--name", "Brabant Interim")
    names = set(_imported("-m", "coopshare", "--home", str(home), "status").splitlines())
    assert {"coopshare.service.api", "coopshare.service.home"} <= names  # status ran (control)
    assert not names & set(NOT_FOR_STATUS), sorted(names & set(NOT_FOR_STATUS))


def test_the_check_sees_them_once_the_door_hands_them_out() -> None:
    """Positive control: the same reading finds every one of them when the door's lazy names
    are asked for (and so each of those names still resolves)."""
    ask = (
        "from coopshare.service import api\n"
        "api.Skill, api.FitRow, api.Commitment, api.EvidenceReport, api.TimestampJob\n"
        "api.MyDevice, api.CommentView, api.Verification, api.Runtime, api.pair_host\n"
        "from coopshare.service import fits, coi, timestamp\n"
    )
    names = set(_imported("-c", ask).splitlines())
    assert set(NOT_FOR_STATUS) <= names, sorted(set(NOT_FOR_STATUS) - names)


def test_the_light_entry_of_the_door_loads_only_the_keystore() -> None:
    """service/api_unlock.py, which the CLI imports to start the Argon2id unlock before the
    door, loads the keystore and nothing else of the service layer; the positive control is
    the same reading of service/home.py, which loads the store and the door's Coop."""
    light = _imported("-c", "import coopshare.service.api_unlock").splitlines()
    assert "coopshare.identity.keystore" in light  # it ran (control)
    service = [n for n in light if n.startswith("coopshare.service.")]
    assert service == ["coopshare.service.api_unlock"], service
    assert "coopshare.store.db" not in light and "ssl" not in light
    heavy = _imported("-c", "import coopshare.service.home").splitlines()
    assert "coopshare.service.coop" in heavy and "coopshare.store.db" in heavy


def test_a_node_without_mdns_does_not_load_zeroconf() -> None:
    """`sync --once` and `serve --no-mdns` build the runtime and the dialler, which import
    zeroconf (and ifaddr) only when a node starts mDNS; the control reads the same list for
    the mDNS module itself."""
    names = _imported("-c", "import coopshare.service.api_runtime").splitlines()
    assert "coopshare.service.runtime" in names and "coopshare.service.dialler" in names
    assert "zeroconf" not in names and "coopshare.discovery.mdns" not in names
    assert "zeroconf" in _imported("-c", "import coopshare.discovery.mdns").splitlines()
