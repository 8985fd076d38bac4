"""Qt constants for the widgets built at start-up, without touching PySide6's ``Qt`` namespace.

The first access to ``PySide6.QtCore.Qt`` builds every enum in it, about 40 ms on these machines,
a quarter of a bare window's start-up. The main window and Home use these plain values (set as Qt
properties, which take ints) so the first paint does not pay for it; later pages use ``Qt``.
"""

from PySide6.QtCore import QObject

USER_ROLE = 256  # Qt.ItemDataRole.UserRole
ACCESSIBLE_DESCRIPTION_ROLE = 12  # Qt.ItemDataRole.AccessibleDescriptionRole
RICH_TEXT = 1  # Qt.TextFormat.RichText
TEXT_BROWSER_INTERACTION = 13  # Qt.TextInteractionFlag.TextBrowserInteraction
ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter
SCROLL_BAR_ALWAYS_OFF = 1  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
TAB_FOCUS = 1  # Qt.FocusPolicy.TabFocus


def set_props(obj: QObject, **props: int) -> None:
    for name, value in props.items():
        if not obj.setProperty(name, value):  # pragma: no cover - a typo in a property name
            raise AttributeError(f"{type(obj).__name__} has no property {name}")
