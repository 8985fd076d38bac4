"""Settings: the bedtime reminder, starting at login, sound and voice, and the language.
Saved on every change."""

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QLocale, Qt, QTime, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from guide.core.i18n import LANGUAGES
from guide.core.reminder import autostart
from guide.ui.common.context import SettingsStore
from guide.ui.player.cues import voice_names


class SettingsPage(QWidget):
    """Every change is saved at once through the store; ``changed`` follows each save.

    ``routines`` are (id, name) pairs for the reminder's routine list. ``voices`` lists the
    speech engine's voices; it is called when the page is first shown, as creating an engine
    can be slow, and an empty list means there is no engine.
    """

    changed = Signal()
    language_chosen = Signal(str)  # a language code, or "" for the desktop's

    def __init__(self, store: SettingsStore, routines: Sequence[tuple[str, str]] = (),
                 voices: Callable[[], list[str]] = voice_names,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._voices = voices
        self._voices_listed = False
        s = store.settings
        r = s.reminder
        self.setAccessibleName(self.tr("Settings"))

        self._enabled = self._check(self.tr("Remind me to stretch before bed"), r.enabled,
                                    self._set_enabled)
        time = QTime.fromString(r.time, "HH:mm")
        self._time = QTimeEdit(time if time.isValid() else QTime(22, 0))
        self._time.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self._time.setAccessibleName(self.tr("Reminder time"))
        self._time.timeChanged.connect(self._set_time)
        self._days = self._day_boxes(r.days)
        self._routine = QComboBox()
        self._routine.setAccessibleName(self.tr("Routine to remind about"))
        for ident, name in routines:
            self._routine.addItem(name, ident)
        if self._routine.findData(r.routine) < 0:
            self._routine.addItem(r.routine, r.routine)
        self._routine.setCurrentIndex(self._routine.findData(r.routine))
        self._routine.currentIndexChanged.connect(self._set_routine)
        self._snooze = QSpinBox()
        self._snooze.setRange(1, 60)
        self._snooze.setValue(r.snooze_minutes)
        self._snooze.setSuffix(self.tr(" min"))
        self._snooze.setAccessibleName(self.tr("Snooze minutes"))
        self._snooze.valueChanged.connect(self._set_snooze)
        self._login = self._check(self.tr("Start at login so reminders work"),
                                  autostart.is_enabled(), self._set_autostart)
        self._login_error = QLabel()
        self._login_error.setWordWrap(True)
        self._login_error.hide()

        reminder = QGroupBox(self.tr("Bedtime reminder"))
        form = QFormLayout(reminder)
        form.addRow(self._enabled)
        form.addRow(self.tr("&Time:"), self._time)
        days_row = QHBoxLayout()
        for box in self._days:
            days_row.addWidget(box)
        days_row.addStretch(1)
        form.addRow(self.tr("Days:"), days_row)
        form.addRow(self.tr("&Routine:"), self._routine)
        form.addRow(self.tr("S&nooze:"), self._snooze)
        form.addRow(self._login)
        form.addRow(self._login_error)

        self._sound = self._check(self.tr("Play sounds"), s.sound, self._set_sound)
        self._voice = self._check(self.tr("Speak the steps"), s.voice, self._set_voice)
        self._volume = self._slider(0, 100, round(s.volume * 100), self.tr("Volume"),
                                    self._set_volume)
        self._rate = self._slider(-10, 10, round(s.voice_rate * 10), self.tr("Speaking rate"),
                                  self._set_rate)
        self._voice_name = QComboBox()
        self._voice_name.setAccessibleName(self.tr("Voice"))
        self._voice_name.addItem(s.voice_name or self.tr("Default voice"), s.voice_name)
        self._voice_name.currentIndexChanged.connect(self._set_voice_name)
        sound = QGroupBox(self.tr("Sound and voice"))
        sound_form = QFormLayout(sound)
        sound_form.addRow(self._sound)
        sound_form.addRow(self._voice)
        sound_form.addRow(self.tr("&Volume:"), self._volume)
        sound_form.addRow(self.tr("Speaking &rate:"), self._rate)
        sound_form.addRow(self.tr("V&oice:"), self._voice_name)

        self._language = QComboBox()
        self._language.setAccessibleName(self.tr("Language"))
        self._language.addItem(self.tr("Same as the desktop"), "")
        for code, name in LANGUAGES.items():
            self._language.addItem(name, code)
        self._language.setCurrentIndex(max(0, self._language.findData(s.language)))
        self._language.currentIndexChanged.connect(self._set_language)
        language = QGroupBox(self.tr("Language"))
        QFormLayout(language).addRow(self.tr("&Language:"), self._language)

        layout = QVBoxLayout(self)
        layout.addWidget(reminder)
        layout.addWidget(sound)
        layout.addWidget(language)
        layout.addStretch(1)
        self._update_enabled()
        store.changed.connect(self.refresh)

    @Slot()
    def refresh(self) -> None:
        """Show the stored values again (they may have changed outside this page)."""
        s = self._store.settings
        r = s.reminder
        time = QTime.fromString(r.time, "HH:mm")
        values: list[tuple[QWidget, Callable[[], None]]] = [
            (self._enabled, lambda: self._enabled.setChecked(r.enabled)),
            (self._time, lambda: self._time.setTime(time) if time.isValid() else None),
            (self._routine, lambda: self._routine.setCurrentIndex(
                self._routine.findData(r.routine))),
            (self._snooze, lambda: self._snooze.setValue(r.snooze_minutes)),
            (self._sound, lambda: self._sound.setChecked(s.sound)),
            (self._voice, lambda: self._voice.setChecked(s.voice)),
            (self._volume, lambda: self._volume.setValue(round(s.volume * 100))),
            (self._rate, lambda: self._rate.setValue(round(s.voice_rate * 10))),
        ]
        for day, box in enumerate(self._days):
            values.append((box, partial(box.setChecked, day in r.days)))
        for widget, apply in values:
            blocked = widget.blockSignals(True)
            apply()
            widget.blockSignals(blocked)
        self._update_enabled()

    # -- building ------------------------------------------------------------------------------

    def _check(self, text: str, checked: bool, slot: Callable[[bool], None]) -> QCheckBox:
        box = QCheckBox(text)
        box.setChecked(checked)
        box.setAccessibleName(text)
        box.toggled.connect(slot)
        return box

    def _slider(self, low: int, high: int, value: int, name: str,
                slot: Callable[[int], None]) -> QSlider:
        slider = QSlider()
        slider.setOrientation(Qt.Orientation.Horizontal)
        slider.setRange(low, high)
        slider.setValue(value)
        slider.setAccessibleName(name)
        slider.valueChanged.connect(slot)
        return slider

    def _day_boxes(self, days: list[int]) -> list[QCheckBox]:
        locale = QLocale()
        boxes = []
        for day in range(7):  # 0 = Monday; Qt counts 1 = Monday
            box = QCheckBox(locale.dayName(day + 1, QLocale.FormatType.ShortFormat))
            box.setAccessibleName(locale.dayName(day + 1, QLocale.FormatType.LongFormat))
            box.setChecked(day in days)
            box.toggled.connect(self._set_days)
            boxes.append(box)
        return boxes

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._voices_listed:
            self._voices_listed = True
            self.list_voices()

    def list_voices(self) -> None:
        """Fill the voice list from the speech engine."""
        names = self._voices()
        current = self._store.settings.voice_name
        combo = self._voice_name
        blocked = combo.blockSignals(True)
        combo.clear()
        if not names:
            combo.addItem(self.tr("No speech engine found"), current)
            combo.setEnabled(False)
        else:
            combo.addItem(self.tr("Default voice"), "")
            for name in names:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.setEnabled(True)
        combo.blockSignals(blocked)

    # -- saving --------------------------------------------------------------------------------

    @Slot(int)
    def _set_language(self, _index: int) -> None:
        self._store.settings.language = self._language.currentData() or ""
        self._save()
        self.language_chosen.emit(self._store.settings.language)

    def _save(self) -> None:
        self._store.save()
        self.changed.emit()

    def _update_enabled(self) -> None:
        on = self._enabled.isChecked()
        for widget in (self._time, self._routine, self._snooze, *self._days):
            widget.setEnabled(on)

    @Slot(bool)
    def _set_enabled(self, on: bool) -> None:
        self._store.settings.reminder.enabled = on
        self._update_enabled()
        self._save()

    @Slot(QTime)
    def _set_time(self, value: QTime) -> None:
        self._store.settings.reminder.time = value.toString("HH:mm")
        self._save()

    @Slot()
    def _set_days(self) -> None:
        self._store.settings.reminder.days = [d for d, box in enumerate(self._days)
                                              if box.isChecked()]
        self._save()

    @Slot(int)
    def _set_routine(self, index: int) -> None:
        self._store.settings.reminder.routine = str(self._routine.itemData(index))
        self._save()

    @Slot(int)
    def _set_snooze(self, minutes: int) -> None:
        self._store.settings.reminder.snooze_minutes = minutes
        self._save()

    @Slot(bool)
    def _set_autostart(self, on: bool) -> None:
        try:
            autostart.set_enabled(on)
        except OSError as exc:
            self._login_error.setText(self.tr("Could not change starting at login: %1")
                                      .replace("%1", str(exc)))
            self._login_error.show()
            blocked = self._login.blockSignals(True)
            self._login.setChecked(not on)
            self._login.blockSignals(blocked)
            return
        self._login_error.hide()
        self._store.settings.autostart = on
        self._save()

    @Slot(bool)
    def _set_sound(self, on: bool) -> None:
        self._store.settings.sound = on
        self._save()

    @Slot(bool)
    def _set_voice(self, on: bool) -> None:
        self._store.settings.voice = on
        self._save()

    @Slot(int)
    def _set_volume(self, value: int) -> None:
        self._store.settings.volume = value / 100
        self._save()

    @Slot(int)
    def _set_rate(self, value: int) -> None:
        self._store.settings.voice_rate = value / 10
        self._save()

    @Slot(int)
    def _set_voice_name(self, index: int) -> None:
        self._store.settings.voice_name = str(self._voice_name.itemData(index) or "")
        self._save()
