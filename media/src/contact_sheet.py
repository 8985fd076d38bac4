"""Render every illustration into one PNG grid for review.

Usage: QT_QPA_PLATFORM=offscreen python media/src/contact_sheet.py out.png [--bodymap-colours]

Covers media/stretches, media/actions, media/bodymap and the app icon.  With
--bodymap-colours the body-map regions are additionally drawn in distinct colours
(one tile per view) to check that they line up with the anatomy.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

MEDIA = Path(__file__).resolve().parent.parent
TILE_W, TILE_H, LABEL_H, COLS = 320, 240, 22, 6

PALETTE = [
    "#e6194b",
    "#3cb44b",
    "#ffe119",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#42d4f4",
    "#f032e6",
    "#bfef45",
    "#fabed4",
    "#469990",
    "#dcbeff",
    "#9a6324",
    "#800000",
]


def svg_files() -> list[Path]:
    files: list[Path] = []
    for sub in ("stretches", "actions", "bodymap"):
        files += sorted((MEDIA / sub).glob("*.svg"))
    icon = MEDIA / "icons" / "stretch-guide.svg"
    if icon.exists():
        files.append(icon)
    return files


def coloured_bodymap(path: Path) -> bytes:
    """Give every muscle region its own colour."""
    text = path.read_text(encoding="utf-8")
    counter = iter(range(1000))

    def repl(m: re.Match[str]) -> str:
        colour = PALETTE[next(counter) % len(PALETTE)]
        return f'{m.group(0)} fill="{colour}"'

    return re.sub(r'id="[a-z_]+" class="muscle"', repl, text).encode()


def draw_tile(p: QPainter, renderer: QSvgRenderer, x: int, y: int, label: str) -> None:
    p.setPen(QPen(QColor("#dddddd")))
    p.drawRect(x, y, TILE_W - 1, TILE_H + LABEL_H - 1)
    size = renderer.defaultSize()
    scale = min((TILE_W - 16) / max(size.width(), 1), (TILE_H - 12) / max(size.height(), 1))
    w, h = size.width() * scale, size.height() * scale
    renderer.render(p, QRectF(x + (TILE_W - w) / 2, y + 6 + (TILE_H - 12 - h) / 2, w, h))
    p.setPen(QPen(QColor("#222222")))
    p.drawText(QRectF(x, y + TILE_H, TILE_W, LABEL_H), Qt.AlignmentFlag.AlignCenter, label)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    out = Path(argv[1])
    colours = "--bodymap-colours" in argv
    _app = QGuiApplication.instance() or QGuiApplication(argv[:1])
    tiles: list[tuple[QSvgRenderer, str]] = []
    for f in svg_files():
        tiles.append((QSvgRenderer(str(f)), str(f.relative_to(MEDIA))))
    if colours:
        for view in ("front", "back"):
            data = coloured_bodymap(MEDIA / "bodymap" / f"{view}.svg")
            tiles.append((QSvgRenderer(QByteArray(data)), f"bodymap/{view} (regions)"))
    rows = (len(tiles) + COLS - 1) // COLS
    img = QImage(COLS * TILE_W, rows * (TILE_H + LABEL_H), QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(QFont("DejaVu Sans", 10))
    for i, (renderer, label) in enumerate(tiles):
        if not renderer.isValid():
            label += " (INVALID)"
        draw_tile(p, renderer, (i % COLS) * TILE_W, (i // COLS) * (TILE_H + LABEL_H), label)
    p.end()
    img.save(str(out))
    print(f"{out}: {len(tiles)} images")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
