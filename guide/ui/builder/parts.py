"""Widget helpers shared by the parts of the routine builder, and its style sheet."""

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton


def push_button(text: str, description: str, slot: Callable[[], object]) -> QPushButton:
    """A button whose visible text is its accessible name; ``description`` says more."""
    button = QPushButton(text)
    button.setAccessibleDescription(description)
    button.clicked.connect(slot)
    return button


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
