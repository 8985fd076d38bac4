"""Where the countdown's parts go at one size, and pictures of its digits.

The digits are stamped from pictures of each character made once per size and colour (text this
big is otherwise drawn as outlines, glyph by glyph, at every paint); the places of the ring, the
digits and the caption are worked out once per size, so a second only looks them up.
"""

import math

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap, QRegion

GLOW = 1.3  # a flash's glow reaches this many ring widths either side of the ring's middle
SECTORS = 16  # a flash repaints the ring's band as this many boxes around it
DIGITS = "0123456789:"

_ZEROS = str.maketrans("123456789", "000000000")


class Digits:
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


class Face:
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
        # How far back along the ring (a part of the turn) the arc is drawn again when it
        # grows: past the box of its new stretch, with room for a round end and antialiasing.
        self.arc_margin = (3 * ring + 6) / (2 * math.pi * self.radius)
        self.number_box = QRectF(rect.left(), rect.top() + rect.height() * 0.18, rect.width(),
                                 rect.height() * 0.5)
        self.caption_box = QRectF(rect.left(), rect.top() + rect.height() * 0.66,
                                  rect.width(), rect.height() * 0.14)
        self.caption_font = QFont(font)
        self.caption_font.setPixelSize(max(10, round(rect.height() * 0.085)))
        self._font = font
        self._digits: dict[bool, Digits] = {}
        self._cells: dict[str, tuple[list[QRect], bool]] = {}
        self._inks: dict[str, QRect] = {}
        self._band: QRegion | None = None

    def digits(self, text: str) -> Digits:
        """The digits' font for ``text``: short texts (seconds alone) are drawn bigger."""
        short = len(text) < 4
        digits = self._digits.get(short)
        if digits is None:
            font = QFont(self._font)
            font.setBold(True)
            font.setPixelSize(max(12, round(self.rect.height() * (0.34 if short else 0.27))))
            digits = self._digits[short] = Digits(font)
        return digits

    def cells(self, text: str) -> list[tuple[QRect, str]]:
        """Where each character of ``text`` is stamped: centred in the number box, on one
        baseline, with room for glyphs that reach past their advance. The digits are all as
        wide, so the places depend only on where the colon is."""
        places, _ = self._places(text)
        return list(zip(places, text, strict=True))

    def clear_of_ring(self, text: str) -> bool:
        """True when every place of ``text``'s characters is inside the ring, clear of the
        arc: repainting them never touches the arc (long texts, "10:00", reach into it)."""
        return self._places(text)[1]

    def _places(self, text: str) -> tuple[list[QRect], bool]:
        shape = text.translate(_ZEROS)
        known = self._cells.get(shape)
        if known is None:
            digits = self.digits(text)
            widths = [digits.advances.get(char, 0.0) for char in shape]
            x = self.number_box.center().x() - sum(widths) / 2
            top = self.number_box.center().y() - digits.height / 2 - digits.pad
            pad, height = digits.pad, digits.height + 2 * digits.pad
            places = []
            for width in widths:
                places.append(QRectF(x - pad, top, width + 2 * pad, height).toAlignedRect())
                x += width
            inside = self.radius - self.ring / 2 - 2
            centre_x, centre_y = self.centre.x(), self.centre.y()
            clear = all(math.hypot(px - centre_x, py - centre_y) < inside for place in places
                        for px in (place.left(), place.right() + 1)
                        for py in (place.top(), place.bottom() + 1))
            known = self._cells[shape] = (places, clear)
        return known

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
        return box_around([self.point(turn, self.radius) for turn in turns], self.ring / 2 + 2)

    @property
    def band(self) -> QRegion:
        """The ring with a flash's glow, as boxes around it, without the words inside."""
        if self._band is None:
            inner = self.radius - GLOW * self.ring - 2
            outer = self.radius + GLOW * self.ring + 2
            self._band = QRegion()
            for sector in range(SECTORS):
                turns = (sector / SECTORS, (sector + 1) / SECTORS)
                corners = [self.point(t, r) for t in turns for r in (inner, outer)]
                self._band += box_around(corners, 1)
        return self._band


def box_around(points: list[tuple[float, float]], pad: float) -> QRect:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                  max(ys) - min(ys) + 2 * pad).toAlignedRect()
