"""The body map's muscles for a screen reader: one invisible child widget per drawn region, at
the region's place, exposed as the items of a list (the canvas). Qt owns these widgets, so the
accessibility tree never outlives what it describes; mouse events pass through them."""

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from guide.ui.common import accessible


class RegionItems(QObject):
    """Keeps ``canvas``'s list items in step with its regions; call :meth:`schedule` after
    anything changed (size, side, selection, keyboard position)."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._items: list[QWidget] = []
        self._pending = False
        accessible.list_box(canvas)

    @property
    def items(self) -> list[QWidget]:
        return [item for item in self._items if not item.isHidden()]

    def schedule(self) -> None:
        """Update on the next event-loop turn (regions are built lazily, not while painting)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.sync)

    def sync(self) -> None:
        self._pending = False
        canvas = self._canvas
        if not shiboken6.isValid(canvas):
            return
        muscles: list[str] = canvas.regions()  # type: ignore[attr-defined]
        selected: str = canvas.selected  # type: ignore[attr-defined]
        current: str = canvas.current_muscle()  # type: ignore[attr-defined]
        while len(self._items) < len(muscles):
            item = QWidget()
            item.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            item.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            accessible.list_item(item, False, False)  # before Qt sees it: the role is fixed then
            item.setParent(canvas)
            self._items.append(item)
        for n, item in enumerate(self._items):
            if n >= len(muscles):
                item.hide()
                continue
            muscle = muscles[n]
            item.setGeometry(canvas.region_rect(muscle))  # type: ignore[attr-defined]
            item.setAccessibleName(canvas.muscle_name(muscle))  # type: ignore[attr-defined]
            accessible.list_item(item, muscle == selected, muscle == current)
            item.show()
