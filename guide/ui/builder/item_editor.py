"""The editor row under the routine's list: hold, reps, rest and sides of the current stretch."""

from PySide6.QtCore import QModelIndex, Slot
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QListView, QSpinBox, QWidget

from guide.core.content.catalog import Catalog
from guide.core.content.model import Sides
from guide.ui.builder.items_model import RoutineItemsModel, dose
from guide.ui.builder.parts import error_label

FIELDS = ("hold", "reps", "rest", "sides")


class ItemEditor(QWidget):
    """Edits the item that is current in ``view``; each field has its problem label below it."""

    def __init__(self, catalog: Catalog, model: RoutineItemsModel, view: QListView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._model = model
        self._view = view
        self._loading = False
        self.errors: dict[tuple[int, str], str] = {}  # (row, field) -> problem

        self.hold_spin = self._spin("hold", self.tr("Hold, seconds"), 9999, self.tr(" s"))
        self.reps_spin = self._spin("reps", self.tr("Repetitions"), 99, "")
        self.rest_spin = self._spin("rest", self.tr("Rest between repetitions, seconds"), 9999,
                                    self.tr(" s"))
        self.sides_box = QComboBox()
        self.sides_box.setAccessibleName(self.tr("Sides"))
        for value, text in ((Sides.BOTH, self.tr("Both sides")), (Sides.LEFT, self.tr("Left only")),
                            (Sides.RIGHT, self.tr("Right only"))):
            self.sides_box.addItem(text, str(value))
        self.sides_box.currentIndexChanged.connect(self._on_sides)
        self.field_errors = {name: error_label() for name in FIELDS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        for n, (text, widget) in enumerate(((self.tr("&Hold"), self.hold_spin),
                                            (self.tr("Re&ps"), self.reps_spin),
                                            (self.tr("R&est"), self.rest_spin),
                                            (self.tr("&Sides"), self.sides_box))):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, n)
            grid.addWidget(widget, 1, n)
            grid.addWidget(self.field_errors[FIELDS[n]], 2, n)
        for n in range(4):
            grid.setColumnStretch(n, 1)
        view.selectionModel().currentChanged.connect(self.show_item)

    def _spin(self, field: str, name: str, maximum: int, suffix: str) -> QSpinBox:
        # Wider than the file format allows on purpose: the validator explains out-of-range
        # values beside the field instead of the box silently refusing them.
        spin = QSpinBox()
        spin.setRange(0, maximum)
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        spin.setKeyboardTracking(True)
        spin.valueChanged.connect(lambda value, f=field: self._on_spin(f, value))
        return spin

    @Slot(QModelIndex, QModelIndex)
    def show_item(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        row = current.row() if current.isValid() else -1
        editors: list[QWidget] = [self.hold_spin, self.reps_spin, self.rest_spin, self.sides_box]
        for widget in editors:
            widget.setEnabled(row >= 0)
        if row < 0:
            self.show_errors()
            return
        item = self._model.items[row]
        stretch = self._catalog.stretches.get(item.stretch or "")
        loading, self._loading = self._loading, True
        hold, reps, rest = dose(item, stretch)
        self.hold_spin.setValue(hold)
        self.reps_spin.setValue(reps)
        self.rest_spin.setValue(rest)
        per_side = stretch is not None and stretch.per_side
        self.sides_box.setEnabled(per_side)
        self.sides_box.setCurrentIndex(max(0, self.sides_box.findData(str(item.sides or "both"))))
        self._loading = loading
        self.show_errors()

    def show_errors(self) -> None:
        """Show the problems of the current item beside their fields."""
        row = self._view.currentIndex().row()
        for name, label in self.field_errors.items():
            message = self.errors.get((row, name), "")
            label.setText(message)
            label.setVisible(bool(message))

    def clear_errors(self) -> None:
        for label in self.field_errors.values():
            label.clear()
            label.hide()
        self.errors = {}

    def _on_spin(self, field: str, value: int) -> None:
        if self._loading:
            return
        row = self._view.currentIndex().row()
        self.errors.pop((row, field), None)
        self._model.set_field(row, field, value)
        self.show_errors()

    @Slot(int)
    def _on_sides(self, _index: int) -> None:
        if self._loading:
            return
        row = self._view.currentIndex().row()
        if row < 0:
            return
        value = Sides(str(self.sides_box.currentData()))
        stretch = self._catalog.stretches.get(self._model.items[row].stretch or "")
        self._model.set_field(row, "sides", value if stretch and stretch.per_side else None)
