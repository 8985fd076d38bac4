"""Making sure the catalogue the app started with is current, without making the user wait.

The app starts with the catalogue as last cached; listing every content file to confirm nothing
changed takes about half a second for 50,000 files, so it happens on a worker thread. The
thread never touches Qt: it leaves its result in a queue that a timer on the UI thread looks at
while the check runs (every 50 ms, for as long as the check lasts, then never again). When the
files changed, the thread also reads them and caches them, and ``changed`` hands the new
catalogue and summary to the window. A check that fails keeps the catalogue already shown.
"""

import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from guide.core.content.catalog import Catalog
    from guide.core.routine.summary import Summary

POLL_MS = 50


class ContentCheck(QObject):
    changed = Signal(object, object)  # the catalogue and summary read from the changed files
    finished = Signal()  # the check is over, whatever it found

    def __init__(self, job: "Callable[[], tuple[Catalog, Summary] | None]",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: queue.SimpleQueue[tuple[Catalog, Summary] | None] = queue.SimpleQueue()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        # A daemon thread: quitting never waits for it, and it never touches Qt.
        self._thread = threading.Thread(target=self._run, args=(job,), daemon=True,
                                        name="stretch-guide content check")
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()
        self._poll.start()

    def _run(self, job: "Callable[[], tuple[Catalog, Summary] | None]") -> None:
        try:
            result = job()
        except Exception:  # whatever went wrong, the catalogue shown stays
            result = None
        self._results.put(result)

    @Slot()
    def _collect(self) -> None:
        try:
            result = self._results.get_nowait()
        except queue.Empty:
            return
        self._poll.stop()
        self.running = False
        if result is not None:
            self.changed.emit(*result)
        self.finished.emit()
