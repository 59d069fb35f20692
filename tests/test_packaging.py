"""Packaging: declared dependencies, one version, the licence, one app id everywhere, icons, and
the desktop file and AppStream metainfo as their own validators see them.

The validators come from Debian's `desktop-file-utils` and `appstream` (``./dev test`` installs
them when run as root); elsewhere those two tests skip and say so. Each validator test also
feeds the validator a broken copy (positive control: it does reject what is wrong).
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest

import coopshare
from coopshare.gui.appinfo import APP_ICON, APP_ID, SYMBOLIC_ICON

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "coopshare"
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _name(req: str) -> str:
    return re.split(r"[<>=!~;\[ ]", req, maxsplit=1)[0].strip().lower().replace("_", "-")


def declared() -> set[str]:
    project = PYPROJECT["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    return {_name(r) for r in reqs}


def imported_top_levels(folder: Path) -> set[str]:
    """Every top-level module imported anywhere in `folder`, also inside functions."""
    names: set[str] = set()
    for f in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def third_party(names: set[str]) -> dict[str, set[str]]:
    """module -> the distributions that provide it, for modules outside stdlib and coopshare."""
    dists = metadata.packages_distributions()
    out = {}
    for n in sorted(names - set(sys.stdlib_module_names) - {"coopshare", "__future__"}):
        out[n] = {d.lower().replace("_", "-") for d in dists.get(n, [])}
    return out


def test_every_imported_package_is_declared_and_pinned() -> None:
    found = third_party(imported_top_levels(SRC))
    # positive control: the scan sees imports at module level (PySide6) and a lazy import
    # inside a function (ifaddr in service/liveinfo.py), the one that used to be undeclared
    assert {"PySide6", "ifaddr", "zeroconf", "cryptography"} <= set(found)
    unknown = [m for m, d in found.items() if not d]
    assert not unknown, f"imported, but no installed distribution provides: {unknown}"
    missing = {m: d for m, d in found.items() if not d & declared()}
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
    pinned = {
        _name(line)
        for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "-"))
    }
    assert declared() <= pinned, (
        f"declared but not pinned in requirements.txt: {declared() - pinned}"
    )


def test_the_dependency_check_would_catch_an_undeclared_import(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("def f():\n    import ifaddr\n    import pytest\n")
    found = third_party(imported_top_levels(tmp_path))
    assert {m for m, d in found.items() if not d & declared()} == {"pytest"}


def test_version_comes_from_one_place() -> None:
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert "version" not in PYPROJECT["project"]
    assert metadata.version("coopshare") == coopshare.__version__
    newest = ET.parse(METAINFO).getroot().find("releases/release")
    assert newest is not None and newest.get("version") == coopshare.__version__


def test_licence_file_and_metadata_agree() -> None:
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    assert PYPROJECT["project"]["license"] == "GPL-3.0-or-later"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    requires = PYPROJECT["build-system"]["requires"]
    assert any(r.startswith("setuptools>=") and int(r.split(">=")[1]) >= 77 for r in requires)
    assert ET.parse(METAINFO).getroot().findtext("project_license") == "GPL-3.0-or-later"
    meta = metadata.metadata("coopshare")
    assert meta["License-Expression"] == "GPL-3.0-or-later"


def test_console_and_gui_entry_points() -> None:
    eps = metadata.distribution("coopshare").entry_points
    console = {e.name: e.value for e in eps if e.group == "console_scripts"}
    gui = {e.name: e.value for e in eps if e.group == "gui_scripts"}
    assert console == {"coopshare": "coopshare.launcher:main"}
    assert gui == {"coopshare-gui": "coopshare.launcher:main"}


def test_one_app_id_everywhere() -> None:
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z][A-Za-z0-9]*){2,}", APP_ID)
    entry = DESKTOP.read_text("utf-8")
    assert f"\nIcon={APP_ID}\n" in entry
    # on X11 Qt sets WM_CLASS to ("coopshare", the application name): checked under Xvfb with
    # xprop; on Wayland the app_id is the desktop file name (setDesktopFileName below)
    assert "\nStartupWMClass=CoopShare\n" in entry
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert APP_ICON.name == f"{APP_ID}.svg" and SYMBOLIC_ICON.name == f"{APP_ID}-symbolic.svg"
    manifest = (ROOT / "packaging" / "flatpak" / f"{APP_ID}.yaml").read_text("utf-8")
    assert f"id: {APP_ID}\n" in manifest
    # the app tells the desktop the same id (gui/app.py; also the Wayland app_id)
    app_py = (SRC / "gui" / "app.py").read_text("utf-8")
    assert "app.setDesktopFileName(APP_ID)" in app_py


def test_icons_svg_and_every_png_size(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    for svg in (APP_ICON, SYMBOLIC_ICON):
        assert QSvgRenderer(str(svg)).isValid(), svg
    for size in PNG_SIZES:
        png = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size), png
        colours = {image.pixel(x, y) for x in range(size) for y in range(size)}
        assert len(colours) > 3, f"{png} looks blank"


def test_metainfo_screenshots_are_in_the_repository() -> None:
    root = ET.parse(METAINFO).getroot()
    urls = [i.text or "" for i in root.iter("image")]
    assert len(urls) >= 3
    for url in urls:
        assert (LINUX / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        package = {"appstreamcli": "appstream", "desktop-file-validate": "desktop-file-utils"}
        pytest.skip(f"{name} is not installed (Debian: apt-get install {package[name]})")
    return path


def test_desktop_file_validates(tmp_path: Path) -> None:
    tool = _tool("desktop-file-validate")
    ok = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "error" not in ok.stdout.lower(), ok.stdout + ok.stderr
    broken = tmp_path / DESKTOP.name
    broken.write_text(DESKTOP.read_text("utf-8").replace("Type=Application\n", ""), "utf-8")
    bad = subprocess.run([tool, str(broken)], capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 and "Type" in bad.stdout


def test_metainfo_validates(tmp_path: Path) -> None:
    tool = _tool("appstreamcli")
    ok = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, timeout=60
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = tmp_path / METAINFO.name
    text = METAINFO.read_text("utf-8")
    broken.write_text(text.replace(">GPL-3.0-or-later<", ">Not-A-Licence<"), "utf-8")
    bad = subprocess.run(
        [tool, "validate", "--no-net", str(broken)], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode != 0 and "spdx-license-unknown" in bad.stdout, bad.stdout
