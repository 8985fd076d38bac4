"""The routine builder: make, change, reorder, copy and delete your own routines.

A routine is edited as a draft; Save runs the same validator as ``stretch-guide validate`` and
either writes ``<data>/stretch-guide/exercises/routines/<id>.yaml`` or shows each problem beside
the field it concerns and writes nothing. Shipped routines are never edited in place: "Copy a
shipped routine" makes an editable copy under a new id.
"""

from collections.abc import Callable

import msgspec
from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from guide.core.content.catalog import Catalog
from guide.core.content.model import Routine, RoutineKind
from guide.core.content.problems import Problem
from guide.core.i18n import duration
from guide.core.routine import user_routines
from guide.core.routine.drafts import Draft, load_draft
from guide.core.routine.plan import routine_seconds
from guide.ui.builder.item_editor import FIELDS
from guide.ui.builder.items_model import MIME, AnyIndex, ErrorRole, RoutineItemsModel
from guide.ui.builder.items_panel import ItemsPanel
from guide.ui.builder.parts import STYLE, ask_delete, error_label, place_problems, push_button
from guide.ui.builder.routines_panel import RoutinesPanel
from guide.ui.builder.unsaved import UnsavedWork
from guide.ui.common import theme
from guide.ui.common.fonts import scaled

__all__ = ["FIELDS", "MIME", "AnyIndex", "ErrorRole", "RoutineBuilder", "RoutineItemsModel"]


class RoutineBuilder(QWidget):
    """Your routines on the left, the one being edited on the right."""

    play_routine = Signal(str)
    routines_changed = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._base: Routine | None = None  # fields the editor does not show are kept from here
        self._original_id: str | None = None  # id of the saved routine being edited
        self._id_edited = False
        self._dirty = False
        self._loading = False
        self.confirm: Callable[[str], bool] = lambda text: ask_delete(self, text)
        self.unsaved = UnsavedWork(self, self._draft, self._title, self.save, self._forget)
        restored = load_draft()  # an unsaved routine from a session that ended without a word

        self.model = RoutineItemsModel(catalog, self)
        self.model.changed.connect(self._on_items_changed)
        self._left = RoutinesPanel(catalog)
        self._left.routine_chosen.connect(self._on_routine_chosen)
        self._left.new_requested.connect(self.new_routine)
        self._left.duplicate_requested.connect(self.duplicate)
        self._left.delete_requested.connect(self.delete_current)
        self._left.copy_requested.connect(self.copy_shipped)
        self.routine_list = self._left.routine_list
        self.duplicate_button = self._left.duplicate_button
        self.delete_button = self._left.delete_button
        self.copy_button = self._left.copy_button
        self._build_editor()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(14)
        layout.addWidget(self._left, 1)
        layout.addWidget(self._editor, 3)
        theme.styled(self, STYLE)
        self.refresh()
        if self.routine_list.count():
            self.routine_list.setCurrentRow(0)
        else:
            self.new_routine()
            self._dirty = False
            self._update_status()
        if restored is not None:
            self._restore(restored)

    # -- building the widgets ------------------------------------------------------------

    def _build_editor(self) -> None:
        self._editor = QWidget()
        column = QVBoxLayout(self._editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)

        self.name_edit = self._line_edit(self.tr("Routine name"), self._on_name)
        self.id_edit = self._line_edit(self.tr("Routine id (its file name)"), self._on_id)
        self.description_edit = self._line_edit(self.tr("Description"), self._mark_dirty)
        self.name_error, self.id_error, self.description_error = (
            error_label(), error_label(), error_label())
        form = QFormLayout()
        for label, edit, error in ((self.tr("&Name"), self.name_edit, self.name_error),
                                   (self.tr("&Id"), self.id_edit, self.id_error),
                                   (self.tr("Desc&ription"), self.description_edit,
                                    self.description_error)):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(label, box)
            buddy = form.labelForField(box)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(edit)
        column.addLayout(form)

        self._items = ItemsPanel(self._catalog, self.model)
        column.addWidget(self._items, 1)
        self.stretch_box = self._items.stretch_box
        self.add_button = self._items.add_button
        self.items_view = self._items.items_view
        self.items_error = self._items.items_error
        editor = self._items.editor
        self.hold_spin, self.reps_spin = editor.hold_spin, editor.reps_spin
        self.rest_spin, self.sides_box = editor.rest_spin, editor.sides_box
        self.field_errors = editor.field_errors

        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        scaled(self.total_label, 1.2, bold=True)
        self.status_label = QLabel()
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        self.general_error = error_label()
        self.save_button = push_button(self.tr("Save"), self.tr("Save this routine"), self.save)
        self.save_button.setObjectName("primary")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.play_button = push_button(self.tr("Play"), self.tr("Play this routine"), self.play)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label)
        bottom.addStretch(1)
        bottom.addWidget(self.play_button)
        bottom.addWidget(self.save_button)
        column.addWidget(self.general_error)
        column.addLayout(bottom)
        column.addWidget(self.status_label)

    @staticmethod
    def _line_edit(accessible: str, on_edit: Callable[..., None]) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(on_edit)
        return edit

    # -- the list of routines ------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        self._left.refresh(select)
        self._update_buttons()

    @Slot(str)
    def _on_routine_chosen(self, routine_id: str) -> None:
        if not self.maybe_discard():  # back to the routine being edited, still unsaved
            self.refresh(select=self._original_id)
            return
        routine = self._catalog.routines.get(routine_id)
        if routine is not None:
            self.refresh(select=routine_id)  # Save may have moved the selection
            self.edit(routine, saved=True)

    def edit(self, routine: Routine, saved: bool) -> None:
        """Load ``routine`` into the editor (a saved user routine, or a new draft)."""
        self._loading = True
        self._base = user_routines.copy_routine(routine, routine.id, routine.name)
        self._original_id = routine.id if saved else None
        self._id_edited = saved
        self.name_edit.setText(routine.name)
        self.id_edit.setText(routine.id)
        self.description_edit.setText(routine.description)
        self.model.set_items(list(self._base.items))
        self._clear_errors()
        self._loading = False
        self._dirty = not saved
        if self.model.rowCount():
            self._items.select(0)
        self._items.show_current()
        self._update_total()
        self._update_status()

    # -- commands ------------------------------------------------------------------------

    def _unique_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self._catalog.routines and candidate != self._original_id:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    # -- unsaved work --------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        """Changes worth keeping: a routine with at least one item not saved as shown."""
        return self._dirty and bool(self.model.items)

    def maybe_discard(self) -> bool:
        """Before the routine is replaced or the window closes: True to go ahead (asks)."""
        return self.unsaved.maybe_discard()

    def _draft(self) -> Draft | None:
        if not self.has_unsaved_changes():
            return None
        return Draft(self.current_routine(), self._original_id, self._id_edited)

    def _title(self) -> str:
        return self.name_edit.text().strip() or self.id_edit.text()

    def _forget(self) -> None:
        self._dirty = False

    def _restore(self, draft: Draft) -> None:
        self._left.clear_current()
        self.edit(draft.routine, saved=False)
        self._original_id = draft.original_id
        self._id_edited = draft.id_edited
        self._update_status()
        self.status_label.setText(self.tr("Restored the routine you had not saved."))

    @Slot()
    def new_routine(self) -> None:
        if not self.maybe_discard():
            return
        name = self.tr("My routine")
        self._left.clear_current()
        self._original_id = None
        self.edit(Routine(id=self._unique_id(user_routines.slug(name)), name=name,
                          kind=RoutineKind.CUSTOM, description=self.tr("My own routine."),
                          items=[]), saved=False)
        self._id_edited = False
        self.name_edit.setFocus()

    @Slot()
    def duplicate(self) -> None:
        if not self.maybe_discard():
            return
        current = self.current_routine()
        self._original_id = None
        self._edit_copy(current, self._unique_id(f"{current.id}-copy"),
                        self.tr("{name} (copy)").format(name=current.name))

    def copy_shipped(self, routine_id: str) -> None:
        """Start editing a copy of a shipped routine under a new id such as "bedtime-mine"."""
        if not self.maybe_discard():
            return
        shipped = self._catalog.routines[routine_id]
        self._edit_copy(shipped, user_routines.free_id(routine_id, self._catalog),
                        self.tr("{name} (my copy)").format(name=shipped.name))

    def _edit_copy(self, routine: Routine, new_id: str, name: str) -> None:
        self._original_id = None
        self._left.clear_current()
        self.edit(user_routines.copy_routine(routine, new_id, name), saved=False)

    def _edit_first(self) -> None:
        if self.routine_list.count():
            self.routine_list.setCurrentRow(0)
        else:
            self.new_routine()

    @Slot()
    def delete_current(self) -> None:
        if self._original_id is None:
            self._edit_first()
            return
        name = self.name_edit.text() or self._original_id
        if not self.confirm(self.tr("Delete your routine “{name}”?").format(name=name)):
            return
        try:
            user_routines.delete_user_routine(self._original_id, self._catalog)
        except OSError as exc:
            self._show_general(self.tr("Could not delete the file: {error}").format(
                error=exc.strerror or exc))
            return
        self._original_id = None
        self.refresh()
        self.routines_changed.emit()
        self._edit_first()

    @Slot(str)
    def add_stretch(self, stretch_id: str) -> None:
        """Append a stretch at its own dose (also what the library's "Add to routine" calls)."""
        self._items.add_stretch(stretch_id)

    def current_routine(self) -> Routine:
        """The routine as the editor shows it now (not validated)."""
        base = self._base or Routine(id="", name="", kind=RoutineKind.CUSTOM, description="",
                                     items=[])
        return msgspec.structs.replace(
            base, id=self.id_edit.text().strip(), name=self.name_edit.text().strip(),
            description=self.description_edit.text().strip(),
            items=[msgspec.structs.replace(i) for i in self.model.items])

    @Slot()
    def save(self) -> bool:
        """Validate and save; on a problem show it beside its field and write nothing."""
        routine = self.current_routine()
        self._clear_errors()
        try:
            path = user_routines.save_user_routine(routine, self._catalog, self._original_id)
        except user_routines.RoutineInvalid as exc:
            self._show_problems(exc.problems)
            return False
        except OSError as exc:
            self._show_general(self.tr("Could not save: {error}").format(
                error=exc.strerror or exc))
            return False
        self._base = routine
        self._original_id = routine.id
        self._id_edited = True
        self._dirty = False
        self.unsaved.clear()
        self.refresh(select=routine.id)
        self.status_label.setText(self.tr("Saved to {path}").format(path=path))
        self._update_buttons()
        self.routines_changed.emit()
        return True

    @Slot()
    def play(self) -> None:
        if self._dirty and not self.save():
            return
        if self._original_id:
            self.play_routine.emit(self._original_id)

    # -- problems beside their fields ----------------------------------------------------

    def _clear_errors(self) -> None:
        for label in (self.name_error, self.id_error, self.description_error, self.general_error):
            label.clear()
            label.hide()
        self._items.clear_errors()

    def _show_problems(self, problems: list[Problem]) -> None:
        labels = {"name": self.name_error, "id": self.id_error,
                  "description": self.description_error, "items": self.items_error}
        first_row = place_problems(problems, labels, self.general_error, self._items)
        self.model.layoutChanged.emit()
        if first_row >= 0:
            self._items.select(first_row)
        self._items.editor.show_errors()
        self.status_label.setText(self.tr("Not saved: please fix the marked fields."))

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()

    # -- reacting to edits ---------------------------------------------------------------

    @Slot(str)
    def _on_name(self, text: str) -> None:
        if not self._id_edited:
            self.id_edit.setText(self._unique_id(user_routines.slug(text)))
        self._mark_dirty()

    @Slot(str)
    def _on_id(self, _text: str) -> None:
        self._id_edited = True
        self._mark_dirty()

    @property
    def dirty(self) -> bool:
        """Unsaved changes to the routine being edited."""
        return self._dirty

    @Slot()
    def _mark_dirty(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._update_status()
        self.unsaved.changed()

    @Slot()
    def _on_items_changed(self) -> None:
        self._update_total()
        self._mark_dirty()

    def _update_total(self) -> None:
        seconds = routine_seconds(self.current_routine(), self._catalog.stretches) \
            if self.model.items else 0
        self.total_label.setText(self.tr("Total: {time}").format(time=duration(seconds)))

    def _update_status(self) -> None:
        if self._dirty:
            self.status_label.setText(self.tr("Not saved yet.") if self._original_id is None
                                      else self.tr("Unsaved changes."))
        elif self._original_id:
            self.status_label.setText(self.tr("Saved."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self._original_id is not None)
        self.duplicate_button.setEnabled(bool(self.model.items))
        self.play_button.setEnabled(bool(self.model.items))

