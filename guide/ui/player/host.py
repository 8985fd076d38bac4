"""Plays routines inside the main window: builds the session and PlayerView, owns the shared
cues and history, and hands the screen back when the routine ends or is stopped."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from guide.core.content.model import Routine
from guide.core.routine.plan import build_plan
from guide.core.routine.session import Session
from guide.core.store.history import History
from guide.ui.common.context import AppContext
from guide.ui.player.cues import Cues
from guide.ui.player.view import PlayerView


class PlayerHost(QObject):
    """``show(widget)`` puts the player on screen; ``leave()`` goes back to where we were."""

    recorded = Signal()  # a session was written to history
    safety_requested = Signal()
    focus_mode_toggled = Signal(bool)
    left = Signal()

    def __init__(self, context: AppContext, show: Callable[[QWidget], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._show = show
        self._cues: Cues | None = None
        self._history: History | None = None
        self.view: PlayerView | None = None
        context.store.changed.connect(self._apply_settings)

    @property
    def history(self) -> History:
        if self._history is None:
            self._history = History()
        return self._history

    @property
    def cues(self) -> Cues:
        if self._cues is None:
            self._cues = Cues(self._context.store.settings, parent=self)
        return self._cues

    @Slot()
    def _apply_settings(self) -> None:
        if self._cues is not None:
            self._cues.apply_settings(self._context.store.settings)

    def play(self, routine: Routine) -> PlayerView:
        self.close()
        session = Session(build_plan(routine, self._context.catalog.stretches))
        view = PlayerView(session, self._context.catalog, self.cues, self.history)
        view.finished.connect(lambda _summary: self.recorded.emit())
        view.stopped.connect(self._on_stopped)
        view.closed.connect(self.leave)
        view.safety_requested.connect(self.safety_requested)
        view.focus_mode_toggled.connect(self.focus_mode_toggled)
        self.view = view
        self._show(view)
        view.setFocus()
        return view

    @Slot()
    def _on_stopped(self) -> None:
        self.recorded.emit()
        self.leave()

    @Slot()
    def leave(self) -> None:
        self.close()
        self.left.emit()

    def close(self) -> None:
        """Take the player off screen; a routine still running is recorded as stopped."""
        if self.view is None:
            return
        view, self.view = self.view, None
        view.stopped.disconnect(self._on_stopped)
        view.stop()
        self.recorded.emit()
        view.hide()
        view.deleteLater()
