"""The carrier node's packaging: the passphrase file, the systemd unit and the Containerfile.

The unit is checked by systemd's own tools (`systemd-analyze verify` and the offline
`systemd-analyze security` score; skipped with the reason where systemd-analyze is missing), the
Containerfile by a small parser of its instructions (no container engine runs here). Each check
is also shown a broken copy (positive control: it does catch what is wrong). The carrier in a
routed network: tests/test_carrier_lab.py.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coopshare.errors import PassphraseFileUnreadable, WrongPassphrase
from coopshare.service import home as homes

from .netutil import PASS, cli, env

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "packaging" / "systemd" / "coopshare-carrier.service"
SYSUSERS = ROOT / "packaging" / "systemd" / "coopshare.sysusers"
CONTAINERFILE = ROOT / "packaging" / "container" / "Containerfile"


# --- the passphrase from a file ----------------------------------------------------------------


def test_passphrase_file_is_read_and_the_variable_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "passphrase"
    f.write_text("a long passphrase\n", encoding="utf-8")
    monkeypatch.delenv("COOPSHARE_PASSPHRASE", raising=False)
    monkeypatch.setenv("COOPSHARE_PASSPHRASE_FILE", str(f))
    assert homes.env_passphrase() == "a long passphrase"  # one trailing newline removed
    f.write_text("  spaces kept  \r\n", encoding="utf-8")
    assert homes.env_passphrase() == "  spaces kept  "
    monkeypatch.setenv("COOPSHARE_PASSPHRASE", "from the variable")
    assert homes.env_passphrase() == "from the variable"
    monkeypatch.delenv("COOPSHARE_PASSPHRASE")
    for bad in ("", "\n"):
        f.write_text(bad, encoding="utf-8")
        with pytest.raises(PassphraseFileUnreadable):
            homes.env_passphrase()
    monkeypatch.setenv("COOPSHARE_PASSPHRASE_FILE", str(tmp_path / "missing"))
    with pytest.raises(PassphraseFileUnreadable):
        homes.env_passphrase()
    monkeypatch.delenv("COOPSHARE_PASSPHRASE_FILE")
    assert homes.env_passphrase() is None


def test_a_real_process_unlocks_from_the_file(tmp_path: Path) -> None:
    home = tmp_path / "carrier"
    cli(home, "init", "--name", "Carrier")
    secret = tmp_path / "passphrase"
    secret.write_text(PASS + "\n", encoding="utf-8")
    e = {k: v for k, v in env().items() if k != "COOPSHARE_PASSPHRASE"}

    def status(file: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "coopshare", "--home", str(home), "status"],
            capture_output=True,
            text=True,
            env={**e, "COOPSHARE_PASSPHRASE_FILE": str(file)},
            stdin=subprocess.DEVNULL,
            timeout=120,
        )

    assert status(secret).returncode == 0
    # control: the file is what unlocks it (another passphrase in it is refused)
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    r = status(wrong)
    assert r.returncode == 1 and str(WrongPassphrase()) in r.stderr
    r = status(tmp_path / "missing")
    assert r.returncode == 1 and "COOPSHARE_PASSPHRASE_FILE" in r.stderr


# --- the systemd unit --------------------------------------------------------------------------


def _settings(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            out.append((key.strip(), value.strip()))
    return out


def test_unit_is_hardened_and_takes_the_passphrase_from_a_credential() -> None:
    s = _settings(UNIT.read_text(encoding="utf-8"))
    one = dict(s)
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "StateDirectory": "coopshare",
        "StateDirectoryMode": "0700",
        "UMask": "0077",
        "CapabilityBoundingSet": "",
    }.items():
        assert one.get(key) == value, key
    assert one["User"] != "root"
    assert one["LoadCredential"].startswith("passphrase:/")
    envs = [v for k, v in s if k == "Environment"]
    assert "COOPSHARE_PASSPHRASE_FILE=%d/passphrase" in envs
    assert not any(v.startswith("COOPSHARE_PASSPHRASE=") for v in envs)
    assert "COOPSHARE_HOME=%S/coopshare" in envs
    argv = shlex.split(one["ExecStart"])
    assert argv[1:3] == ["serve", "--listen"] and "--no-mdns" in argv
    # the sysusers file creates the user the unit runs as
    fields = shlex.split(SYSUSERS.read_text(encoding="utf-8").splitlines()[-1])
    assert fields[:2] == ["u", one["User"]]


def _analyze() -> str:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed (Debian package systemd)")
    return tool


def _unit_copy(tmp_path: Path, text: str) -> Path:
    """The unit with ExecStart pointing at this venv's coopshare (verify checks it exists)."""
    exe = Path(sys.executable).parent / "coopshare"
    assert exe.exists()
    path = tmp_path / "coopshare-carrier.service"
    path.write_text(text.replace("/opt/coopshare/bin/coopshare", str(exe)), encoding="utf-8")
    return path


def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    tool = _analyze()
    text = UNIT.read_text(encoding="utf-8")
    r = subprocess.run(
        [tool, "verify", str(_unit_copy(tmp_path, text))], capture_output=True, text=True
    )
    assert r.returncode == 0 and not (r.stdout + r.stderr).strip(), r.stdout + r.stderr
    # control: a misspelt hardening key is reported
    bad = _unit_copy(tmp_path, text.replace("ProtectSystem=strict", "ProtectSystm=strict"))
    r = subprocess.run([tool, "verify", str(bad)], capture_output=True, text=True)
    assert "ProtectSystm" in r.stdout + r.stderr


def _exposure(tool: str, unit: Path) -> float:
    r = subprocess.run(
        [tool, "security", "--offline=yes", str(unit)], capture_output=True, text=True
    )
    m = re.search(r"Overall exposure level for \S+: ([0-9.]+)", r.stdout + r.stderr)
    if m is None:
        pytest.skip(f"this systemd-analyze has no offline security check: {r.stderr.strip()}")
    return float(m.group(1))


def test_systemd_security_exposure_is_low(tmp_path: Path) -> None:
    tool = _analyze()
    text = UNIT.read_text(encoding="utf-8")
    score = _exposure(tool, _unit_copy(tmp_path, text))
    assert score <= 2.0, score  # systemd calls up to 2.0 "OK" (Debian 12, systemd 252: 1.3)
    # control: the same unit without its hardening section scores high
    plain = text.split("# Hardening", 1)[0] + "\n[Install]\nWantedBy=multi-user.target\n"
    assert _exposure(tool, _unit_copy(tmp_path, plain)) >= 5.0


# --- the Containerfile -------------------------------------------------------------------------


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined = re.sub(
        r"\\\n", " ", "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    )
    out = []
    for line in joined.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def container_problems(text: str) -> list[str]:
    ins = instructions(text)
    problems = []
    stages = [i for i, (w, _) in enumerate(ins) if w == "FROM"]
    for i in stages:
        image = ins[i][1].split()[0]
        if "@sha256:" not in image and not re.search(r":[a-z]+-\d{8}(-slim)?$", image):
            problems.append(f"base image not pinned: {image}")
        if "slim" not in image:
            problems.append(f"not a slim image: {image}")
    final = ins[stages[-1] :] if stages else ins
    users = [a for w, a in final if w == "USER"]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.append("the final stage runs as root")
    words = dict(final)
    cmd = words.get("ENTRYPOINT", "") + " " + words.get("CMD", "")
    if "serve" not in cmd or "--no-mdns" not in cmd:
        problems.append("does not run 'coopshare serve --no-mdns'")
    if "/data" not in words.get("VOLUME", ""):
        problems.append("no volume for the data folder")
    env_text = " ".join(a for w, a in final if w == "ENV")
    if "COOPSHARE_HOME=/data" not in env_text:
        problems.append("COOPSHARE_HOME is not the volume")
    if re.search(r"COOPSHARE_PASSPHRASE=", env_text):
        problems.append("a passphrase in the image's environment")
    if "COOPSHARE_PASSPHRASE_FILE=/run/secrets/" not in env_text:
        problems.append("the passphrase does not come from a secret file")
    if not any(w == "COPY" and ".whl" in a for w, a in ins) and "coopshare-*.whl" not in text:
        problems.append("the wheel is not installed")
    return problems


def test_containerfile_is_pinned_non_root_and_without_mdns() -> None:
    text = CONTAINERFILE.read_text(encoding="utf-8")
    assert container_problems(text) == []
    # controls: each mistake is caught
    for old, new, problem in [
        ("bookworm-20251229-slim AS build", "bookworm-slim AS build", "not pinned"),
        ("USER 10001:10001", "USER root", "runs as root"),
        ('"--no-mdns"]', "]", "--no-mdns"),
        ('VOLUME ["/data"]', "", "no volume"),
        ("PYTHONUNBUFFERED=1", "PYTHONUNBUFFERED=1 COOPSHARE_PASSPHRASE=x", "environment"),
    ]:
        assert old in text, old
        found = container_problems(text.replace(old, new))
        assert any(problem in p for p in found), (old, found)


def test_container_build_context_holds_only_the_wheel_and_pins() -> None:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert "*" in lines and "!dist/" in lines and "!requirements.txt" in lines
    copied = [
        a.split()[0] for w, a in instructions(CONTAINERFILE.read_text("utf-8")) if w == "COPY"
    ]
    assert set(copied) <= {"requirements.txt", "dist/", "--from=build"}
