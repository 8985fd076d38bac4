"""Font sizes relative to the application font, so all text scales with the user's setting."""

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget


def scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    """Make ``widget``'s font ``factor`` times the size it inherits (bold if asked)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)


def font_rules(widget: QWidget, sizes: Iterable[tuple[str, float, bool]]) -> str:
    """Style-sheet rules that give the widgets each selector matches a font ``factor`` times
    the size ``widget`` inherits (bold if asked): :func:`scaled` for the widgets of the first
    frame, which must not make a QFont in Python (PySide6 builds the QFont class and its eight
    enums on first use: a few ms on the way to the first paint)."""
    base = widget.fontInfo().pointSizeF()
    return "".join(f"{selector} {{ font-size: {base * factor:.2f}pt;"
                   f"{' font-weight: bold;' if bold else ''} }}\n"
                   for selector, factor, bold in sizes)
