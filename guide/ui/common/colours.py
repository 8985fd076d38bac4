"""Colour arithmetic for the theme: WCAG 2.2 luminance and contrast, mixing, and nudging a
colour until it reaches a ratio. No colour is chosen here; :mod:`guide.ui.common.theme` does."""

import enum

from PySide6.QtGui import QColor

TEXT = 4.5  # WCAG 2.2 AA, normal text
LARGE = 3.0  # large text (18 pt, or 14 pt bold) and meaningful graphics
GRAPHIC = 3.0
BLACK, WHITE = QColor.fromRgb(0, 0, 0), QColor.fromRgb(255, 255, 255)


class Scheme(enum.Enum):
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST_LIGHT = "high-contrast-light"
    HIGH_CONTRAST_DARK = "high-contrast-dark"

    @property
    def dark(self) -> bool:
        return self in (Scheme.DARK, Scheme.HIGH_CONTRAST_DARK)

    @property
    def high_contrast(self) -> bool:
        return self in (Scheme.HIGH_CONTRAST_LIGHT, Scheme.HIGH_CONTRAST_DARK)


# -- colour arithmetic ---------------------------------------------------------------------------

def _rgb(colour: str) -> tuple[float, float, float]:
    c = QColor(colour)
    return c.redF(), c.greenF(), c.blueF()


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``colour`` ("#rrggbb")."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def mix(a: str, b: str, amount: float) -> str:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    ra, rb = _rgb(a), _rgb(b)
    return QColor.fromRgbF(*(x + (y - x) * amount for x, y in zip(ra, rb, strict=True))).name()


def ensure_contrast(colour: str, backgrounds: tuple[str, ...], ratio: float) -> str:
    """``colour``, darkened or lightened just enough to reach ``ratio`` against every
    background (towards black on light backgrounds, towards white on dark ones)."""
    target = (BLACK if luminance(backgrounds[0]) > 0.18 else WHITE).name()
    for step in range(21):
        candidate = mix(colour, target, step / 20)
        if all(contrast(candidate, bg) >= ratio for bg in backgrounds):
            return candidate
    return target
