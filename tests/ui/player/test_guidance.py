"""Guidance reaching the player: tips and cautions before the first hold, the stop-if line and
the cautions dialog during a stretch, the steps instead of a cue word, advice after a cramp."""


from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import Catalog
from guide.core.routine.plan import SegmentKind, build_plan
from guide.core.routine.session import Session, State
from guide.ui.player.view import PlayerView


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


def play(qtbot: QtBot, catalog: Catalog, routine_id: str) -> PlayerView:
    clock = FakeClock()
    session = Session(build_plan(catalog.routines[routine_id], catalog.stretches), clock=clock,
                      wall=clock)
    view = PlayerView(session, catalog)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    view.setFocus()
    return view


def skip_to(qtbot: QtBot, view: PlayerView, exercise: str, kind: SegmentKind) -> None:
    session = view.session
    while not (session.segment.exercise == exercise and session.segment.kind is kind):
        assert not session.is_over, f"no {kind} of {exercise}"
        qtbot.keyClick(view, Qt.Key.Key_Right)


def test_get_ready_lists_the_tips_and_every_caution_before_the_first_hold(
        qtbot: QtBot, shipped: Catalog) -> None:
    view = play(qtbot, shipped, "desk-break")
    screen = view.player_screen
    assert view.session.index == view.session.plan.briefing_index == 0
    assert screen.showing_briefing and screen.briefing.isVisible()
    text = " ".join(screen.briefing.text().split())
    assert "Move slowly, do not bounce" in text  # the routine's tip
    assert "Skip this one if you have osteoporosis." in text  # the twist
    assert "If you have a hip replacement" in text  # the figure-four
    assert "Stop at once if you feel dizzy" in text  # the neck
    assert not screen.caution.isVisible()  # everything is in the list already
    # Up and Down scroll the list; the player keeps the keyboard.
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.session.state is State.RUNNING

    qtbot.keyClick(view, Qt.Key.Key_Right)  # the first hold: the picture is back
    assert view.session.segment.kind is SegmentKind.HOLD
    assert not screen.showing_briefing and view.illustration.isVisible()


def test_cramp_relief_warns_about_a_clot_before_the_hold(qtbot: QtBot,
                                                          shipped: Catalog) -> None:
    view = play(qtbot, shipped, "cramp-calf")
    screen = view.player_screen
    assert view.session.segment.kind is SegmentKind.ACTION  # "Stop and stand still" first
    assert not screen.showing_briefing
    skip_to(qtbot, view, "calf-cramp-release", SegmentKind.PREPARE)
    assert screen.showing_briefing
    text = " ".join(screen.briefing.text().split())
    assert text.count("do not stretch or rub it") == 1  # a caution, not repeated as a tip
    assert text.count("more than 10 minutes") == 1
    assert "warm towel" in text


def test_a_hold_shows_its_steps_its_stop_line_and_c_opens_every_caution(
        qtbot: QtBot, shipped: Catalog) -> None:
    view = play(qtbot, shipped, "desk-break")
    screen = view.player_screen
    skip_to(qtbot, view, "neck-rotation", SegmentKind.HOLD)
    instruction = screen._instruction.text()
    neck = shipped.stretches["neck-rotation"]
    item = shipped.routines["desk-break"].items[0]
    assert instruction not in neck.cues  # a real instruction, not "Slowly"
    assert instruction == (item.text or "\n".join(s.text for s in neck.steps))
    assert screen.caution.isVisible()
    assert "Stop at once if you feel dizzy" in screen.caution.text()

    skip_to(qtbot, view, "upper-body-twist", SegmentKind.HOLD)
    assert "osteoporosis" in screen.caution.text()  # no stop line: the first caution
    assert view.session.state is State.RUNNING
    qtbot.keyClick(view, Qt.Key.Key_C)
    dialog = view.cautions_dialog
    assert dialog is not None and dialog.isVisible()
    assert view.session.state is State.PAUSED  # the routine waits while you read
    text = " ".join(dialog.plain_text().split())
    assert "Skip this one if you have osteoporosis." in text
    assert "If you have had back surgery" in text
    assert "dizzy" not in text  # only this stretch's cautions
    dialog.reject()
    assert view.cautions_dialog is None
    assert view.session.state is State.RUNNING

    screen.cautions_button.click()  # the same by mouse
    assert view.cautions_dialog is not None
    view.cautions_dialog.reject()


def test_relief_routines_end_with_heat_cold_and_drinking_advice(qtbot: QtBot,
                                                                 shipped: Catalog) -> None:
    view = play(qtbot, shipped, "cramp-calf")
    with qtbot.waitSignal(view.finished):
        while view.session.state is not State.FINISHED:
            qtbot.keyClick(view, Qt.Key.Key_Right)
    tips = view._summary.tips
    assert tips.isVisible()
    assert "warm towel" in tips.text() and "cold" in tips.text()
    assert "Drink enough" in tips.text()


def test_other_routines_end_without_the_relief_advice(qtbot: QtBot, shipped: Catalog) -> None:
    view = play(qtbot, shipped, "desk-break")
    with qtbot.waitSignal(view.finished):
        while view.session.state is not State.FINISHED:
            qtbot.keyClick(view, Qt.Key.Key_Right)
    assert not view._summary.tips.isVisible()


def test_the_get_ready_screen_prints_the_routine_and_the_routine_waits(
        qtbot: QtBot, shipped: Catalog, tmp_path: Path) -> None:
    view = play(qtbot, shipped, "bedtime")
    button = view.player_screen.sheet_button
    assert button.isVisible() and view.session.state is State.RUNNING
    target = tmp_path / "bedtime.pdf"
    button.ask_path = lambda suggested: target
    with qtbot.waitSignal(button.saved):
        button.save_action.trigger()
    assert view.session.state is State.PAUSED
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_stretch_without_the_routines_words_shows_its_steps(qtbot: QtBot,
                                                               shipped: Catalog) -> None:
    from guide.core.routine.user_routines import single_stretch_routine

    neck = shipped.stretches["neck-rotation"]
    session = Session(build_plan(single_stretch_routine(neck), shipped.stretches))
    view = PlayerView(session, shipped)
    qtbot.addWidget(view)
    view.show()
    skip_to(qtbot, view, "neck-rotation", SegmentKind.HOLD)
    shown = view.player_screen._instruction.text()
    assert shown.splitlines() == [step.text.strip() for step in neck.steps]
