"""Start-up as the user meets it: Home first, from the stored summary; the content after."""

import argparse
import gc
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide.core.content import cache, sources
from guide.core.routine import summary as home_summary
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.shell.main_window import MainWindow

MY_ROUTINE = """\
id: my-evening
name: My evening calves
kind: custom
description: Two calf stretches before bed.
items:
  - stretch: calf-wall-straight
    hold: 20
"""


class _Paints(QObject):
    """Writes "paint" in ``log`` for each Paint event the watched window receives."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self._log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._log.append("paint")
        return False


def start_window(qtbot: QtBot, log: list[str]) -> MainWindow:
    """What run_app does for a user: a window on the stored summary, shown, the loop running."""
    context = AppContext(None, SettingsStore(), home_summary.load_summary())
    window = MainWindow(context)
    qtbot.addWidget(window)
    paints = _Paints(log)
    window.installEventFilter(paints)
    window.first_painted.connect(lambda: log.append("first_painted"))
    window._paints = paints  # type: ignore[attr-defined]  # kept alive with the window
    with qtbot.waitSignal(window.started, timeout=30_000):
        window.show()
    log.append("started")
    return window


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records each catalogue load and each content key computed, in ``log`` order; a key
    computed off the UI thread is logged as "key elsewhere"."""
    log: list[str] = []
    real_load, real_key = home_summary.load_with_summary, sources.content_key
    real_unchecked = home_summary.load_unchecked

    def load() -> object:
        log.append("catalogue")
        return real_load()

    def unchecked() -> object:
        log.append("catalogue")
        return real_unchecked()

    def key(folders: object) -> str:
        main = threading.current_thread() is threading.main_thread()
        log.append("key" if main else "key elsewhere")
        return real_key(folders)  # type: ignore[arg-type]

    monkeypatch.setattr("guide.ui.common.context.load_with_summary", load)
    monkeypatch.setattr("guide.ui.common.context.load_unchecked", unchecked)
    monkeypatch.setattr(cache, "content_key", key)
    monkeypatch.setattr(sources, "content_key", key)
    return log


def checked(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the window has checked the cached catalogue against the files."""
    qtbot.waitUntil(lambda: window.content_check is not None
                    and not window.content_check.running, timeout=30_000)


def test_the_content_loads_after_the_first_paint_once_the_summary_exists(
        qtbot: QtBot, loads: list[str]) -> None:
    home_summary.load_with_summary()  # an earlier start stored the summary
    loads.clear()
    start_window(qtbot, loads)
    assert loads.index("paint") < loads.index("first_painted") < loads.index("catalogue")
    assert loads.index("catalogue") < loads.index("started")
    assert loads.count("catalogue") == 1


def test_the_content_files_are_listed_once_per_start_and_off_the_ui_thread(
        qtbot: QtBot, loads: list[str]) -> None:
    home_summary.load_with_summary()
    loads.clear()
    window = start_window(qtbot, loads)
    checked(qtbot, window)
    assert loads.count("key elsewhere") == 1 and "key" not in loads
    stored = home_summary.summary_file().read_text(encoding="utf-8")
    key = home_summary._stored_key()
    assert key is not None and len(key) == 32 and key in stored


def test_home_catches_up_when_files_changed_since_the_summary_was_stored(
        qtbot: QtBot, user_exercises: Path) -> None:
    home_summary.load_with_summary()
    (user_exercises / "routines" / "my-evening.yaml").write_text(MY_ROUTINE, encoding="utf-8")
    window = start_window(qtbot, [])
    checked(qtbot, window)
    names = [window.home.routine_list.item(i).text()
             for i in range(window.home.routine_list.count())]
    assert any(name.startswith("My evening calves") for name in names)
    assert home_summary.load_summary() == window._context.summary
    assert "my-evening" in window._context.catalog.routines


def test_a_page_opened_before_the_check_ends_shows_the_files_as_they_are(
        qtbot: QtBot, user_exercises: Path) -> None:
    """Browse opened at once, on the catalogue as cached; the files changed meanwhile: once
    the check has read them, Browse lists the new stretch (and Home knows the new routine)."""
    home_summary.load_with_summary()
    shipped = Path(cache.default_sources()[0].root or "") / "stretches" / "calf-wall-straight.yaml"
    (user_exercises / "stretches" / "my-calf.yaml").write_text(
        shipped.read_text(encoding="utf-8").replace(
            "id: calf-wall-straight", "id: my-calf", 1).replace(
            "name: ", "name: My own calf stretch # ", 1), encoding="utf-8")
    window = start_window(qtbot, [])
    window.show_page("browse")
    before = window.page("browse")
    checked(qtbot, window)
    after = window.page("browse")
    assert after is not before and window.current_page() == "browse"
    model = after.proxy  # type: ignore[attr-defined]
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert "My own calf stretch" in shown


def test_the_very_first_start_shows_home_complete(qtbot: QtBot) -> None:
    """No summary stored yet: the content is read before the window, so Home is not empty."""
    window = start_window(qtbot, [])
    assert window.home.routine_list.count() >= 6


def test_a_cache_written_by_the_command_line_gives_the_next_start_its_summary(
        qtbot: QtBot) -> None:
    """`stretch-guide list` caches the catalogue but not Home's summary: the first window start
    stores it, so the start after paints Home without the catalogue."""
    cache.load_catalog()  # what the command line does
    assert home_summary.load_summary() is None
    window = start_window(qtbot, [])
    checked(qtbot, window)
    assert home_summary.load_summary() == window._context.summary


def test_start_up_leaves_the_collector_off_and_turns_it_on_once_started(
        qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up runs without the garbage collector (it would only rescan the bindings and the
    window being built), and the collector runs again once the app has started: left off, the
    app would keep every reference cycle it ever made for as long as it runs."""
    from guide import cli
    from guide.ui.shell import app as shell_app

    during: list[bool] = []
    real_run = shell_app.run_app

    def run(args: object) -> int:
        during.append(gc.isenabled())  # building the window
        code = real_run(args)  # type: ignore[arg-type]
        during.append(gc.isenabled())  # once started, before the command line's clean-up
        return code

    monkeypatch.setattr(shell_app, "run_app", run)
    try:
        assert cli.main(["--exit-after-startup"]) == 0
        assert during == [False, True]
        assert gc.get_freeze_count() > 1000  # what start-up made, skipped by later collections
    finally:
        gc.unfreeze()  # the rest of the test session collects as before
        gc.enable()


def test_a_background_start_collects_while_it_waits_for_the_reminder(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """Started at login with --background, the app shows no window (it may wait all night for
    the reminder): the collector runs again as soon as the reminder is running."""
    from guide import cli
    from guide.ui.shell import app as shell_app
    from guide.ui.shell import single_instance

    assert cli.main(["reminder", "set", "21:45"]) == 0  # else there is nothing to wait for
    monkeypatch.setattr(single_instance, "claim", lambda: single_instance.Claim(primary=True))
    waiting: list[bool] = []
    monkeypatch.setattr(QApplication, "exec", lambda *_: waiting.append(gc.isenabled()) or 0)
    args = argparse.Namespace(command=None, routine=None, exit_after_startup=False,
                              background=True)
    gc.disable()  # as the command line does
    try:
        assert shell_app.run_app(args) == 0
        assert waiting == [True]
    finally:
        gc.unfreeze()
        gc.enable()
