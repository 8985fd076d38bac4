"""The stretch list as a Qt model, and the filtered list the library view shows.

The filter never inspects stretches itself: :class:`guide.core.content.search.SearchIndex` answers
a query with the matching rows in one pass of plain ``str`` operations.
Thumbnails are rendered from the first illustration when a row is first shown, one pixmap per
picture (thousands of stretches share a few dozen pictures).
"""

from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from guide.core.content.catalog import Catalog
from guide.core.content.model import Stretch
from guide.core.content.search import Query, SearchIndex
from guide.core.content.sides import side_phrase
from guide.core.i18n import short_duration
from guide.ui.common import theme
from guide.ui.common.svg import load_svg

IdRole = Qt.ItemDataRole.UserRole + 1
DoseRole = Qt.ItemDataRole.UserRole + 2
THUMB = QSize(64, 48)
AnyIndex = QModelIndex | QPersistentModelIndex



def dose_text(stretch: Stretch) -> str:
    """"30 s × 3 · each leg": the hold, the reps and the sides, as the detail and list show it."""
    text = QCoreApplication.translate("StretchList", "{hold} × {reps}").format(
        hold=short_duration(stretch.hold), reps=stretch.reps)
    if stretch.per_side:
        text += " · " + side_phrase(stretch.side_label, "each")
    return text


def position_names() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {"standing": translate("StretchList", "Standing"),
            "seated": translate("StretchList", "Seated"),
            "lying": translate("StretchList", "Lying down"),
            "in_bed": translate("StretchList", "In bed"),
            "kneeling": translate("StretchList", "Kneeling")}


def render_svg(path: Path, size: QSize) -> QPixmap:
    """The picture at ``path`` fitted into ``size`` on a light card (pictures are drawn dark on
    light, so they stay readable on a dark desktop), keeping its aspect ratio."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(theme.current().card))
    renderer = load_svg(path)
    if renderer is not None:
        view = renderer.viewBoxF().size()
        scaled = view.scaled(size.toSizeF(), Qt.AspectRatioMode.KeepAspectRatio) \
            if not view.isEmpty() else size.toSizeF()
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = (size.width() - scaled.width()) / 2
        y = (size.height() - scaled.height()) / 2
        renderer.render(painter, QRectF(x, y, scaled.width(), scaled.height()))
        painter.end()
    return QPixmap.fromImage(image)


class StretchListModel(QAbstractListModel):
    """Every stretch of the catalogue, sorted by name; row order matches ``index``."""

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self.index_data = SearchIndex.for_catalog(catalog)
        self._ids = self.index_data.ids  # sorted by name; stretches are fetched row by row
        self._rows: dict[str, int] | None = None
        self._thumbs: dict[str, QPixmap] = {}
        self._blank: QPixmap | None = None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def stretch(self, row: int) -> Stretch:
        return self._catalog.stretches[self._ids[row]]

    def row_of(self, stretch_id: str) -> int:
        if self._rows is None:
            self._rows = {ident: n for n, ident in enumerate(self._ids)}
        return self._rows.get(stretch_id, -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.stretch(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return s.name
        if role == IdRole:
            return s.id
        if role == DoseRole:
            return dose_text(s)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(s)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return f"{s.name}: {dose_text(s)}"
        return None

    def thumbnail(self, stretch: Stretch) -> QPixmap:
        picture = stretch.illustrations[0] if stretch.illustrations else ""
        cached = self._thumbs.get(picture)
        if cached is not None:
            return cached
        path = self._catalog.media_path(picture) if picture else None
        if path is None:
            if self._blank is None:
                self._blank = QPixmap(THUMB)
                self._blank.fill(QColor(theme.current().card))
            self._thumbs[picture] = self._blank
            return self._blank
        pixmap = self._thumbs[picture] = render_svg(path, THUMB)
        return pixmap


class StretchFilterProxy(QAbstractListModel):
    """The stretches that pass the filters (muscle, position, equipment, time, search words).

    A plain list model over the matching rows of :class:`StretchListModel`, not a
    QSortFilterProxyModel: that one asks ``filterAcceptsRow`` once per stretch, a Python call
    each, 50,000 of them per keystroke. Here a change of filter is one pass of the search index
    and a model reset; the view then asks only for the rows it shows.
    """

    def __init__(self, source: StretchListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._index = source.index_data
        self._query = Query()
        self._rows: Sequence[int] = range(len(self._index))

    def sourceModel(self) -> StretchListModel:
        return self._source

    @property
    def query(self) -> Query:
        return self._query

    def set_text(self, text: str) -> None:
        self._update(text=text)

    def set_muscle(self, muscle_id: str) -> None:
        self._update(muscle=muscle_id)

    def set_position(self, position: str) -> None:
        self._update(position=position)

    def set_equipment(self, equipment: str) -> None:
        self._update(equipment=equipment)

    def set_max_seconds(self, seconds: int) -> None:
        self._update(max_seconds=seconds)

    def _update(self, **changes: Any) -> None:
        query = Query(**{**self._query.__dict__, **changes})
        if query == self._query:
            return
        self._query = query
        self.beginResetModel()
        self._rows = self._index.matching_rows(query)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._source.data(self._source.index(self._rows[index.row()], 0), role)

    def stretch_id(self, row: int) -> str:
        if 0 <= row < len(self._rows):
            return self._source.index_data.ids[self._rows[row]]
        return ""

    def row_of(self, stretch_id: str) -> int:
        """The row showing ``stretch_id``, or -1 when it is filtered out."""
        source_row = self._source.row_of(stretch_id)
        row = bisect_left(self._rows, source_row)  # the rows are in ascending order
        return row if source_row >= 0 and row < len(self._rows) and \
            self._rows[row] == source_row else -1
