"""The tray icon and its menu, shown only where the desktop has a system tray."""

from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from guide.core.store import paths
from guide.ui.common import theme


def app_icon() -> QIcon:
    """The app's icon from the media folder, else a drawn crescent moon (bedtime)."""
    for name in ("icons/stretch-guide.svg", "icons/stretch-guide.png", "icon.svg", "icon.png"):
        candidate = Path(paths.builtin_media()) / name
        if candidate.is_file():
            return QIcon(str(candidate))
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.MOON_SKY))
    painter.drawEllipse(QRectF(2, 2, 60, 60))
    painter.setBrush(QColor(theme.MOON))
    painter.drawEllipse(QPointF(30, 32), 19, 19)
    painter.setBrush(QColor(theme.MOON_SKY))
    painter.drawEllipse(QPointF(39, 26), 17, 17)
    painter.end()
    return QIcon(pixmap)


class Tray(QObject):
    """Menu: Start bedtime routine, Calf cramp now, Open, Pause reminders (1 day), Quit."""

    start_requested = Signal()
    cramp_requested = Signal()
    open_requested = Signal()
    pause_toggled = Signal(bool)  # True: pause for a day; False: resume
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon: QSystemTrayIcon | None = None
        self._menu = QMenu()
        self._menu.setAccessibleName(self.tr("Stretch Guide menu"))
        self._start = self._add(self.tr("Start bedtime routine"), self.start_requested)
        self._cramp = self._add(self.tr("Calf cramp now"), self.cramp_requested)
        self._menu.addSeparator()
        self._open = self._add(self.tr("Open Stretch Guide"), self.open_requested)
        self._pause = QAction(self.tr("Pause reminders for a day"), self._menu)
        self._pause.setCheckable(True)
        self._pause.toggled.connect(self.pause_toggled)
        self._menu.addAction(self._pause)
        self._menu.addSeparator()
        self._quit = self._add(self.tr("Quit"), self.quit_requested)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._icon = QSystemTrayIcon(app_icon(), self)
            self._icon.setToolTip(self.tr("Stretch Guide"))
            self._icon.setContextMenu(self._menu)
            self._icon.activated.connect(self._activated)
            self._icon.show()

    def _add(self, text: str, signal: SignalInstance) -> QAction:
        action = self._menu.addAction(text)
        action.triggered.connect(signal)
        return action

    @property
    def available(self) -> bool:
        return self._icon is not None

    @property
    def menu(self) -> QMenu:
        return self._menu

    def actions(self) -> list[QAction]:
        return [a for a in self._menu.actions() if not a.isSeparator()]

    def retranslate(self) -> None:
        """The menu's words again, in the language now in use (chosen in Settings)."""
        self._menu.setAccessibleName(self.tr("Stretch Guide menu"))
        for action, text in ((self._start, self.tr("Start bedtime routine")),
                             (self._cramp, self.tr("Calf cramp now")),
                             (self._open, self.tr("Open Stretch Guide")),
                             (self._pause, self.tr("Pause reminders for a day")),
                             (self._quit, self.tr("Quit"))):
            action.setText(text)
        if self._icon is not None:
            self._icon.setToolTip(self.tr("Stretch Guide"))

    def set_routine_label(self, text: str) -> None:
        self._start.setText(text)

    def set_paused(self, paused: bool) -> None:
        """Show the pause state without emitting ``pause_toggled``."""
        blocked = self._pause.blockSignals(True)
        self._pause.setChecked(paused)
        self._pause.blockSignals(blocked)

    def show_message(self, title: str, body: str) -> bool:
        """A balloon message; False when there is no visible tray icon to show it."""
        if self._icon is None or not self._icon.isVisible():
            return False
        self._icon.showMessage(title, body, app_icon(), 0)
        return True

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()

    def hide(self) -> None:
        if self._icon is not None:
            self._icon.hide()
