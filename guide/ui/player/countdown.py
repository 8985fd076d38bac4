"""The player's big countdown: whole seconds left inside a ring that fills as the segment runs.

Sized to be read from two metres: the digits scale with the ring, the ring with the widget.
A thicker, glowing ring is the visual cue that stands in for a sound (halfway, 3-2-1, switch):
it shows with the second the cue belongs to and goes with the next, so it needs no wake-up of
its own (through a 3-2-1 the ring glows until the segment ends).
It is a QProgressBar underneath, so a screen reader gets a progress bar whose value is the
whole seconds left, with the phase as its description.

A second repaints only what moved: the digits that changed and the stretch of ring the arc
grew by, from the places and digit pictures of :mod:`guide.ui.player.face`; a flash repaints the
ring's band, not the words inside it.
"""

import math

from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from guide.core.routine.plan import SegmentKind
from guide.ui.common import theme
from guide.ui.player.face import GLOW, Face
from guide.ui.player.parts import PaintedBar, set_value_quietly

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


class Countdown(PaintedBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._caption = ""
        self._progress = 0.0
        # A second's repaint not painted yet, and where the arc was before it: a paint of that
        # region alone draws the arc from there on (the rest of the arc is outside it).
        self._unpainted: QRegion | None = None
        self._arc_from = 0.0
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
        self._face_cache: Face | None = None
        self._rings: dict[tuple[int, int, str, float, bool, str], QPixmap] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Small enough to fit a 1280x800 screen at 150 % under the words; the digits still
        # read at this size.
        self.setMinimumSize(96, 96)
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
        face = self._face()
        if moved is None or not (face.clear_of_ring(text) and face.clear_of_ring(self._text)):
            self._unpainted = None  # the repaint reaches the arc elsewhere: all of it is drawn
        elif self._unpainted is None:
            self._unpainted, self._arc_from = QRegion(moved), self._progress
        else:  # two seconds before one paint: the arc is drawn from the first's start
            self._unpainted += moved
        self._text, self._caption, self._progress = text, caption, progress
        whole = max(0, math.ceil(seconds - 1e-6))
        # The value a screen reader hears (whole seconds: 90 while "1:30" shows); the
        # repaint is only of what changed, below, with the rest of the window.
        set_value_quietly(self, whole, max(whole, math.ceil(total - 1e-6) if total is not None
                                           else self.maximum()))
        self.update(face.area if moved is None else moved)

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

    def _face(self) -> Face:
        if self._face_cache is None:
            self._face_cache = Face(self.width(), self.height(), self.font())
        return self._face_cache

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._forget_drawing()
        super().resizeEvent(event)

    def _forget_drawing(self) -> None:
        """Everything drawn is made again (a new size, font, theme or screen)."""
        self._face_cache = None
        self._ring = self._pen = self._stamps = None
        self._unpainted = None  # its places were the old face's: the next paint draws all

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
            # Clockwise from twelve o'clock; Qt angles are 1/16 degree, counter-clockwise. The
            # whole arc costs several times its last stretch, most of it outside a second's
            # repaint: only the stretch that repaint reaches is drawn.
            start = round(self._arc_start(face, event.region()) * 5760)
            painter.drawArc(face.rect, 1440 - start, start - round(self._progress * 5760))
        self._unpainted = None
        for place, picture in self._stamps or self._make_stamps(face):
            painter.drawPixmap(place, picture)
        if self._caption and event.region().intersects(face.caption_ink(self._caption)):
            painter.setFont(face.caption_font)
            painter.setPen(self._colour)
            painter.drawText(face.caption_box, Qt.AlignmentFlag.AlignCenter, self._caption)
        painter.end()

    def _arc_start(self, face: Face, region: QRegion) -> float:
        """Where along the ring (a part of the turn) the arc has to be drawn from to paint
        ``region``: a little before where it was, for a second's repaint of what moved; from
        twelve o'clock for anything else, or when that would come near twelve o'clock."""
        if self._unpainted is None or not region.subtracted(self._unpainted).isEmpty():
            return 0.0
        start = self._arc_from - face.arc_margin
        if start <= 0 or self._progress + face.arc_margin >= 1:
            return 0.0
        return start

    def _make_ring(self, face: Face) -> QPixmap:
        self._ring = self._ring_pixmap(face, self._ratio, self._flashing)
        return self._ring

    def _make_pen(self, face: Face) -> QPen:
        self._pen = QPen(self._colour, face.ring, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        return self._pen

    def _make_stamps(self, face: Face) -> list[tuple[QPoint, QPixmap]]:
        """The digits as pictures and where they go, for the text shown."""
        digits, ratio, colour = face.digits(self._text), self._ratio, theme.current().text
        self._stamps = [(cell.topLeft(), digits.picture(char, colour, ratio))
                        for cell, char in face.cells(self._text)]
        return self._stamps

    def _ring_pixmap(self, face: Face, ratio: float, flash: bool) -> QPixmap:
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
