"""Knowing when the first frame is on screen, so start-up work waits for it and not longer.

A zero timer started before ``show()`` runs before the first Expose and Paint; the window's own
first Paint event is the moment that matters. The window calls :meth:`FirstPaint.seen` from its
``paintEvent`` (an event filter would wrap every earlier event in Python); the notice is posted
from there, so it is handled once that frame has been flushed to the screen.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, SignalInstance

_POSTED: list[QEvent.Type] = []


def _posted_type() -> QEvent.Type:
    if not _POSTED:
        _POSTED.append(QEvent.Type(QEvent.registerEventType()))
    return _POSTED[0]


class FirstPaint(QObject):
    """Emits ``painted`` once, just after the first frame its widget painted was flushed."""

    painted = Signal()

    def __init__(self, parent: QObject, *then: Callable[[], object] | SignalInstance) -> None:
        """``then``: slots or signals to call, in this order, once the frame is on screen."""
        super().__init__(parent)
        self._seen = False
        for slot in then:
            self.painted.connect(slot)

    def seen(self) -> None:
        """Called from the widget's ``paintEvent``; only the first call counts."""
        if not self._seen:
            self._seen = True
            QCoreApplication.postEvent(self, QEvent(_posted_type()))

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _posted_type():
            self.painted.emit()
