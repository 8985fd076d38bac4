"""The left column of the routine builder: your own routines and the commands that make them."""

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from guide.core.content.catalog import Catalog
from guide.core.content.model import Routine
from guide.core.routine.guidance import routine_sources
from guide.ui.builder.parts import push_button
from guide.ui.common.routine_detail import RoutineDetail


class RoutinesPanel(QWidget):
    """Lists the user's routines; the buttons only ask, the builder does the work."""

    routine_chosen = Signal(str)
    new_requested = Signal()
    duplicate_requested = Signal()
    delete_requested = Signal()
    copy_requested = Signal(str)  # id of the shipped routine to copy

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Your routines"))
        heading.setObjectName("heading")
        self.routine_list = QListWidget()
        self.routine_list.setAccessibleName(self.tr("Your routines"))
        heading.setBuddy(self.routine_list)
        self.routine_list.currentItemChanged.connect(self._on_current)
        self.new_button = push_button(self.tr("New"), self.tr("New routine"),
                                      lambda: self.new_requested.emit())
        self.duplicate_button = push_button(self.tr("Duplicate"),
                                            self.tr("Duplicate this routine"),
                                            lambda: self.duplicate_requested.emit())
        self.delete_button = push_button(self.tr("Delete"), self.tr("Delete this routine"),
                                         lambda: self.delete_requested.emit())
        self.copy_button = QToolButton()
        self.copy_button.setText(self.tr("Copy a shipped routine"))
        self.copy_button.setAccessibleName(self.tr("Copy a shipped routine to edit it"))
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.copy_button)
        for routine in catalog.routines.values():
            if catalog.is_builtin("routine", routine.id):
                action = menu.addAction(routine.name)
                action.triggered.connect(
                    lambda _=False, r=routine.id: self.copy_requested.emit(r))
        self.copy_button.setMenu(menu)
        grid = QGridLayout()
        grid.addWidget(self.new_button, 0, 0)
        grid.addWidget(self.duplicate_button, 0, 1)
        grid.addWidget(self.delete_button, 1, 0)
        grid.addWidget(self.copy_button, 2, 0, 1, 2)
        self.empty_hint = QLabel(self.tr(
            "You have no routines of your own yet. Build one on the right, or copy a shipped "
            "routine and change it."))
        self.empty_hint.setObjectName("hint")
        self.empty_hint.setWordWrap(True)
        column.addWidget(heading)
        column.addWidget(self.routine_list, 1)
        column.addWidget(self.empty_hint)
        column.addLayout(grid)
        self.detail = RoutineDetail(lambda: catalog)
        column.addWidget(self.detail, 1)

    def user_routines(self) -> list[Routine]:
        return sorted((r for r in self._catalog.routines.values()
                       if not self._catalog.is_builtin("routine", r.id)
                       and not r.id.startswith("single-")),
                      key=lambda r: r.name.lower())

    def clear_current(self) -> None:
        """No routine of the list is the one being edited (a new one or a copy is)."""
        self.routine_list.blockSignals(True)
        self.routine_list.setCurrentRow(-1)  # so clicking any routine, even the last one, opens it
        self.routine_list.blockSignals(False)

    def refresh(self, select: str | None = None) -> None:
        """Fill the list again (without signals), making ``select`` current if it is there."""
        self.routine_list.blockSignals(True)
        self.routine_list.clear()
        for routine in self.user_routines():
            item = QListWidgetItem(routine.name)
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            item.setToolTip(routine.id)
            self.routine_list.addItem(item)
            if routine.id == select:
                self.routine_list.setCurrentItem(item)
        self.routine_list.blockSignals(False)
        self.empty_hint.setVisible(self.routine_list.count() == 0)
        current = self.routine_list.currentItem()
        self.show_detail(str(current.data(Qt.ItemDataRole.UserRole)) if current else None)

    def show_detail(self, routine_id: str | None) -> None:
        """The saved routine's tips and sources (what its sheet prints) under the list."""
        routine = self._catalog.routines.get(routine_id) if routine_id else None
        if routine is None:
            self.detail.show_routine(None)
            return
        self.detail.show_routine(routine.id, routine.name, routine.tips,
                                 routine_sources(routine, self._catalog.stretches))

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current(self, current: QListWidgetItem | None,
                    _previous: QListWidgetItem | None) -> None:
        routine_id = str(current.data(Qt.ItemDataRole.UserRole)) if current is not None else None
        self.show_detail(routine_id)
        if routine_id is not None:
            self.routine_chosen.emit(routine_id)
