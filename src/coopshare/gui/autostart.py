""" "Start at login": an XDG autostart entry (``~/.config/autostart/<app id>.desktop``, or under
``$XDG_CONFIG_HOME``), written when the setting is on and removed when it is off. The file itself
is the setting: nothing else remembers it, so removing the file by hand turns it off.

Linux and the BSDs only (the XDG autostart spec), not inside a Flatpak; elsewhere the setting is
not offered.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from coopshare.gui.appinfo import APP_ID, APP_NAME


def supported() -> bool:
    """XDG desktops, outside a Flatpak sandbox (there the file would land in the app's private
    config folder, unseen by the session; a Flatpak asks the Background portal instead)."""
    if Path("/.flatpak-info").exists():
        return False
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def entry_path() -> Path:
    # platformdirs reads $XDG_CONFIG_HOME and falls back to ~/.config
    return Path(platformdirs.user_config_dir()) / "autostart" / f"{APP_ID}.desktop"


def is_enabled() -> bool:
    return entry_path().is_file()


def command(home: Path) -> list[str]:
    """How this installation starts the app: the frozen bundle, the `coopshare-gui` (or
    `coopshare`) script beside this Python, or `python -m coopshare`; always on `home`."""
    if getattr(sys, "frozen", False):
        start = [sys.executable]
    else:
        bindir = Path(sys.executable).parent
        script = next(
            (bindir / n for n in ("coopshare-gui", "coopshare") if (bindir / n).is_file()), None
        )
        found = shutil.which("coopshare-gui")
        if script is not None:
            start = [str(script)]
        elif found:
            start = [found]
        else:
            start = [sys.executable, "-m", "coopshare"]
    return [*start, "--home", str(home)]


def _quote(arg: str) -> str:
    """An Exec argument per the Desktop Entry spec: quoted when it must be, with \\ " ` $ escaped."""
    if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`%"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return '"' + escaped.replace("%", "%%") + '"'


def entry_text(home: Path) -> str:
    comment = QCoreApplication.translate(
        "autostart", "Keeps your cooperative's leads, notes and ideas in sync"
    )
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        f"Comment={comment}\n"
        f"Exec={' '.join(_quote(a) for a in command(home))}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def set_enabled(on: bool, home: Path) -> None:
    path = entry_path()
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(entry_text(home), "utf-8")
        tmp.replace(path)
    else:
        path.unlink(missing_ok=True)


def checkbox(parent: QWidget) -> QCheckBox | None:
    """The settings dialog's check box, or None where autostart is not supported."""
    if not supported():
        return None
    box = QCheckBox(
        QCoreApplication.translate("autostart", "Start CoopShare when I log in"), parent
    )
    box.setToolTip(
        QCoreApplication.translate(
            "autostart",
            "CoopShare starts when you log in and keeps your cooperative in sync in the background.",
        )
    )
    box.setChecked(is_enabled())
    return box
