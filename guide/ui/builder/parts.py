"""Widget helpers shared by the parts of the routine builder, and its style sheet."""

import re
from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from guide.core.content.problems import Problem

_ITEM_KEY = re.compile(r"^items\[(\d+)\](?:\.(\w+))?")


class ItemProblems(Protocol):
    def add_problem(self, row: int, key: str, message: str) -> None: ...


def push_button(text: str, description: str, slot: Callable[[], object]) -> QPushButton:
    """A button whose visible text is its accessible name; ``description`` says more."""
    button = QPushButton(text)
    button.setAccessibleDescription(description)
    button.clicked.connect(slot)
    return button


def ask_delete(parent: QWidget, text: str) -> bool:
    title = QCoreApplication.translate("RoutineBuilder", "Delete routine")
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def error_label() -> QLabel:
    """A red label beside a field, hidden while it has nothing to say."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


def append_error(label: QLabel, message: str) -> None:
    """Add ``message`` as a new line of ``label`` and show it."""
    text = label.text()
    label.setText(f"{text}\n{message}" if text else message)
    label.show()


def place_problems(problems: Iterable[Problem], labels: dict[str, QLabel], general: QLabel,
                   items: ItemProblems) -> int:
    """Each problem beside its field (``items[2].hold`` beside row 2's hold); the first item
    row with a problem, or -1."""
    first_row = -1
    for problem in problems:
        match = _ITEM_KEY.match(problem.key)
        if problem.key in labels:
            append_error(labels[problem.key], problem.message)
        elif match:
            row = int(match.group(1))
            items.add_problem(row, match.group(2) or "", problem.message)
            first_row = row if first_row < 0 else first_row
        else:
            where = f"{problem.key}: " if problem.key else ""
            append_error(general, where + problem.message)
    return first_row


STYLE = """
QLabel#heading { font-weight: bold; color: $text; }
QLabel#error { color: $error; font-weight: bold; }
QLabel#hint { color: $muted; }
QLabel#total { font-weight: bold; color: $text; }
QPushButton#primary { background: $accent; color: $on_accent; border: 2px solid $accent;
                      border-radius: 4px; padding: 6px 18px; font-weight: bold; }
QPushButton#primary:focus { border: 2px solid $focus; }
QPushButton#primary:disabled { background: $disabled; color: $on_disabled;
                               border-color: $disabled; }
"""


def line_edit(accessible: str, on_edit: Callable[..., None]) -> QLineEdit:
    """A text field for the routine's own fields; ``on_edit`` hears what the user types."""
    edit = QLineEdit()
    edit.setAccessibleName(accessible)
    edit.textEdited.connect(on_edit)
    return edit
