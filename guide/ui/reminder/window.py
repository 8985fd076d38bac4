"""The app's own reminder window: on top, focused, one click to start. Works on every desktop."""

import html

from PySide6.QtCore import Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from guide.ui.common import theme
from guide.ui.reminder.tray import app_icon

_STYLE = """
QLabel#title { color: $text; }
QLabel#detail { color: $text; }
QPushButton#start { background: $accent; color: $on_accent; border: 2px solid $accent;
                    border-radius: 6px; padding: 8px 16px; font-weight: 600; }
QPushButton#start:hover { background: $accent_hover; border-color: $accent_hover; }
QPushButton#start:focus { border: 2px solid $focus; }
"""

class ReminderWindow(QDialog):
    """Start (default), Snooze and Skip tonight. Closing the window counts as Skip tonight."""

    start_requested = Signal()
    snooze_requested = Signal()
    skip_requested = Signal()

    def __init__(self, routine_name: str = "", snooze_minutes: int = 10,
                 bedtime: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.WindowStaysOnTopHint
                            | Qt.WindowType.WindowTitleHint | Qt.WindowType.WindowCloseButtonHint)
        self.setWindowTitle(self.tr("Stretch Guide reminder"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Bedtime stretching reminder"))
        theme.styled(self, _STYLE)

        self._title = QLabel(self.tr("Time for your bedtime stretches"))
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._title.setWordWrap(True)
        self._title.setObjectName("title")
        self._detail = QLabel()
        self._detail.setObjectName("detail")
        self._detail.setWordWrap(True)
        self._start = self._button("start", self.start_requested)
        self._snooze = self._button("snooze", self.snooze_requested)
        self._skip = self._button("skip", self.skip_requested)
        self._start.setDefault(True)
        self._title.setBuddy(self._start)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        header = QHBoxLayout()
        header.setSpacing(14)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(48, 48))
        icon.setAccessibleName(self.tr("Moon"))
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self._title, 1)
        layout.addLayout(header)
        layout.addWidget(self._detail)
        layout.addSpacing(8)
        for button in (self._start, self._snooze, self._skip):
            layout.addWidget(button)
        self.setMinimumWidth(500)
        self.set_reminder(routine_name, snooze_minutes, bedtime)

    def _button(self, name: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setMinimumHeight(44)
        font = QFont(button.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        button.setFont(font)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._answer(signal))
        return button

    def set_reminder(self, routine_name: str, snooze_minutes: int, bedtime: bool = True) -> None:
        start = self.tr("&Start bedtime routine") if bedtime else self.tr("&Start routine")
        self._start.setText(start)
        self._start.setAccessibleName(start.replace("&", ""))
        self._start.setAccessibleDescription(routine_name)
        snooze = self.tr("S&nooze %n min", "", snooze_minutes)
        self._snooze.setText(snooze)
        self._snooze.setAccessibleName(snooze.replace("&", ""))
        self._skip.setText(self.tr("S&kip tonight"))
        self._skip.setAccessibleName(self.tr("Skip tonight"))
        detail = self.tr("A few minutes of calf and hamstring stretches before bed may make "
                         "night cramps fewer and milder.")
        self._detail.setText(f"<b>{html.escape(routine_name)}</b><br>{html.escape(detail)}"
                             if routine_name else html.escape(detail))

    def buttons(self) -> dict[str, QPushButton]:
        return {"start": self._start, "snooze": self._snooze, "skip": self._skip}

    def present(self) -> None:
        """Show on top and take the focus, ready for Enter to start."""
        self.show()
        self.raise_()
        self.activateWindow()
        self._start.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _answer(self, signal: SignalInstance) -> None:
        self.hide()
        signal.emit()

    @Slot()
    def reject(self) -> None:  # Escape or the window's close button
        self._answer(self.skip_requested)
