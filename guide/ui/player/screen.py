"""The player's running page: progress, picture, countdown, the words of the step, the controls.

It only shows a session; the :class:`~guide.ui.player.view.PlayerView` drives it and connects
the buttons.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guide.core.content.catalog import Catalog
from guide.core.content.model import Routine, RoutineKind
from guide.core.content.sides import side_phrase
from guide.core.routine.guidance import StretchCautions, key_caution, routine_cautions
from guide.core.routine.plan import Segment, SegmentKind
from guide.core.routine.session import Session, State
from guide.ui.common import theme
from guide.ui.common.fonts import scaled
from guide.ui.common.sheet_actions import SheetButton
from guide.ui.player.countdown import Countdown, clock_text
from guide.ui.player.guidance import Briefing
from guide.ui.player.parts import (
    CONTROL_STYLE,
    Illustration,
    SteadyLabel,
    ThinBar,
    control_button,
    set_shown,
    set_text,
)

_STYLE = """
QPushButton#safetyLink { color: $accent_text; text-decoration: underline; border: none;
                         background: transparent; padding: 4px; }
QLabel#keys { color: $muted; }
QPushButton#safetyLink:focus { border: 2px solid $focus; padding: 2px; }
"""


class PlayerScreen(QWidget):
    """Shows where ``session`` is; refreshed by :meth:`show_session` at every tick."""

    def __init__(self, routine: Routine, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._routine = routine
        self._shown_index = -1
        self._shown_state: State | None = None
        self._caption_text = ""
        self._time_left_text = ""
        self._time_left_words = self.tr("{time} left")  # looked up once per language
        self._segment: Segment | None = None
        self.routine_cautions = routine_cautions(routine, catalog.stretches)

        self._routine_label = QLabel(routine.name)
        scaled(self._routine_label, 1.2, bold=True)
        self._overall = ThinBar()
        self._overall.setObjectName("overall")
        self._overall.setAccessibleName(self.tr("Progress through the routine"))
        self._time_left = SteadyLabel()
        scaled(self._time_left, 1.2)
        self._header = QWidget()
        header = QHBoxLayout(self._header)
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._routine_label)
        header.addWidget(self._overall, 1)
        header.addWidget(self._time_left)

        self.illustration = Illustration()
        self.briefing = Briefing(list(routine.tips), self.routine_cautions)
        self.sheet_button = SheetButton(lambda: catalog, lambda: routine)
        self.sheet_button.setToolTip(self.sheet_button.toolTip() + " (Ctrl+P)")
        briefing_page = QWidget()
        briefing_column = QVBoxLayout(briefing_page)
        briefing_column.setContentsMargins(0, 0, 0, 0)
        briefing_column.addWidget(self.briefing, 1)
        briefing_column.addWidget(self.sheet_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._picture = QStackedWidget()
        self._picture.addWidget(self.illustration)
        self._picture.addWidget(briefing_page)
        self.countdown = Countdown()
        middle = QHBoxLayout()
        middle.addWidget(self._picture, 3)
        middle.addWidget(self.countdown, 2)

        self._title = QLabel()
        scaled(self._title, 2.2, bold=True)
        self._title.setWordWrap(True)
        self._detail = QLabel()
        scaled(self._detail, 1.6)
        self._instruction = QLabel()
        scaled(self._instruction, 1.35)
        self._instruction.setWordWrap(True)
        self.caution = QLabel()
        self.caution.setObjectName("keyCaution")
        scaled(self.caution, 1.2, bold=True)
        self.caution.setWordWrap(True)
        self._next = QLabel()
        scaled(self._next, 1.1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        for label in (self._title, self._detail, self._instruction, self.caution, self._next,
                      self.status):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.safety = QPushButton(self.tr("Sharp pain or numbness? Stop"))
        self.safety.setFlat(True)
        scaled(self.safety, 1.15)
        self.safety.setCursor(Qt.CursorShape.PointingHandCursor)
        self.safety.setAccessibleName(self.tr("Sharp pain or numbness? Stop and read the "
                                              "safety advice"))
        self.safety.setObjectName("safetyLink")
        self.safety.setAutoDefault(True)
        self.safety.setVisible(routine.kind is RoutineKind.RELIEF)

        self.back_button = control_button(self.tr("Back"), self.tr("Previous step (Left)"))
        self.play_button = control_button(self.tr("Pause"), self.tr("Pause or resume (Space)"))
        self.skip_button = control_button(self.tr("Skip"), self.tr("Next step (Right)"))
        self.eased_button = control_button(self.tr("Cramp has eased"),
                                           self.tr("Skip the remaining holds of this step (E)"))
        self.mute_button = control_button(self.tr("Mute"),
                                          self.tr("Sound and voice off or on (M)"))
        self.mute_button.setCheckable(True)
        self.cautions_button = control_button(self.tr("Cautions (C)"),
                                              self.tr("Every caution of this stretch (C)"))
        self.stop_button = control_button(self.tr("Stop"), self.tr("Stop the routine (Esc)"))
        self._controls = QWidget()
        controls = QHBoxLayout(self._controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addStretch()
        for button in (self.back_button, self.play_button, self.skip_button, self.eased_button,
                       self.cautions_button, self.mute_button, self.stop_button):
            controls.addWidget(button)
        controls.addStretch()
        # The keys, where the buttons are (all of them: F1).
        self._keys = QLabel(self.tr("Keys: Space pause or resume · Left back · Right skip · "
                                    "E cramp eased · C cautions · M mute · Esc stop · "
                                    "F1 every shortcut"))
        self._keys.setObjectName("keys")
        self._keys.setWordWrap(True)
        self._keys.setAlignment(Qt.AlignmentFlag.AlignHCenter)

        body = QVBoxLayout(self)
        body.addWidget(self._header)
        body.addLayout(middle, 1)
        body.addWidget(self._title)
        body.addWidget(self._detail)
        body.addWidget(self._instruction)
        body.addWidget(self.caution)
        body.addWidget(self._next)
        body.addWidget(self.safety, 0, Qt.AlignmentFlag.AlignHCenter)
        body.addWidget(self.status)
        body.addWidget(self._controls)
        body.addWidget(self._keys)
        theme.styled(self, CONTROL_STYLE + _STYLE)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._shown_state, self._time_left_text = None, ""  # words again at the next tick
            self._time_left_words = self.tr("{time} left")

    def set_focus_mode(self, on: bool) -> None:
        """Focus mode keeps only the picture, the countdown and the words of the step."""
        for widget in (self._header, self._controls, self._next, self._keys):
            widget.setVisible(not on)

    def set_muted(self, muted: bool) -> None:
        self.mute_button.setChecked(muted)
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))

    def show_session(self, session: Session) -> None:
        """Show where ``session`` is; the words are looked up again only when the step or the
        state changes (a tick changes the numbers alone)."""
        segment = session.segment
        paused = session.state is State.PAUSED
        if session.index != self._shown_index or session.state is not self._shown_state:
            self._shown_state = session.state
            self._show_state(session, segment)
        self.countdown.set_state(session.remaining, session.segment_progress, segment.kind,
                                 self._caption_text, paused=paused, total=segment.seconds)
        self._overall.set_value(session.overall_progress)
        time_left = clock_text(session.time_left)
        if time_left != self._time_left_text:
            self._time_left_text = time_left
            self._time_left.set_steady_text(self._time_left_words.format(time=time_left))
        if session.index == self._shown_index:
            return
        self._shown_index = session.index
        set_text(self._title, segment.name)
        set_text(self._detail, self._detail_text(segment))
        set_text(self._instruction, segment.text)
        set_text(self._next, self._next_text(session.next_segment))
        path = self._catalog.media_path(segment.illustration) if segment.illustration else None
        self.illustration.show_file(path, segment.mirrored, segment.name)
        briefing = session.index == session.plan.briefing_index and not self.briefing.is_empty
        self._picture.setCurrentIndex(1 if briefing else 0)
        self._segment = segment
        # The line that must not be missed stays on screen; the rest is one key away (C).
        first = key_caution(segment.cautions)
        set_text(self.caution, "" if briefing or not first else
                 self.tr("⚠ {caution}").format(caution=first))
        set_shown(self.cautions_button, bool(self.routine_cautions))

    def _show_state(self, session: Session, segment: Segment) -> None:
        """The caption, the play button and the ease button, for a new step or state."""
        paused = session.state is State.PAUSED
        self._caption_text = self.tr("Paused") if paused else self._caption(segment)
        play_text = self.tr("Pause") if session.state is State.RUNNING else self.tr("Resume")
        if session.state is State.READY:
            play_text = self.tr("Start")
        if self.play_button.text() != play_text:
            self.play_button.setText(play_text)
        set_shown(self.eased_button, session.can_ease)

    @property
    def showing_briefing(self) -> bool:
        return self._picture.currentIndex() == 1

    def current_cautions(self) -> list[StretchCautions]:
        """The current stretch's cautions; between stretches, every caution of the routine."""
        exercise = self._segment.exercise if self._segment is not None else None
        mine = [group for group in self.routine_cautions if group.stretch == exercise]
        return mine or self.routine_cautions

    # -- the words ---------------------------------------------------------------------------

    def _caption(self, segment: Segment) -> str:
        return {
            # Translators: the kind of step under the countdown (a command to the user)
            SegmentKind.PREPARE: self.tr("Get ready"),
            # Translators: hold the stretch still (a command), not "wait"
            SegmentKind.HOLD: self.tr("Hold"),
            # Translators: do the timed action now (massage, walk...)
            SegmentKind.ACTION: self.tr("Go"),
            # Translators: rest between two holds (a command)
            SegmentKind.REST: self.tr("Relax"),
            # Translators: change to the other side of the body (a command)
            SegmentKind.SWITCH: self.tr("Switch"),
            # Translators: the routine is finished
            SegmentKind.DONE: self.tr("Done"),
        }[segment.kind]

    def side_text(self, segment: Segment) -> str:
        """"Left calf", "Right side" ...; empty when the step has no side."""
        if segment.side is None:
            return ""
        stretch = self._catalog.stretches.get(segment.exercise or "")
        return side_phrase(stretch.side_label if stretch else None, segment.side)

    def _detail_text(self, segment: Segment) -> str:
        parts = []
        if segment.rep is not None and segment.reps is not None and segment.kind in (
                SegmentKind.HOLD, SegmentKind.ACTION):
            parts.append(self.tr("Rep {rep} of {reps}").format(rep=segment.rep,
                                                               reps=segment.reps))
        side = self.side_text(segment)
        if side:
            parts.append(side)
        return " · ".join(parts)

    def _next_text(self, segment: Segment | None) -> str:
        if segment is None:
            return self.tr("Next: finish")
        what = " · ".join(p for p in (segment.name, self.side_text(segment)) if p)
        return self.tr("Next: {what} ({seconds} s)").format(what=what, seconds=segment.seconds)
