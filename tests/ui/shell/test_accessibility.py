"""Every control a person can reach has a name a screen reader can say, on every page."""

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
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


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if type(widget).__name__ in ("QScrollBar", "QToolButton") or isinstance(
                widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # parts of another control, named through it
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"in {type(widget.parentWidget()).__name__}")
    return missing


def test_every_page_names_its_controls(qtbot: QtBot) -> None:
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.show()
    problems = {}
    for page in ("home", "browse", "routines", "history", "settings", "safety", "about"):
        window.show_page(page)
        problems[page] = unnamed_controls(window.page(page))
    window.start_routine("cramp-calf")
    view = window.player.view
    assert view is not None
    problems["player"] = unnamed_controls(view)
    assert {k: v for k, v in problems.items() if v} == {}
