"""An invitation drawn as a QR code that fits the screen and still scans.

Size: a QR code is ``17 + 4 × version`` modules wide plus a quiet zone of 4 modules on each side
(segno always draws it). The invitation's text is ``coopshare-invite:`` and a long base32 body,
all in QR's alphanumeric set (upper case, digits, ``:``) but for the lower-case prefix; encoded
as one byte-mode segment it needed version 12 at error level M (73 modules with the quiet zone),
as a short byte segment and an alphanumeric one (5.5 bits a character instead of 8) version 10
(65 modules). The decoded text is the same.

Scale: whole pixels per module (a fraction blurs the modules), between :data:`MIN_SCALE` (a
phone reads 4 px modules off a laptop screen) and :data:`MAX_SCALE`, the largest that fits the
room the dialog gives it: a third of the screen's height, so a small screen gets the smallest
readable code and the dialog still fits it.
"""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QPixmap

MIN_SCALE = 4  # px per module, at least
MAX_SCALE = 6
QUIET = 4  # modules of quiet zone on each side (the standard's minimum; segno's default)
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
_MIN_TAIL = 16  # a shorter alphanumeric tail saves less than a segment header costs


def segments(text: str) -> str | list[str]:
    """`text` as segno content: its alphanumeric tail as a segment of its own, if long enough
    (segno picks each segment's mode: byte, then alphanumeric)."""
    i = len(text)
    while i > 0 and text[i - 1] in _ALNUM:
        i -= 1
    if i == 0 or len(text) - i < _MIN_TAIL:
        return text
    return [text[:i], text[i:]]


def make(text: str) -> segno.QRCode:
    return segno.make(segments(text), error="m", micro=False)  # type: ignore[arg-type]  # segno takes segments too


def modules(text: str) -> int:
    """The code's width in modules, quiet zone included."""
    width, _ = make(text).symbol_size(scale=1, border=QUIET)
    return int(width)


def scale_for(text: str, room: int) -> int:
    """Pixels per module for a code of `text` in `room` pixels (within the bounds above)."""
    return max(MIN_SCALE, min(MAX_SCALE, room // modules(text)))


def qr_pixmap(text: str, scale: int = MIN_SCALE) -> QPixmap:
    """The text as a QR code (error correction M, with the quiet zone), `scale` px a module."""
    buf = io.BytesIO()
    make(text).save(buf, kind="png", scale=scale, border=QUIET)
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(buf.getvalue()), "PNG")
    return pixmap
