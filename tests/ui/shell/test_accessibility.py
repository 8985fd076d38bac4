"""What a screen reader gets, read through Qt's own accessibility interfaces (QAccessible) on
every page and in the player: every visible text, a name for every control, a countdown value."""

import math
import re

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.shell.main_window import MainWindow

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider,
            QAbstractItemView, QTextBrowser)
PAGES = ("home", "browse", "routines", "history", "settings", "safety", "about")
T = QAccessible.Text


def _words(text: str) -> str:
    return " ".join(text.replace("&", "").split())


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and re.search(r"<[a-z]", text)):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return _words(text)


def _heard(widget: QWidget) -> str:
    """Everything a screen reader can say about ``widget``: name, description, value."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return ""
    return _words(" ".join(iface.text(t) for t in (T.Name, T.Description, T.Value)))


def _item_texts(view: QAbstractItemView) -> str:
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface is not None
    texts = []
    for n in range(iface.childCount()):
        child = iface.child(n)
        if child is not None:
            texts.append(" ".join(child.text(t) for t in (T.Name, T.Description)))
    return _words(" | ".join(texts))


def unheard(root: QWidget) -> list[str]:
    """Visible texts a screen reader would not get, and focusable controls without a name."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        heard = _heard(widget)
        if isinstance(widget, QLabel) and _plain(widget) and _plain(widget) not in heard:
            problems.append(f"{where} shows {_plain(widget)!r}, a screen reader hears "
                            f"{heard!r}")
        if isinstance(widget, QAbstractButton):
            for line in widget.text().split("\n"):
                if _words(line) and _words(line) not in heard:
                    problems.append(f"{where} shows {_words(line)!r}, heard {heard!r}")
        focusable = widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
        if focusable and (isinstance(widget, CONTROLS) or widget is root) and \
                type(widget).__name__ not in ("QScrollBar", "QToolButton") and \
                not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            iface = QAccessible.queryAccessibleInterface(widget)
            if iface is None or not iface.text(T.Name).strip():
                problems.append(f"{where} can take the focus but has no name")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            items = _item_texts(widget)
            model = widget.model()
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for column in range(8):
                    index = model.index(row, column)
                    if not index.isValid():
                        break
                    text = _words(str(index.data() or ""))
                    if text and text not in items:
                        problems.append(f"{where} row {row} shows {text!r}, not heard")
    return problems


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_screen_reader_hears_every_page(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    problems = {}
    for page in PAGES:
        window.show_page(page)
        if page == "browse":
            window.page(page).open_stretch("calf-wall-straight")  # type: ignore[attr-defined]
        if page == "home":
            window.home.routine_list.setCurrentRow(0)  # with its tips and sources pane
        problems[page] = unheard(window.page(page))
    assert {k: v for k, v in problems.items() if v} == {}


def test_a_screen_reader_hears_the_player_and_its_countdown(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.start_routine("cramp-calf")
    view = window.player.view
    assert view is not None
    walked = []
    while view.session.segment.kind.value != "hold":  # the first step, then get ready
        walked.append(unheard(view))
        view.skip()
    assert len(walked) >= 2 and walked == [[]] * len(walked)
    assert unheard(view) == []

    countdown = QAccessible.queryAccessibleInterface(view.countdown)
    assert countdown is not None
    assert countdown.role() == QAccessible.Role.ProgressBar
    value = countdown.valueInterface()
    assert value is not None, "the countdown has no value for a screen reader"
    seconds = math.ceil(view.session.remaining - 1e-6)
    assert value.currentValue() == seconds
    assert value.maximumValue() == view.session.segment.seconds
    assert countdown.text(T.Value) == view.countdown.text
    assert countdown.text(T.Description) == view.countdown.caption != ""
    overall = QAccessible.queryAccessibleInterface(view.findChild(QWidget, "overall"))
    assert overall is not None and overall.valueInterface() is not None


def test_the_player_announces_steps_pause_and_resume_politely(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.start_routine("cramp-calf")
    view = window.player.view
    assert view is not None
    assert view.announcer.said[0] == f"Go: {view.session.segment.name}"
    view.skip()  # to "get ready" for the stretch, then its first hold
    view.skip()
    view.toggle()
    view.toggle()
    said = view.announcer.said
    assert said[-3:] == [f"Hold: {view.session.segment.name}", "Paused", "Resumed"]


def test_the_player_announces_the_side(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.start_routine("bedtime")
    view = window.player.view
    assert view is not None
    while view.session.segment.side is None:
        view.skip()
    segment = view.session.segment
    side = "Left" if segment.side == "left" else "Right"
    assert re.fullmatch(f".*{re.escape(segment.name)}, {side} .+", view.announcer.said[-1])


def test_pictures_describe_themselves(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.start_routine("cramp-calf")
    view = window.player.view
    assert view is not None
    iface = QAccessible.queryAccessibleInterface(view.illustration)
    assert iface is not None
    description = iface.text(T.Description)
    # The SVG's own <title>, e.g. "Calf release: weight on the leg, knee slightly bent".
    assert description and "Picture for" not in description and description != \
        view.session.segment.name


def test_safety_and_about_expose_headings_and_links(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    for page in ("safety", "about"):
        window.show_page(page)
        roles: dict[QAccessible.Role, list[str]] = {}
        for widget in window.page(page).findChildren(QWidget):
            iface = QAccessible.queryAccessibleInterface(widget)
            if iface is not None and widget.isVisibleTo(window):
                roles.setdefault(iface.role(), []).append(iface.text(T.Name))
        headings = roles.get(QAccessible.Role.Heading, [])
        links = roles.get(QAccessible.Role.Link, [])
        assert "Sources" in headings, (page, headings)
        assert len(headings) >= 3 and len(links) >= 3, (page, headings, links)


def test_the_body_maps_muscles_are_items_of_a_list(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show_page("browse")
    browse = window.page("browse")
    browse.select_muscle("gastrocnemius")  # type: ignore[attr-defined]
    canvas = browse.body_map.canvas  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(canvas.findChildren(QWidget)) >= len(canvas.regions()) > 0)
    iface = QAccessible.queryAccessibleInterface(canvas)
    assert iface is not None and iface.role() == QAccessible.Role.List
    items = [iface.child(n) for n in range(iface.childCount())]
    names = {item.text(T.Name): item for item in items if item is not None}
    calf = canvas.muscle_name("gastrocnemius")
    assert calf in names and len(names) == len(canvas.regions())
    assert names[calf].role() == QAccessible.Role.ListItem
    assert names[calf].state().selected
    assert names[calf].rect().intersects(iface.rect())
    assert sum(1 for item in names.values() if item.state().selected) == 1
