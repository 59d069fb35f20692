"""GUI preferences, kept per data folder in ``gui.ini`` (QSettings, INI format)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

DEFAULTS: dict[str, object] = {
    "language": "system",  # system | nl | en
    "theme": "system",  # system | light | dark
    "meetup": False,
    "peers": "",  # comma-separated HOST:PORT
    "mdns": True,
    "in_coop": False,  # this data folder was opened in a cooperative (the unlock text, #37)
}


class Prefs:
    def __init__(self, home: Path) -> None:
        self.qs = QSettings(str(home / "gui.ini"), QSettings.Format.IniFormat)

    def get(self, key: str) -> object:
        default = DEFAULTS.get(key)
        value = self.qs.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        return value

    def text(self, key: str) -> str:
        return str(self.get(key) or "")

    def flag(self, key: str) -> bool:
        return bool(self.get(key))

    def set(self, key: str, value: object) -> None:
        self.qs.setValue(key, value)
        self.qs.sync()
