"""Run by test_screen_sizes in its own process (the screen is fixed when Qt starts): opens the
main window on the screen given by QT_QPA_PLATFORM / QT_SCALE_FACTOR, shows Browse with a
stretch, and prints what fits and what is cut off, as JSON."""

import json
import sys

from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

FONT_SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
STRETCH = sys.argv[2] if len(sys.argv) > 2 else "calf-cramp-release"


def main() -> None:
    app = QApplication(sys.argv[:1])
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
    app.setFont(font)
    from guide.core.content.cache import load_catalog
    from guide.ui.common.context import AppContext, SettingsStore
    from guide.ui.shell.main_window import MainWindow

    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    window.show()
    app.processEvents()
    free = window.screen().availableGeometry()
    opened = window.size()
    window.show_page("browse")
    browse = window.page("browse")
    browse.open_stretch(STRETCH)  # type: ignore[attr-defined]
    for _ in range(3):
        app.processEvents()
    holder = browse.parentWidget().parentWidget()  # the page's scroll area
    assert isinstance(holder, QScrollArea)
    detail = browse.detail  # type: ignore[attr-defined]
    body = detail._body
    cut = []
    for label in body.findChildren(QLabel):
        if not label.isVisible():
            continue
        name = (label.text() or label.accessibleName())[:40]
        if label.wordWrap() and label.height() < label.heightForWidth(label.width()):
            cut.append(f"{name!r}: {label.height()} px tall, needs "
                       f"{label.heightForWidth(label.width())}")
        if label.geometry().right() > body.width() - 1:
            cut.append(f"{name!r}: right edge {label.geometry().right()} past {body.width()}")
    layout = body.layout()
    needed = layout.totalHeightForWidth(body.width())
    if body.height() < needed:
        cut.append(f"detail body {body.height()} px tall, its text needs {needed}")
    right = detail.mapTo(window, detail.rect().topRight()).x()
    print(json.dumps({
        "screen": [free.width(), free.height()],
        "opened": [opened.width(), opened.height()],
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
        "browse_scrolls_sideways": holder.horizontalScrollBar().maximum() > 0,
        "detail_right": right, "window_width": window.width(),
        "body_map": browse.body_map.canvas.width(),  # type: ignore[attr-defined]
        "cut": cut,
    }))


if __name__ == "__main__":
    main()
