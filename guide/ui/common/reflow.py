"""A layout that reflows: items fill a row and wrap onto the next when the width runs out.

With ``columns=True`` the items form equal-width columns (as many as fit, at least one) that
fill the row, like cards; otherwise each keeps its own width and rows are left-aligned, like
pictures or buttons. Its height follows its width, so a narrow window gets more rows instead of
clipping. (No ``Qt`` enums here: Home uses it before the first paint, see startup_qt.)
"""

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class ReflowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, columns: bool = False,
                 spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._columns = columns
        self.setSpacing(spacing)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's item list ---------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ------------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        visible = self._visible()
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in visible) + \
            self.spacing() * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # -- the arrangement --------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); the height they need."""
        area = rect.marginsRemoved(self.contentsMargins())
        items = self._visible()
        rows: list[list[QLayoutItem]]
        widths: list[list[int]]
        gap = self.spacing()
        if not items:
            return 0
        if self._columns:
            widest = max(i.sizeHint().width() for i in items)
            count = max(1, min(len(items), (area.width() + gap) // max(1, widest + gap)))
            width = max(1, (area.width() - gap * (count - 1)) // count)
            rows = [items[n:n + count] for n in range(0, len(items), count)]
            widths = [[width] * len(row) for row in rows]
        else:
            rows, widths = [], []
            row: list[QLayoutItem] = []
            row_widths: list[int] = []
            used = 0
            for item in items:
                w = min(item.sizeHint().width(), area.width())
                if row and used + gap + w > area.width():
                    rows.append(row)
                    widths.append(row_widths)
                    row, row_widths, used = [], [], 0
                used += (gap if row else 0) + w
                row.append(item)
                row_widths.append(w)
            rows.append(row)
            widths.append(row_widths)
        y = area.y()
        for row, row_widths in zip(rows, widths, strict=True):
            heights = [i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height()
                       for i, w in zip(row, row_widths, strict=True)]
            line = max(heights)
            x = area.x()
            for item, w in zip(row, row_widths, strict=True):
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(w, line)))
                x += w + gap
            y += line + gap
        margins = self.contentsMargins()
        return y - gap - area.y() + margins.top() + margins.bottom()
