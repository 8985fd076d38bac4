"""One stretch in full: pictures, steps, dose, common mistakes, cautions and sources."""

from html import escape

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guide.core.content.catalog import Catalog
from guide.core.content.model import Stretch
from guide.ui.common import theme
from guide.ui.common.pictures import picture_description
from guide.ui.common.reflow import ReflowLayout
from guide.ui.library.stretch_model import dose_text, position_names, render_svg

PICTURE = QSize(184, 138)


def _label(object_name: str = "", rich: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _items(texts: list[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{escape(t)}</li>" for t in texts)
    return f"<{tag} style='margin-left: -20px'>{body}</{tag}>"


class StretchDetail(QWidget):
    """Shows one stretch; its buttons ask to start it or to add it to a routine."""

    start_stretch = Signal(str)
    add_to_routine = Signal(str)

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._stretch: Stretch | None = None

        self.title = _label("detailTitle")
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.45)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.summary = _label()
        self.start_button = QPushButton(self.tr("Start this stretch"))
        self.start_button.setObjectName("primary")
        self.start_button.setAccessibleDescription(self.tr("Start this stretch in the player"))
        self.start_button.clicked.connect(self._on_start)
        self.add_button = QPushButton(self.tr("Add to routine"))
        self.add_button.setAccessibleDescription(self.tr("Add this stretch to the routine "
                                                         "builder"))
        self.add_button.clicked.connect(self._on_add)
        buttons = ReflowLayout()  # side by side, or one under the other when narrow
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.add_button)

        self.pictures = ReflowLayout()
        self.facts = _label("facts", rich=True)
        self.steps = _label(rich=True)
        self.mistakes = _label(rich=True)
        self.cautions = _label("cautions", rich=True)
        self.sources = _label(rich=True)
        self.sources.setOpenExternalLinks(True)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        body = QWidget()
        body.setObjectName("detailBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 12, 16, 16)
        column.setSpacing(8)
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addLayout(buttons)
        column.addLayout(self.pictures)
        column.addWidget(self.facts)
        self._headings: list[QLabel] = []
        # Cautions come first, where they are seen without scrolling.
        for heading, widget in ((self.tr("Take care"), self.cautions),
                                (self.tr("How to do it"), self.steps),
                                (self.tr("Common mistakes"), self.mistakes),
                                (self.tr("Sources"), self.sources)):
            label = _label("detailHeading")
            label.setText(heading)
            label.setBuddy(widget)
            self._headings.append(label)
            column.addWidget(label)
            column.addWidget(widget)
        column.addStretch(1)
        self.empty = _label("hint")
        self.empty.setText(self.tr("Choose a stretch to see how to do it."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setAccessibleName(self.tr("Stretch details"))
        self._body = body
        scroll.viewport().installEventFilter(self)
        body.installEventFilter(self)
        # Narrow enough for a small screen, wide enough that a picture is never cut off.
        self.setMinimumWidth(PICTURE.width() + 36 + scroll.verticalScrollBar().sizeHint().width())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        self._scroll = scroll
        theme.styled(self, _STYLE)
        self.show_stretch("")

    @property
    def stretch_id(self) -> str:
        return self._stretch.id if self._stretch else ""

    def show_stretch(self, stretch_id: str) -> None:
        stretch = self._catalog.stretches.get(stretch_id)
        previous, self._stretch = self._stretch, stretch
        self.empty.setVisible(stretch is None)
        self._scroll.setVisible(stretch is not None)
        if stretch is None or stretch is previous:
            return
        self.title.setText(stretch.name)
        self.summary.setText(stretch.summary)
        self._show_pictures(stretch)
        self.facts.setText(self._facts(stretch))
        self.steps.setText(_items([s.text for s in stretch.steps], ordered=True))
        self._set_section(0, self.cautions, _items(stretch.cautions) if stretch.cautions else "")
        self._set_section(2, self.mistakes, _items(stretch.mistakes) if stretch.mistakes else "")
        links = "<br>".join(
            f"<a href='{escape(s.url, quote=True)}'>{escape(s.title)}</a> · {escape(s.publisher)}"
            for s in stretch.sources)
        self.sources.setText(links)
        self._fit()
        self._scroll.verticalScrollBar().setValue(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Resize and watched is self._scroll.viewport()) or \
                (event.type() == QEvent.Type.LayoutRequest and watched is self._body):
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        """Make the body as tall as its wrapped text needs at the width it has, so the scroll
        area scrolls to the end of it (QScrollArea alone can cut word-wrapped labels short)."""
        layout = self._body.layout()
        if layout is not None:
            needed = layout.totalHeightForWidth(self._scroll.viewport().width())
            if needed != self._body.minimumHeight():
                self._body.setMinimumHeight(needed)

    def _set_section(self, n: int, widget: QLabel, html: str) -> None:
        widget.setText(html)
        widget.setVisible(bool(html))
        self._headings[n].setVisible(bool(html))

    def _facts(self, s: Stretch) -> str:
        positions = position_names()
        muscles = self._catalog.muscles

        def names(ids: list[str]) -> str:
            return ", ".join(escape(muscles[i].name if i in muscles else i) for i in ids)

        # Translators: row labels: Dose = hold time and repetitions; Stretches (below) =
        # the muscles it stretches
        rows = [(self.tr("Dose"), escape(dose_text(s))),
                (self.tr("Position"), escape(", ".join(positions.get(str(p), str(p))
                                                       for p in s.position))),
                (self.tr("Stretches"), names(list(s.muscles.primary)))]
        if s.muscles.secondary:
            # Translators: row label: the muscles it also stretches, less
            rows.append((self.tr("Also"), names(list(s.muscles.secondary))))
        rows.append((self.tr("You need"), escape(", ".join(s.equipment))
                     if s.equipment else self.tr("nothing")))
        muted = theme.current().muted
        cells = "".join(f"<tr><td style='color:{muted}; padding-right:10px'>{k}</td>"
                        f"<td>{v}</td></tr>" for k, v in rows)
        return f"<table cellspacing='2'>{cells}</table>"

    def _show_pictures(self, stretch: Stretch) -> None:
        while self.pictures.count():
            item = self.pictures.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        for n, step in enumerate(stretch.steps, start=1):
            path = self._catalog.media_path(step.illustration) if step.illustration else None
            if path is None:
                continue
            picture = QLabel()
            picture.setObjectName("picture")
            picture.setPixmap(render_svg(path, PICTURE))
            picture.setAccessibleName(self.tr("Picture for step {number}").format(number=n))
            picture.setAccessibleDescription(picture_description(path) or step.text)
            picture.setToolTip(step.text)
            self.pictures.addWidget(picture)
            picture.show()  # now, not on the next event-loop turn: the body's height needs it

    @Slot()
    def _on_start(self) -> None:
        if self._stretch is not None:
            self.start_stretch.emit(self._stretch.id)

    @Slot()
    def _on_add(self) -> None:
        if self._stretch is not None:
            self.add_to_routine.emit(self._stretch.id)


_STYLE = """
QWidget#detailBody { background: $base; }
QWidget#detailBody QLabel { color: $base_text; }
QWidget#detailBody QLabel#detailHeading { font-weight: bold; color: $base_text;
                                          margin-top: 6px; }
QWidget#detailBody QLabel#cautions { background: $note; border: 1px solid $note_border;
                                     border-radius: 4px; padding: 4px 8px; color: $note_text; }
QLabel#picture { border: 1px solid $card_border; background: $card; }
QLabel#hint { color: $muted; }
QPushButton#primary { background: $accent; color: $on_accent; border: 2px solid $accent;
                      border-radius: 4px; padding: 6px 14px; font-weight: bold; }
QPushButton#primary:focus { border: 2px solid $focus; }
"""
