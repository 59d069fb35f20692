"""Light and dark palettes on the Fusion style, plus a small style sheet for the sidebar.

Dialog buttons carry no icons (#35): a desktop theme (GNOME, KDE) would otherwise put its stock
icons on them by role: a red "No" orb on "Continue", a floppy disk on "Save"."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

# The one place for the accent colour: every widget that draws in it reads it from here.
ACCENT = "#2f7d6d"  # cooperative green; white text on it: 4.9:1, it on the light window: 4.5:1
ACCENT_ON_DARK = "#63c4ae"  # the accent as text or links on the dark palette: 7.5:1
ERROR = "#b3261e"  # error text on light backgrounds
ERROR_ON_DARK = "#ff8a80"  # error text on the dark palette
WARNING = "#c77700"  # a bar colour (passphrase strength), never text
AMBER = "#946a10"  # badges and chips with white text (ideas, meetup mode): 4.9:1

SHEET = """
QListWidget#sidebar { border: none; padding-top: 8px; font-size: 11pt; outline: 0; }
QListWidget#sidebar::item { padding: 8px 14px; border-radius: 6px; margin: 1px 6px; }
QListWidget#sidebar::item:selected { background: %(accent)s; color: white; }
QLabel#pageTitle { font-size: 16pt; font-weight: 600; }
QLabel#empty { color: palette(placeholder-text); font-size: 11pt; padding: 24px; }
QLabel#termsBanner { background: #f6e7b0; color: #4a3b00; padding: 6px 10px; border-radius: 6px; }
QLabel#conflictBanner { background: #f3c7c0; color: #5a1408; padding: 6px; border-radius: 6px; }
QFrame#header { border-bottom: 1px solid palette(midlight); }
QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }
"""


def is_dark_system() -> bool:
    hints = QGuiApplication.styleHints()
    try:
        from PySide6.QtCore import Qt

        return hints.colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:
        return False


def is_dark(widget: QWidget) -> bool:
    """True if the widget is drawn on a dark palette."""
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def accent_text(widget: QWidget) -> str:
    """The accent colour for text on this widget's background, readable in light and dark."""
    return ACCENT_ON_DARK if is_dark(widget) else ACCENT


def apply(app: QApplication, theme: str) -> bool:
    """Apply 'light', 'dark' or 'system'; returns True if the result is dark."""
    app.setStyle(QStyleFactory.create("Fusion"))
    dark = theme == "dark" or (theme == "system" and is_dark_system())
    app.setPalette(dark_palette() if dark else light_palette())
    apply_sheet(app)
    return dark


def apply_sheet(app: QApplication) -> None:
    app.setStyleSheet(SHEET % {"accent": ACCENT})


def light_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f5f6f4"))
    p.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#eef1ee"))
    p.setColor(QPalette.ColorRole.Text, QColor("#1d2320"))
    p.setColor(QPalette.ColorRole.WindowText, QColor("#1d2320"))
    p.setColor(QPalette.ColorRole.Button, QColor("#e9ece8"))
    p.setColor(QPalette.ColorRole.ButtonText, QColor("#1d2320"))
    p.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#656d69"))  # hints: 4.9:1 on window
    p.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#1d2320"))
    _disabled(p, "#a3aba7")
    return p


def dark_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#1f2422"))
    p.setColor(QPalette.ColorRole.Base, QColor("#161a19"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#232927"))
    p.setColor(QPalette.ColorRole.Text, QColor("#e3e8e5"))
    p.setColor(QPalette.ColorRole.WindowText, QColor("#e3e8e5"))
    p.setColor(QPalette.ColorRole.Button, QColor("#2a302e"))
    p.setColor(QPalette.ColorRole.ButtonText, QColor("#e3e8e5"))
    p.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))  # white text on it stays >= 4.5:1
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#88928d"))
    p.setColor(QPalette.ColorRole.Link, QColor(ACCENT_ON_DARK))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2a302e"))  # tooltips, tray balloons
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#e3e8e5"))
    p.setColor(QPalette.ColorRole.Mid, QColor("#6b7470"))
    p.setColor(QPalette.ColorRole.Midlight, QColor("#333a37"))
    _disabled(p, "#6a726e")
    return p


def _disabled(p: QPalette, grey: str) -> None:
    """Disabled widgets look disabled: greyed text on every role that shows text."""
    roles = (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText)
    for role in roles:
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(grey))
