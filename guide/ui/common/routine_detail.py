"""A routine's tips and sources with a "Print or save as PDF…" button, under a list of routines
(Home, My routines). Built cheaply: Home shows it at start-up."""

from collections.abc import Callable, Sequence
from html import escape
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from guide.ui.common.sheet_actions import SheetButton

if TYPE_CHECKING:  # the content model loads after the first paint
    from guide.core.content.catalog import Catalog
    from guide.core.content.model import Routine


class SourceLike(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def publisher(self) -> str: ...
    @property
    def url(self) -> str: ...


class RoutineDetail(QWidget):
    """Shows one routine's tips and sources; the button prints it or saves it as a PDF."""

    def __init__(self, catalog: Callable[[], "Catalog"], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._routine_id: str | None = None
        self._catalog = catalog
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("routineDetail")
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("Tips and sources"))
        self.sheet_button = SheetButton(catalog, self.routine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.sheet_button)
        self.show_routine(None)

    @property
    def routine_id(self) -> str | None:
        return self._routine_id

    def routine(self) -> "Routine | None":
        if self._routine_id is None:
            return None
        return self._catalog().routines.get(self._routine_id)

    def show_routine(self, routine_id: str | None, name: str = "",
                     tips: Sequence[str] = (), sources: Sequence[SourceLike] = ()) -> None:
        self._routine_id = routine_id
        self.sheet_button.setEnabled(routine_id is not None)
        if routine_id is None:
            self.heading.setText(self.tr("Tips and sources"))
            self.browser.setHtml(escape(self.tr(
                "Select a routine to see its tips and where its advice comes from.")))
            return
        self.heading.setText(name)
        tips_heading, sources_heading = self.tr("Tips"), self.tr("Sources")
        no_tips, no_sources = self.tr("This routine has no tips."), \
            self.tr("This routine names no sources.")
        parts = [f"<h3>{escape(tips_heading)}</h3>"]
        if tips:
            parts.append("<ul>" + "".join(f"<li>{escape(t)}</li>" for t in tips) + "</ul>")
        else:
            parts.append(f"<p>{escape(no_tips)}</p>")
        parts.append(f"<h3>{escape(sources_heading)}</h3>")
        if sources:
            parts.append("<ul>" + "".join(
                f"<li><a href='{escape(s.url, quote=True)}'>{escape(s.title)}</a>"
                f" ({escape(s.publisher)})</li>" for s in sources) + "</ul>")
        else:
            parts.append(f"<p>{escape(no_sources)}</p>")
        self.browser.setHtml("".join(parts))

    def text(self) -> str:
        return self.browser.toPlainText()
