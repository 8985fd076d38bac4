"""What Qt must be told before the application object exists."""

import os


def prepare() -> None:
    """Keep Qt's painting on the UI thread. Qt's raster engine hands a large fill or image
    conversion to a pool of threads and waits for them; for this app's repaints (a countdown's
    digits once a second, a page at a time) the hand-off costs more than the work: a playing
    routine took 0.52 % of a core with the pool and 0.44 % without it."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
