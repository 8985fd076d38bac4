"""Page plumbing for the main window: the scroll area each page sits in, and the text pages
(Safety, About, Content problems) and Home's diary question imported only when first needed."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

if TYPE_CHECKING:
    from guide.ui.shell.diary_offer import DiaryOffer


class _Holder(QScrollArea):
    """Re-fits the page when the page's own minimum size changes (a page that reflows, like
    Browse), which QScrollArea alone notices only on its next resize."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.setWidgetResizable(True)  # recomputes the page's size and the scroll bars
        return super().eventFilter(watched, event)


def scroll_holder(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that gives it all the room there is, and scrolls
    only when the window is smaller than the page needs."""
    holder = _Holder()
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setWidgetResizable(True)
    holder.setWidget(widget)
    widget.installEventFilter(holder)
    return holder


def info_page(name: str, *args: object) -> QWidget:
    """``SafetyPage``, ``AboutPage`` or ``ProblemsPage`` from :mod:`info_pages`."""
    from guide.ui.shell import info_pages

    page: QWidget = getattr(info_pages, name)(*args)
    return page


def diary_offer(home: QWidget, logged: Callable[[], None]) -> "DiaryOffer":
    """Home's "How was last night?" (:mod:`diary_offer`); it asks at once when it is due."""
    from guide.ui.shell.diary_offer import DiaryOffer

    return DiaryOffer(home, logged)
