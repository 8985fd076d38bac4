"""What the player's widgets repaint, as the tests here watch it."""

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QPaintEvent
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
