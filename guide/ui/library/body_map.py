"""The body map: front and back drawings whose muscle regions name themselves and filter on click.

The drawings are ``media/bodymap/front.svg`` and ``back.svg``; every clickable region is an
element whose id is a muscle id. The drawing is a :class:`BodyCanvas`; this widget adds the
front/back switch and the caption naming the muscle under the pointer.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from guide.core.content.catalog import Catalog
from guide.ui.common import theme
from guide.ui.library.body_canvas import SIDES, BodyCanvas

__all__ = ["SIDES", "BodyCanvas", "BodyMap"]


class BodyMap(QWidget):
    """The body map with its front/back switch and a caption naming the muscle under the pointer.

    ``muscle_clicked(id)`` is emitted when a region is clicked or chosen with Enter; clicking the
    selected muscle again emits ``""`` (no muscle filter).
    """

    muscle_clicked = Signal(str)

    def __init__(self, catalog: Catalog, svgs: dict[str, Path | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if svgs is None:
            svgs = {side: catalog.media_path(f"bodymap/{side}.svg") for side in SIDES}
        self.canvas = BodyCanvas(catalog, svgs)
        self.canvas.muscle_clicked.connect(self.muscle_clicked)
        self.canvas.muscle_clicked.connect(self._show_caption)
        self.canvas.hovered.connect(self._show_caption)

        self._buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        switch.addStretch(1)
        # Translators: which side of the body the map shows: its front or its back
        labels = {"front": self.tr("Front"), "back": self.tr("Back")}
        for n, side in enumerate(SIDES):
            button = QToolButton()
            button.setText(labels[side])
            button.setCheckable(True)
            button.setAccessibleDescription(self.tr("Show the body from the front")
                                            if side == "front"
                                            else self.tr("Show the body from the back"))
            button.setObjectName("sideButton")
            button.setEnabled(side in self.canvas.sides_available())
            button.setChecked(side == self.canvas.side)
            self._buttons.addButton(button, n)
            switch.addWidget(button)
        switch.addStretch(1)
        self._buttons.idClicked.connect(self._on_side)

        self.caption = QLabel()
        self.caption.setObjectName("bodyCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        font = QFont(self.caption.font())
        font.setPointSizeF(font.pointSizeF() * 0.95)
        self.caption.setFont(font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(switch)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        theme.styled(self, _STYLE)
        self._show_caption("")

    def set_side(self, side: str) -> None:
        self.canvas.set_side(side)
        self._sync_buttons()

    def set_selected(self, muscle_id: str) -> None:
        self.canvas.set_selected(muscle_id)
        self._sync_buttons()
        self._show_caption("")

    def _sync_buttons(self) -> None:
        button = self._buttons.button(SIDES.index(self.canvas.side))
        if button is not None:
            button.setChecked(True)

    @Slot(int)
    def _on_side(self, n: int) -> None:
        self.canvas.set_side(SIDES[n])

    @Slot(str)
    def _show_caption(self, muscle: str) -> None:
        if muscle:
            self.caption.setText(self.canvas.muscle_name(muscle))
        elif self.canvas.selected:
            self.caption.setText(self.canvas.muscle_name(self.canvas.selected))
        elif self.canvas.available():
            self.caption.setText(self.tr("Point at a muscle; click to filter"))
        else:
            self.caption.setText("")


_STYLE = """
QToolButton#sideButton { padding: 4px 14px; border: 1px solid $muted; background: $base;
                         color: $base_text; }
QToolButton#sideButton:checked { background: $accent; color: $on_accent; border-color: $accent; }
QToolButton#sideButton:focus { border: 2px solid $focus; }
QLabel#bodyCaption { color: $text; min-height: 2.6em; font-weight: bold; }
"""
