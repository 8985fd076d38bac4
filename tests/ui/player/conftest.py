"""What the player's widgets repaint, as the tests here watch it."""

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QImage, QPaintEvent
from PySide6.QtWidgets import QWidget


class Repaints(QObject):
    """The rectangles of each Paint event ``widget`` receives while ``recording``."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.recording = True
        self.regions: list[list[QRect]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent) and self.recording:
            self.regions.append(list(event.region()))
        return False

    @property
    def areas(self) -> list[int]:
        """The area each repaint covered: its region, not the box around it."""
        return [sum(r.width() * r.height() for r in rects) for rects in self.regions]

    @property
    def widths(self) -> list[int]:
        """How wide each repaint was, from its leftmost to its rightmost pixel."""
        return [max(r.right() for r in rects) - min(r.left() for r in rects) + 1
                for rects in self.regions]


def differences(one: QImage, other: QImage) -> tuple[int, int]:
    """How many pixels differ between two images of one size, and by how much at most (in
    any colour channel, 0-255)."""
    one = one.convertToFormat(QImage.Format.Format_RGB32)
    other = other.convertToFormat(QImage.Format.Format_RGB32)
    first, second = bytes(one.constBits()), bytes(other.constBits())
    stride, width = one.bytesPerLine(), one.width() * 4
    count, worst = 0, 0
    for start in range(0, len(first), stride):
        row, other_row = first[start:start + width], second[start:start + width]
        if row == other_row:
            continue
        for pixel in range(0, width, 4):
            a, b = row[pixel:pixel + 3], other_row[pixel:pixel + 3]
            if a != b:
                count += 1
                worst = max(worst, *(abs(x - y) for x, y in zip(a, b, strict=True)))
    return count, worst
