"""Who the app is to the desktop: one reverse-DNS id, used for the desktop file, the AppStream
metainfo, the icon names, the autostart entry and ``QGuiApplication.setDesktopFileName`` (which
is also the Wayland app_id), and where its icons are. Plain Python: the packaging scripts import
it without Qt."""

from __future__ import annotations

from pathlib import Path

APP_ID = "nl.coopshare.CoopShare"
APP_NAME = "CoopShare"
ICONS = Path(__file__).resolve().with_name("icons")
APP_ICON = ICONS / f"{APP_ID}.svg"  # full colour: window, taskbar and tray
SYMBOLIC_ICON = ICONS / f"{APP_ID}-symbolic.svg"  # one colour, for shells that ask for it
