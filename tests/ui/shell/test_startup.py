"""Start-up as the user meets it: Home first, from the stored summary; the content after."""

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from guide.core.content import cache
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
    """Records each catalogue load and each content key computed, in ``log`` order."""
    log: list[str] = []
    real_load, real_key = home_summary.load_with_summary, cache.content_key

    def load() -> object:
        log.append("catalogue")
        return real_load()

    def key(sources: object) -> str:
        log.append("key")
        return real_key(sources)  # type: ignore[arg-type]

    monkeypatch.setattr("guide.ui.common.context.load_with_summary", load)
    monkeypatch.setattr(cache, "content_key", key)
    return log


def test_the_content_loads_after_the_first_paint_once_the_summary_exists(
        qtbot: QtBot, loads: list[str]) -> None:
    home_summary.load_with_summary()  # an earlier start stored the summary
    loads.clear()
    start_window(qtbot, loads)
    assert loads.index("paint") < loads.index("first_painted") < loads.index("catalogue")
    assert loads.index("catalogue") < loads.index("started")
    assert loads.count("catalogue") == 1


def test_the_content_key_is_short_and_computed_once_per_start(
        qtbot: QtBot, loads: list[str]) -> None:
    home_summary.load_with_summary()
    loads.clear()
    start_window(qtbot, loads)
    assert loads.count("key") == 1
    stored = home_summary.summary_file().read_text(encoding="utf-8")
    key = home_summary._stored_key()
    assert key is not None and len(key) == 32 and key in stored


def test_home_catches_up_when_files_changed_since_the_summary_was_stored(
        qtbot: QtBot, user_exercises: Path) -> None:
    home_summary.load_with_summary()
    (user_exercises / "routines" / "my-evening.yaml").write_text(MY_ROUTINE, encoding="utf-8")
    window = start_window(qtbot, [])
    names = [window.home.routine_list.item(i).text()
             for i in range(window.home.routine_list.count())]
    assert any(name.startswith("My evening calves") for name in names)
    assert home_summary.load_summary() == window._context.summary


def test_the_very_first_start_shows_home_complete(qtbot: QtBot) -> None:
    """No summary stored yet: the content is read before the window, so Home is not empty."""
    window = start_window(qtbot, [])
    assert window.home.routine_list.count() >= 6
