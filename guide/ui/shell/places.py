"""The sidebar's places: built at start-up, and again when the user picks another language.

Home is built at once; the other pages when first shown, so start-up stays quick. A language
change installs the new translators, reloads the content in that language and rebuilds the
places where the user is, keeping a routine with unsaved changes as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from guide.ui.shell.home import HomePage
from guide.ui.shell.pages import info_page

if TYPE_CHECKING:
    from guide.ui.shell.main_window import MainWindow


def build(window: MainWindow) -> None:
    context = window._context
    translate = QCoreApplication.translate
    count = context.summary.problems
    titles = {"home": translate("MainWindow", "Home"),
              "browse": translate("MainWindow", "Browse"),
              "routines": translate("MainWindow", "My routines"),
              "history": translate("MainWindow", "History"),
              "settings": translate("MainWindow", "Settings"),
              "safety": translate("MainWindow", "Safety"),
              "about": translate("MainWindow", "About"),
              "problems": translate("MainWindow", "Content problems ({count})").format(
                  count=count)}
    window.home = HomePage(context.summary.routines, lambda: context.catalog)
    window.home.start_requested.connect(window.start_routine)
    window.home.safety_requested.connect(lambda: window.show_page("safety"))
    window.add_page("home", titles["home"], window.home)
    for key, factory in _factories(window).items():
        if key not in window._items:
            window.add_lazy_page(key, titles[key], factory)
            continue
        window._items[key].setText(titles[key])
        _renew(window, key, factory)  # made again, in the new language, when shown
    window._items["problems"].setHidden(not count)
    window._keys_button.setText(translate("MainWindow", "Keyboard shortcuts\n(F1)"))


def fit_sidebar(window: MainWindow) -> None:
    """The sidebar wide enough for the longest place name shown, in the user's font and
    language, once the window's style sheet (the names' size, the padding) is in place."""
    nav, keys = window._nav, window._keys_button
    nav.ensurePolished()
    keys.ensurePolished()
    metrics = nav.fontMetrics()
    widths = [metrics.horizontalAdvance(nav.item(row).text())
              for row in range(nav.count()) if not nav.item(row).isHidden()]
    # The items' padding and focus border (the style sheet's 16 + 3 px each side), and room.
    width = max(150, max(widths, default=0) + 58, keys.sizeHint().width())
    nav.setFixedWidth(width)
    keys.setFixedWidth(width)


def _factories(window: MainWindow) -> dict[str, Callable[[], QWidget]]:
    """How each place other than Home is made (on first show)."""
    context = window._context
    return {
        "browse": window._make_library, "routines": window._make_builder,
        "history": window._make_history, "settings": window._make_settings,
        "safety": lambda: info_page("SafetyPage"), "about": lambda: info_page("AboutPage"),
        "problems": lambda: info_page("ProblemsPage", context.catalog.problems)}


def _renew(window: MainWindow, key: str, factory: Callable[[], QWidget]) -> None:
    """Make the page of ``key`` again when it is next shown; unsaved work keeps its page."""
    if not getattr(window._pages.get(key), "dirty", False):
        window._factories[key] = factory


def content_changed(window: MainWindow) -> None:
    """The window's catalogue was replaced (the files changed since the cache): Home and the
    banner show the new content; every other page built so far is made again from it, at once
    for the page on screen, on its next showing for the others. A routine being played or
    edited is left as it is."""
    context = window._context
    window.home.refresh(context.summary.routines)
    window._update_banner()
    for key, factory in _factories(window).items():
        if key not in window._factories:
            _renew(window, key, factory)
    current = window.current_page()
    if current and current != "home" and current in window._factories:
        window.show_page(current)
    if window.reminders is not None:
        window.reminders.retranslate(context.catalog)


def change_language(window: MainWindow, code: str) -> None:
    from guide.ui.common.translator import install_translations

    app = QApplication.instance()
    if app is not None:
        install_translations(app, code)
    current = window.current_page() or "home"
    window._context.reload_content()
    window.setWindowTitle(QCoreApplication.translate("MainWindow", "Stretch Guide"))
    window._nav.setAccessibleName(QCoreApplication.translate("MainWindow", "Places"))
    build(window)
    fit_sidebar(window)
    window._update_banner()
    window.show_page(current)
    if window.reminders is not None:
        window.reminders.retranslate(window._context.catalog)
