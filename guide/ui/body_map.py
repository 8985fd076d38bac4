"""The body map: front and back drawings whose muscle regions name themselves and filter on click.

The drawings are ``media/bodymap/front.svg`` and ``back.svg``; every clickable region is an
element whose id is a muscle id. Each region is rendered once into its own small offscreen mask,
so hover and click hit-tests follow the drawn outline to the pixel, and the highlight of the
hovered or selected muscle is that same mask tinted in the accent colour.
"""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from guide.core.catalog import Catalog

ACCENT = QColor("#e4572e")
SIDES = ("front", "back")


@dataclass
class _Region:
    muscle: str
    rect: QRect  # widget coordinates
    mask: QImage  # the region alone, drawn into rect
    tinted: dict[int, QImage]


class BodyCanvas(QWidget):
    """The drawing itself: hover, click and keyboard selection of muscle regions."""

    muscle_clicked = Signal(str)
    hovered = Signal(str)  # muscle id under the pointer or keyboard cursor, "" for none

    def __init__(self, catalog: Catalog, svgs: dict[str, Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._renderers: dict[str, QSvgRenderer] = {}
        for side, path in svgs.items():
            if path is not None:
                renderer = QSvgRenderer(str(path), self)
                if renderer.isValid():
                    self._renderers[side] = renderer
        self._side = next((s for s in SIDES if s in self._renderers), "front")
        self._regions: list[_Region] | None = None
        self._hover = ""
        self._cursor = -1  # keyboard position in the region list
        self._selected = ""
        self._keyboard = False  # show the focus outline only while the keyboard is in use
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(150, 300))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._update_accessible()

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
        for region in self._ensure_regions():
            if region.muscle != muscle_id:
                continue
            centre = region.rect.center()
            if self.muscle_at(centre) == muscle_id:
                return centre
            for y in range(region.mask.height()):
                for x in range(region.mask.width()):
                    point = region.rect.topLeft() + QPoint(x, y)
                    if region.mask.pixelColor(x, y).alpha() > 128 and \
                            self.muscle_at(point) == muscle_id:
                        return point
        return QPoint(-1, -1)

    def muscle_at(self, pos: QPoint) -> str:
        """The muscle drawn at ``pos``; where regions overlap, the smaller (inner) one wins."""
        best, best_area = "", 0
        for region in self._ensure_regions():
            if region.rect.contains(pos):
                local = pos - region.rect.topLeft()
                area = region.rect.width() * region.rect.height()
                if region.mask.pixelColor(local.x(), local.y()).alpha() > 40 and \
                        (not best or area < best_area):
                    best, best_area = region.muscle, area
        return best

    def muscle_name(self, muscle_id: str) -> str:
        muscle = self._catalog.muscles.get(muscle_id)
        return muscle.name if muscle else muscle_id

    # -- geometry ------------------------------------------------------------------------

    def _target(self) -> QRectF:
        renderer = self._renderers.get(self._side)
        if renderer is None:
            return QRectF()
        view = renderer.viewBoxF()
        area = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        if view.isEmpty() or area.isEmpty():
            return area
        scale = min(area.width() / view.width(), area.height() / view.height())
        w, h = view.width() * scale, view.height() * scale
        return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)

    def _ensure_regions(self) -> list[_Region]:
        if self._regions is not None:
            return self._regions
        self._regions = []
        renderer = self._renderers.get(self._side)
        target = self._target()
        if renderer is None or target.isEmpty():
            return self._regions
        view = renderer.viewBoxF()
        scale = target.width() / view.width()
        for muscle in self._catalog.muscles:
            if not renderer.elementExists(muscle):
                continue
            bounds = renderer.transformForElement(muscle).mapRect(
                renderer.boundsOnElement(muscle))
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
            self._regions.append(_Region(muscle, rect, mask, {}))
        self._regions.sort(key=lambda r: (r.rect.center().y(), r.rect.center().x()))
        return self._regions

    @staticmethod
    def _tinted(region: _Region, alpha: int) -> QImage:
        image = region.tinted.get(alpha)
        if image is None:
            image = region.tinted[alpha] = region.mask.copy()
            colour = QColor(ACCENT)
            colour.setAlpha(alpha)
            painter = QPainter(image)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(image.rect(), colour)
            painter.end()
        return image

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer = self._renderers.get(self._side)
        if renderer is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("The body map is not available.\nUse the muscle list."))
            return
        renderer.render(painter, self._target())
        focus = self._focus_muscle()
        for region in self._ensure_regions():
            if region.muscle == self._selected:
                painter.drawImage(region.rect.topLeft(), self._tinted(region, 255))
            elif region.muscle in (self._hover, focus):
                painter.drawImage(region.rect.topLeft(), self._tinted(region, 110))
            if region.muscle == focus:
                pen = QPen(QColor("#26323f"), 1.5, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(region.rect).adjusted(-3, -3, 3, 3), 4, 4)

    def _focus_muscle(self) -> str:
        regions = self._ensure_regions()
        if self.hasFocus() and self._keyboard and 0 <= self._cursor < len(regions):
            return regions[self._cursor].muscle
        return ""

    # -- events --------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._regions = None
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

    def _update_accessible(self) -> None:
        view = self.tr("front view") if self._side == "front" else self.tr("back view")
        self.setAccessibleName(self.tr("Body map, {0}").format(view))
        regions = self._regions or []
        current = regions[self._cursor].muscle if 0 <= self._cursor < len(regions) else ""
        parts = [self.tr("Arrow keys move between muscles, Enter filters by the muscle.")]
        if current:
            parts.insert(0, self.muscle_name(current))
        if self._selected:
            parts.append(self.tr("Selected: {0}").format(self.muscle_name(self._selected)))
        self.setAccessibleDescription(" ".join(parts))


class BodyMap(QWidget):
    """The body map with its front/back switch and a caption naming the muscle under the pointer.

    ``muscle_clicked(id)`` is emitted when a region is clicked or chosen with Enter; clicking the
    selected muscle again emits ``""`` (no muscle filter).
    """

    muscle_clicked = Signal(str)

    def __init__(self, catalog: Catalog, svgs: dict[str, Path | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if svgs is None:
            svgs = {side: catalog.media_path(f"bodymap/{side}.svg") for side in SIDES}
        self.canvas = BodyCanvas(catalog, svgs)
        self.canvas.muscle_clicked.connect(self.muscle_clicked)
        self.canvas.muscle_clicked.connect(self._show_caption)
        self.canvas.hovered.connect(self._show_caption)

        self._buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        switch.addStretch(1)
        labels = {"front": self.tr("Front"), "back": self.tr("Back")}
        for n, side in enumerate(SIDES):
            button = QToolButton()
            button.setText(labels[side])
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Show the body from the {0}").format(
                labels[side].lower()))
            button.setObjectName("sideButton")
            button.setEnabled(side in self.canvas.sides_available())
            button.setChecked(side == self.canvas.side)
            self._buttons.addButton(button, n)
            switch.addWidget(button)
        switch.addStretch(1)
        self._buttons.idClicked.connect(self._on_side)

        self.caption = QLabel()
        self.caption.setObjectName("bodyCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        font = QFont(self.caption.font())
        font.setPointSizeF(font.pointSizeF() * 0.95)
        self.caption.setFont(font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(switch)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        self.setStyleSheet(_STYLE)
        self._show_caption("")

    def set_side(self, side: str) -> None:
        self.canvas.set_side(side)
        self._sync_buttons()

    def set_selected(self, muscle_id: str) -> None:
        self.canvas.set_selected(muscle_id)
        self._sync_buttons()
        self._show_caption("")

    def _sync_buttons(self) -> None:
        button = self._buttons.button(SIDES.index(self.canvas.side))
        if button is not None:
            button.setChecked(True)

    @Slot(int)
    def _on_side(self, n: int) -> None:
        self.canvas.set_side(SIDES[n])

    @Slot(str)
    def _show_caption(self, muscle: str) -> None:
        if muscle:
            self.caption.setText(self.canvas.muscle_name(muscle))
        elif self.canvas.selected:
            self.caption.setText(self.canvas.muscle_name(self.canvas.selected))
        elif self.canvas.available():
            self.caption.setText(self.tr("Point at a muscle; click to filter"))
        else:
            self.caption.setText("")


_STYLE = """
QToolButton#sideButton { padding: 4px 14px; border: 1px solid #b9c0ca; background: white; }
QToolButton#sideButton:checked { background: #26323f; color: white; border-color: #26323f; }
QToolButton#sideButton:focus { border: 2px solid #e4572e; }
QLabel#bodyCaption { color: #3a4450; min-height: 2.6em; font-weight: bold; }
"""
