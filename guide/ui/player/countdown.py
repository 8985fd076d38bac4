"""The player's big countdown: whole seconds left inside a ring that fills as the segment runs.

Sized to be read from two metres: the digits scale with the ring, the ring with the widget.
A brief thicker ring is the visual cue that stands in for a sound (halfway, 3-2-1, switch).
It is a QProgressBar underneath, so a screen reader gets a progress bar whose value is the
seconds left (and whose text is the time as shown), with the phase as its description.
"""

import math

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from guide.core.routine.plan import SegmentKind
from guide.ui.common import theme

FLASH_MS = 450


def clock_text(seconds: float) -> str:
    """Whole seconds left, rounded up: 0:25 shows as 25, 90 as 1:30."""
    whole = max(0, math.ceil(seconds - 1e-6))
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return str(whole)


def phase_colour(kind: SegmentKind, paused: bool = False) -> QColor:
    """The ring's and caption's colour for a segment kind, from the theme (AA on the window)."""
    return QColor(theme.current().phase("paused" if paused else kind.value))


class Countdown(QProgressBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._caption = ""
        self._progress = 0.0
        self._colour = phase_colour(SegmentKind.PREPARE)
        self.setTextVisible(False)
        self.setRange(0, 1)
        self.setValue(0)
        self._flashing = False
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self._font_cache: tuple[tuple[int, bool, str], QFont, QFont] | None = None
        self._rings: dict[tuple[int, int, str, float, float, bool], QPixmap] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.setAccessibleName(self.tr("Countdown"))

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def heightForWidth(self, width: int) -> int:
        return width

    @property
    def text(self) -> str:  # type: ignore[override]  # Python only; Qt's text() is the value
        return self._text

    @property
    def caption(self) -> str:
        return self._caption

    def set_state(self, seconds: float, progress: float, kind: SegmentKind, caption: str,
                  paused: bool = False, total: float | None = None) -> None:
        """Show ``seconds`` left of ``total`` (the segment's length). Repaints once a second,
        when the digits change (the ring moves on with them), or when the phase or its colour
        changes; ticks in between change nothing on screen."""
        text = clock_text(seconds)
        colour = phase_colour(kind, paused)
        progress = min(1.0, max(0.0, progress))
        if paused and self._flashing:
            self._end_flash()
        if caption == self._caption and colour == self._colour and text == self._text:
            return
        if caption != self._caption:
            self.setAccessibleDescription(caption)
        self._text, self._caption, self._colour, self._progress = text, caption, colour, progress
        whole = max(0, math.ceil(seconds - 1e-6))
        top = max(whole, math.ceil(total - 1e-6) if total is not None else self.maximum())
        if (self.minimum(), self.maximum()) != (0, top):
            self.setRange(0, top)
        # The value's text ("1:30", as shown) and value: a screen reader hears the change.
        # QProgressBar repaints for them (setValue at once, for short segments): one paint.
        if self.format() != text:
            self.setFormat(text)
            self.setValue(whole)
        else:
            self.setValue(whole)
            self.update()

    def flash(self) -> None:
        """Show the visual cue (a thicker ring) for a moment."""
        self._flashing = True
        self._flash_timer.start()
        self.update(self._ring_area())

    def _end_flash(self) -> None:
        self._flash_timer.stop()
        if self._flashing:
            self._flashing = False
            self.update(self._ring_area())

    def _geometry(self) -> tuple[QRectF, float]:
        """The ring's rectangle and its width, for the widget's size."""
        side = min(self.width(), self.height())
        ring = max(6.0, side * 0.055)
        inset = ring * 1.5  # room for the thicker arc of a flash
        return QRectF((self.width() - side) / 2 + inset, (self.height() - side) / 2 + inset,
                      side - 2 * inset, side - 2 * inset), ring

    def _ring_area(self) -> QRect:
        """Everything the countdown draws: the ring, the glow of a flash and the words."""
        rect, ring = self._geometry()
        return rect.adjusted(-1.5 * ring, -1.5 * ring, 1.5 * ring, 1.5 * ring).toAlignedRect()

    def _number_box(self, rect: QRectF) -> QRectF:
        return QRectF(rect.left(), rect.top() + rect.height() * 0.18, rect.width(),
                      rect.height() * 0.5)

    def paintEvent(self, event: QPaintEvent) -> None:
        rect, ring = self._geometry()
        flash = self._flashing
        painter = QPainter(self)
        painter.setClipRect(event.rect())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(0, 0, self._ring_pixmap(rect, ring, flash))
        if self._progress > 0:
            pen = QPen(self._colour, ring, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # Clockwise from twelve o'clock; Qt angles are 1/16 degree, counter-clockwise.
            painter.drawArc(rect, 90 * 16, -round(self._progress * 360 * 16))
        digits, small = self._fonts(rect.height())
        painter.setFont(digits)
        painter.setPen(QColor(theme.current().text))
        painter.drawText(self._number_box(rect), Qt.AlignmentFlag.AlignCenter, self._text)
        caption_box = QRectF(rect.left(), rect.top() + rect.height() * 0.66, rect.width(),
                             rect.height() * 0.14)
        if self._caption and caption_box.intersects(QRectF(event.rect())):
            painter.setFont(small)
            painter.setPen(self._colour)
            painter.drawText(caption_box, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()

    def _fonts(self, height: float) -> tuple[QFont, QFont]:
        """The digits' and the caption's fonts for a ring ``height`` high (made once a size)."""
        key = (round(height), len(self._text) < 4, self.font().key())
        if self._font_cache is None or self._font_cache[0] != key:
            digits = QFont(self.font())
            digits.setBold(True)
            digits.setPixelSize(max(12, round(height * (0.34 if key[1] else 0.27))))
            small = QFont(self.font())
            small.setPixelSize(max(10, round(height * 0.085)))
            self._font_cache = (key, digits, small)
        return self._font_cache[1], self._font_cache[2]

    def _ring_pixmap(self, rect: QRectF, ring: float, flash: bool) -> QPixmap:
        """The faint full ring (with the glow of a flash around it when ``flash``), drawn once
        per size, colour and flash: a thick antialiased circle costs more than the rest of the
        frame together, and the player comes back to the same few colours."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), self._colour.name(), ring, ratio, flash)
        cached = self._rings.get(key)
        if cached is not None:
            return cached
        if len(self._rings) > 16:  # sizes change with the window: keep the recent ones
            self._rings.clear()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if flash:
            glow = QColor(self._colour)
            glow.setAlphaF(0.35)
            painter.setPen(QPen(glow, ring * 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            painter.drawEllipse(rect)
        track = QColor(self._colour)
        track.setAlphaF(0.18)
        painter.setPen(QPen(track, ring, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(rect)
        painter.end()
        self._rings[key] = pixmap
        return pixmap
