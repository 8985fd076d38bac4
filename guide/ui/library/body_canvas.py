"""The body-map canvas: the drawing itself, with hover, click and keyboard selection of muscles.

Hit-testing and highlighting follow each region's own mask
(see :mod:`guide.ui.library.body_regions`).
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from guide.core.content.catalog import Catalog
from guide.core.content.media import read_svg
from guide.ui.common import theme
from guide.ui.common.accessible import announce
from guide.ui.library.body_access import RegionItems
from guide.ui.library.body_regions import Region, build_regions, fit, muscle_at, point_in, tinted

SIDES = ("front", "back")


class BodyCanvas(QWidget):
    """The drawing itself: hover, click and keyboard selection of muscle regions."""

    muscle_clicked = Signal(str)
    hovered = Signal(str)  # muscle id under the pointer or keyboard cursor, "" for none

    def __init__(self, catalog: Catalog, svgs: dict[str, Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._svgs = svgs
        self._renderers: dict[str, QSvgRenderer] = {}
        self._load()
        theme.watcher().changed.connect(self._on_theme)
        self._side = next((s for s in SIDES if s in self._renderers), "front")
        self._regions: list[Region] | None = None
        self._cached: tuple[tuple[str, int, int, float], QPixmap] | None = None
        self._hover = ""
        self._cursor = -1  # keyboard position in the region list
        self._selected = ""
        self._keyboard = False  # show the focus outline only while the keyboard is in use
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(120, 220))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._access = RegionItems(self)
        self._update_accessible()

    def _load(self) -> None:
        """Load the drawings in the theme's colours."""
        colours = theme.current()
        for renderer in self._renderers.values():
            renderer.deleteLater()
        self._renderers = {}
        for side, path in self._svgs.items():
            if path is None:
                continue
            try:  # checked like every picture: small, nothing outside the file
                data = theme.recolour_body_map(read_svg(path), colours)
            except (OSError, ValueError):
                continue
            renderer = QSvgRenderer(QByteArray(data), self)
            if renderer.isValid():
                self._renderers[side] = renderer

    def _on_theme(self) -> None:
        self._load()
        self._regions = None
        self.update()

    # -- state ---------------------------------------------------------------------------

    @property
    def side(self) -> str:
        return self._side

    @property
    def selected(self) -> str:
        return self._selected

    def available(self) -> bool:
        return bool(self._renderers)

    def sides_available(self) -> list[str]:
        return [s for s in SIDES if s in self._renderers]

    def sides_of(self, muscle_id: str) -> list[str]:
        return [s for s, r in self._renderers.items() if r.elementExists(muscle_id)]

    def set_side(self, side: str) -> None:
        if side == self._side or side not in self._renderers:
            return
        self._side = side
        self._regions = None
        self._hover = ""
        self._cursor = -1
        self._update_accessible()
        self.update()

    def set_selected(self, muscle_id: str) -> None:
        """Show ``muscle_id`` as selected (turning the body round if needed); no signal."""
        self._selected = muscle_id
        sides = self.sides_of(muscle_id)
        if muscle_id and sides and self._side not in sides:
            self.set_side(sides[0])
        self._update_accessible()
        self.update()

    def regions(self) -> list[str]:
        """Muscle ids drawn on the current side, top to bottom."""
        return [r.muscle for r in self._ensure_regions()]

    def region_rect(self, muscle_id: str) -> QRect:
        for region in self._ensure_regions():
            if region.muscle == muscle_id:
                return QRect(region.rect)
        return QRect()

    def region_point(self, muscle_id: str) -> QPoint:
        """A point inside the drawn region (its centre when that is inside), for tests and tools."""
        return point_in(self._ensure_regions(), muscle_id)

    def muscle_at(self, pos: QPoint) -> str:
        """The muscle drawn at ``pos``; where regions overlap, the smaller (inner) one wins."""
        return muscle_at(self._ensure_regions(), pos)

    def muscle_name(self, muscle_id: str) -> str:
        muscle = self._catalog.muscles.get(muscle_id)
        return muscle.name if muscle else muscle_id

    # -- geometry ------------------------------------------------------------------------

    def _target(self) -> QRectF:
        renderer = self._renderers.get(self._side)
        if renderer is None:
            return QRectF()
        return fit(renderer, QRectF(self.rect()).adjusted(6, 6, -6, -6))

    def _ensure_regions(self) -> list[Region]:
        if self._regions is None:
            renderer = self._renderers.get(self._side)
            self._regions = [] if renderer is None else build_regions(
                renderer, self._catalog.muscles, self._target())
        return self._regions

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer = self._renderers.get(self._side)
        if renderer is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("The body map is not available.\nUse the muscle list."))
            return
        painter.drawPixmap(0, 0, self._drawing(renderer))
        focus = self._focus_muscle()
        for region in self._ensure_regions():
            if region.muscle == self._selected:
                painter.drawImage(region.rect.topLeft(), tinted(region, 255))
            elif region.muscle in (self._hover, focus):
                painter.drawImage(region.rect.topLeft(), tinted(region, 110))
            if region.muscle == focus:
                pen = QPen(QColor(theme.current().text), 2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(region.rect).adjusted(-3, -3, 3, 3), 4, 4)

    def _drawing(self, renderer: QSvgRenderer) -> QPixmap:
        """The body drawn once per side and size: a muscle click repaints only the highlight."""
        ratio = self.devicePixelRatioF()
        key = (self._side, self.width(), self.height(), ratio)
        if self._cached is None or self._cached[0] != key:
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, self._target())
            painter.end()
            self._cached = (key, pixmap)
        return self._cached[1]

    def _focus_muscle(self) -> str:
        regions = self._ensure_regions()
        if self.hasFocus() and self._keyboard and 0 <= self._cursor < len(regions):
            return regions[self._cursor].muscle
        return ""

    # -- events --------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._regions = None
        self._access.schedule()
        super().resizeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        muscle = self.muscle_at(event.position().toPoint())
        if muscle != self._hover:
            self._hover = muscle
            self.setCursor(Qt.CursorShape.PointingHandCursor if muscle
                           else Qt.CursorShape.ArrowCursor)
            self.hovered.emit(muscle)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover:
            self._hover = ""
            self.hovered.emit("")
            self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self._keyboard = False
        muscle = self.muscle_at(event.position().toPoint())
        if muscle:
            regions = self.regions()
            self._cursor = regions.index(muscle)
            self._choose(muscle)

    def _choose(self, muscle: str) -> None:
        # Clicking the selected muscle again clears the filter.
        self._selected = "" if muscle == self._selected else muscle
        self._update_accessible()
        self.update()
        self.muscle_clicked.emit(self._selected)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            muscle = self.muscle_at(event.pos())
            if muscle:
                QToolTip.showText(event.globalPos(), self.muscle_name(muscle), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        regions = self.regions()
        key = event.key()
        self._keyboard = True
        if regions and key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            if self._cursor < 0:
                start = regions.index(self._selected) if self._selected in regions else -1
                self._cursor = start if start >= 0 else (0 if step > 0 else len(regions) - 1)
            else:
                self._cursor = (self._cursor + step) % len(regions)
            muscle = regions[self._cursor]
            self.hovered.emit(muscle)
            self._update_accessible()
            announce(self, self.muscle_name(muscle))  # what the keyboard is on, said politely
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and \
                0 <= self._cursor < len(regions):
            self._choose(regions[self._cursor])
        elif key == Qt.Key.Key_Escape and self._selected:
            self._choose(self._selected)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._keyboard = event.reason() in (Qt.FocusReason.TabFocusReason,
                                            Qt.FocusReason.BacktabFocusReason,
                                            Qt.FocusReason.ShortcutFocusReason)
        regions = self.regions()
        if self._cursor < 0 and regions:
            self._cursor = regions.index(self._selected) if self._selected in regions else 0
        if 0 <= self._cursor < len(regions):
            self.hovered.emit(regions[self._cursor])
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.hovered.emit("")
        self.update()
        super().focusOutEvent(event)

    def current_muscle(self) -> str:
        """The muscle the keyboard is on ("" when none)."""
        regions = self._regions or []
        return regions[self._cursor].muscle if 0 <= self._cursor < len(regions) else ""

    def _update_accessible(self) -> None:
        if hasattr(self, "_access"):
            self._access.schedule()  # the muscles as list items follow
        self.setAccessibleName(self.tr("Body map, front view") if self._side == "front"
                               else self.tr("Body map, back view"))
        regions = self._regions or []
        current = regions[self._cursor].muscle if 0 <= self._cursor < len(regions) else ""
        parts = [self.tr("Arrow keys move between muscles, Enter filters by the muscle. The "
                         "same muscles are in the Muscles list.")]
        if current:
            parts.insert(0, self.muscle_name(current))
        if self._selected:
            parts.append(self.tr("Selected: {muscle}").format(
                muscle=self.muscle_name(self._selected)))
        self.setAccessibleDescription(" ".join(parts))

