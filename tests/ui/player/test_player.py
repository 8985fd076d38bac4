"""The player driven by the keyboard through a short routine, on a fake clock."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from guide.core.content.catalog import Catalog
from guide.core.content.model import (
    MuscleGroups,
    Position,
    Routine,
    RoutineItem,
    RoutineKind,
    Source,
    Step,
    Stretch,
)
from guide.core.routine.plan import SegmentKind, build_plan
from guide.core.routine.session import Session, State, Summary
from guide.core.store.history import History
from guide.core.store.settings import Settings
from guide.ui.common.translator import install_translations
from guide.ui.player.cues import Cues
from guide.ui.player.view import MAX_TICK_MS, PlayerView

from .conftest import Repaints, differences

SRC = [Source(title="t", publisher="p", url="https://example.org/")]
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30">'
       '<rect x="0" y="0" width="20" height="30" fill="#345"/></svg>')


def stretch(ident: str, per_side: bool, art: str | None) -> Stretch:
    return Stretch(id=ident, name=ident.title(), summary="s",
                   muscles=MuscleGroups(primary=["gastrocnemius"]),
                   position=[Position.STANDING], steps=[Step(text="do", illustration=art)],
                   sources=SRC, per_side=per_side, side_label="leg", hold=5, reps=2, rest=2)


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    media = tmp_path / "media"
    (media / "stretches").mkdir(parents=True)
    (media / "stretches" / "calf.svg").write_text(SVG)
    stretches = {"calf": stretch("calf", True, "stretches/calf.svg"),
                 "neck": stretch("neck", False, "stretches/missing.svg")}
    return Catalog(stretches=stretches, media_dirs=[media])


def make_view(qtbot: QtBot, catalog: Catalog, tmp_path: Path,
              kind: RoutineKind = RoutineKind.CUSTOM) -> tuple[PlayerView, FakeClock, History]:
    routine = Routine(id="short", name="Short", kind=kind, description="d", prepare=3,
                      between=2, switch=2,
                      items=[RoutineItem(stretch="calf", reps=1), RoutineItem(stretch="neck")])
    clock = FakeClock()
    session = Session(build_plan(routine, catalog.stretches), clock=clock, wall=clock)
    history = History(tmp_path / "history.sqlite3")
    view = PlayerView(session, catalog, Cues(Settings()), history)
    qtbot.addWidget(view)
    view.resize(900, 650)
    view.show()
    view.setFocus()
    return view, clock, history


def let_time_pass(qtbot: QtBot, view: PlayerView, clock: FakeClock, seconds: float) -> None:
    """Move the fake clock and let the player's own timer notice."""
    clock.now += seconds
    with qtbot.waitSignal(view.timer.timeout, timeout=2000):
        pass


def test_keyboard_drives_the_player_through_a_short_routine(qtbot: QtBot, catalog: Catalog,
                                                           tmp_path: Path) -> None:
    view, clock, history = make_view(qtbot, catalog, tmp_path)
    session = view.session
    assert session.state is State.RUNNING  # opening the player starts the routine
    assert view.timer.isActive()
    assert view.timer.isSingleShot() and view.timer.timerType() is Qt.TimerType.PreciseTimer
    assert view.timer.interval() <= MAX_TICK_MS
    assert view.countdown.text == "3"

    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert session.state is State.PAUSED
    assert not view.timer.isActive()  # an idle player costs nothing
    clock.now += 100
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert session.state is State.RUNNING
    assert session.remaining == pytest.approx(3)

    let_time_pass(qtbot, view, clock, 3.01)  # the get-ready ends
    assert session.segment.kind is SegmentKind.HOLD
    assert session.segment.side == "left"
    assert view.countdown.text == "5"
    assert view.findChild(type(view.countdown)) is view.countdown

    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert session.segment.kind is SegmentKind.SWITCH
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert session.segment.side == "right"
    assert view.illustration.has_picture and view.illustration.mirrored
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert session.segment.kind is SegmentKind.SWITCH

    assert view._cues is not None and not view._cues.muted
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert view._cues.muted

    with qtbot.waitSignal(view.focus_mode_toggled, check_params_cb=lambda on: on):
        qtbot.keyClick(view, Qt.Key.Key_F11)
    assert view.focus_mode

    # Esc asks first; "Keep going" carries on where it was.
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    box = view.stop_dialog
    assert box is not None and box.isVisible()
    assert session.state is State.PAUSED
    with qtbot.assertNotEmitted(view.stopped):
        box.button(QMessageBox.StandardButton.No).click()
    assert session.state is State.RUNNING

    qtbot.keyClick(view, Qt.Key.Key_Escape)
    box = view.stop_dialog
    assert box is not None
    with qtbot.waitSignal(view.stopped):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert session.state is State.STOPPED
    assert not view.timer.isActive()
    [record] = history.sessions()
    assert not record.completed
    assert record.stopped_name == "Switch sides"


def test_finishing_shows_the_summary_and_records_the_feeling(qtbot: QtBot, catalog: Catalog,
                                                            tmp_path: Path) -> None:
    view, clock, history = make_view(qtbot, catalog, tmp_path)
    let_time_pass(qtbot, view, clock, 3.01)
    let_time_pass(qtbot, view, clock, 5.0)  # the first hold runs to its end
    with qtbot.waitSignal(view.finished) as finished:
        while view.session.state is not State.FINISHED:
            qtbot.keyClick(view, Qt.Key.Key_Right)
    summary = finished.args[0]
    assert isinstance(summary, Summary) and summary.completed and summary.holds == 1
    assert view._summary.isVisible()
    assert "1 hold" in view._summary._figures.text()
    view._summary._feeling_buttons[0].click()
    [record] = history.sessions()
    assert record.completed and record.feeling == "good"
    with qtbot.waitSignal(view.closed):
        qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_a_missing_illustration_shows_the_placeholder(qtbot: QtBot, catalog: Catalog,
                                                      tmp_path: Path) -> None:
    view, _, _ = make_view(qtbot, catalog, tmp_path)
    while view.session.segment.exercise != "neck":
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert not view.illustration.has_picture
    assert not view.grab().isNull()  # paints without complaint


def test_sleep_pauses_and_says_so(qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    routine = Routine(id="s", name="S", kind=RoutineKind.CUSTOM, description="d", prepare=0,
                      items=[RoutineItem(stretch="neck")])
    mono, wall = FakeClock(), FakeClock()
    session = Session(build_plan(routine, catalog.stretches), clock=mono, wall=wall)
    view = PlayerView(session, catalog)
    qtbot.addWidget(view)
    view.show()
    mono.now += 1.0
    wall.now += 3600
    with qtbot.waitSignal(view.timer.timeout):
        pass
    assert session.state is State.PAUSED
    assert session.remaining == pytest.approx(5)
    assert "asleep" in view._status.text()
    assert not view.timer.isActive()


def test_relief_routines_link_to_the_safety_page(qtbot: QtBot, catalog: Catalog,
                                                 tmp_path: Path) -> None:
    view, _, history = make_view(qtbot, catalog, tmp_path, kind=RoutineKind.RELIEF)
    assert view._safety.isVisible()
    with qtbot.waitSignals([view.stopped, view.safety_requested], order="strict"):
        view._safety.click()
    assert view.session.state is State.STOPPED
    assert len(history.sessions()) == 1


def test_other_routines_have_no_safety_link(qtbot: QtBot, catalog: Catalog,
                                            tmp_path: Path) -> None:
    view, _, _ = make_view(qtbot, catalog, tmp_path)
    assert not view._safety.isVisible()


def test_history_page_lists_sessions_and_streaks(qtbot: QtBot, tmp_path: Path) -> None:
    import datetime as dt

    from guide.ui.shell.history import HistoryPage

    history = History(tmp_path / "h.sqlite3")
    page = HistoryPage(history, today=lambda: dt.date(2026, 3, 3))
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0
    assert page.streak_text == "Streak: 0 days in a row"
    for day, kind, done in ((1, "bedtime", True), (2, "bedtime", True), (3, "desk", False)):
        uid = history.record(Summary("r", f"Routine {day}", kind,
                                     dt.datetime(2026, 3, day, 22).timestamp(), 200.0, 12,
                                     done, None if done else 2, None if done else "Neck"))
    history.set_feeling(uid, "hard")
    page.refresh()
    assert page.table.rowCount() == 3
    cells = [page.table.item(0, c).text() for c in range(5)]
    assert cells == ["2026-03-03 22:00", "Routine 3", "3 min 20 s", "Stopped at step 3: Neck",
                     "Hard"]
    assert page.table.item(2, 3).text() == "Completed, 12 holds"
    assert "2" in page.streak_text and "2" in page.bedtime_text


def _hold_view(qtbot: QtBot, catalog: Catalog, tmp_path: Path,
               hold: int, reps: int = 2) -> tuple[PlayerView, FakeClock]:
    """A player 3 s into a routine of ``reps`` holds of ``hold`` s: the first has just
    started."""
    routine = Routine(id="holds", name="Holds", kind=RoutineKind.CUSTOM, description="d",
                      prepare=3, items=[RoutineItem(stretch="neck", hold=hold, reps=reps)])
    clock = FakeClock()
    session = Session(build_plan(routine, catalog.stretches), clock=clock, wall=clock)
    view = PlayerView(session, catalog, Cues(Settings()), History(tmp_path / "h.sqlite3"))
    qtbot.addWidget(view)
    view.resize(900, 650)
    view.show()
    qtbot.waitExposed(view)
    let_time_pass(qtbot, view, clock, 3.01)
    assert view.session.segment.kind is SegmentKind.HOLD
    return view, clock


def test_the_countdown_repaints_once_a_second(
        qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    view, clock = _hold_view(qtbot, catalog, tmp_path, hold=90, reps=1)
    assert view.countdown.text == "1:30"
    assert view.timer.interval() > 900  # the next tick is the next whole second
    view.countdown._end_flash()  # the cue of the new segment is not what we count
    QApplication.processEvents()
    paints = Repaints(view.countdown)
    for _ in range(8):  # 1.6 s in fifths of a second, as a timer five times a second would tick
        clock.now += 0.2
        view._on_timer()
        QApplication.processEvents()
    assert view.countdown.text == "1:29"
    assert len(paints.areas) == 1  # once, when the digits changed


def test_each_second_repaints_only_what_changed_and_shows_what_a_full_repaint_would(
        qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    view, clock = _hold_view(qtbot, catalog, tmp_path, hold=20)
    countdown = view.countdown
    box = QRect(countdown.mapTo(view, QPoint(0, 0)), countdown.size())
    screen = view.screen()
    regions = Repaints(countdown)
    flashed = 0
    while view.session.segment.kind is SegmentKind.HOLD:
        clock.now += 1.0
        regions.recording = True
        view._on_timer()
        QApplication.processEvents()
        regions.recording = False
        flashed += countdown.flashing
        # What the window shows now, built from a second's small repaints, against the same
        # moment painted whole.
        shown = screen.grabWindow(view.winId()).toImage().copy(box)
        countdown.repaint()
        whole = screen.grabWindow(view.winId()).toImage().copy(box)
        count, worst = differences(shown, whole)
        # Qt shapes an arc a little differently at each length, so the edge of the arc drawn
        # second by second may be a shade off, pixel by pixel, from one drawn at once: no
        # more (a missed digit or a stretch of ring would be thousands of pixels, far off).
        assert count < box.width() * box.height() // 100 and worst < 100, \
            f"the countdown at {countdown.text} differs from a full repaint"
    assert flashed >= 4  # halfway, then 3-2-1: the cues were drawn and checked too
    area = countdown.width() * countdown.height()
    plain = sorted(regions.areas)[len(regions.areas) // 2]
    assert plain < area / 4, "a plain second repainted more than its digits and the arc"


def test_a_visual_cue_lasts_until_the_countdown_moves_on_with_no_timer_of_its_own(
        qtbot: QtBot, catalog: Catalog, tmp_path: Path) -> None:
    view, clock = _hold_view(qtbot, catalog, tmp_path, hold=20)
    countdown = view.countdown
    seen = {}
    while view.session.segment.kind is SegmentKind.HOLD:
        let_time_pass(qtbot, view, clock, 1.0)
        if view.session.segment.kind is SegmentKind.HOLD:
            seen[countdown.text] = countdown.flashing
        others = [timer for timer in view.findChildren(QTimer)
                  if timer.isActive() and timer is not view.timer]
        assert others == [], "something besides the tick keeps waking the player"
    assert seen["10"] and not seen["9"]  # halfway, for the second it belongs to
    assert seen["3"] and seen["2"] and seen["1"] and not seen["4"]
    assert view.session.segment.kind is SegmentKind.REST
    assert not countdown.flashing  # the rest has begun
    let_time_pass(qtbot, view, clock, 1.0)
    countdown.flash()
    qtbot.keyClick(view, Qt.Key.Key_Space)  # pausing takes the cue away
    assert view.session.state is State.PAUSED and not countdown.flashing


def test_the_time_left_follows_a_language_change_mid_routine(
        qtbot: QtBot, catalog: Catalog, tmp_path: Path, qapp: QApplication) -> None:
    view, clock = _hold_view(qtbot, catalog, tmp_path, hold=20)
    time_left = view.player_screen._time_left
    assert time_left.text().endswith(" left")
    try:
        install_translations(qapp, "es")
        let_time_pass(qtbot, view, clock, 1.0)
        assert time_left.text().startswith("Quedan ")
    finally:
        install_translations(qapp, "en")
    let_time_pass(qtbot, view, clock, 1.0)
    assert time_left.text().endswith(" left")
