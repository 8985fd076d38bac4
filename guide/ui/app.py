"""Start-up of the desktop app: QApplication, content, settings, main window."""

import argparse
import os
import sys

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from guide import __version__
from guide.core import i18n, paths
from guide.core.catalog import load_catalog


def _install_translations(app: QApplication) -> None:
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    translator = QTranslator(app)
    folder = paths.ROOT / "guide" / "translations"
    if translator.load(QLocale(), "stretch-guide", "_", str(folder)):
        app.installTranslator(translator)


def run_app(args: argparse.Namespace) -> int:
    from guide.ui.context import AppContext, SettingsStore
    from guide.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("stretch-guide")
    app.setApplicationDisplayName("Stretch Guide")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("stretch-guide")
    icon = paths.builtin_media() / "icons" / "stretch-guide.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    _install_translations(app)

    context = AppContext(load_catalog(), SettingsStore())
    window = MainWindow(context)
    routine = getattr(args, "routine", None)
    if routine:
        window.start_routine(routine)
    background = getattr(args, "background", False)
    if not background:
        window.show()
        window.show_disclaimer_if_needed()
    if getattr(args, "exit_after_startup", False):
        window.repaint()
        app.processEvents()
        if os.environ.get("STRETCH_GUIDE_SCREENSHOT"):
            window.grab().save(os.environ["STRETCH_GUIDE_SCREENSHOT"])
        code = 0
    else:
        QTimer.singleShot(0, window.after_show)
        code = app.exec()
    # Delete the window tree while the QApplication still exists: leaving it to the
    # interpreter's shutdown order crashes now and then.
    shiboken6.delete(window)
    return code
