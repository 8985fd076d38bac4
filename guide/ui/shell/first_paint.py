"""Knowing when the first frame is on screen, so start-up work waits for it and not longer.

A zero timer started before ``show()`` runs before the first Expose and Paint; the window's own
first Paint event is the moment that matters. The notice is posted from it, so it is handled once
that frame has been flushed to the screen.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

_POSTED: list[QEvent.Type] = []


def _posted_type() -> QEvent.Type:
    if not _POSTED:
        _POSTED.append(QEvent.Type(QEvent.registerEventType()))
    return _POSTED[0]


class FirstPaint(QObject):
    """Emits ``painted`` once, just after ``widget`` has painted its first frame."""

    painted = Signal()

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QCoreApplication.postEvent(self, QEvent(_posted_type()))
        return False

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _posted_type():
            self.painted.emit()
