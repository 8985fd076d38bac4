"""Write the app icon (media/icons/stretch-guide.svg) and its hicolor PNG sizes.

The PNGs are named after the desktop id, as the icon theme and the desktop entry expect.

Usage: python media/src/icons.py

The icon is a white figure in a calf stretch against a wall, on an accent-coloured
rounded square: simple enough to read at 16 px.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

MEDIA = Path(__file__).resolve().parent.parent
DESKTOP_ID = "io.github.stretchguide.StretchGuide"  # as guide.DESKTOP_ID
SIZES = (16, 32, 48, 64, 128, 256)

ICON_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="64" height="64" viewBox="0 0 64 64">
<title>Stretch Guide</title>
<rect x="2" y="2" width="60" height="60" rx="14" fill="#e4572e"/>
<g fill="none" stroke="#ffffff" stroke-linecap="round" stroke-linejoin="round">
<path d="M51,10 L51,54 M9,54 L51,54" stroke-width="4" stroke-opacity="0.6"/>
<path d="M15,49 L28,35 L36,21" stroke-width="7.5"/>
<path d="M28,35 L37,40 L37,49" stroke-width="6.5"/>
<path d="M35,23 L46,21" stroke-width="5"/>
<path d="M12,49 L19,49 M36,49 L42,49" stroke-width="5"/>
</g>
<circle cx="40" cy="12.5" r="6" fill="#ffffff"/>
</svg>
"""


def main() -> None:
    icon = MEDIA / "icons" / "stretch-guide.svg"
    icon.parent.mkdir(parents=True, exist_ok=True)
    icon.write_text(ICON_SVG, encoding="utf-8")
    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(icon))
    for size in SIZES:
        img = QImage(size, size, QImage.Format.Format_ARGB32)
        img.fill(QColor(0, 0, 0, 0))
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p, QRectF(0, 0, size, size))
        p.end()
        out = MEDIA / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        img.save(str(out))
    print(f"wrote {icon} and {len(SIZES)} PNG sizes")


if __name__ == "__main__":
    main()
