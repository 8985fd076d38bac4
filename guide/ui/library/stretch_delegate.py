"""How a stretch shows in Browse's list: thumbnail, then the name and the dose wrapped onto their
own lines, never overlapping; a narrow list drops the thumbnail to give the words room."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from guide.ui.common import theme
from guide.ui.library.stretch_model import THUMB, DoseRole

AnyIndex = QModelIndex | QPersistentModelIndex

TEXT_LINES = 4  # the name (up to three lines) and the dose


def wrap(metrics: QFontMetrics, text: str, width: int, lines: int) -> list[str]:
    """``text`` word-wrapped to ``width``, at most ``lines`` lines (the last one elided)."""
    out: list[str] = []
    words: list[str] = []
    for word in text.split():  # a word wider than the line is broken where it must be
        while metrics.horizontalAdvance(word) > width and len(word) > 1:
            cut = next((n for n in range(len(word) - 1, 0, -1)
                        if metrics.horizontalAdvance(word[:n]) <= width), 1)
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    while words and len(out) < lines:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        out.append(line)
    if words:
        out[-1] = metrics.elidedText(f"{out[-1]} {' '.join(words)}",
                                     Qt.TextElideMode.ElideRight, width)
    return out


class StretchDelegate(QStyledItemDelegate):
    """Thumbnail, then the name and the dose wrapped onto their own lines: never overlapping."""

    @staticmethod
    def row_height(font: QFont) -> int:
        """Every row is as tall as three lines of name and one of dose in the list's font (the
        list uses one fixed row height: 50,000 stretches stay quick), so text never overlaps."""
        bold = QFont(font)
        bold.setBold(True)
        lines = (TEXT_LINES - 1) * QFontMetrics(bold).lineSpacing() + \
            QFontMetrics(font).lineSpacing()
        return max(THUMB.height(), lines) + 12

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(200, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        opt.icon = type(opt.icon)()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = option.rect
        painter.save()
        # A narrow list (small or 150 % screen) gives the words the room the picture took.
        with_picture = rect.width() >= THUMB.width() + 14 * option.fontMetrics.averageCharWidth()
        pixmap = index.data(Qt.ItemDataRole.DecorationRole) if with_picture else None
        if pixmap is not None:
            painter.drawPixmap(rect.x() + 6, rect.y() + 6, pixmap)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colours = theme.current()
        text_colour = QColor(colours.on_accent if selected else colours.base_text)
        left = rect.x() + (THUMB.width() + 14 if with_picture else 6)
        text_rect = QRect(left, rect.y() + 5, rect.right() - left - 4, rect.height() - 10)
        name_font = QFont(option.font)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(text_colour)
        metrics = painter.fontMetrics()
        y = text_rect.y()
        names = wrap(metrics, str(index.data(Qt.ItemDataRole.DisplayRole)), text_rect.width(),
                     TEXT_LINES - 1)
        for line in names:
            painter.drawText(QRect(left, y, text_rect.width(), metrics.height()),
                             Qt.AlignmentFlag.AlignLeft, line)
            y += metrics.lineSpacing()
        painter.setFont(option.font)
        if not selected:
            painter.setPen(QColor(theme.current().muted))
        metrics = painter.fontMetrics()
        y += 2
        for line in wrap(metrics, str(index.data(DoseRole)), text_rect.width(),
                         TEXT_LINES - len(names)):
            painter.drawText(QRect(left, y, text_rect.width(), metrics.height()),
                             Qt.AlignmentFlag.AlignLeft, line)
            y += metrics.lineSpacing()
        painter.restore()
