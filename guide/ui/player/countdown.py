"""The player's big countdown: whole seconds left inside a ring that fills as the segment runs.

Sized to be read from two metres: the digits scale with the ring, the ring with the widget.
A brief thicker ring is the visual cue that stands in for a sound (halfway, 3-2-1, switch).
It is a QProgressBar underneath, so a screen reader gets a progress bar whose value is the
seconds left (and whose text is the time as shown), with the phase as its description.
"""

import math
import time

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from guide.core.routine.plan import SegmentKind
from guide.ui.common import theme

FLASH_SECONDS = 0.45


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
        self._flash_until = 0.0
        self._track: tuple[tuple[int, int, str, float, float], QPixmap] | None = None
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
        """Show ``seconds`` left of ``total`` (the segment's length)."""
        text = clock_text(seconds)
        colour = phase_colour(kind, paused)
        progress = min(1.0, max(0.0, progress))
        flashing = self._flash_until > 0 and (paused or time.monotonic() >= self._flash_until)
        if flashing:
            self._flash_until = 0.0
        changed = (text != self._text or caption != self._caption or colour != self._colour
                   or flashing or abs(progress - self._progress) > 0.001)
        if text != self._text or total is not None:
            whole = max(0, math.ceil(seconds - 1e-6))
            top = max(whole, math.ceil(total - 1e-6) if total is not None else self.maximum())
            if (self.minimum(), self.maximum()) != (0, top):
                self.setRange(0, top)
            self.setFormat(text)  # the value's text: "1:30", as shown
            self.setValue(whole)  # a value-changed event for screen readers
        if caption != self._caption:
            self.setAccessibleDescription(caption)
        self._text, self._caption, self._colour, self._progress = text, caption, colour, progress
        if changed:
            self.update()

    def flash(self) -> None:
        """Show the visual cue; it clears on a later :meth:`set_state`."""
        self._flash_until = time.monotonic() + FLASH_SECONDS
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        flash = self._flash_until > 0
        ring = max(6.0, side * 0.055)
        inset = ring * 1.5  # room for the thicker arc of a flash
        rect = QRectF((self.width() - side) / 2 + inset, (self.height() - side) / 2 + inset,
                      side - 2 * inset, side - 2 * inset)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(0, 0, self._track_pixmap(rect, ring))
        if flash:
            glow = QColor(self._colour)
            glow.setAlphaF(0.35)
            painter.setPen(QPen(glow, ring * 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            painter.drawArc(rect, 0, 360 * 16)
        if self._progress > 0:
            pen = QPen(self._colour, ring, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # Clockwise from twelve o'clock; Qt angles are 1/16 degree, counter-clockwise.
            painter.drawArc(rect, 90 * 16, -round(self._progress * 360 * 16))
        text_colour = QColor(theme.current().text)
        digits = QFont(self.font())
        digits.setBold(True)
        digits.setPixelSize(max(12, round(rect.height() * (0.34 if len(self._text) < 4
                                                           else 0.27))))
        painter.setFont(digits)
        painter.setPen(text_colour)
        number_box = QRectF(rect.left(), rect.top() + rect.height() * 0.18, rect.width(),
                            rect.height() * 0.5)
        painter.drawText(number_box, Qt.AlignmentFlag.AlignCenter, self._text)
        if self._caption:
            small = QFont(self.font())
            small.setPixelSize(max(10, round(rect.height() * 0.085)))
            painter.setFont(small)
            painter.setPen(self._colour)
            caption_box = QRectF(rect.left(), rect.top() + rect.height() * 0.66, rect.width(),
                                 rect.height() * 0.14)
            painter.drawText(caption_box, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()

    def _track_pixmap(self, rect: QRectF, ring: float) -> QPixmap:
        """The faint full ring, drawn once per size and colour: a thick antialiased ellipse
        costs more than the rest of the frame together."""
        key = (self.width(), self.height(), self._colour.name(), ring,
               self.devicePixelRatioF())
        if self._track is not None and self._track[0] == key:
            return self._track[1]
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QColor(self._colour)
        track.setAlphaF(0.18)
        painter.setPen(QPen(track, ring, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(rect)
        painter.end()
        self._track = (key, pixmap)
        return pixmap
