"""Keys: the window's shortcuts, Enter on a focused button, and the "Keyboard shortcuts" sheet
(F1 or Ctrl+?) that lists every key the app answers to, by place."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide.ui.common.fonts import scaled

PLACES = ("home", "browse", "routines", "history", "settings", "safety", "about")
SHEET_KEYS = ("F1", "Ctrl+?")


def add_window_shortcuts(window: QWidget, items: dict[str, QListWidgetItem],
                         show_page: Callable[[str], None], show_sheet: Callable[[], None]) -> None:
    """Alt+1..7 for the places (each sidebar item shows its key) and F1 / Ctrl+? for the sheet."""
    for n, key in enumerate(PLACES, start=1):
        action = QAction(window)
        keys = QKeySequence(f"Alt+{n}")
        action.setShortcut(keys)
        action.triggered.connect(lambda _=False, k=key: show_page(k))
        window.addAction(action)
        shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
        items[key].setToolTip(shown)
        items[key].setData(Qt.ItemDataRole.AccessibleDescriptionRole, shown)
    sheet = QAction(_tr("Keyboard shortcuts"), window)
    sheet.setShortcuts([QKeySequence(k) for k in SHEET_KEYS])
    sheet.triggered.connect(lambda _=False: show_sheet())
    window.addAction(sheet)


def press_focused_button(window: QWidget, event: QKeyEvent) -> bool:
    """Enter presses the focused button anywhere in ``window`` (Home's cards, Start, Done ...):
    Qt's push buttons outside dialogs answer only to Space. True when it did."""
    focus = QApplication.focusWidget()
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
            isinstance(focus, QAbstractButton) and focus.isEnabled() and \
            window.isAncestorOf(focus):
        focus.animateClick()
        event.accept()
        return True
    return False


def _tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def _standard(key: QKeySequence.StandardKey, fallback: str) -> str:
    """The desktop's keys for a standard action ("Ctrl+Q"), or ``fallback`` where it has none."""
    bindings = QKeySequence.keyBindings(key)
    native = QKeySequence.SequenceFormat.NativeText
    return " / ".join(b.toString(native) for b in bindings) or _native(fallback)


def shortcut_groups(place_names: dict[str, str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(place, [(keys, what they do)]) for every shortcut; ``place_names`` are the sidebar's."""
    everywhere = [(_native(f"Alt+{n}"), _tr("Go to {place}").format(place=place_names[key]))
                  for n, key in enumerate(PLACES, start=1) if key in place_names]
    everywhere += [
        (" / ".join(_native(k) for k in SHEET_KEYS), _tr("Show these keyboard shortcuts")),
        (_standard(QKeySequence.StandardKey.Quit, "Ctrl+Q"), _tr("Quit")),
        (_tr("Tab / Shift+Tab"), _tr("Move to the next or previous control")),
        (_tr("Enter"), _tr("Press the focused button, card or list row")),
    ]
    player = [
        (_tr("Space"), _tr("Pause or resume")),
        (_tr("Right arrow"), _tr("Skip to the next step")),
        (_tr("Left arrow"), _tr("Back to the previous step")),
        ("E", _tr("The cramp has eased: skip the remaining holds of this step")),
        ("C", _tr("Every caution of the stretch")),
        (_native("Ctrl+P"), _tr("Print the routine or save it as PDF")),
        ("M", _tr("Sound and voice off or on")),
        ("F11", _tr("Focus mode: full screen with only the routine")),
        (_tr("Esc"), _tr("Stop the routine (asks first); on the summary, close it")),
    ]
    browse = [
        (_tr("Arrow keys"), _tr("Body map: move between muscles")),
        (_tr("Enter"), _tr("Body map: show the stretches for the muscle")),
        (_tr("Esc"), _tr("Body map: show every muscle again")),
    ]
    routines = [
        (_standard(QKeySequence.StandardKey.Save, "Ctrl+S"), _tr("Save the routine")),
        (_native("Ctrl+Up"), _tr("Move the chosen stretch up")),
        (_native("Ctrl+Down"), _tr("Move the chosen stretch down")),
        (_standard(QKeySequence.StandardKey.Delete, "Del"), _tr("Remove the chosen stretch")),
    ]
    return [(_tr("Everywhere"), everywhere), (_tr("Player"), player),
            (place_names.get("browse", "Browse"), browse),
            (place_names.get("routines", "My routines"), routines)]


class ShortcutsDialog(QDialog):
    """A table of every shortcut; Esc or Enter closes it."""

    def __init__(self, place_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        title = QLabel(self.tr("Keyboard shortcuts"))
        scaled(title, 1.4, bold=True)
        groups = shortcut_groups(place_names)
        self.table = QTableWidget(sum(len(rows) + 1 for _, rows in groups), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        row = 0
        for group, rows in groups:
            heading = QTableWidgetItem(group)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.table.setItem(row, 0, heading)
            self.table.setSpan(row, 0, 1, 2)
            row += 1
            for keys, what in rows:
                self.table.setItem(row, 0, QTableWidgetItem(keys))
                self.table.setItem(row, 1, QTableWidgetItem(what))
                row += 1
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.lineSpacing() * 32)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def texts(self) -> list[str]:
        """Every cell's text, top to bottom (for tests)."""
        return [item.text() for r in range(self.table.rowCount())
                for c in range(2) if (item := self.table.item(r, c)) is not None]
