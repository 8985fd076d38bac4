"""Muscle regions of a body-map drawing: one offscreen mask per region, hit-tested to the pixel.

Every element of the SVG whose id is a muscle id is rendered once into its own small image; the
image is both the hit-test (its alpha) and, tinted in the accent colour, the highlight.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from guide.ui.common import theme


@dataclass
class Region:
    muscle: str
    rect: QRect  # widget coordinates
    mask: QImage  # the region alone, drawn into rect
    tinted: dict[int, QImage]


def fit(renderer: QSvgRenderer, area: QRectF) -> QRectF:
    """Where the drawing goes inside ``area``: as large as fits, centred, aspect kept."""
    view = renderer.viewBoxF()
    if view.isEmpty() or area.isEmpty():
        return area
    scale = min(area.width() / view.width(), area.height() / view.height())
    w, h = view.width() * scale, view.height() * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


def build_regions(renderer: QSvgRenderer, muscles: Iterable[str], target: QRectF) -> list[Region]:
    """The regions of ``muscles`` drawn in ``renderer`` at ``target``, top to bottom."""
    regions: list[Region] = []
    if target.isEmpty():
        return regions
    view = renderer.viewBoxF()
    scale = target.width() / view.width()
    for muscle in muscles:
        if not renderer.elementExists(muscle):
            continue
        bounds = renderer.transformForElement(muscle).mapRect(renderer.boundsOnElement(muscle))
        where = QRectF(target.x() + (bounds.x() - view.x()) * scale,
                       target.y() + (bounds.y() - view.y()) * scale,
                       bounds.width() * scale, bounds.height() * scale)
        rect = where.toAlignedRect()
        if rect.isEmpty():
            continue
        mask = QImage(rect.size(), QImage.Format.Format_ARGB32_Premultiplied)
        mask.fill(Qt.GlobalColor.transparent)
        painter = QPainter(mask)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-QPointF(rect.topLeft()))
        renderer.render(painter, muscle, where)
        painter.end()
        regions.append(Region(muscle, rect, mask, {}))
    regions.sort(key=lambda r: (r.rect.center().y(), r.rect.center().x()))
    return regions


def tinted(region: Region, alpha: int) -> QImage:
    """The region's mask filled with the accent colour at ``alpha`` (cached per alpha)."""
    image = region.tinted.get(alpha)
    if image is None:
        image = region.tinted[alpha] = region.mask.copy()
        colour = QColor(theme.current().map_selected)
        colour.setAlpha(alpha)
        painter = QPainter(image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), colour)
        painter.end()
    return image


def muscle_at(regions: list[Region], pos: QPoint) -> str:
    """The muscle drawn at ``pos``; where regions overlap, the smaller (inner) one wins."""
    best, best_area = "", 0
    for region in regions:
        if region.rect.contains(pos):
            local = pos - region.rect.topLeft()
            area = region.rect.width() * region.rect.height()
            if region.mask.pixelColor(local.x(), local.y()).alpha() > 40 and \
                    (not best or area < best_area):
                best, best_area = region.muscle, area
    return best


def point_in(regions: list[Region], muscle_id: str) -> QPoint:
    """A point that hits ``muscle_id`` (its centre when that does), or (-1, -1)."""
    for region in regions:
        if region.muscle != muscle_id:
            continue
        centre = region.rect.center()
        if muscle_at(regions, centre) == muscle_id:
            return centre
        for y in range(region.mask.height()):
            for x in range(region.mask.width()):
                point = region.rect.topLeft() + QPoint(x, y)
                if region.mask.pixelColor(x, y).alpha() > 128 and \
                        muscle_at(regions, point) == muscle_id:
                    return point
    return QPoint(-1, -1)
