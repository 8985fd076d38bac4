"""Home asks "How was last night?" in the morning after a bedtime routine, until that night is
logged or the user says "Not now" (which holds until the app is started again)."""

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QWidget

from guide.core.store.diary import Diary, Entry
from guide.core.store.history import History
from guide.ui.diary.prompt import DiaryPrompt

if TYPE_CHECKING:
    from guide.ui.diary.dialog import DiaryDialog


class DiaryOffer(QObject):
    """Shows the question on ``home`` (through its ``add_card``) whenever Home comes on screen
    and it is due. ``logged`` is called after an entry is saved, so History can redraw.
    """

    def __init__(self, home: QWidget, logged: Callable[[], None], history: History | None = None,
                 *, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        super().__init__(home)
        self._home = home
        self._logged = logged
        self._history = history
        self.now = now
        self.prompt: DiaryPrompt | None = None
        self.dialog: DiaryDialog | None = None
        self._declined: set[dt.date] = set()
        home.installEventFilter(self)
        self.check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._home and event.type() == QEvent.Type.Show:
            self.check()
        return False

    @property
    def store(self) -> Diary:
        if self._history is None:
            self._history = History()
        return Diary(self._history)

    @Slot()
    def check(self) -> None:
        """Show or take away the question as the clock and the diary say."""
        store = self.store
        now = self.now()
        night = store.night_to_ask(now)
        store.take_messages()  # History shows problems with the database
        if night in self._declined:
            night = None
        if self.prompt is not None and self.prompt.night != night:
            self._remove()
        if night is not None and self.prompt is None:
            self.prompt = DiaryPrompt(night)
            self.prompt.log_requested.connect(self._open)
            self.prompt.dismissed.connect(self._decline)
            self._home.add_card(self.prompt)  # type: ignore[attr-defined]

    @Slot(object)
    def _open(self, night: dt.date) -> None:
        from guide.ui.diary.dialog import open_entry

        self.dialog = open_entry(self.store, night, self._home.window(), self._on_saved,
                                 now=self.now)

    def _on_saved(self, _entry: Entry) -> None:
        self.check()
        self._logged()

    @Slot()
    def _decline(self) -> None:
        if self.prompt is not None:
            self._declined.add(self.prompt.night)
            self._remove()

    def _remove(self) -> None:
        if self.prompt is not None:
            self.prompt.hide()
            self.prompt.deleteLater()
            self.prompt = None
