"""Theme colours: the accent colour has one source, and text drawn on it (or in it) stays legible.

Also: the first run's set-up helpers (gui/onboarding.py) need no Qt.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QPalette

from coopshare.gui import theme

GUI = Path(theme.__file__).parent


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio."""

    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_accent_colour_is_spelled_out_only_in_theme() -> None:
    hex_ = re.compile(re.escape(theme.ACCENT), re.IGNORECASE)
    found = {
        str(p.relative_to(GUI)) for p in GUI.rglob("*.py") if hex_.search(p.read_text("utf-8"))
    }
    assert "theme.py" in found  # positive control: the scan sees the one definition
    assert found == {"theme.py"}, found


def test_text_on_and_in_the_accent_keeps_4_5_to_1(qapp: Any) -> None:
    white = QColor("#ffffff")
    accent, on_dark = QColor(theme.ACCENT), QColor(theme.ACCENT_ON_DARK)
    light, dark = theme.light_palette(), theme.dark_palette()
    role = QPalette.ColorRole
    assert contrast(white, accent) >= 4.5  # sidebar, icons, badges, selected rows
    assert contrast(accent, light.color(role.Window)) >= 4.5  # "ok" messages, light
    assert contrast(on_dark, dark.color(role.Window)) >= 4.5  # "ok" messages, dark
    assert contrast(on_dark, dark.color(role.Base)) >= 4.5
    for p in (light, dark):
        assert contrast(p.color(role.HighlightedText), p.color(role.Highlight)) >= 4.5
    # the check itself can fail: the dark highlight this replaced was too light for white text
    assert contrast(white, QColor("#3c9c88")) < 4.5


def qt_modules_after_importing(module: str) -> list[str]:
    code = (
        f"import sys, {module}; "
        "print(','.join(sorted(m for m in sys.modules if m.startswith('PySide6'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return [m for m in out.stdout.strip().split(",") if m]


def test_onboarding_helpers_need_no_qt() -> None:
    assert qt_modules_after_importing("coopshare.gui.widgets")  # control: the probe sees Qt
    assert qt_modules_after_importing("coopshare.gui.onboarding") == []
