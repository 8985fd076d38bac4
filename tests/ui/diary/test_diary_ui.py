"""The cramp diary in the window: Home's morning question, the dialog, History's chart."""

import datetime as dt
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.core.routine.session import Summary
from guide.core.store import diary
from guide.core.store.diary import Diary, make_entry
from guide.core.store.history import History
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.diary.dialog import DiaryDialog
from guide.ui.diary.panel import DiaryPanel
from guide.ui.shell.main_window import MainWindow

MORNING = dt.datetime(2026, 3, 10, 7, 50)


def bedtime(history: History, night: dt.date, hour: int = 22) -> None:
    when = dt.datetime.combine(night, dt.time(hour, 30))
    history.record(Summary("bedtime", "Bedtime", "bedtime", when.timestamp(), 300.0, 12, True,
                           None, None))


def next_by_tab(widget: QWidget) -> QWidget:
    after = widget.nextInFocusChain()
    while not (after.focusPolicy() & Qt.FocusPolicy.TabFocus and after.isVisible()):
        after = after.nextInFocusChain()
    return after


def make_window(qtbot: QtBot, now: dt.datetime) -> MainWindow:
    store = SettingsStore()
    store.settings.disclaimer_accepted = True
    window = MainWindow(AppContext(load_catalog(), store))
    qtbot.addWidget(window)
    window.show()
    window.after_show()
    assert window.diary_offer is not None
    window.diary_offer.now = lambda: now
    window.diary_offer.check()
    return window


def a_year(history: History, today: dt.date) -> Diary:
    """365 nights logged; the bedtime routine on most of the last 150."""
    rng = random.Random(14)
    store = Diary(history)
    for n in range(1, 366):
        night = today - dt.timedelta(days=n)
        if n <= 150 and rng.random() < 0.85:
            bedtime(history, night)
        cramps = rng.choice([0, 1, 2, 3])
        store.log(make_entry(night=night, cramps=cramps,
                             severity=rng.randint(2, 9) if cramps else 0,
                             now=dt.datetime.combine(today, dt.time(8))))
    return store


def test_home_asks_the_morning_after_a_bedtime_routine_and_logging_answers_it(
        qtbot: QtBot) -> None:
    bedtime(History(), dt.date(2026, 3, 9))
    window = make_window(qtbot, MORNING)
    offer = window.diary_offer
    assert offer is not None and offer.prompt is not None
    assert offer.prompt.isVisible()
    assert "How was last night?" in offer.prompt.question.text()
    qtbot.mouseClick(offer.prompt.log_button, Qt.MouseButton.LeftButton)
    dialog = offer.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.night == dt.date(2026, 3, 9)
    # Keyboard only: the count has the focus, Tab moves on, arrows set the slider.
    qtbot.keyClicks(dialog.cramps, "3")
    dialog.severity.setFocus()
    for _ in range(7):
        qtbot.keyClick(dialog.severity, Qt.Key.Key_Right)
    assert "7: severe" in dialog._meaning.text()
    dialog.places["calf"].setFocus()
    qtbot.keyClick(dialog.places["calf"], Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.saved):  # Enter outside the note is Save
        qtbot.keyClick(dialog.places["calf"], Qt.Key.Key_Return)
    saved = Diary(History()).entries()
    assert [(e.night, e.cramps, e.severity, e.places) for e in saved] == [
        (dt.date(2026, 3, 9), 3, 7, ("calf",))]
    assert offer.prompt is None  # answered


def test_not_now_puts_the_question_away_and_afternoons_do_not_ask(qtbot: QtBot) -> None:
    bedtime(History(), dt.date(2026, 3, 9))
    window = make_window(qtbot, MORNING)
    offer = window.diary_offer
    assert offer is not None and offer.prompt is not None
    # Tab reaches the question before the quick buttons.
    prompt = offer.prompt
    assert next_by_tab(prompt.log_button) is prompt.later_button
    assert next_by_tab(prompt.later_button) is window.home.quick_buttons["cramp-calf"]
    qtbot.mouseClick(offer.prompt.later_button, Qt.MouseButton.LeftButton)
    assert offer.prompt is None
    window.show_page("safety")
    window.show_page("home")  # coming back to Home does not ask again
    assert offer.prompt is None
    afternoon = make_window(qtbot, MORNING.replace(hour=13)).diary_offer
    assert afternoon is not None and afternoon.prompt is None


def test_no_question_without_a_bedtime_routine_the_evening_before(qtbot: QtBot) -> None:
    bedtime(History(), dt.date(2026, 3, 7))
    offer = make_window(qtbot, MORNING).diary_offer
    assert offer is not None and offer.prompt is None


def test_the_dialog_refuses_what_the_core_refuses_and_keeps_the_values(qtbot: QtBot) -> None:
    store = Diary(History())
    dialog = DiaryDialog(store, dt.date(2026, 3, 9), now=lambda: MORNING)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cramps.setValue(2)
    dialog.severity.setValue(4)
    dialog.note.setPlainText("x" * 1001)
    dialog.save()
    assert dialog.error.isVisible() and "too long" in dialog.error.text()
    assert dialog.isVisible() and store.entries() == []
    # No cramps: nothing to rate or place, and what was set is cleared.
    dialog.cramps.setValue(0)
    assert not dialog.severity.isEnabled() and dialog.severity.value() == 0
    assert dialog.date.maximumDate().toPython() == MORNING.date()


def test_the_dialog_opens_an_existing_night_filled_in(qtbot: QtBot) -> None:
    store = Diary(History())
    store.log(make_entry(night=dt.date(2026, 3, 8), cramps=4, severity=6,
                         places=["foot", "thigh-back"], note="after a long walk", now=MORNING))
    dialog = DiaryDialog(store, dt.date(2026, 3, 8), now=lambda: MORNING)
    qtbot.addWidget(dialog)
    assert (dialog.cramps.value(), dialog.severity.value()) == (4, 6)
    assert [p for p, box in dialog.places.items() if box.isChecked()] == ["thigh-back", "foot"]
    assert dialog.note.toPlainText() == "after a long walk"


def test_history_draws_a_year_of_entries_week_by_week(qtbot: QtBot, tmp_path: Path) -> None:
    today = MORNING.date()
    history = History()
    store = a_year(history, today)
    panel = DiaryPanel(store, now=lambda: MORNING)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.resize(1000, 700)
    panel.show()
    weeks = diary.weeks(store.entries(), store.bedtime_nights(), today)
    assert len(weeks) == 53
    chart = panel.chart
    assert chart.cramp_nights == [w.cramp_nights for w in weeks]
    assert chart.routine_nights == [w.routine_nights for w in weeks]
    assert chart.severity_points == [(i, w.mean_severity) for i, w in enumerate(weeks)
                                     if w.mean_severity is not None]
    assert sum(chart.routine_nights) == len(store.bedtime_nights())
    first = min(store.bedtime_nights())
    x = chart.first_night_x
    assert x is not None
    assert weeks[round(x)].start <= first < weeks[round(x)].start + dt.timedelta(days=7)
    assert 6 <= len(chart.week_labels) <= 9  # about eight labels, not 53 crammed together
    image = chart.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 10  # bars, a line and labels, not an empty frame
    assert "Nights with cramps: " in panel.figures.text()
    assert panel.entries.rowCount() == 365
    assert "doctor or physiotherapist" in panel.honest.text()
    assert "cannot show whether the bedtime routine caused" in panel.honest.text()


def test_history_offers_the_diary_and_saves_a_csv(qtbot: QtBot, tmp_path: Path) -> None:
    bedtime(History(), dt.date(2026, 3, 9))
    window = make_window(qtbot, MORNING)
    window.show_page("history")
    panel = window.page("history").show_diary()  # type: ignore[attr-defined]
    assert panel.isVisible() and panel.empty.isVisible() and not panel.table.isVisible()
    panel._now = lambda: MORNING
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    assert panel.dialog is not None and panel.dialog.night == dt.date(2026, 3, 9)
    panel.dialog.cramps.setValue(1)
    panel.dialog.severity.setValue(3)
    panel.dialog.save()
    model = panel.entries
    assert model.rowCount() == 1
    assert model.index(0, 4).data() == "Done"  # the bedtime routine that night
    target = tmp_path / "mine.csv"
    assert panel.export_to(target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("record,date,") and len(lines) == 3
    assert not panel.export_to(tmp_path / "missing" / "x.csv")
    assert "Could not save" in panel.message.text()


def test_the_chart_module_waits_for_history(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from guide.core.content.cache import load_catalog\n"
        "from guide.ui.common.context import AppContext, SettingsStore\n"
        "from guide.ui.shell.main_window import MainWindow\n"
        "w = MainWindow(AppContext(load_catalog(), SettingsStore()))\n"
        "w.show(); w.after_show(); app.processEvents()\n"
        "before = 'PySide6.QtCharts' in sys.modules\n"
        "w.show_page('history')\n"
        "print(before, 'PySide6.QtCharts' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


@pytest.fixture(autouse=True)
def _close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, DiaryDialog):
            widget.close()


def test_a_damaged_history_is_reported_above_the_tabs(qtbot: QtBot, tmp_path: Path) -> None:
    from guide.ui.shell.history import HistoryPage

    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"not a database" * 100)
    page = HistoryPage(History(path), now=lambda: MORNING)
    qtbot.addWidget(page)
    page.show()
    page.show_diary()
    assert "damaged" in page._message.text() and page._message.isVisible()
    assert not page.diary.message.isVisible()
