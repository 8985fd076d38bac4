"""Wires the bedtime reminder into the running app: service, notification, tray, background.

Set up after the first paint (or at once with ``--background``): nothing here is needed to show
the main window, and it keeps the app alive in the background while the reminder is on.
"""

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from guide.core.content.catalog import Catalog
from guide.ui.common.context import SettingsStore
from guide.ui.reminder.notifier import Notifier
from guide.ui.reminder.service import ReminderService
from guide.ui.reminder.tray import Tray


class AppWindow(Protocol):
    """What the reminder needs of the main window; the shell hands its window in."""

    def after_show(self) -> None: ...
    def showNormal(self) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...
    def hide(self) -> None: ...
    def start_routine(self, routine_id: str) -> None: ...
    def quit_app(self) -> None: ...
    def set_background_handler(self, handler: Callable[[], bool]) -> None: ...


class Reminders(QObject):
    def __init__(self, app: QApplication, window: AppWindow, store: SettingsStore,
                 catalog: Catalog) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._store = store
        self._catalog = catalog
        self.notice: QMessageBox | None = None  # "keeps running" when there is no tray
        self.tray = Tray(self)
        self.notifier = Notifier(parent=self)
        self.service = ReminderService(
            store, notifier=self.notifier, tray=self.tray, parent=self,
            routine_name=lambda i: self._catalog.routines[i].name
            if i in self._catalog.routines else i)
        self.service.start_requested.connect(self._start)
        self.tray.cramp_requested.connect(lambda: self._start("cramp-calf"))
        self.tray.open_requested.connect(self.bring_up)
        self.tray.quit_requested.connect(window.quit_app)
        app.aboutToQuit.connect(self.notifier.close)
        store.changed.connect(self._keep_alive)
        store.watch()
        self._keep_alive()
        window.set_background_handler(self.hide_to_background)
        self.service.begin()

    def retranslate(self, catalog: Catalog) -> None:
        """After a language change: the tray's words and the routines' names in the new one."""
        self._catalog = catalog
        self.tray.retranslate()

    @property
    def enabled(self) -> bool:
        return self._store.settings.reminder.enabled

    @Slot()
    def _keep_alive(self) -> None:
        self._app.setQuitOnLastWindowClosed(not self.enabled)

    @Slot()
    def bring_up(self) -> None:
        self._window.after_show()  # once only; needed when started with --background
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    @Slot(dict)
    def handle_request(self, request: dict[str, str]) -> None:
        """A later start of the app asked for something: show the window or start a routine."""
        action = request.get("action")
        if action == "start" and request.get("routine"):
            self._start(request["routine"])
        elif action == "show":
            self.bring_up()

    @Slot(str)
    def _start(self, routine_id: str) -> None:
        self.bring_up()
        self._window.start_routine(routine_id)

    def hide_to_background(self) -> bool:
        """Called when the window closes: True when the app keeps running for the reminder."""
        if not self.enabled:
            return False
        settings = self._store.settings
        if not settings.background_notice_shown:
            title = self.tr("Stretch Guide keeps running")
            if self.tray.available:
                body = self.tr("Your bedtime reminder stays on. Open Stretch Guide or quit it "
                               "from its icon in the system tray.")
                self.tray.show_message(title, body)
            else:
                body = self.tr("Your bedtime reminder stays on, so Stretch Guide keeps running "
                               "without a window. To stop it, turn the reminder off in Settings "
                               "or choose Quit (Ctrl+Q) in the window.")
                # Not modal and not parented to the window that is about to hide.
                box = QMessageBox(QMessageBox.Icon.Information, title, body)
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.setWindowModality(Qt.WindowModality.NonModal)
                box.show()
                self.notice = box
            settings.background_notice_shown = True
            self._store.save()
        self._window.hide()
        return True
