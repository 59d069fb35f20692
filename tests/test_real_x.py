"""The real desktop app on a real X server: Qt's xcb plugin, not the offscreen one.

Every other GUI test runs Qt offscreen, which needs fewer system libraries than a real display:
a clean desktop where the xcb plugin cannot load aborts the app (exit 134) and no offscreen test
sees it. Here the app (``coopshare --demo``) starts on ``QT_QPA_PLATFORM=xcb`` under an Xvfb this
test starts itself; the test waits for the main window to be mapped (xdotool), grabs the screen
from a second X client and checks the grab shows the window, against a grab of the same screen
taken before the app started (positive control: the blank screen really is blank, so the check
can fail). ``./dev test`` installs xvfb, xauth and xdotool when run as root (as CI does).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path

import pytest

from coopshare.service.demo_content import COOP_NAME

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 on Linux only")

SCREEN = (1280, 800)
WINDOW_TIMEOUT = 240.0  # the demo sets up three members over TLS first; the machine is shared
PAINT_TIMEOUT = 60.0
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"

# Runs in its own process as a second X client: grabs the root window, saves it as PNG and prints
# how many distinct colours it has and the share of pixels that differ from a reference grab.
GRAB = r"""
import json, sys
from PySide6.QtGui import QGuiApplication, QImage
app = QGuiApplication(["grab"])
img = app.primaryScreen().grabWindow(0).toImage().convertToFormat(QImage.Format.Format_RGB32)
img.save(sys.argv[1])
px = memoryview(img.constBits()).cast("I")
colours = len(set(px))
changed = None
if len(sys.argv) > 2:
    ref = QImage(sys.argv[2]).convertToFormat(QImage.Format.Format_RGB32)
    rp = memoryview(ref.constBits()).cast("I")
    if len(rp) == len(px):
        changed = sum(1 for a, b in zip(px, rp) if a != b) / len(px)
print(json.dumps({"w": img.width(), "h": img.height(), "colours": colours, "changed": changed}))
"""


def qxcb_plugin() -> Path:
    spec = find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    root = Path(next(iter(spec.submodule_search_locations)))
    return root / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def test_qt_xcb_plugin_finds_all_its_libraries() -> None:
    """After ./dev setup every library the xcb plugin links is there (else the app aborts)."""
    if shutil.which("ldd") is None:
        pytest.skip("ldd not available")
    plugin = qxcb_plugin()
    assert plugin.is_file(), plugin
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    assert "libxcb.so" in out  # positive control: ldd really listed the plugin's libraries
    missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
    assert not missing, f"Qt's xcb plugin lacks {missing}: run ./dev setup as root or with sudo"


def test_version_comes_from_one_place() -> None:
    """`coopshare --version`, the installed package metadata and coopshare.__version__ agree."""
    import coopshare

    installed = metadata.version("coopshare")
    done = subprocess.run(
        [sys.executable, "-m", "coopshare", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"coopshare {coopshare.__version__}"
    assert installed == coopshare.__version__, "re-run ./dev setup after changing the version"


def x_env(display: str, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "XAUTHORITY")}
    runtime = home / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(home),
        TMPDIR=str(home),  # the demo's throwaway folders land here even if the app is killed
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    env.pop("COOPSHARE_HOME", None)
    env.pop("COOPSHARE_PASSPHRASE", None)
    return env


@contextlib.contextmanager
def xvfb(tmp: Path) -> Iterator[str]:
    """An Xvfb on a free display (it picks the number itself: -displayfd), black root window."""
    read, write = os.pipe()
    log = (tmp / "xvfb.log").open("wb")
    proc = subprocess.Popen(
        [
            *("Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24"),
            *("-nolisten", "tcp", "-br", "-noreset"),
        ],
        pass_fds=(write,),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    os.close(write)
    try:
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number.isdigit():
            pytest.fail(f"Xvfb did not start: {(tmp / 'xvfb.log').read_text(errors='replace')}")
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def grab(env: dict[str, str], out: Path, reference: Path | None = None) -> dict[str, object]:
    args = [sys.executable, "-c", GRAB, str(out)] + ([str(reference)] if reference else [])
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"screen grab failed: {done.stderr[-2000:]}"
    stats: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return stats


def find_window(env: dict[str, str], pattern: str) -> list[str]:
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", pattern],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout.split()


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.slow
@pytest.mark.timeout(WINDOW_TIMEOUT + PAINT_TIMEOUT + 120)
def test_demo_app_shows_its_main_window_on_a_real_x_server(tmp_path: Path) -> None:
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        pytest.skip(
            f"{' and '.join(missing)} not installed: './dev test' installs xvfb, xauth and "
            "xdotool when run as root (or: sudo apt-get install xvfb xauth xdotool)"
        )
    with xvfb(tmp_path) as display:
        env = x_env(display, tmp_path)
        blank = grab(env, tmp_path / "before.png")
        # positive control: the screen before the app is one flat colour, so "not blank" means
        # something was drawn
        assert blank["colours"] == 1, blank
        assert (blank["w"], blank["h"]) == SCREEN, blank

        app_log = (tmp_path / "app.log").open("wb")
        app = subprocess.Popen(
            [sys.executable, "-m", "coopshare", "--demo"],
            env=env,
            stdout=app_log,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
        )
        try:
            # the title carries the cooperative's name once the main window has loaded it
            title = "De Kempen"  # ASCII: xdotool matches it as a regular expression
            assert title in COOP_NAME
            deadline = time.monotonic() + WINDOW_TIMEOUT
            windows: list[str] = []
            while not windows:
                code = app.poll()
                log = (tmp_path / "app.log").read_text(errors="replace")
                assert code is None, f"the app exited ({code}) before its window showed:\n{log}"
                assert time.monotonic() < deadline, (
                    f"no main window after {WINDOW_TIMEOUT} s:\n{log}"
                )
                windows = find_window(env, title)
                if not windows:
                    time.sleep(1)

            shot = tmp_path / "app.png"
            deadline = time.monotonic() + PAINT_TIMEOUT
            while True:
                stats = grab(env, shot, reference=tmp_path / "before.png")
                changed = stats["changed"]
                assert isinstance(changed, float), stats
                colours = stats["colours"]
                assert isinstance(colours, int), stats
                # the 1180x760 window covers ~87% of the 1280x800 screen; text, icons and
                # antialiasing give hundreds of colours
                if changed > 0.5 and colours > 50:
                    break
                assert time.monotonic() < deadline, f"the window was mapped but not drawn: {stats}"
                time.sleep(1)
            assert app.poll() is None, "the app died while its window was on screen"
        finally:
            stop(app)
            app_log.close()
    SCREENSHOTS.mkdir(exist_ok=True)
    shutil.copy(shot, SCREENSHOTS / "real-x-demo.png")
