"""Start-up of the desktop app: QApplication, content, settings, main window."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QApplication

from guide import DESKTOP_ID, __version__
from guide.core import i18n
from guide.core.routine.summary import load_summary
from guide.core.store import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QEventLoop

    from guide.ui.common.context import AppContext
    from guide.ui.reminder.controller import Reminders
    from guide.ui.shell.main_window import MainWindow
    from guide.ui.shell.single_instance import Claim


def _set_icon(app: QApplication) -> None:
    """The window and taskbar icon; set just after the first paint, which does not show it."""
    from PySide6.QtGui import QIcon

    icon = paths.builtin_media() / "icons" / "stretch-guide.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def _start_reminders(app: QApplication, window: MainWindow, context: AppContext,
                     instance: Claim | None) -> Reminders:
    """The bedtime reminder, and (for the copy holding the lock) the socket later starts of
    the app hand over to."""
    from guide.ui.reminder.controller import Reminders
    from guide.ui.shell.single_instance import make_server

    window.reminders = Reminders(app, window, context.store, context.catalog)
    server = make_server(instance, app) if instance is not None else None
    if server is not None:  # requests sent meanwhile waited in the socket's queue
        server.request.connect(window.reminders.handle_request)
        app.aboutToQuit.connect(server.close)
    return window.reminders


def _exit_once_started(window: MainWindow) -> QEventLoop:
    """``--exit-after-startup``: the event loop to run instead of the application's; it ends
    once the first frame is painted and the deferred work has run. A loop of its own, not
    ``app.quit()``: after that, a caller going on with the same QApplication could not run
    event loops any more. With STRETCH_GUIDE_PAINTED_AT set (benchmarks/startup.py) it writes
    both moments, and the peak memory and CPU time at the first frame; with
    STRETCH_GUIDE_SCREENSHOT, the window."""
    import resource
    import time

    from PySide6.QtCore import QEventLoop

    stamp = os.environ.get("STRETCH_GUIDE_PAINTED_AT")
    moments: list[str] = []
    loop = QEventLoop()

    def painted() -> None:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        moments.append(f"painted {time.time()!r} {peak_kib} {time.process_time()!r}")

    def started() -> None:
        moments.append(f"interactive {time.time()!r}")
        if stamp:
            with open(stamp, "w", encoding="ascii") as out:
                out.write("\n".join(moments) + "\n")
        if os.environ.get("STRETCH_GUIDE_SCREENSHOT"):
            window.grab().save(os.environ["STRETCH_GUIDE_SCREENSHOT"])
        loop.quit()

    window.first_painted.connect(painted)
    window.started.connect(started)
    return loop


def collect_from_now() -> None:
    """Turn the garbage collector on again once the app has started (it was off since
    :mod:`guide.launch` or :func:`guide.cli.open_app`). What start-up made (the bindings, the
    window, the content) lives as long as the app, so it is frozen: later collections skip it
    instead of rescanning it. Garbage among it is kept: a few hundred small objects (363 in a
    plain start: functions and tuples left over from making classes)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


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

    from guide.ui.common import qt_env
    from guide.ui.common.context import AppContext, SettingsStore
    from guide.ui.shell.main_window import MainWindow

    qt_env.prepare()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("stretch-guide")
    app.setApplicationDisplayName("Stretch Guide")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    store = SettingsStore()
    from guide.ui.common.translator import install_translations

    install_translations(app, store.settings.language)
    from guide.ui.common import theme

    theme.force_from_environment()  # STRETCH_GUIDE_THEME=dark ..., for screenshots and testing

    # Home needs only the stored summary; the catalogue loads after the first paint.
    context = AppContext(None, store, load_summary())
    window = MainWindow(context)
    window.started.connect(lambda: _set_icon(app))
    window.started.connect(collect_from_now)
    loop: QEventLoop | None = None
    if background:
        reminders = _start_reminders(app, window, context, instance)
        window.check_content()  # the routines' names in the reminder, as the files say
        if not reminders.enabled and not reminders.tray.available:
            sys.stderr.write(i18n.tr(
                "The bedtime reminder is off, so there is nothing to do in the background."
                " Turn it on with `stretch-guide reminder set HH:MM`.") + "\n")
            shiboken6.delete(window)
            return 1
        collect_from_now()  # no window to wait for: it may wait all night for the reminder
    else:
        # The same order for a user and for --exit-after-startup: first frame, then the rest.
        window.started.connect(
            lambda: _start_reminders(app, window, context, instance))
        loop = _exit_once_started(window) if exit_after_startup else None
        window.show()
        window.show_disclaimer_if_needed()
    if routine:
        window.start_routine_after_disclaimer(routine)
    code = loop.exec() if loop is not None else app.exec()
    # Delete the window tree (and the reminder, which belongs to the application) while the
    # QApplication still exists: leaving it to the interpreter's shutdown order crashes now and
    # then, and a caller that goes on with the same QApplication must not keep them running.
    if window.reminders is not None:
        shiboken6.delete(window.reminders)
    shiboken6.delete(window)
    return code
