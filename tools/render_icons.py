"""Render the hicolor PNG icons from the app's SVG (Qt's SVG renderer, offscreen).

    .venv/bin/python tools/render_icons.py          # writes packaging/linux/icons/hicolor/
    .venv/bin/python tools/render_icons.py --check  # exit 1 if a PNG is missing or stale

The SVGs in src/coopshare/gui/icons/ are the masters (the app loads them at run time); the PNGs
are for desktops and stores that want bitmaps (16..512 px). Run it after changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from coopshare.gui.appinfo import APP_ICON, APP_ID  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"


def render(svg: Path, size: int) -> bytes:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")  # type: ignore[call-overload]  # the stub says bytes; str works
    return bytes(data.data())


def main() -> int:
    check = "--check" in sys.argv[1:]
    _app = QGuiApplication(sys.argv[:1])
    stale = []
    for size in SIZES:
        path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        png = render(APP_ICON, size)
        if path.is_file() and path.read_bytes() == png:
            continue
        if check:
            stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
        print("wrote", path.relative_to(ROOT))
    for path in stale:
        print("missing or stale:", path.relative_to(ROOT))
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
