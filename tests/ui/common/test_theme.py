"""Colours: every pair the theme draws meets WCAG 2.2 AA on light, dark and high-contrast desktops,
and no colour is written anywhere else in the UI."""

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QListView
from pytestqt.qtbot import QtBot

from guide.ui.common import theme
from guide.ui.common.theme import Scheme, contrast, sample_palette, scheme_of, theme_for

UI = Path(__file__).resolve().parents[3] / "guide" / "ui"


@pytest.fixture
def restore_palette(qapp: QApplication):  # type: ignore[no-untyped-def]
    palette, style = qapp.palette(), qapp.style().name()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    theme.release_scheme()


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#e4572e") == pytest.approx(3.68, abs=0.01)  # the old orange


@pytest.mark.parametrize("scheme", list(Scheme), ids=lambda s: s.value)
def test_every_colour_pair_meets_aa(scheme: Scheme) -> None:
    palette = sample_palette(scheme)
    assert scheme_of(palette) is scheme
    colours = theme_for(palette, scheme)
    failing = [f"{what}: {fg} on {bg} is {contrast(fg, bg):.2f}:1, needs {minimum}:1"
               for what, fg, bg, minimum in colours.pairs() if contrast(fg, bg) < minimum]
    assert failing == []
    assert len(colours.pairs()) > 30


def test_colours_derived_from_an_odd_palette_are_pushed_to_aa() -> None:
    """A user palette with grey-on-grey text still gets readable secondary text."""
    palette = sample_palette(Scheme.LIGHT)
    palette.setColor(QPalette.ColorRole.Window, "#b0b0b0")
    palette.setColor(QPalette.ColorRole.WindowText, "#505050")
    colours = theme_for(palette, scheme_of(palette))
    assert contrast(colours.text, colours.window) >= 4.5
    assert contrast(colours.muted, colours.window) >= 4.5


def test_a_dark_desktop_gets_dark_lists(qtbot: QtBot, restore_palette: None) -> None:
    """Browse on Breeze Dark: list text must not be white on white (the old 1.03:1)."""
    from guide.core.content.cache import load_catalog
    from guide.ui.library.view import LibraryView

    theme.force_scheme(Scheme.DARK)
    assert theme.current().scheme is Scheme.DARK
    view = LibraryView(load_catalog())
    qtbot.addWidget(view)
    view.show()
    results = view.findChild(QListView)
    assert results is not None
    image = results.viewport().grab().toImage()
    background = image.pixelColor(image.width() - 3, image.height() - 3).name()
    assert contrast(background, theme.current().base_text) >= 4.5
    heading = view.findChild(QLabel, "heading")
    assert heading is not None
    shown = heading.palette().color(QPalette.ColorRole.WindowText).name()
    assert contrast(shown, theme.current().window) >= 4.5


def test_switching_the_scheme_restyles_open_widgets(qtbot: QtBot, restore_palette: None) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    theme.styled(label, "QLabel { color: $muted; }")
    theme.force_scheme(Scheme.LIGHT)
    light = label.styleSheet()
    theme.force_scheme(Scheme.DARK)
    assert label.styleSheet() != light
    assert theme.current().muted in label.styleSheet()


def test_no_colour_is_written_outside_the_theme() -> None:
    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|Qt\.(white|black|gray)\b|GlobalColor\.(white|black|"
                         r"gray)|QColor\(\"[a-z]+\"\)")
    found = [f"{path.relative_to(UI)}:{n}: {line.strip()}"
             for path in UI.rglob("*.py") if path.name != "theme.py"
             for n, line in enumerate(path.read_text().splitlines(), start=1)
             if pattern.search(line)]
    assert found == []


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK], ids=lambda s: s.value)
def test_a_selected_home_row_still_shows_its_text(qtbot: QtBot, restore_palette: None,
                                                  scheme: Scheme) -> None:
    from guide.core.content.cache import load_catalog
    from guide.ui.common.context import AppContext, SettingsStore
    from guide.ui.shell.main_window import MainWindow

    theme.force_scheme(scheme)
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.show()
    routines = window.home.routine_list
    routines.setCurrentRow(1)
    rect = routines.visualItemRect(routines.item(1))
    image = routines.viewport().grab(rect).toImage()
    background = image.pixelColor(2, 2).name()
    readable = sum(1 for x in range(image.width()) for y in range(image.height())
                   if contrast(image.pixelColor(x, y).name(), background) >= 3.0)
    assert contrast(background, theme.current().on_accent) >= 4.5
    assert readable > 200, "the selected row's text is not visible"


def test_the_window_follows_a_desktop_palette_change(qtbot: QtBot, qapp: QApplication,
                                                     restore_palette: None) -> None:
    from guide.core.content.cache import load_catalog
    from guide.ui.common.context import AppContext, SettingsStore
    from guide.ui.shell.main_window import MainWindow

    qapp.setPalette(sample_palette(Scheme.LIGHT))  # a light desktop, whatever ran before
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.show()
    window.after_show()  # what the app does after the first paint
    before = window.styleSheet()
    assert theme.current().scheme is Scheme.LIGHT
    qapp.setPalette(sample_palette(Scheme.DARK))  # what the desktop does on a scheme switch
    qtbot.waitUntil(lambda: window.styleSheet() != before)
    assert theme.current().scheme is Scheme.DARK
    assert theme.current().base in window.styleSheet()
