"""Small pieces of the player: the illustration, the thin progress bar, and widget helpers.

The helpers only touch Qt when something changed: the player refreshes every second, and a
setter that changes nothing still costs a layout or a repaint.
"""

import math
import re
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QShowEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from guide.ui.common import theme
from guide.ui.common.fonts import scaled
from guide.ui.common.pictures import picture_description
from guide.ui.common.svg import load_svg

_DIGIT = re.compile("[0-9]")


def set_shown(widget: QWidget, visible: bool) -> None:
    if widget.isHidden() == visible:
        widget.setVisible(visible)


def set_value_quietly(bar: QProgressBar, value: int, maximum: int | None = None) -> None:
    """Set the value a screen reader hears without QProgressBar's own repaint: it repaints
    the whole bar at once for a new value, each in a frame of its own. The caller asks for what
    changed to be repainted, with the rest of the window's changes, in one frame."""
    bar.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, True)
    try:
        if maximum is not None and bar.maximum() != maximum:
            bar.setRange(0, maximum)
        bar.setValue(value)
    finally:
        bar.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, False)


def set_text(label: QLabel, text: str) -> None:
    """Set the text, and hide the label while it is empty."""
    if label.text() != text:
        label.setText(text)
    set_shown(label, bool(text))


class SteadyLabel(QLabel):
    """A label whose text changes every second (the time left). It keeps the size of its text,
    so a new text as wide as the last repaints the label alone: a QLabel of free size asks the
    whole window to lay itself out again at every setText. Texts that differ only in their
    digits are taken as the same size (the digits are all as wide), so it is measured again
    only when that changes."""

    _shape = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)  # its repaint stops here, as the countdown's does

    def set_steady_text(self, text: str) -> None:
        if text != self.text():
            self.setText(text)
            shape = _DIGIT.sub("0", text)
            if shape != self._shape:
                self._shape = shape
                self._fit()

    def _fit(self) -> None:
        hint = self.sizeHint()
        if self.minimumSize() != hint or self.maximumSize() != hint:
            self.setFixedSize(hint)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._shape = ""
            self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        """One line at its baseline: QLabel lays its text out as a paragraph, with line breaks
        looked for, at every paint, which was most of the cost of this label's second."""
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        painter.drawText(QPointF(rect.left(), rect.top() + (rect.height() - metrics.height()) / 2
                                 + metrics.ascent()), self.text())
        painter.end()


def control_button(text: str, tip: str) -> QPushButton:
    """A player control: in the Tab order with a visible focus ring; Enter presses it, while
    the player's keys (Space, arrows, Esc ...) keep working when it has the focus."""
    button = QPushButton(text)
    button.setObjectName("control")
    button.setToolTip(tip)
    button.setAccessibleDescription(tip)
    button.setAutoDefault(True)  # Enter presses the focused button
    scaled(button, 1.15)
    return button


CONTROL_STYLE = """
QPushButton#control { background: $base; color: $base_text; border: 1px solid $muted;
                      border-radius: 6px; padding: 6px 14px; }
QPushButton#control:hover { border-color: $text; }
QPushButton#control:checked { background: $accent; color: $on_accent; border-color: $accent; }
QPushButton#control:focus { border: 3px solid $focus; padding: 4px 12px; }
"""


class Illustration(QWidget):
    """An SVG drawn to fit on a light card (the pictures are dark-on-light, so they stay
    readable on a dark desktop), flipped for the other side; a quiet placeholder when there is
    none. Its accessible description is what the picture shows (the SVG's own title)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._renderer: QSvgRenderer | None = None
        self._mirrored = False
        self._cache: dict[Path, QSvgRenderer | None] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)
        self.setAccessibleName(self.tr("Illustration"))

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    @property
    def has_picture(self) -> bool:
        return self._renderer is not None

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    def show_file(self, path: Path | None, mirrored: bool, description: str = "") -> None:
        """Show ``path``; ``description`` is used when the picture does not describe itself."""
        if path == self._path and mirrored == self._mirrored:
            return
        self._path, self._mirrored = path, mirrored
        if path is not None and path not in self._cache:
            self._cache[path] = load_svg(path) if path.suffix.lower() == ".svg" else None
        self._renderer = self._cache.get(path) if path is not None else None
        own = picture_description(path) if self._renderer is not None and path else ""
        self.setAccessibleDescription(own or description)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        if self._renderer is None:
            self._paint_placeholder(painter, area)
            painter.end()
            return
        colours = theme.current()
        painter.setPen(QPen(QColor(colours.card_border), 1))
        painter.setBrush(QColor(colours.card))
        radius = min(area.width(), area.height()) * 0.04
        painter.drawRoundedRect(area, radius, radius)
        area = area.adjusted(6, 6, -6, -6)
        size = self._renderer.defaultSize()
        scale = min(area.width() / max(1, size.width()), area.height() / max(1, size.height()))
        width, height = size.width() * scale, size.height() * scale
        target = QRectF(area.center().x() - width / 2, area.center().y() - height / 2,
                        width, height)
        if self._mirrored:
            painter.translate(target.center().x() * 2, 0)
            painter.scale(-1, 1)
        self._renderer.render(painter, target)
        painter.end()

    def _paint_placeholder(self, painter: QPainter, area: QRectF) -> None:
        colour = self.palette().color(QPalette.ColorRole.Mid)
        fill = QColor(colour)
        fill.setAlphaF(0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        radius = min(area.width(), area.height()) * 0.06
        painter.drawRoundedRect(area, radius, radius)
        # A simple standing figure, so the space reads as "picture goes here", not as an error.
        unit = min(area.width(), area.height()) / 10
        centre = area.center()
        faint = QColor(colour)
        faint.setAlphaF(0.45)
        painter.setPen(QPen(faint, unit * 0.35, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        head = centre.y() - unit * 2.6
        painter.drawEllipse(QRectF(centre.x() - unit * 0.6, head - unit * 0.6, unit * 1.2,
                                   unit * 1.2))
        hip = centre.y() + unit * 0.8
        x, y = centre.x(), centre.y()
        painter.drawLine(int(x), int(head + unit * 0.8), int(x), int(hip))
        painter.drawLine(int(x), int(y - unit * 1.2), int(x - unit * 1.3), int(y + unit * 0.2))
        painter.drawLine(int(x), int(y - unit * 1.2), int(x + unit * 1.3), int(y + unit * 0.2))
        painter.drawLine(int(x), int(hip), int(x - unit * 0.9), int(y + unit * 3.2))
        painter.drawLine(int(x), int(hip), int(x + unit * 0.9), int(y + unit * 3.2))


class PaintedBar(QProgressBar):
    """A progress bar that paints every pixel of itself; screen readers still hear a progress
    bar. It tells Qt so, and a repaint then stops at it instead of repainting every widget
    behind it first. Qt's own styles (Fusion among them) take that back from every progress bar
    they polish, so it is said again after each polish: when it is shown and when its style
    changes (a theme change restyles the player)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def showEvent(self, event: QShowEvent) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


class ThinBar(PaintedBar):
    """Overall progress as a plain thin bar, painted here (a styled QProgressBar repaints
    synchronously on every setValue, which alone cost more CPU than the rest of the player).
    Screen readers get a progress bar in whole percent; it changes only when the percent does.
    A new value repaints only the strip between the old end of the bar and the new one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0.0
        self._colours: tuple[theme.Theme, QColor, QColor] | None = None  # theme, track, done
        self.setRange(0, 100)
        self.setValue(0)
        # Its text is never drawn (paintEvent is its own), but a visible "%p%" lets
        # QProgressBar.setValue see at once that a new percent needs a repaint, instead of
        # asking the style how wide the groove is at every change.
        self.setTextVisible(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(max(6, self.fontMetrics().height() // 3))

    @property
    def value_fraction(self) -> float:
        return self._value

    def _done_width(self, value: float) -> int:
        width = self.width()
        return width - round(width * (1 - value))

    def set_value(self, value: float) -> None:
        value = min(1.0, max(0.0, value))
        was, now = self._done_width(self._value), self._done_width(value)
        if was != now:
            left = min(was, now)
            if self.isRightToLeft():
                left = self.width() - max(was, now)
            self.update(left, 0, abs(now - was), self.height())
        self._value = value
        percent = math.floor(value * 100 + 1e-9)
        if percent != self.value():
            set_value_quietly(self, percent)

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = theme.current()
        if self._colours is None or self._colours[0] is not colours:
            self._colours = (colours, QColor(colours.border), QColor(colours.accent_text))
        _, track, done_colour = self._colours
        painter = QPainter(self)
        rect = self.rect()
        painter.fillRect(rect, track)
        done = self._done_width(self._value)
        painter.fillRect(rect.width() - done if self.isRightToLeft() else 0, 0, done,
                         rect.height(), done_colour)
        painter.end()
