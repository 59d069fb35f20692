"""`coopshare --version` and `--help` build the parser without loading the core (the door, TLS,
the sync engine): a command module that imports `service.api` at its top undoes that (it did,
once, through four command modules; `--version` took twice as long as in session 3)."""

from __future__ import annotations

import subprocess
import sys


def _imported(*args: str) -> str:
    """Module names a fresh interpreter imported running `args` (from -X importtime)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args], capture_output=True, text=True, timeout=120
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
