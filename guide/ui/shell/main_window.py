"""The main window: a sidebar of places (Home, Browse, History, Settings, Safety, About) and
the page for each. Content problems and settings messages show in a banner, never a console."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guide.ui.common.context import AppContext
from guide.ui.common.fonts import scaled
from guide.ui.shell.disclaimer import DisclaimerDialog
from guide.ui.shell.first_paint import FirstPaint
from guide.ui.shell.home import STYLE as HOME_STYLE
from guide.ui.shell.home import HomePage
from guide.ui.shell.startup_qt import RICH_TEXT, USER_ROLE, set_props

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from guide.core.content.catalog import Catalog
    from guide.ui.player.host import PlayerHost
    from guide.ui.reminder.controller import Reminders


class MainWindow(QMainWindow):
    first_painted = Signal()  # the first frame is on screen; the deferred work follows at once
    started = Signal()  # the deferred start-up work is done: the content is loaded

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self._pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._items: dict[str, QListWidgetItem] = {}
        self._disclaimer: DisclaimerDialog | None = None
        self._started = False
        self._quitting = False
        self._background_handler: Callable[[], bool] | None = None
        self.reminders: Reminders | None = None  # set once the reminder is running
        self._player: PlayerHost | None = None
        self._return_to = "home"
        self.setWindowTitle(self.tr("Stretch Guide"))
        self.resize(1100, 720)

        self._nav = QListWidget()
        self._nav.setAccessibleName(self.tr("Places"))
        self._nav.setObjectName("nav")
        scaled(self._nav, 1.2)
        self._nav.currentRowChanged.connect(self._on_nav_row)
        self._stack = QStackedWidget()
        self._banner = QLabel()
        self._banner.setObjectName("banner")
        self._banner.setWordWrap(True)
        set_props(self._banner, textFormat=RICH_TEXT)
        self._banner.linkActivated.connect(self._on_banner_link)
        self._banner.hide()

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self._banner)
        right.addWidget(self._stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._nav)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        summary = context.summary
        self.home = HomePage(summary.routines)
        self.home.start_requested.connect(self.start_routine)
        self.home.safety_requested.connect(lambda: self.show_page("safety"))
        self.add_page("home", self.tr("Home"), self.home)
        # Pages other than Home are built the first time they are shown: start-up stays quick.
        self.add_lazy_page("browse", self.tr("Browse"), self._make_library)
        self.add_lazy_page("routines", self.tr("My routines"), self._make_builder)
        self.add_lazy_page("history", self.tr("History"), self._make_history)
        self.add_lazy_page("settings", self.tr("Settings"), self._make_settings)
        self.add_lazy_page("safety", self.tr("Safety"), _safety_page)
        self.add_lazy_page("about", self.tr("About"), _about_page)
        self.add_lazy_page("problems", self.tr("Content problems ({0})").format(
            summary.problems), lambda: _problems_page(context.catalog))
        self._items["problems"].setHidden(not summary.problems)
        # Wide enough for the longest place name in the user's font size.
        self._nav.setFixedWidth(max(190, self._nav.sizeHintForColumn(0) + 48))
        # One style sheet, set once every child exists: Qt styles the whole window in one pass.
        self.setStyleSheet(_STYLE + HOME_STYLE)
        self._update_banner()
        context.store.changed.connect(self._on_settings_saved)
        self.show_page("home")
        self._first_paint = FirstPaint(self)
        self._first_paint.painted.connect(self.first_painted)
        self._first_paint.painted.connect(self.after_show)

    # -- pages ---------------------------------------------------------------------------

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Add a place to the sidebar, or replace the widget of an existing one."""
        if key in self._pages:
            index = self._stack.indexOf(self._pages[key])
            self._stack.removeWidget(self._pages[key])
            self._pages[key].deleteLater()
            self._stack.insertWidget(index, widget)
            self._pages[key] = widget
            self._items[key].setText(title)
            return
        self._pages[key] = widget
        self._stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(USER_ROLE, key)
        self._nav.addItem(item)
        self._items[key] = item

    def add_lazy_page(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        """A place whose widget is made by ``factory`` when it is first shown."""
        self.add_page(key, title, QWidget())
        self._factories[key] = factory

    def page(self, key: str) -> QWidget:
        factory = self._factories.pop(key, None)
        if factory is not None:
            self.add_page(key, self._items[key].text(), factory())
        return self._pages[key]

    def current_page(self) -> str:
        for key, widget in self._pages.items():
            if widget is self._stack.currentWidget():
                return key
        return ""

    def show_page(self, key: str) -> None:
        if self._player is not None and self._player.view is not None:
            self._player.close()  # leaving the player from the sidebar stops the routine
        widget = self.page(key)
        if key == "history":
            widget.refresh()  # type: ignore[attr-defined]
        self._stack.setCurrentWidget(widget)
        item = self._items.get(key)
        if item is not None:
            self._nav.blockSignals(True)
            self._nav.setCurrentItem(item)
            self._nav.blockSignals(False)

    def show_widget(self, widget: QWidget) -> None:
        """Show a page that is not in the sidebar (the player)."""
        if self._stack.indexOf(widget) < 0:
            self._stack.addWidget(widget)
        self._stack.setCurrentWidget(widget)
        self._nav.clearSelection()

    @Slot(int)
    def _on_nav_row(self, row: int) -> None:
        item = self._nav.item(row)
        if item is not None:
            self.show_page(item.data(USER_ROLE))

    def _add_shortcuts(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        places = ("home", "browse", "routines", "history", "settings", "safety", "about")
        for n, key in enumerate(places, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{n}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.addAction(action)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_app)
        self.addAction(quit_action)

    # -- messages ------------------------------------------------------------------------

    def _update_banner(self) -> None:
        parts = []
        count = self._context.summary.problems
        if count:
            parts.append(self.tr(
                "Some of your exercise files have problems ({0}); everything else loaded. "
                "<a href='problems'>Show the problems</a>").format(count))
        if self._context.store.load_message:
            parts.append(self._context.store.load_message)
        self._banner.setText("<br>".join(parts))
        self._banner.setVisible(bool(parts))

    @Slot()
    def _on_settings_saved(self) -> None:
        """A failed save keeps the values for this session; the user must know it."""
        error = self._context.store.save_error
        if error:
            self.show_message(error)

    @Slot(str)
    def _on_banner_link(self, link: str) -> None:
        if link in self._pages:
            self.show_page(link)

    def show_message(self, text: str) -> None:
        self._banner.setText(text)
        self._banner.setVisible(bool(text))

    # -- routines ------------------------------------------------------------------------

    @property
    def player(self) -> PlayerHost:
        if self._player is None:
            from guide.ui.player.host import PlayerHost

            self._player = PlayerHost(self._context, self.show_widget, self)
            self._player.left.connect(self._after_player)
            self._player.recorded.connect(self._refresh_history)
            self._player.safety_requested.connect(lambda: self.show_page("safety"))
            self._player.focus_mode_toggled.connect(self.set_focus_mode)
        return self._player

    @Slot(str)
    def start_routine(self, routine_id: str) -> None:
        routine = self._context.catalog.routines.get(routine_id)
        if routine is None:
            self.show_message(self.tr("There is no routine called “{0}”.").format(routine_id))
            return
        self._return_to = self.current_page() or "home"
        self.player.play(routine)

    @Slot(str)
    def start_stretch(self, stretch_id: str) -> None:
        from guide.core.routine.user_routines import single_stretch_routine

        stretch = self._context.catalog.stretches.get(stretch_id)
        if stretch is not None:
            self._return_to = self.current_page() or "browse"
            self.player.play(single_stretch_routine(stretch))

    @Slot()
    def _after_player(self) -> None:
        self.set_focus_mode(False)
        self.show_page(self._return_to)

    @Slot(bool)
    def set_focus_mode(self, on: bool) -> None:
        """F11 in the player: full screen with nothing but the routine."""
        self._nav.setVisible(not on)
        self._banner.setVisible(not on and bool(self._banner.text()))
        if on:
            self.showFullScreen()
        elif self.isFullScreen():
            self.showNormal()

    # -- pages built on first use -------------------------------------------------------

    def _make_library(self) -> QWidget:
        from guide.ui.library.view import LibraryView

        library = LibraryView(self._context.catalog)
        library.start_stretch.connect(self.start_stretch)
        library.add_to_routine.connect(self._add_to_routine)
        return library

    def _make_builder(self) -> QWidget:
        from guide.ui.builder.view import RoutineBuilder

        builder = RoutineBuilder(self._context.catalog)
        builder.play_routine.connect(self.start_routine)
        builder.routines_changed.connect(
            lambda: self.home.refresh(self._context.refresh_summary().routines))
        return builder

    @Slot(str)
    def _add_to_routine(self, stretch_id: str) -> None:
        builder = self.page("routines")
        builder.add_stretch(stretch_id)  # type: ignore[attr-defined]
        self.show_page("routines")

    def _make_history(self) -> QWidget:
        from guide.ui.shell.history import HistoryPage

        return HistoryPage(self.player.history)

    @Slot()
    def _refresh_history(self) -> None:
        if "history" not in self._factories:
            self.page("history").refresh()  # type: ignore[attr-defined]

    def _make_settings(self) -> QWidget:
        from guide.ui.shell.settings import SettingsPage

        routines = [(r.id, r.name) for r in self._context.catalog.routines.values()]
        return SettingsPage(self._context.store, routines=routines)

    # -- start-up and closing ------------------------------------------------------------

    def show_disclaimer_if_needed(self) -> None:
        store = self._context.store
        if store.settings.disclaimer_accepted:
            return
        self._disclaimer = DisclaimerDialog(self)
        self._disclaimer.accepted.connect(self._on_disclaimer_accepted)
        self._disclaimer.open()

    def start_routine_after_disclaimer(self, routine_id: str) -> None:
        """Start now, or once the first-run disclaimer is acknowledged (not behind it)."""
        if self._disclaimer is not None and self._disclaimer.isVisible():
            self._disclaimer.finished.connect(lambda _result: self.start_routine(routine_id))
        else:
            self.start_routine(routine_id)

    @Slot()
    def _on_disclaimer_accepted(self) -> None:
        self._context.store.settings.disclaimer_accepted = True
        self._context.store.save()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._first_paint.seen()

    @Slot()
    def after_show(self) -> None:
        """Work that waits for the first frame (or for ``--background``): once only."""
        if not self._started:
            self._started = True
            # Setting shortcuts builds PySide6's Qt enums (~40 ms): after the first paint.
            self._add_shortcuts()
            if self.isVisible():
                self.activateWindow()  # keyboard shortcuts work at once, even without a WM
            shown = self._context.summary
            self._context.catalog  # noqa: B018 - load the content now, before the first click
            if self._context.summary != shown:  # the files changed since the summary was stored
                self._show_summary()
            self.started.emit()

    def _show_summary(self) -> None:
        summary, item = self._context.summary, self._items["problems"]
        self.home.refresh(summary.routines)
        item.setText(self.tr("Content problems ({0})").format(summary.problems))
        item.setHidden(not summary.problems)
        self._factories["problems"] = lambda: _problems_page(self._context.catalog)
        self._update_banner()

    def set_background_handler(self, handler: Callable[[], bool]) -> None:
        """``handler`` decides on close: True keeps the app running without the window."""
        self._background_handler = handler

    @Slot()
    def quit_app(self) -> None:
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self._background_handler and self._background_handler():
            event.ignore()
            return
        event.accept()


def _safety_page() -> QWidget:
    from guide.ui.shell.info_pages import SafetyPage

    return SafetyPage()


def _about_page() -> QWidget:
    from guide.ui.shell.info_pages import AboutPage

    return AboutPage()


def _problems_page(catalog: Catalog) -> QWidget:
    from guide.ui.shell.info_pages import ProblemsPage

    return ProblemsPage(catalog.problems)


_STYLE = """
QListWidget#nav { background: #26323f; color: #e8edf2; border: none; padding-top: 12px;
                  outline: 0; }
QListWidget#nav::item { padding: 10px 16px; }
QListWidget#nav::item:selected { background: #e4572e; color: white; }
QLabel#banner { background: #fff4d6; color: #4a3b00; padding: 8px 14px;
                border-bottom: 1px solid #e8d48a; }
"""
