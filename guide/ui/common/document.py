"""A page of text (Safety, About) shown as one label per block: headings are headings and
links are links for a screen reader (a QTextBrowser exposes neither), text wraps and scrolls."""

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextTable,
)
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from guide.ui.common import accessible, theme

HEADING_SIZES = {1: 1.7, 2: 1.3, 3: 1.1}


class DocumentView(QScrollArea):
    """Shows HTML or Markdown; :meth:`toPlainText` is the text it shows. Like QTextBrowser, a
    clicked link is emitted as ``anchorClicked(QUrl)`` and opened unless ``setOpenLinks(False)``."""

    anchorClicked = Signal(QUrl)  # QTextBrowser's name, kept

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_links = True
        self.setAccessibleName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._doc = QTextDocument(self)
        self._body = QWidget()
        self._column = QVBoxLayout(self._body)
        self._column.setSpacing(6)
        self._column.setContentsMargins(24, 16, 24, 16)
        self.setWidget(self._body)
        theme.links_in(self._body)

    def setHtml(self, html: str) -> None:
        self._doc.setHtml(html)
        self._build()

    def setMarkdown(self, markdown: str) -> None:
        self._doc.setMarkdown(markdown)
        self._build()

    def toPlainText(self) -> str:
        return self._doc.toPlainText()

    def document(self) -> QTextDocument:
        return self._doc

    def setOpenLinks(self, on: bool) -> None:
        self._open_links = on

    @Slot(str)
    def _on_link(self, link: str) -> None:
        url = QUrl(link)
        self.anchorClicked.emit(url)
        if self._open_links:
            QDesktopServices.openUrl(url)

    def labels(self) -> list[QLabel]:
        return [w for w in self._body.findChildren(QLabel) if w.parentWidget() is self._body]

    def _build(self) -> None:
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        block = self._doc.begin()
        while block.isValid():
            table = QTextCursor(block).currentTable()
            if table is not None:
                self._column.addWidget(self._table(table))
                block = table.lastCursorPosition().block().next()
                continue
            if block.text().strip():
                self._column.addWidget(self._label(block))
            block = block.next()
        self._column.addStretch(1)

    def _table(self, table: QTextTable) -> QLabel:
        rows = []
        for r in range(table.rows()):
            tag = "th" if r == 0 else "td"
            cells = "".join(
                f"<{tag} style='padding: 2px 12px 2px 0' align='left'>"
                f"{escape(_cell_text(table, r, c))}</{tag}>" for c in range(table.columns()))
            rows.append(f"<tr>{cells}</tr>")
        label = QLabel(f"<table>{''.join(rows)}</table>")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _label(self, block: QTextBlock) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.linkActivated.connect(self._on_link)
        level = block.blockFormat().headingLevel()
        if level:
            label.setText(block.text())
            label.setTextFormat(Qt.TextFormat.PlainText)
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * HEADING_SIZES.get(level, 1.0))
            font.setBold(True)
            label.setFont(font)
            if level > 1:
                label.setContentsMargins(0, font.pointSize(), 0, 0)  # space above a section
            return accessible.heading(label, level)
        html, links = _block_html(block)
        text_list = block.textList()
        if text_list is not None:
            html = "•&nbsp;" + html
            label.setIndent(12)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(html)
        if len(links) == 1:
            accessible.link(label, links[0])
        return label


def _cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    start, end = cell.firstCursorPosition(), cell.lastCursorPosition()
    start.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
    return " ".join(start.selectedText().split())


def _block_html(block: QTextBlock) -> tuple[str, list[str]]:
    """The block as simple HTML (links kept), and the addresses it links to."""
    parts: list[str] = []
    links: list[str] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            text = escape(fragment.text())
            href = fragment.charFormat().anchorHref()
            if href:
                links.append(href)
                parts.append(f"<a href='{escape(href, quote=True)}'>{text}</a>")
            elif fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                parts.append(f"<b>{text}</b>")
            else:
                parts.append(text)
        it += 1
    return "".join(parts), links
