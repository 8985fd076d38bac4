"""Polite screen-reader announcements of what the player does: the phase and step with its side,
pause and resume, and the last seconds (once per step). A screen reader says them when idle."""

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from guide.core.i18n import ntr
from guide.core.routine.plan import SegmentKind
from guide.core.routine.session import Event, EventKind
from guide.ui.common.accessible import announce

LAST_SECONDS = 3  # "3 seconds left" is said once, when the countdown reaches it


class Announcer(QObject):
    """Turns session events into announcements on ``widget``; ``said`` keeps them for tests."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self.said: list[str] = []

    def handle(self, event: Event, side_text: str) -> None:
        text = self._text(event, side_text)
        if text:
            self.said.append(text)
            announce(self._widget, text)

    def _text(self, event: Event, side_text: str) -> str:
        segment = event.segment
        kind = event.kind
        if kind is EventKind.SEGMENT_START:
            what = ", ".join(t for t in (segment.name, side_text) if t)
            phrases = {
                SegmentKind.PREPARE: self.tr("Get ready: {what}"),
                SegmentKind.HOLD: self.tr("Hold: {what}"),
                SegmentKind.ACTION: self.tr("Go: {what}"),
                SegmentKind.REST: self.tr("Relax"),
                SegmentKind.SWITCH: self.tr("Switch sides"),
                SegmentKind.DONE: self.tr("Done"),
            }
            return phrases[segment.kind].format(what=what)
        # SIDE_SWITCH follows the start of a step on the new side, which names the side.
        if kind is EventKind.PAUSED:
            return self.tr("Paused")
        if kind is EventKind.SLEPT:
            return self.tr("Paused while the computer was asleep")
        if kind is EventKind.RESUMED:
            return self.tr("Resumed")
        if kind is EventKind.COUNTDOWN and event.count == LAST_SECONDS:
            return ntr("{n} second left", "{n} seconds left", LAST_SECONDS).format(
                n=LAST_SECONDS)
        if kind is EventKind.FINISH:
            return self.tr("Well done, the routine is finished")
        return ""
