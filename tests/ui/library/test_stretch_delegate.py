"""Browse's list rows: long names wrap onto lines of their own and never run into the dose."""

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QListView, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from guide.ui.library.stretch_delegate import TEXT_LINES, StretchDelegate, wrap

NAME = "Towel calf stretch, long sitting, with an extraordinarilylongunbreakableword"


def test_a_long_name_wraps_within_the_width_and_never_past_its_lines(qtbot: QtBot) -> None:
    metrics = QFontMetrics(QFont())
    width = metrics.horizontalAdvance("Towel calf stretch")
    lines = wrap(metrics, NAME, width, 3)
    assert 1 < len(lines) <= 3
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert wrap(metrics, "Heel raises", 1000, 3) == ["Heel raises"]


def test_a_row_is_tall_enough_for_the_name_and_the_dose(qtbot: QtBot) -> None:
    view = QListView()
    qtbot.addWidget(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    bold = QFont(option.font)
    bold.setBold(True)
    height = StretchDelegate(view).sizeHint(option, view.rootIndex()).height()
    needed = (TEXT_LINES - 1) * QFontMetrics(bold).lineSpacing() + \
        option.fontMetrics.lineSpacing()
    assert height >= needed
