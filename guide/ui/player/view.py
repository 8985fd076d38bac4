"""The player: a routine played step by step, readable from two metres, driven by the keyboard.

The view owns the app's one QTimer that ticks the session. The timer fires just after the next
whole second of the countdown (or a hold's halfway cue, when that comes first), so the display,
the cues and the end of each segment land on time with one wake-up a second; it is stopped while
paused or finished, so an idle player costs nothing.
"""


import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox, QStackedLayout, QWidget

from guide.core.content.catalog import Catalog
from guide.core.content.model import RoutineKind
from guide.core.routine.session import Event, EventKind, Session, State
from guide.core.store.history import Feeling, History
from guide.ui.player.announce import Announcer
from guide.ui.player.countdown import Countdown
from guide.ui.player.cues import Cues
from guide.ui.player.guidance import CautionsDialog
from guide.ui.player.parts import Illustration, ThinBar, set_text
from guide.ui.player.screen import PlayerScreen
from guide.ui.player.summary import SummaryPanel

__all__ = ["MAX_TICK_MS", "Illustration", "PlayerView", "ThinBar"]

MAX_TICK_MS = 1001  # one tick a second: the countdown shows whole seconds
VISUAL_CUES = (EventKind.HALFWAY, EventKind.COUNTDOWN, EventKind.SIDE_SWITCH)
_SCROLL = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}


class PlayerView(QWidget):
    """Plays ``session``; records it in ``history`` when it finishes or is stopped.

    Signals: ``finished(Summary)`` when the routine ran to its end (the summary panel is then
    showing), ``stopped()`` after the user confirmed Stop, ``closed()`` when the user leaves the
    summary panel, ``safety_requested()`` from the relief routines' "Sharp pain" link (the session
    is stopped and recorded first), ``focus_mode_toggled(bool)`` on F11.
    """

    finished = Signal(object)
    stopped = Signal()
    closed = Signal()
    safety_requested = Signal()
    focus_mode_toggled = Signal(bool)

    def __init__(self, session: Session, catalog: Catalog, cues: Cues | None = None,
                 history: History | None = None, parent: QWidget | None = None, *,
                 autostart: bool = True) -> None:
        super().__init__(parent)
        self._session = session
        self._catalog = catalog
        self._cues = cues
        self._history = history
        self._autostart = autostart
        self._focus_mode = False
        self._record_id: str | None = None
        self._resume_after_dialog = False
        self._stop_box: QMessageBox | None = None
        self._cautions_box: CautionsDialog | None = None
        self._status_note = ""
        self.setObjectName("player")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Routine player"))

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)

        self._build()
        self.announcer = Announcer(self)
        self._unsubscribe = session.subscribe(self._on_event)
        if cues is not None:
            cues.status_changed.connect(self._show_status)
            cues.prepare()  # load sounds and voice now, so the first cue is not late
        self._sync()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self._screen = PlayerScreen(self._session.plan.routine, self._catalog)
        self._safety = self._screen.safety
        self._status = self._screen.status
        self._safety.clicked.connect(self._on_safety)
        screen = self._screen
        for button, slot in ((screen.back_button, self.back), (screen.play_button, self.toggle),
                             (screen.skip_button, self.skip), (screen.eased_button, self.eased),
                             (screen.mute_button, self.toggle_mute),
                             (screen.cautions_button, self.show_cautions),
                             (screen.stop_button, self.ask_stop)):
            button.clicked.connect(lambda _=False, slot=slot: slot())
            button.installEventFilter(self)  # the player's keys work while a button has focus
        screen.safety.installEventFilter(self)

        screen.sheet_button.about_to_act.connect(self._pause_for_dialog)

        self._summary = SummaryPanel()
        self._summary.feeling_chosen.connect(self._on_feeling)
        self._summary.done.connect(self.closed)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._screen)
        self._stack.addWidget(self._summary)

    # -- public actions (keyboard, buttons, or the main window) -----------------------------

    @property
    def session(self) -> Session:
        return self._session

    @property
    def countdown(self) -> Countdown:
        return self._screen.countdown

    @property
    def illustration(self) -> Illustration:
        return self._screen.illustration

    @property
    def timer(self) -> QTimer:
        return self._timer

    @property
    def focus_mode(self) -> bool:
        return self._focus_mode

    @property
    def stop_dialog(self) -> QMessageBox | None:
        return self._stop_box

    @property
    def player_screen(self) -> PlayerScreen:
        return self._screen

    @property
    def cautions_dialog(self) -> CautionsDialog | None:
        return self._cautions_box

    @Slot()
    def show_cautions(self) -> None:
        """C: every caution of this stretch; the routine waits, paused, while they are open."""
        if self._session.is_over or self._cautions_box is not None \
                or not self._screen.routine_cautions:
            return
        self._resume_after_dialog = self._session.state is State.RUNNING
        self._session.pause()
        self._sync()
        groups = self._screen.current_cautions()
        title = groups[0].name if len(groups) == 1 else self.tr("Cautions for this routine")
        box = CautionsDialog(title, groups, self)
        box.finished.connect(self._on_cautions_closed)
        self._cautions_box = box
        box.open()

    @Slot()
    def _on_cautions_closed(self) -> None:
        box, self._cautions_box = self._cautions_box, None
        if box is not None:
            box.deleteLater()
        if self._resume_after_dialog and self._session.state is State.PAUSED:
            self._session.resume()
        self._sync()
        self.setFocus()

    @Slot()
    def _pause_for_dialog(self) -> None:
        """Saving or printing the sheet opens a dialog: the routine waits, paused."""
        self._session.pause()
        self._sync()

    @Slot()
    def toggle(self) -> None:
        self._session.toggle()
        self._sync()

    @Slot()
    def skip(self) -> None:
        self._session.skip()
        self._sync()

    @Slot()
    def back(self) -> None:
        self._session.back()
        self._sync()

    @Slot()
    def eased(self) -> None:
        self._session.eased()
        self._sync()

    @Slot()
    def toggle_mute(self) -> None:
        muted = self._cues.toggle_mute() if self._cues is not None else \
            not self._screen.mute_button.isChecked()
        self._screen.set_muted(muted)
        self._show_status()

    @Slot()
    def toggle_focus_mode(self) -> None:
        self._focus_mode = not self._focus_mode
        self._screen.set_focus_mode(self._focus_mode)
        self.focus_mode_toggled.emit(self._focus_mode)

    @Slot()
    def ask_stop(self) -> None:
        """Esc: ask before stopping; the routine waits, paused, while the question is open."""
        if self._session.is_over or self._stop_box is not None:
            return
        self._resume_after_dialog = self._session.state is State.RUNNING
        self._session.pause()
        self._sync()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Stop the routine?"),
                          self.tr("Stop this routine now? It is saved in your history as "
                                  "stopped."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Stop"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep going"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAccessibleName(self.tr("Stop the routine?"))
        box.finished.connect(self._on_stop_answer)
        self._stop_box = box
        box.open()

    @Slot(int)
    def _on_stop_answer(self, result: int) -> None:
        box, self._stop_box = self._stop_box, None
        if box is not None:
            box.deleteLater()
        if result == QMessageBox.StandardButton.Yes.value:
            self.stop()
            return
        if self._resume_after_dialog:
            self._session.resume()
        self._sync()
        self.setFocus()

    def stop(self) -> None:
        """Stop without asking, record it, and emit ``stopped``."""
        if self._session.is_over:
            return
        self._session.stop()  # our subscriber records it and emits stopped

    # -- Qt events --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                self._stack.currentWidget() is self._screen:
            action = self._key_action(event)
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._stack.currentWidget() is self._summary:
            # Esc, or Enter for the default button "Done", leaves the summary.
            if key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.closed.emit()
                return
            super().keyPressEvent(event)
            return
        action = self._key_action(event)
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        """The player action of a key (Space, arrows, Esc, M, E, C, F11, Ctrl+P, and the
        scroll keys on the get-ready briefing), if it is one."""
        key = event.key()
        if key == Qt.Key.Key_P and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            return self._screen.sheet_button.showMenu
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        if self._screen.showing_briefing and key in _SCROLL:
            return lambda: self._screen.briefing.scroll_by(_SCROLL[Qt.Key(key)])
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Space: self.toggle,
            Qt.Key.Key_Right: self.skip,
            Qt.Key.Key_Left: self.back,
            Qt.Key.Key_Escape: self.ask_stop,
            Qt.Key.Key_M: self.toggle_mute,
            Qt.Key.Key_E: self.eased,
            Qt.Key.Key_C: self.show_cautions,
            Qt.Key.Key_F11: self.toggle_focus_mode,
        }
        return actions.get(key)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()
        if self._autostart and self._session.state is State.READY:
            self._session.start()
            self._sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)

    # -- session -> screen ------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        side = self._screen.side_text(event.segment)
        if self._cues is not None:
            self._cues.handle(event, side)
        self.announcer.handle(event, side)
        if event.kind in VISUAL_CUES:
            self._screen.countdown.flash()
        if event.kind is EventKind.SLEPT:
            self._status_note = self.tr("Paused while the computer was asleep. Press Space "
                                        "to go on.")
        elif event.kind in (EventKind.RESUMED, EventKind.SEGMENT_START):
            self._status_note = ""
        if event.kind is EventKind.FINISH:
            self._on_finished()
        elif event.kind is EventKind.STOPPED:
            self._timer.stop()
            self._record()
            self.stopped.emit()

    @Slot()
    def _on_timer(self) -> None:
        # The status line changes with an event (or the sound's own signal), not with a second.
        self._sync(status=bool(self._session.tick()))

    def _sync(self, status: bool = True) -> None:
        """Bring the screen up to date and schedule the next tick (or none)."""
        if self._session.is_over:
            self._timer.stop()
            return
        self._screen.show_session(self._session)
        if status:
            self._show_status()
        if self._session.state is State.RUNNING:
            self._timer.start(self._next_interval())
        else:
            self._timer.stop()

    def _next_interval(self) -> int:
        """Milliseconds to just past the session's next change (the next whole second shown,
        or a halfway cue)."""
        wait = self._session.next_change()
        return max(1, min(MAX_TICK_MS, math.ceil(wait * 1000) + 1))

    @Slot()
    def _show_status(self) -> None:
        parts = [self._status_note]
        if self._cues is not None:
            parts.append(self._cues.status)
        set_text(self._status, "\n".join(p for p in parts if p))

    # -- the end ----------------------------------------------------------------------------

    def _on_finished(self) -> None:
        self._timer.stop()
        summary = self._session.summary()
        note = self._record()
        routine = self._session.plan.routine
        # After a cramp: warmth for tightness, cold for soreness, drinking enough (the tips).
        tips = list(routine.tips) if routine.kind is RoutineKind.RELIEF else []
        self._summary.show_summary(summary, routine.finish_text or "", note, tips)
        self._stack.setCurrentWidget(self._summary)
        self._summary.focus_done()
        self.finished.emit(summary)

    def _record(self) -> str:
        if self._history is None or self._record_id is not None:
            return ""
        self._record_id = self._history.record(self._session.summary())
        return "\n".join(self._history.take_messages())

    def _on_feeling(self, feeling: str) -> None:
        if self._history is not None and self._record_id is not None:
            self._history.set_feeling(self._record_id, Feeling(feeling))

    def _on_safety(self) -> None:
        self.stop()
        self.safety_requested.emit()
