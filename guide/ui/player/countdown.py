"""The player's big countdown: whole seconds left inside a ring that fills as the segment runs.

Sized to be read from two metres: the digits scale with the ring, the ring with the widget.
A thicker, glowing ring is the visual cue that stands in for a sound (halfway, 3-2-1, switch):
it shows with the second the cue belongs to and goes with the next, so it needs no wake-up of
its own (through a 3-2-1 the ring glows until the segment ends).
It is a QProgressBar underneath, so a screen reader gets a progress bar whose value is the
whole seconds left, with the phase as its description.

A second repaints only what moved: the digits that changed and the stretch of ring the arc
grew by. The digits are stamped from pictures of each character made once per size and colour
(text this big is otherwise drawn as outlines, glyph by glyph, at every paint), and a flash
repaints the ring's band, not the words inside it.
"""

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QProgressBar, QSizePolicy, QWidget

from guide.core.routine.plan import SegmentKind
from guide.ui.common import theme
from guide.ui.player.parts import set_value_quietly

GLOW = 1.3  # a flash's glow reaches this many ring widths either side of the ring's middle
SECTORS = 16  # a flash repaints the ring's band as this many boxes around it
DIGITS = "0123456789:"
ARC_SKIP = 0.25  # the arc moving on by more than this part of a turn repaints the whole ring


def clock_text(seconds: float) -> str:
    """Whole seconds left, rounded up: 0:25 shows as 25, 90 as 1:30."""
    whole = max(0, math.ceil(seconds - 1e-6))
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return str(whole)


def phase_colour(kind: SegmentKind, paused: bool = False) -> QColor:
    """The ring's and caption's colour for a segment kind, from the theme (AA on the window)."""
    return QColor(theme.current().phase("paused" if paused else kind.value))


_ZEROS = str.maketrans("123456789", "000000000")


class _Digits:
    """The digits in one font: each character's advance, and pictures of the characters, made
    once per colour (text this big is otherwise drawn from its outlines at every paint)."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        metrics = QFontMetricsF(font)
        self.advances = {char: metrics.horizontalAdvance(char) for char in DIGITS}
        self.height = metrics.height()
        self.ascent = metrics.ascent()
        self.pad = max(2, math.ceil(font.pixelSize() * 0.12))  # glyphs may reach past these
        self._pictures: dict[tuple[str, str, float], QPixmap] = {}

    def picture(self, char: str, colour: str, ratio: float) -> QPixmap:
        key = (char, colour, ratio)
        picture = self._pictures.get(key)
        if picture is None:
            if len(self._pictures) > 3 * len(DIGITS):  # a few colours (themes) at a time
                self._pictures.clear()
            width = self.advances.get(char, 0.0) + 2 * self.pad
            picture = QPixmap(math.ceil(width * ratio),
                              math.ceil((self.height + 2 * self.pad) * ratio))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self.font)
            painter.setPen(QColor(colour))
            painter.drawText(QPointF(self.pad, self.pad + self.ascent), char)
            painter.end()
            self._pictures[key] = picture
        return picture


class _Face:
    """Where the countdown's parts are for one size and font, worked out once per size."""

    def __init__(self, width: int, height: int, font: QFont) -> None:
        side = min(width, height)
        self.ring = ring = max(6.0, side * 0.055)
        inset = ring * 1.5  # room for the thicker arc of a flash
        self.rect = rect = QRectF((width - side) / 2 + inset, (height - side) / 2 + inset,
                                  side - 2 * inset, side - 2 * inset)
        # Everything the countdown draws: the ring, the glow of a flash and the words.
        self.area = rect.adjusted(-1.5 * ring, -1.5 * ring, 1.5 * ring,
                                  1.5 * ring).toAlignedRect()
        self.centre = rect.center()
        self.radius = rect.width() / 2
        self.number_box = QRectF(rect.left(), rect.top() + rect.height() * 0.18, rect.width(),
                                 rect.height() * 0.5)
        self.caption_box = QRectF(rect.left(), rect.top() + rect.height() * 0.66,
                                  rect.width(), rect.height() * 0.14)
        self.caption_font = QFont(font)
        self.caption_font.setPixelSize(max(10, round(rect.height() * 0.085)))
        self._font = font
        self._digits: dict[bool, _Digits] = {}
        self._cells: dict[str, list[QRect]] = {}
        self._inks: dict[str, QRect] = {}
        self._band: QRegion | None = None

    def digits(self, text: str) -> _Digits:
        """The digits' font for ``text``: short texts (seconds alone) are drawn bigger."""
        short = len(text) < 4
        digits = self._digits.get(short)
        if digits is None:
            font = QFont(self._font)
            font.setBold(True)
            font.setPixelSize(max(12, round(self.rect.height() * (0.34 if short else 0.27))))
            digits = self._digits[short] = _Digits(font)
        return digits

    def cells(self, text: str) -> list[tuple[QRect, str]]:
        """Where each character of ``text`` is stamped: centred in the number box, on one
        baseline, with room for glyphs that reach past their advance. The digits are all as
        wide, so the places depend only on where the colon is."""
        shape = text.translate(_ZEROS)
        places = self._cells.get(shape)
        if places is None:
            digits = self.digits(text)
            widths = [digits.advances.get(char, 0.0) for char in shape]
            x = self.number_box.center().x() - sum(widths) / 2
            top = self.number_box.center().y() - digits.height / 2 - digits.pad
            pad, height = digits.pad, digits.height + 2 * digits.pad
            places = []
            for width in widths:
                places.append(QRectF(x - pad, top, width + 2 * pad, height).toAlignedRect())
                x += width
            self._cells[shape] = places
        return list(zip(places, text, strict=True))

    def caption_ink(self, text: str) -> QRect:
        """Where the caption ``text`` draws: its line, centred in the caption box. A second's
        repaint that misses it (the digits' boxes reach just into the caption box) leaves the
        caption as it is, rather than laying its text out again."""
        ink = self._inks.get(text)
        if ink is None:
            line = QFontMetricsF(self.caption_font).boundingRect(
                self.caption_box, Qt.AlignmentFlag.AlignCenter, text)
            ink = self._inks[text] = line.adjusted(-2, -2, 2, 2).toAlignedRect()
        return ink

    def point(self, turn: float, radius: float) -> tuple[float, float]:
        """The point ``turn`` (a part of the turn) clockwise from twelve o'clock, ``radius``
        from the centre."""
        angle = 2 * math.pi * turn
        return (self.centre.x() + radius * math.sin(angle),
                self.centre.y() - radius * math.cos(angle))

    def arc_box(self, start: float, end: float) -> QRect:
        """Where the progress arc changes growing from ``start`` to ``end``: the box around
        that stretch of the ring, widened by half the line (a round end reaches as far) and
        the antialiasing."""
        turns = [start, end] + [q / 4 for q in range(1, 4) if start < q / 4 < end]
        return _box([self.point(turn, self.radius) for turn in turns], self.ring / 2 + 2)

    @property
    def band(self) -> QRegion:
        """The ring with a flash's glow, as boxes around it, without the words inside."""
        if self._band is None:
            inner = self.radius - GLOW * self.ring - 2
            outer = self.radius + GLOW * self.ring + 2
            self._band = QRegion()
            for sector in range(SECTORS):
                turns = (sector / SECTORS, (sector + 1) / SECTORS)
                self._band += _box([self.point(t, r) for t in turns for r in (inner, outer)], 1)
        return self._band


def _box(points: list[tuple[float, float]], pad: float) -> QRect:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                  max(ys) - min(ys) + 2 * pad).toAlignedRect()


class Countdown(QProgressBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._caption = ""
        self._progress = 0.0
        self._phase = SegmentKind.PREPARE.value
        self._colour = phase_colour(SegmentKind.PREPARE)
        # What the next paint draws, made when first needed after a change.
        self._ring: QPixmap | None = None  # the faint ring
        self._pen: QPen | None = None  # the arc's
        self._stamps: list[tuple[QPoint, QPixmap]] | None = None  # the digits
        self._ratio = 1.0  # the device pixel ratio they were made for
        # Its text is never drawn (paintEvent is its own), but a visible "%v" lets
        # QProgressBar.setValue see at once that a new value needs a repaint, instead of asking
        # the style how wide the groove is at every second.
        self.setTextVisible(True)
        self.setFormat("%v")
        self.setRange(0, 1)
        self.setValue(0)
        self._flashing = False
        self._flash_fresh = False  # the cue's own second has not been shown yet
        self._face_cache: _Face | None = None
        self._rings: dict[tuple[int, int, str, float, bool, str], QPixmap] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Small enough to fit a 1280x800 screen at 150 % under the words; the digits still
        # read at this size.
        self.setMinimumSize(96, 96)
        # It paints every pixel of itself (the faint ring comes on the window's colour), so a
        # second's repaint stops here instead of repainting every widget behind it first, and
        # Qt does not fill the background before the ring covers it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
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

    @property
    def flashing(self) -> bool:
        """True while the visual cue (the thicker ring) shows."""
        return self._flashing

    def set_state(self, seconds: float, progress: float, kind: SegmentKind, caption: str,
                  paused: bool = False, total: float | None = None) -> None:
        """Show ``seconds`` left of ``total`` (the segment's length). Repaints once a second,
        when the digits change (the ring moves on with them), or when the phase or its colour
        changes; ticks in between change nothing on screen."""
        text = clock_text(seconds)
        phase = "paused" if paused else kind.value
        if paused and self._flashing:
            self._end_flash()
        if text == self._text and phase == self._phase and caption == self._caption:
            return
        progress = min(1.0, max(0.0, progress))
        if self._flashing and text != self._text:
            if self._flash_fresh:
                self._flash_fresh = False
            else:
                self._end_flash()
        moved = None
        if phase == self._phase and caption == self._caption:
            moved = self._moved(text, progress)
        else:
            self.setAccessibleDescription(caption)
            self._phase, self._colour = phase, phase_colour(kind, paused)
            self._ring = self._pen = None
        if text != self._text:
            self._stamps = None
        self._text, self._caption, self._progress = text, caption, progress
        whole = max(0, math.ceil(seconds - 1e-6))
        # The value a screen reader hears (whole seconds: 90 while "1:30" shows); the
        # repaint is only of what changed, below, with the rest of the window.
        set_value_quietly(self, whole, max(whole, math.ceil(total - 1e-6) if total is not None
                                           else self.maximum()))
        self.update(self._face().area if moved is None else moved)

    def flash(self) -> None:
        """Show the visual cue (a thicker ring) from now until the countdown has moved on
        past the second the cue belongs to."""
        self._flash_fresh = True
        if not self._flashing:
            self._flashing, self._ring = True, None
            self.update(self._face().band)

    def _end_flash(self) -> None:
        self._flash_fresh = False
        if self._flashing:
            self._flashing, self._ring = False, None
            self.update(self._face().band)

    def _face(self) -> _Face:
        if self._face_cache is None:
            self._face_cache = _Face(self.width(), self.height(), self.font())
        return self._face_cache

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._forget_drawing()
        super().resizeEvent(event)

    def _forget_drawing(self) -> None:
        """Everything drawn is made again (a new size, font, theme or screen)."""
        self._face_cache = None
        self._ring = self._pen = self._stamps = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._forget_drawing()
        elif event.type() == QEvent.Type.PaletteChange:
            self._phase = ""  # the theme changed: its colours are looked up again at the next
            self._forget_drawing()  # state shown, as the rest of the player's are
        super().changeEvent(event)

    def _moved(self, text: str, progress: float) -> QRegion | None:
        """What changes on screen going from the shown state to ``text`` and ``progress``: the
        digits that differ and the stretch of ring the arc grew by (None: all of it)."""
        if not self._progress <= progress <= self._progress + ARC_SKIP:
            return None
        face = self._face()
        region = QRegion(face.arc_box(self._progress, progress))
        old, new = face.cells(self._text), face.cells(text)
        if len(old) == len(new) and face.digits(text) is face.digits(self._text):
            changed = [cell for (cell, char), (_, was) in zip(new, old, strict=True)
                       if char != was]
        else:  # the digits moved or changed size: all of them, old and new
            changed = [cell for cell, _ in old + new]
        for cell in changed:
            region += cell
        return region

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        # Kept to a few calls: it runs once a second, when caches have gone cold.
        if self.devicePixelRatioF() != self._ratio:  # moved to a screen of another scale
            self._forget_drawing()
            self._ratio = self.devicePixelRatioF()
        face = self._face()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawPixmap(0, 0, self._ring or self._make_ring(face))
        if self._progress > 0:
            painter.setPen(self._pen or self._make_pen(face))
            # Clockwise from twelve o'clock; Qt angles are 1/16 degree, counter-clockwise.
            painter.drawArc(face.rect, 1440, -round(self._progress * 5760))
        for place, picture in self._stamps or self._make_stamps(face):
            painter.drawPixmap(place, picture)
        if self._caption and event.region().intersects(face.caption_ink(self._caption)):
            painter.setFont(face.caption_font)
            painter.setPen(self._colour)
            painter.drawText(face.caption_box, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()

    def _make_ring(self, face: _Face) -> QPixmap:
        self._ring = self._ring_pixmap(face, self._ratio, self._flashing)
        return self._ring

    def _make_pen(self, face: _Face) -> QPen:
        self._pen = QPen(self._colour, face.ring, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        return self._pen

    def _make_stamps(self, face: _Face) -> list[tuple[QPoint, QPixmap]]:
        """The digits as pictures and where they go, for the text shown."""
        digits, ratio, colour = face.digits(self._text), self._ratio, theme.current().text
        self._stamps = [(cell.topLeft(), digits.picture(char, colour, ratio))
                        for cell, char in face.cells(self._text)]
        return self._stamps

    def _ring_pixmap(self, face: _Face, ratio: float, flash: bool) -> QPixmap:
        """The countdown's background: the window's colour with the faint full ring (and the
        glow of a flash around it when ``flash``), drawn once per size, colour and flash: a
        thick antialiased circle costs more than the rest of the frame together, and the
        player comes back to the same few colours. It is opaque, so a second's repaint copies
        it rather than blending it over a filled background."""
        background = self.palette().color(self.backgroundRole())
        key = (self.width(), self.height(), self._colour.name(), ratio, flash,
               background.name())
        cached = self._rings.get(key)
        if cached is not None:
            return cached
        if len(self._rings) > 16:  # sizes change with the window: keep the recent ones
            self._rings.clear()
        # Rounded up: at 150 % the last column and row of pixels are covered too.
        pixmap = QPixmap(math.ceil(self.width() * ratio), math.ceil(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(background)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if flash:
            glow = QColor(self._colour)
            glow.setAlphaF(0.35)
            painter.setPen(QPen(glow, face.ring * 2 * GLOW, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.FlatCap))
            painter.drawEllipse(face.rect)
        track = QColor(self._colour)
        track.setAlphaF(0.18)
        painter.setPen(QPen(track, face.ring, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(face.rect)
        painter.end()
        self._rings[key] = pixmap
        return pixmap
