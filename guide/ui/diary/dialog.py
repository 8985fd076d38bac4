"""The diary entry dialog: a night's cramps, the worst one's severity, where, and a note.

Every control has a visible label (its accessible name) and is reached with Tab; the checks are
the core's (:func:`guide.core.store.diary.make_entry`), so the window refuses what the command
line refuses, with the same words.
"""

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from guide.core.store import diary
from guide.core.store.diary import Diary, Entry


class DiaryDialog(QDialog):
    """Opens on ``night`` (filled in when that night was logged before); emits :attr:`saved`."""

    saved = Signal(object)  # the Entry written

    def __init__(self, store: Diary, night: dt.date, parent: QWidget | None = None, *,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        super().__init__(parent)
        self._store = store
        self._now = now
        self.setWindowTitle(self.tr("Cramp diary"))
        self.setModal(True)

        intro = QLabel(self.tr("Write down the night's cramps while you remember them. A night "
                               "is dated by its evening; for cramps during a day, pick that "
                               "day."))
        intro.setWordWrap(True)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = now().date()
        self.date.setMaximumDate(QDate(today.year, today.month, today.day))
        self.date.dateChanged.connect(self._load)
        self.cramps = QSpinBox()
        self.cramps.setRange(0, diary.MAX_CRAMPS)
        self.cramps.valueChanged.connect(self._on_cramps)
        self.severity = QSlider(Qt.Orientation.Horizontal)
        self.severity.setRange(0, diary.MAX_SEVERITY)
        self.severity.setPageStep(1)
        self.severity.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.severity.setTickInterval(1)
        self.severity.valueChanged.connect(self._on_severity)
        self._meaning = QLabel()
        self._meaning.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 26))
        severity_row = QHBoxLayout()
        severity_row.addWidget(self.severity, 1)
        severity_row.addWidget(self._meaning)
        self.places: dict[str, QCheckBox] = {}
        places_row = QHBoxLayout()
        for place, name in diary.place_names().items():
            box = QCheckBox(name)
            self.places[place] = box
            places_row.addWidget(box)
        places_row.addStretch()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Optional: what you did that day, what helped"))
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4)

        form = QFormLayout()
        form.addRow(self.tr("&Night of:"), self.date)
        form.addRow(self.tr("&Cramps:"), self.cramps)
        severity_label = QLabel(self.tr("&Worst one (0 to 10):"))
        severity_label.setBuddy(self.severity)
        form.addRow(severity_label, severity_row)
        form.addRow(self.tr("Where:"), places_row)
        form.addRow(self.tr("N&ote:"), self.note)
        # A slider has no visible text of its own: name it and say what the scale means.
        self.severity.setAccessibleName(self.tr("Severity of the worst cramp"))
        self.severity.setAccessibleDescription(self.tr(
            "0 is no pain, 10 the worst pain imaginable"))

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.date.setDate(QDate(night.year, night.month, night.day))
        self._load()
        self.cramps.setFocus()
        self.cramps.selectAll()

    @property
    def night(self) -> dt.date:
        value = self.date.date()
        return dt.date(value.year(), value.month(), value.day())

    @Slot()
    def _load(self) -> None:
        """Fill in what was logged for the chosen night, or start blank."""
        entry = self._store.entry(self.night)
        self.cramps.setValue(entry.cramps if entry else 0)
        self.severity.setValue(entry.severity if entry else 0)
        for place, box in self.places.items():
            box.setChecked(bool(entry) and place in entry.places)  # type: ignore[union-attr]
        self.note.setPlainText(entry.note if entry else "")
        self._on_cramps(self.cramps.value())
        self._on_severity(self.severity.value())

    @Slot(int)
    def _on_cramps(self, count: int) -> None:
        """No cramps: nothing to rate or place."""
        for widget in (self.severity, *self.places.values()):
            widget.setEnabled(count > 0)
        if count == 0:
            self.severity.setValue(0)
            for box in self.places.values():
                box.setChecked(False)

    @Slot(int)
    def _on_severity(self, value: int) -> None:
        self._meaning.setText(diary.severity_meaning(value))

    @Slot()
    def save(self) -> None:
        places = [p for p, box in self.places.items() if box.isChecked()]
        try:
            entry = diary.make_entry(night=self.night, cramps=self.cramps.value(),
                                     severity=self.severity.value(), places=places,
                                     note=self.note.toPlainText(), now=self._now())
        except diary.Refused as exc:
            self._show_error(str(exc))
            return
        if not self._store.log(entry):
            self._show_error("\n".join(self._store.take_messages())
                             or self.tr("The diary could not be saved."))
            return
        self.saved.emit(entry)
        self.accept()

    def _show_error(self, text: str) -> None:
        # The core's messages start lower-case for the command line; a sentence here.
        self.error.setText(text[:1].upper() + text[1:])
        self.error.show()


def open_entry(store: Diary, night: dt.date, parent: QWidget,
               on_saved: Callable[[Entry], None], *,
               now: Callable[[], dt.datetime] = dt.datetime.now) -> DiaryDialog:
    """Open the dialog window-modally and call ``on_saved`` with the entry once it is saved."""
    dialog = DiaryDialog(store, night, parent, now=now)
    dialog.saved.connect(on_saved)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
