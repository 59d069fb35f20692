"""Small widgets and helpers shared by the dialogs: the logo, inline messages, a busy line and
the passphrase strength meter (first run, cooperative choice, unlock)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from coopshare.gui.theme import ACCENT, ACCENT_ON_DARK, ERROR, ERROR_ON_DARK, WARNING, is_dark

MIN_PASSPHRASE = 10

_DIALOG_SHEET = """
QLabel#lead { font-size: 11pt; }
QLabel#recoveryCode {
    font-size: 17pt; font-weight: 600; padding: 16px 18px;
    border: 2px dashed %(accent)s; border-radius: 10px; background: palette(base);
}
QLabel#warningNote {
    background: #f6e7b0; color: #4a3b00; padding: 8px 10px; border-radius: 6px;
}
QFrame#choice { border: 1px solid palette(midlight); border-radius: 8px; }
QProgressBar#strength { border: none; border-radius: 3px; background: palette(midlight); }
"""
DIALOG_STYLE = _DIALOG_SHEET % {"accent": ACCENT}


def logo_pixmap(size: int = 64) -> QPixmap:
    """CoopShare's mark, drawn: three members linked peer to peer in the cooperative's green."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(ACCENT))
    p.drawRoundedRect(0, 0, size, size, size * 0.22, size * 0.22)
    s = size / 64
    pts = [(32 * s, 17 * s), (17 * s, 44 * s), (47 * s, 44 * s)]
    p.setPen(QPen(QColor("#ffffff"), 3.2 * s))
    for i, a in enumerate(pts):
        b = pts[(i + 1) % 3]
        p.drawLine(int(a[0]), int(a[1]), int(b[0]), int(b[1]))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ffffff"))
    for x, y in pts:
        p.drawEllipse(int(x - 7 * s), int(y - 7 * s), int(14 * s), int(14 * s))
    p.end()
    return pix


def set_message(label: QLabel, text: str, kind: str = "error") -> None:
    """Show an inline message under a field ('error', 'ok' or 'info'); empty text hides it."""
    dark = is_dark(label)
    colour = {
        "error": ERROR_ON_DARK if dark else ERROR,
        "ok": ACCENT_ON_DARK if dark else ACCENT,
        "info": "palette(text)",
    }[kind]
    label.setStyleSheet(f"color: {colour};")
    label.setText(text)
    label.setVisible(bool(text))


def muted(label: QLabel) -> QLabel:
    """A secondary line: the palette's placeholder colour, readable in light and dark."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(True)
    return label


def with_message(field: QWidget, message: QLabel) -> QWidget:
    """A field with its inline message right under it (the message takes no room when hidden)."""
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(3)
    v.addWidget(field)
    v.addWidget(message)
    return box


def message_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("FirstRun", "Message"))
    label.hide()
    return label


class Busy(QWidget):
    """An indeterminate progress bar with a line saying what is happening."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(120)
        self.bar.setFixedHeight(8)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.bar)
        row.addWidget(self.label, 1)
        self.hide()

    def start(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setAccessibleName(text)
        self.show()

    def stop(self) -> None:
        self.hide()


# --- passphrase strength ----------------------------------------------------------------------------


def passphrase_strength(text: str) -> tuple[int, str]:
    """(score 0-4, hint) from length and variety; a hint, not a guarantee."""
    n = len(text)
    if n == 0:
        return 0, ""
    if n < MIN_PASSPHRASE:
        return 1, QCoreApplication.translate(
            "FirstRun",
            "Too short — use at least 10 characters; 12 or more, or a few words, is better.",
        )
    lowered = re.sub(r"[\d\W_]+", "", text.lower())
    common = {"password", "wachtwoord", "welkom", "welcome", "qwerty", "coopshare", "letmein"}
    if len(set(text.lower())) < 5 or lowered in common:
        return 1, QCoreApplication.translate(
            "FirstRun", "Weak — this is easy to guess. Use 12+ characters or a few words."
        )
    words = len([w for w in re.split(r"[\s\-_.,;]+", text.strip()) if w])
    classes = sum(bool(re.search(rx, text)) for rx in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z\d]"))
    score = 1 + (n >= 12) + (n >= 16 or words >= 4) + (classes >= 3 or words >= 3)
    score = min(score, 4)
    return score, [
        "",
        QCoreApplication.translate("FirstRun", "Weak — use 12+ characters or a few words."),
        QCoreApplication.translate(
            "FirstRun", "Fair — add another word, or mix in digits and symbols."
        ),
        QCoreApplication.translate("FirstRun", "Good — hard to guess."),
        QCoreApplication.translate(
            "FirstRun", "Strong — a passphrase like this is very hard to guess."
        ),
    ][score]


STRENGTH_COLOURS = [ERROR, ERROR, WARNING, ACCENT, ACCENT]


class StrengthMeter(QWidget):
    """A thin bar (0-4) and a hint line under it, for a passphrase being typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meter = QProgressBar()
        self.meter.setObjectName("strength")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(6)
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(3)
        v.addWidget(self.meter)
        v.addWidget(self.hint)

    def show_for(self, text: str) -> int:
        """Rate `text`, show the bar and the hint; returns the score."""
        score, hint = passphrase_strength(text)
        self.meter.setValue(score)
        self.meter.setStyleSheet(
            "QProgressBar#strength::chunk"
            f" {{ background: {STRENGTH_COLOURS[score]}; border-radius: 3px; }}"
        )
        set_message(self.hint, hint, "ok" if score >= 3 else "error" if score <= 1 else "info")
        return score
