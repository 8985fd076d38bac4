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
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guide.ui.common import theme
from guide.ui.common.context import AppContext
from guide.ui.common.fonts import font_rules
from guide.ui.shell import places
from guide.ui.shell.first_paint import FirstPaint
from guide.ui.shell.home import HomePage
from guide.ui.shell.pages import PageStack, diary_offer
from guide.ui.shell.startup_qt import RICH_TEXT, USER_ROLE, set_props
from guide.ui.shell.style import WINDOW_FONTS, WINDOW_STYLE

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent

    from guide.core.content.catalog import Catalog
    from guide.core.routine.summary import Summary
    from guide.ui.common.content_check import ContentCheck
    from guide.ui.player.host import PlayerHost
    from guide.ui.reminder.controller import Reminders
    from guide.ui.shell.disclaimer import DisclaimerDialog
    from guide.ui.shell.shortcuts import ShortcutsDialog


class MainWindow(PageStack, QMainWindow):
    first_painted = Signal()  # the first frame is on screen; the deferred work follows at once
    started = Signal()  # the deferred start-up work is done: the content is loaded

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self._pages: dict[str, QWidget] = {}
        self._holders: dict[str, QScrollArea] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._items: dict[str, QListWidgetItem] = {}  # see PageStack
        self._disclaimer: DisclaimerDialog | None = None
        self._started = False
        self._quitting = False
        self._background_handler: Callable[[], bool] | None = None
        self.reminders: Reminders | None = None  # set once the reminder is running
        self._player: PlayerHost | None = None
        self._return_to = "home"
        self.home: HomePage  # built by places.build, again on a language change
        self._shortcuts: ShortcutsDialog | None = None
        self.content_check: ContentCheck | None = None  # see after_show
        self.setWindowTitle(self.tr("Stretch Guide"))
        # At most 90 % of the screen's free area (a 150 % laptop has 853 x 533 logical pixels).
        free = self.screen().availableGeometry()
        self.resize(min(1100, free.width() * 9 // 10), min(720, free.height() * 9 // 10))

        self._nav = QListWidget()
        self._nav.setAccessibleName(self.tr("Places"))
        self._nav.setObjectName("nav")
        self._nav.currentRowChanged.connect(self._on_nav_row)
        self._stack = QStackedWidget()
        self._banner = QLabel()
        self._banner.setObjectName("banner")
        self._banner.setWordWrap(True)
        set_props(self._banner, textFormat=RICH_TEXT)
        self._banner.linkActivated.connect(self._on_banner_link)
        theme.links_in(self._banner, "note_text")
        self._banner.hide()

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self._banner)
        right.addWidget(self._stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        sidebar = QVBoxLayout()
        sidebar.setContentsMargins(0, 0, 0, 0)
        sidebar.setSpacing(0)
        sidebar.addWidget(self._nav, 1)
        self._keys_button = QPushButton(self.tr("Keyboard shortcuts\n(F1)"))
        self._keys_button.setObjectName("navKeys")
        self._keys_button.clicked.connect(self.show_shortcuts)
        sidebar.addWidget(self._keys_button)
        layout.addLayout(sidebar)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        self.hold_pages()
        places.build(self)
        # One style sheet, set once every child exists: Qt styles the whole window in one pass.
        theme.styled(self, WINDOW_STYLE + font_rules(self, WINDOW_FONTS))
        self.place_pages()
        places.fit_sidebar(self)
        self._update_banner()
        context.store.changed.connect(self._on_settings_saved)
        self.show_page("home")
        self._first_paint = FirstPaint(self, self.first_painted, self.after_show)  # paintEvent

    # -- pages ---------------------------------------------------------------------------

    @Slot(str)
    def change_language(self, code: str) -> None:
        """Every page and the tray in the language ``code`` ('' = the desktop's), in place."""
        places.change_language(self, code)

    def show_page(self, key: str) -> None:
        if self._player is not None and self._player.view is not None:
            self._player.close()  # leaving the player from the sidebar stops the routine
        built = key not in self._factories
        widget = self.page(key)
        if key == "history" and built:  # a new page has just read the history itself
            widget.refresh()  # type: ignore[attr-defined]
        self._stack.setCurrentWidget(self._holders[key])
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

        from guide.ui.shell.shortcuts import add_window_shortcuts

        add_window_shortcuts(self, self._items, self.show_page, self.show_shortcuts)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_app)
        self.addAction(quit_action)

    @Slot()
    def show_shortcuts(self) -> None:
        """The "Keyboard shortcuts" sheet (F1, Ctrl+?)."""
        from guide.ui.shell.shortcuts import PLACES, ShortcutsDialog

        names = {key: self._items[key].text() for key in PLACES}
        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(names, self)
        self._shortcuts.open()

    # -- messages ------------------------------------------------------------------------

    def _update_banner(self) -> None:
        """The banner and the "Content problems" place, for the current summary."""
        parts = []
        count, item = self._context.summary.problems, self._items["problems"]
        item.setText(self.tr("Content problems ({count})").format(count=count))
        item.setHidden(not count)
        if count:
            parts.append(self.tr(
                "Some of your exercise files have problems ({count}); everything else loaded. "
                "<a href='problems'>Show the problems</a>").format(count=count))
        if self._context.store.load_message:
            parts.append(self._context.store.load_message)
        self._banner.setText("<br>".join(parts))
        theme.links_in(self._banner, "note_text")
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
        theme.links_in(self._banner, "note_text")
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
            self.show_message(self.tr("There is no routine called “{name}”.").format(
                name=routine_id))
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
        self._keys_button.setVisible(not on)
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
        page = SettingsPage(self._context.store, routines=routines)
        page.language_chosen.connect(self.change_language)
        return page

    # -- start-up and closing ------------------------------------------------------------

    def show_disclaimer_if_needed(self) -> None:
        if not self._context.store.settings.disclaimer_accepted:  # the first start only
            from guide.ui.shell.disclaimer import ask_once

            self._disclaimer = ask_once(self, self._context.store)

    def start_routine_after_disclaimer(self, routine_id: str) -> None:
        """Start now, or once the first-run disclaimer is acknowledged (not behind it)."""
        if self._disclaimer is not None and self._disclaimer.isVisible():
            self._disclaimer.finished.connect(lambda _result: self.start_routine(routine_id))
        else:
            self.start_routine(routine_id)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._first_paint.seen()

    @Slot()
    def after_show(self) -> None:
        """Work that waits for the first frame (or for ``--background``): once only."""
        if not self._started:
            self._started = True
            self.refit_pages()
            # Setting shortcuts builds PySide6's Qt enums (~40 ms): after the first paint.
            self._add_shortcuts()
            theme.follow_desktop(self)
            if self.isVisible():
                self.activateWindow()  # keyboard shortcuts work at once, even without a WM
            shown = self._context.summary
            self._context.catalog  # noqa: B018 - load the content now, before the first click
            if self._context.summary != shown:  # the files changed since the summary was stored
                self.home.refresh(self._context.summary.routines)
                self._update_banner()
            self.check_content()
            self.home.detail  # noqa: B018 - the routine detail pane, after the first paint
            self.diary_offer = diary_offer(self.home, self._refresh_history)
            self.started.emit()

    def check_content(self) -> None:
        """When the catalogue was taken as cached, check off the UI thread that the files are
        still the same (once; after the first paint, or at once with ``--background``)."""
        digest = self._context.unchecked
        if digest is None or self.content_check is not None:
            return
        from guide.core.routine.summary import check_job
        from guide.ui.common.content_check import ContentCheck

        self.content_check = ContentCheck(check_job(digest, self._context.summary), self)
        self.content_check.changed.connect(self._on_content_changed)
        self.content_check.start()

    @Slot(object, object)
    def _on_content_changed(self, catalog: Catalog, summary: Summary) -> None:
        """The files changed since the cache: every place shows what they say now."""
        self._context.adopt(catalog, summary)
        places.content_changed(self)

    def set_background_handler(self, handler: Callable[[], bool]) -> None:
        """``handler`` decides on close: True keeps the app running without the window."""
        self._background_handler = handler

    @Slot()
    def quit_app(self) -> None:
        self._quitting = True
        if not self.close():  # the user kept an unsaved routine open
            self._quitting = False
            return
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from guide.ui.shell.shortcuts import press_focused_button

        if not press_focused_button(self, event):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self._background_handler and self._background_handler():
            event.ignore()  # hidden, still running: the builder keeps its routine
            return
        builder = None if "routines" in self._factories else self._pages.get("routines")
        if builder is not None and not builder.maybe_discard():  # type: ignore[attr-defined]
            event.ignore()
            return
        event.accept()
