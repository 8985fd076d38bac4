"""The player: a routine played step by step, readable from two metres, driven by the keyboard.

The view owns the app's one QTimer that ticks the session. The timer fires just after the next
whole second of the countdown (and at least every 200 ms), so the display and the end of each
segment land on time; it is stopped while paused or finished, so an idle player costs nothing.
"""

import math
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from guide.core.catalog import Catalog
from guide.core.history import Feeling, History
from guide.core.model import RoutineKind
from guide.core.plan import Segment, SegmentKind
from guide.core.session import Event, EventKind, Session, State
from guide.ui.countdown import Countdown, clock_text
from guide.ui.cues import Cues
from guide.ui.summary import SummaryPanel

MAX_TICK_MS = 200
VISUAL_CUES = (EventKind.HALFWAY, EventKind.COUNTDOWN, EventKind.SIDE_SWITCH)


def _scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def _show(widget: QWidget, visible: bool) -> None:
    if widget.isHidden() == visible:
        widget.setVisible(visible)


class Illustration(QWidget):
    """An SVG drawn to fit, flipped for the other side; a quiet placeholder when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._renderer: QSvgRenderer | None = None
        self._mirrored = False
        self._cache: dict[Path, QSvgRenderer | None] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAccessibleName(self.tr("Illustration"))

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    @property
    def has_picture(self) -> bool:
        return self._renderer is not None

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    def show_file(self, path: Path | None, mirrored: bool, description: str) -> None:
        if path == self._path and mirrored == self._mirrored:
            return
        self._path, self._mirrored = path, mirrored
        if path is not None and path not in self._cache:
            renderer = QSvgRenderer(str(path)) if path.suffix.lower() == ".svg" else None
            self._cache[path] = renderer if renderer and renderer.isValid() else None
        self._renderer = self._cache.get(path) if path is not None else None
        self.setAccessibleDescription(description)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        if self._renderer is None:
            self._paint_placeholder(painter, area)
            painter.end()
            return
        size = self._renderer.defaultSize()
        scale = min(area.width() / max(1, size.width()), area.height() / max(1, size.height()))
        width, height = size.width() * scale, size.height() * scale
        target = QRectF(area.center().x() - width / 2, area.center().y() - height / 2,
                        width, height)
        if self._mirrored:
            painter.translate(target.center().x() * 2, 0)
            painter.scale(-1, 1)
        self._renderer.render(painter, target)
        painter.end()

    def _paint_placeholder(self, painter: QPainter, area: QRectF) -> None:
        colour = self.palette().color(QPalette.ColorRole.Mid)
        fill = QColor(colour)
        fill.setAlphaF(0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        radius = min(area.width(), area.height()) * 0.06
        painter.drawRoundedRect(area, radius, radius)
        # A simple standing figure, so the space reads as "picture goes here", not as an error.
        unit = min(area.width(), area.height()) / 10
        centre = area.center()
        faint = QColor(colour)
        faint.setAlphaF(0.45)
        painter.setPen(QPen(faint, unit * 0.35, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        head = centre.y() - unit * 2.6
        painter.drawEllipse(QRectF(centre.x() - unit * 0.6, head - unit * 0.6, unit * 1.2,
                                   unit * 1.2))
        hip = centre.y() + unit * 0.8
        x, y = centre.x(), centre.y()
        painter.drawLine(int(x), int(head + unit * 0.8), int(x), int(hip))
        painter.drawLine(int(x), int(y - unit * 1.2), int(x - unit * 1.3), int(y + unit * 0.2))
        painter.drawLine(int(x), int(y - unit * 1.2), int(x + unit * 1.3), int(y + unit * 0.2))
        painter.drawLine(int(x), int(hip), int(x - unit * 0.9), int(y + unit * 3.2))
        painter.drawLine(int(x), int(hip), int(x + unit * 0.9), int(y + unit * 3.2))


class ThinBar(QWidget):
    """Overall progress as a plain thin bar (a styled QProgressBar repaints synchronously on
    every setValue, which alone cost more CPU than the rest of the player)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(max(6, self.fontMetrics().height() // 3))

    @property
    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        value = min(1.0, max(0.0, value))
        if round(value * self.width()) != round(self._value * self.width()):
            self.update()
        self._value = value

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        track = self.palette().color(QPalette.ColorRole.Highlight)
        track.setAlphaF(0.2)
        painter.fillRect(rect, track)
        done = rect.adjusted(0, 0, -round(rect.width() * (1 - self._value)), 0)
        painter.fillRect(done, self.palette().color(QPalette.ColorRole.Highlight))
        painter.end()


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
        self._status_note = ""
        self._shown_index = -1
        self.setObjectName("player")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Routine player"))

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)

        self._build()
        self._unsubscribe = session.subscribe(self._on_event)
        if cues is not None:
            cues.status_changed.connect(self._show_status)
            cues.prepare()  # load sounds and voice now, so the first cue is not late
        self._sync()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        routine = self._session.plan.routine
        self._routine_label = QLabel(routine.name)
        _scaled(self._routine_label, 1.2, bold=True)
        self._overall = ThinBar()
        self._overall.setAccessibleName(self.tr("Progress through the routine"))
        self._time_left = QLabel()
        _scaled(self._time_left, 1.2)
        self._time_left.setAccessibleName(self.tr("Time left in the routine"))
        self._header = QWidget()
        header = QHBoxLayout(self._header)
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._routine_label)
        header.addWidget(self._overall, 1)
        header.addWidget(self._time_left)

        self._illustration = Illustration()
        self._countdown = Countdown()
        middle = QHBoxLayout()
        middle.addWidget(self._illustration, 3)
        middle.addWidget(self._countdown, 2)

        self._title = QLabel()
        _scaled(self._title, 2.2, bold=True)
        self._title.setWordWrap(True)
        self._detail = QLabel()
        _scaled(self._detail, 1.6)
        self._detail.setAccessibleName(self.tr("Repetition and side"))
        self._instruction = QLabel()
        _scaled(self._instruction, 1.35)
        self._instruction.setWordWrap(True)
        self._instruction.setAccessibleName(self.tr("Instruction"))
        self._next = QLabel()
        _scaled(self._next, 1.1)
        self._next.setAccessibleName(self.tr("Next step"))
        self._status = QLabel()
        self._status.setWordWrap(True)
        self._status.setAccessibleName(self.tr("Player status"))
        for label in (self._title, self._detail, self._instruction, self._next, self._status):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self._safety = QPushButton(self.tr("Sharp pain or numbness? Stop"))
        self._safety.setFlat(True)
        _scaled(self._safety, 1.15)
        self._safety.setCursor(Qt.CursorShape.PointingHandCursor)
        self._safety.setAccessibleName(self.tr("Sharp pain or numbness? Stop and read the "
                                               "safety advice"))
        self._safety.setStyleSheet("QPushButton { color: palette(link); "
                                   "text-decoration: underline; border: none; }")
        self._safety.clicked.connect(self._on_safety)
        self._safety.setVisible(self._session.plan.routine.kind is RoutineKind.RELIEF)

        self._back = self._button(self.tr("Back"), self.tr("Previous step (Left)"), self.back)
        self._play = self._button(self.tr("Pause"), self.tr("Pause or resume (Space)"),
                                  self.toggle)
        self._skip = self._button(self.tr("Skip"), self.tr("Next step (Right)"), self.skip)
        self._eased = self._button(self.tr("Cramp has eased"),
                                   self.tr("Skip the remaining holds of this step (E)"),
                                   self.eased)
        self._mute = self._button(self.tr("Mute"), self.tr("Sound and voice off or on (M)"),
                                  self.toggle_mute)
        self._mute.setCheckable(True)
        self._stop = self._button(self.tr("Stop"), self.tr("Stop the routine (Esc)"),
                                  self.ask_stop)
        self._controls = QWidget()
        controls = QHBoxLayout(self._controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addStretch()
        for button in (self._back, self._play, self._skip, self._eased, self._mute, self._stop):
            controls.addWidget(button)
        controls.addStretch()

        self._running = QWidget()
        body = QVBoxLayout(self._running)
        body.addWidget(self._header)
        body.addLayout(middle, 1)
        body.addWidget(self._title)
        body.addWidget(self._detail)
        body.addWidget(self._instruction)
        body.addWidget(self._next)
        body.addWidget(self._safety, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(self._status)
        body.addWidget(self._controls)

        self._summary = SummaryPanel()
        self._summary.feeling_chosen.connect(self._on_feeling)
        self._summary.done.connect(self.closed)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._running)
        self._stack.addWidget(self._summary)

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAccessibleDescription(tip)
        # The view keeps the keyboard focus so Space and the arrows always reach the player.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        _scaled(button, 1.15)
        button.clicked.connect(lambda _=False: slot())
        return button

    # -- public actions (keyboard, buttons, or the main window) -----------------------------

    @property
    def session(self) -> Session:
        return self._session

    @property
    def countdown(self) -> Countdown:
        return self._countdown

    @property
    def illustration(self) -> Illustration:
        return self._illustration

    @property
    def timer(self) -> QTimer:
        return self._timer

    @property
    def focus_mode(self) -> bool:
        return self._focus_mode

    @property
    def stop_dialog(self) -> QMessageBox | None:
        return self._stop_box

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
        muted = self._cues.toggle_mute() if self._cues is not None else not self._mute.isChecked()
        self._mute.setChecked(muted)
        self._mute.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self._mute.setAccessibleName(self._mute.text())
        self._show_status()

    @Slot()
    def toggle_focus_mode(self) -> None:
        self._focus_mode = not self._focus_mode
        for widget in (self._header, self._controls, self._next):
            widget.setVisible(not self._focus_mode)
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._stack.currentWidget() is self._summary:
            if key == Qt.Key.Key_Escape:
                self.closed.emit()
                return
            super().keyPressEvent(event)
            return
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Space: self.toggle,
            Qt.Key.Key_Right: self.skip,
            Qt.Key.Key_Left: self.back,
            Qt.Key.Key_Escape: self.ask_stop,
            Qt.Key.Key_M: self.toggle_mute,
            Qt.Key.Key_E: self.eased,
            Qt.Key.Key_F11: self.toggle_focus_mode,
        }
        action = actions.get(key)
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

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
        if self._cues is not None:
            self._cues.handle(event, self._side_text(event.segment))
        if event.kind in VISUAL_CUES:
            self._countdown.flash()
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
        self._session.tick()
        self._sync()

    def _sync(self) -> None:
        """Bring the screen up to date and schedule the next tick (or none)."""
        if self._session.is_over:
            self._timer.stop()
            return
        self._refresh()
        if self._session.state is State.RUNNING:
            self._timer.start(self._next_interval())
        else:
            self._timer.stop()

    def _next_interval(self) -> int:
        """Milliseconds to just past the next whole second shown, at most 200 ms."""
        left = self._session.remaining
        to_boundary = left - math.floor(left - 1e-6) if left > 0 else 0.0
        return max(1, min(MAX_TICK_MS, math.ceil(to_boundary * 1000) + 1))

    def _refresh(self) -> None:
        session = self._session
        segment = session.segment
        paused = session.state is State.PAUSED
        caption = self.tr("Paused") if paused else self._caption(segment)
        self._countdown.set_state(session.remaining, session.segment_progress, segment.kind,
                                  caption, paused=paused)
        self._overall.set_value(session.overall_progress)
        self._set(self._time_left, self.tr("{time} left").format(
            time=clock_text(session.time_left)))
        play_text = self.tr("Pause") if session.state is State.RUNNING else self.tr("Resume")
        if session.state is State.READY:
            play_text = self.tr("Start")
        if self._play.text() != play_text:
            self._play.setText(play_text)
            self._play.setAccessibleName(play_text)
        _show(self._eased, session.can_ease)
        self._show_status()
        if session.index == self._shown_index:
            return
        self._shown_index = session.index
        self._set(self._title, segment.name)
        self._set(self._detail, self._detail_text(segment))
        self._set(self._instruction, segment.text)
        self._set(self._next, self._next_text(session.next_segment))
        path = self._catalog.media_path(segment.illustration) if segment.illustration else None
        self._illustration.show_file(path, segment.mirrored, segment.name)

    @Slot()
    def _show_status(self) -> None:
        parts = [self._status_note]
        if self._cues is not None:
            parts.append(self._cues.status)
        self._set(self._status, "\n".join(p for p in parts if p))

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        # Only touch Qt when something changed: this runs five times a second.
        if label.text() != text:
            label.setText(text)
        _show(label, bool(text))

    def _caption(self, segment: Segment) -> str:
        return {
            SegmentKind.PREPARE: self.tr("Get ready"),
            SegmentKind.HOLD: self.tr("Hold"),
            SegmentKind.ACTION: self.tr("Go"),
            SegmentKind.REST: self.tr("Relax"),
            SegmentKind.SWITCH: self.tr("Switch"),
            SegmentKind.DONE: self.tr("Done"),
        }[segment.kind]

    def _side_text(self, segment: Segment) -> str:
        if segment.side is None:
            return ""
        stretch = self._catalog.stretches.get(segment.exercise or "")
        label = stretch.side_label if stretch and stretch.side_label else self.tr("side")
        side = self.tr("Left") if segment.side == "left" else self.tr("Right")
        return self.tr("{side} {label}").format(side=side, label=label)

    def _detail_text(self, segment: Segment) -> str:
        parts = []
        if segment.rep is not None and segment.reps is not None and segment.kind in (
                SegmentKind.HOLD, SegmentKind.ACTION):
            parts.append(self.tr("Rep {rep} of {reps}").format(rep=segment.rep,
                                                               reps=segment.reps))
        side = self._side_text(segment)
        if side:
            parts.append(side)
        return " · ".join(parts)

    def _next_text(self, segment: Segment | None) -> str:
        if segment is None:
            return self.tr("Next: finish")
        what = " · ".join(p for p in (segment.name, self._side_text(segment)) if p)
        return self.tr("Next: {what} ({seconds} s)").format(what=what, seconds=segment.seconds)

    # -- the end ----------------------------------------------------------------------------

    def _on_finished(self) -> None:
        self._timer.stop()
        summary = self._session.summary()
        note = self._record()
        self._summary.show_summary(summary, self._session.plan.routine.finish_text or "", note)
        self._stack.setCurrentWidget(self._summary)
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
