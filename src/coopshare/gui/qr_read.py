"""Reading an invitation from an image (a screenshot or photo of its QR code) with zxing-cpp,
a maintained QR decoder; Qt loads the image. Nothing else in the app reads QR codes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QImageReader

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp")
MAX_PIXELS = 40_000_000  # a larger picture is refused before decoding


def is_image(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def read_qr_text(path: Path) -> str | None:
    """The text of the first QR code in the image at `path`; None if there is none or the file
    is not an image Qt can read."""
    import zxingcpp  # loaded on first use: ~1 MB native module

    reader = QImageReader(str(path))
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
        return None
    image = reader.read()
    if image.isNull():
        return None
    found = zxingcpp.read_barcodes(image.convertToFormat(QImage.Format.Format_Grayscale8))
    return next(
        (b.text for b in found if b.format == zxingcpp.BarcodeFormat.QRCode and b.text), None
    )
