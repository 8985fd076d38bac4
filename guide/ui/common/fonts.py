"""Font sizes relative to the application font, so all text scales with the user's setting."""

from PySide6.QtWidgets import QWidget


def scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Make ``widget``'s font ``factor`` times the size it inherits (bold if asked)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
