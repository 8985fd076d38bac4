"""Start-up of the desktop app: QApplication, content, settings, main window."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from guide import DESKTOP_ID, __version__
from guide.core import i18n
from guide.core.content.sources import default_sources
from guide.core.routine.summary import load_summary
from guide.core.store import paths, shipped

if TYPE_CHECKING:
    from guide.ui.reminder.controller import Reminders


def _install_translations(app: QApplication) -> None:
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    translator = QTranslator(app)
    folder = shipped.translations()
    if translator.load(QLocale(), "stretch-guide", "_", str(folder)):
        app.installTranslator(translator)


def _set_icon(app: QApplication) -> None:
    """The window and taskbar icon; set just after the first paint, which does not show it."""
    from PySide6.QtGui import QIcon

    icon = paths.builtin_media() / "icons" / "stretch-guide.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def run_app(args: argparse.Namespace) -> int:
    exit_after_startup = getattr(args, "exit_after_startup", False)
    routine = getattr(args, "routine", None)
    background = getattr(args, "background", False)
    instance = None
    if not exit_after_startup:
        # Before anything else: exactly one copy runs; a later start hands over its request.
        # The lock lasts as long as this process.
        from guide.ui.shell import single_instance

        instance = single_instance.claim()
        if not instance.primary:
            request = {"action": "start", "routine": routine} if routine else {
                "action": "background" if background else "show"}
            if single_instance.forward(request):
                return 0  # the running app shows itself or starts the routine
            sys.stderr.write(i18n.tr("Stretch Guide is already running but does not answer. "
                                     "Close it, or end it, and start it again.") + "\n")
            return 1

    from guide.ui.common.context import AppContext, SettingsStore
    from guide.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("stretch-guide")
    app.setApplicationDisplayName("Stretch Guide")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    _install_translations(app)
    from guide.ui.common import theme

    theme.force_from_environment()  # STRETCH_GUIDE_THEME=dark ..., for screenshots and testing

    # Home needs only the cached summary; the catalogue loads after the first paint.
    summary = load_summary(default_sources())
    context = AppContext(None, SettingsStore(), summary)
    window = MainWindow(context)
    if not background:
        window.show()
        window.show_disclaimer_if_needed()
    if routine:
        window.start_routine_after_disclaimer(routine)
    if exit_after_startup:
        window.repaint()
        app.processEvents()
        if os.environ.get("STRETCH_GUIDE_PAINTED_AT"):  # for benchmarks/startup.py
            with open(os.environ["STRETCH_GUIDE_PAINTED_AT"], "w", encoding="ascii") as out:
                out.write(repr(time.time()))
        context.catalog  # noqa: B018 - what the first event-loop turn would load
        if os.environ.get("STRETCH_GUIDE_SCREENSHOT"):
            window.grab().save(os.environ["STRETCH_GUIDE_SCREENSHOT"])
        code = 0
    else:
        def start_reminders() -> Reminders:
            from guide.ui.reminder.controller import Reminders
            from guide.ui.shell.single_instance import make_server

            window.reminders = Reminders(app, window, context.store, context.catalog)
            server = make_server(instance, app) if instance is not None else None
            if server is not None:  # requests sent meanwhile waited in the socket's queue
                server.request.connect(window.reminders.handle_request)
                app.aboutToQuit.connect(server.close)
            return window.reminders

        window.started.connect(lambda: _set_icon(app))
        if background:
            reminders = start_reminders()
            if not reminders.enabled and not reminders.tray.available:
                sys.stderr.write(window.tr(
                    "The bedtime reminder is off, so there is nothing to do in the background."
                    " Turn it on with `stretch-guide reminder set HH:MM`.") + "\n")
                shiboken6.delete(window)
                return 1
        else:
            window.started.connect(start_reminders)
            QTimer.singleShot(0, window.after_show)
        code = app.exec()
    # Delete the window tree while the QApplication still exists: leaving it to the
    # interpreter's shutdown order crashes now and then.
    shiboken6.delete(window)
    return code
