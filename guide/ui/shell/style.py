"""The main window's style sheet (sidebar, banner, Home), in the theme's colours: one sheet,
set once every child exists, so Qt styles the whole window in one pass."""

from guide.ui.shell.home import FONTS as HOME_FONTS
from guide.ui.shell.home import STYLE as HOME_STYLE

_STYLE = """
QListWidget#nav { background: $nav; color: $nav_text; border: none; padding-top: 12px; }
QListWidget#nav::item { padding: 10px 16px; border: 3px solid transparent; }
QListWidget#nav::item:selected { background: $accent; color: $on_accent; }
QListWidget#nav::item:focus { border: 3px solid $nav_focus; }
QPushButton#navKeys { background: $nav; color: $nav_text; border: 3px solid $nav;
                      text-decoration: underline; padding: 8px; }
QPushButton#navKeys:focus { border: 3px solid $nav_focus; }
QLineEdit { border: 1px solid $field_border; border-radius: 3px; padding: 3px 4px;
            background: $base; color: $base_text; }
QLineEdit:focus { border: 2px solid $focus; padding: 2px 3px; }
QAbstractSpinBox QLineEdit, QComboBox QLineEdit { border: none; padding: 0; }
QLabel#banner { background: $note; color: $note_text; padding: 8px 14px;
                border-bottom: 1px solid $note_border; }
"""

WINDOW_STYLE = _STYLE + HOME_STYLE
# The sidebar's and Home's font sizes, relative to the window's font (fonts.font_rules).
WINDOW_FONTS = (("QListWidget#nav", 1.2, False), *HOME_FONTS)
