"""Unsaved work in the builder: kept on disk as it changes, and never dropped without asking.

:class:`UnsavedWork` writes the routine being edited to the draft file a moment after each
change (so a crash costs at most that moment), clears it once the routine is saved or
discarded, and asks Save / Discard / Cancel (:func:`ask_unsaved`) before it is replaced.
"""

import contextlib
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from guide.core.routine.drafts import Draft, clear_draft, save_draft

DRAFT_DELAY_MS = 400


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, name: str) -> Answer:
    title = QCoreApplication.translate("RoutineBuilder", "Unsaved routine")
    text = QCoreApplication.translate(
        "RoutineBuilder", "Your routine “{name}” has changes that are not saved yet. Save them?")
    box = QMessageBox(QMessageBox.Icon.Question, title, text.format(name=name), parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Answer.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


class UnsavedWork(QObject):
    """The builder's unsaved routine: written to the draft file a moment after each change,
    cleared once saved or discarded, and never replaced without asking.

    ``current()`` is the draft to keep (None: nothing unsaved); ``title()`` names it in the
    question; ``save()`` saves it (False: not saved, the problems are shown); ``forget()``
    marks it clean.
    """

    def __init__(self, parent: QWidget, current: Callable[[], Draft | None],
                 title: Callable[[], str], save: Callable[[], bool],
                 forget: Callable[[], None]) -> None:
        super().__init__(parent)
        self._current, self._title, self._save, self._forget = current, title, save, forget
        self.ask: Callable[[str], Answer] = lambda name: ask_unsaved(parent, name)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def changed(self) -> None:
        self._timer.start()

    @Slot()
    def flush(self) -> None:
        self._timer.stop()
        draft = self._current()
        if draft is None:
            clear_draft()
            return
        with contextlib.suppress(OSError):  # a read-only data folder: the window still has it
            save_draft(draft)

    def clear(self) -> None:
        self._timer.stop()
        clear_draft()

    def maybe_discard(self) -> bool:
        """True to go ahead (nothing unsaved, saved, or discarded); False: the user cancelled,
        or saving failed and the problems are shown beside the fields."""
        if self._current() is None:
            return True
        answer = self.ask(self._title())
        if answer is Answer.SAVE:
            return self._save()
        if answer is Answer.DISCARD:
            self._forget()
            self.clear()
            return True
        return False
