"""Text contrast of WCAG AA (at least 4.5:1) for every text/background colour pair the app
paints, in the light and the dark theme (defects #18, #19; item 5 of issue 13).

The pairs come from the palettes (gui/theme.py), the style sheet's own colours, the lead status
chips, the activity badges, the Nearby chip, and text drawn with an alpha on a base colour.
Disabled text is exempt (WCAG 1.4.3).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette

from coopshare.gui import theme
from coopshare.gui.pages import activity, lead_look, nearby
from tests.gui.test_theme import contrast

R = QPalette.ColorRole
G = QPalette.ColorGroup
AA = 4.5


def blend(fg: QColor, alpha: int, bg: QColor) -> QColor:
    a = alpha / 255
    return QColor.fromRgbF(
        fg.redF() * a + bg.redF() * (1 - a),
        fg.greenF() * a + bg.greenF() * (1 - a),
        fg.blueF() * a + bg.blueF() * (1 - a),
    )


def palette_pairs(name: str, p: QPalette) -> dict[str, tuple[QColor, QColor]]:
    out: dict[str, tuple[QColor, QColor]] = {}
    for group in (G.Active, G.Inactive):
        g = group.name
        c = lambda role, g=group: p.color(g, role)  # noqa: E731
        out |= {
            f"{name} {g} text on base": (c(R.Text), c(R.Base)),
            f"{name} {g} text on alternate rows": (c(R.Text), c(R.AlternateBase)),
            f"{name} {g} window text": (c(R.WindowText), c(R.Window)),
            f"{name} {g} button text": (c(R.ButtonText), c(R.Button)),
            f"{name} {g} selected row": (c(R.HighlightedText), c(R.Highlight)),
            f"{name} {g} hint text on base": (c(R.PlaceholderText), c(R.Base)),
            f"{name} {g} hint text on window": (c(R.PlaceholderText), c(R.Window)),
            f"{name} {g} link on base": (c(R.Link), c(R.Base)),
            f"{name} {g} link on window": (c(R.Link), c(R.Window)),
            f"{name} {g} tooltip / tray balloon": (c(R.ToolTipText), c(R.ToolTipBase)),
            f"{name} {g} activity secondary text": (
                blend(c(R.Text), activity.MUTED_ALPHA, c(R.Base)),
                c(R.Base),
            ),
        }
    return out


def sheet_pairs() -> dict[str, tuple[QColor, QColor]]:
    out = {}
    for m in re.finditer(
        r"(QLabel#\w+)\s*{[^}]*background:\s*(#[0-9a-fA-F]{6})[^}]*color:\s*(#[0-9a-fA-F]{6})",
        theme.SHEET,
    ):
        out[f"sheet {m.group(1)}"] = (QColor(m.group(3)), QColor(m.group(2)))
    out["sidebar selected"] = (QColor("white"), QColor(theme.ACCENT))
    return out


def fixed_pairs() -> dict[str, tuple[QColor, QColor]]:
    out = {
        f"status chip {s}": (QColor(fg), QColor(bg))
        for s, (bg, fg) in lead_look.STATUS_COLOURS.items()
    }
    out |= {
        f"activity badge {k}": (QColor("#ffffff"), QColor(v))
        for k, v in activity.KIND_COLORS.items()
    }
    for name, colour in nearby.MODE_CHIP_COLOURS.items():
        out[f"nearby chip {name}"] = (QColor("white"), QColor(colour))
    light, dark = theme.light_palette(), theme.dark_palette()
    for where, p in (("light", light), ("dark", dark)):
        for bg in (R.Window, R.Base):
            b = p.color(bg)
            err = theme.ERROR_ON_DARK if where == "dark" else theme.ERROR
            acc = theme.ACCENT_ON_DARK if where == "dark" else theme.ACCENT
            out[f"{where} error text on {bg.name}"] = (QColor(err), b)
            out[f"{where} accent text on {bg.name}"] = (QColor(acc), b)
    return out


ALL = (
    palette_pairs("light", theme.light_palette())
    | palette_pairs("dark", theme.dark_palette())
    | sheet_pairs()
    | fixed_pairs()
)


def test_empty_states_and_hints_use_the_hint_colour() -> None:
    """Empty-state text is drawn in the hint colour measured above (not in the frame colour)."""
    assert re.search(r"QLabel#empty {[^}]*color: palette\(placeholder-text\)", theme.SHEET)


def test_the_sealed_box_title_is_in_the_text_colour() -> None:
    """The gold border marks a sealed box; its title is text-coloured in light and dark."""
    assert "color: palette(window-text)" in lead_look.SEALED_STYLE


def test_the_pairs_were_found() -> None:
    """Positive control: the style sheet's banners and every status chip are measured, and a
    pair known to fail (grey on grey) is below the bar."""
    assert {"sheet QLabel#termsBanner", "sheet QLabel#conflictBanner"} <= set(ALL)
    assert sum(k.startswith("status chip") for k in ALL) == len(lead_look.STATUS_COLOURS)
    assert contrast(QColor("#7a847f"), QColor("#f5f6f4")) < AA


@pytest.mark.parametrize("pair", sorted(ALL))
def test_text_contrast_is_at_least_aa(pair: str) -> None:
    fg, bg = ALL[pair]
    ratio = contrast(fg, bg)
    assert ratio >= AA, f"{pair}: {fg.name()} on {bg.name()} is {ratio:.2f}:1"
