"""Run by tests/test_wheel.py with the Python of a fresh venv holding only the built wheel: open
Browse on a stretch, grab its pictures and the body map, and print how much of each is drawn.

Prints JSON: where ``guide`` was imported from, and per widget the share of pixels that differ
from the widget's background (its most common colour). Not a test module: pytest skips it.
"""

import json
import os
import sys
from collections import Counter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import guide
from guide.core.content.cache import load_catalog
from guide.ui.library.view import LibraryView


def drawn_share(widget: QWidget) -> float:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    step = 2  # every other pixel in each direction is plenty
    colours = Counter(image.pixel(x, y) for y in range(0, image.height(), step)
                      for x in range(0, image.width(), step))
    total = sum(colours.values())
    return 1 - colours.most_common(1)[0][1] / total if total else 0.0


def main() -> int:
    app = QApplication(sys.argv[:1])
    view = LibraryView(load_catalog())
    view.resize(1100, 720)
    view.show()
    view.open_stretch(sys.argv[1])
    app.processEvents()
    pictures = [w for w in view.detail.findChildren(QLabel, "picture") if w.isVisible()]
    result = {
        "guide": guide.__file__,
        "prefix": sys.prefix,
        "pictures": [drawn_share(w) for w in pictures],
        "body_map_available": view.body_map.canvas.available(),
        "body_map": drawn_share(view.body_map.canvas),
    }
    sys.stdout.write(json.dumps(result) + "\n")
    view.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
