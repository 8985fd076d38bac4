"""Page plumbing for the main window: the scroll area each page sits in, and the text pages
(Safety, About, Content problems) and Home's diary question imported only when first needed."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QFrame,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from guide.ui.shell.startup_qt import USER_ROLE

if TYPE_CHECKING:
    from guide.ui.shell.diary_offer import DiaryOffer


class _Refit(QObject):
    """Re-fits a page in its scroll area when the page's own minimum size changes (a page that
    reflows, like Browse), which QScrollArea alone notices only on its next resize.

    A filter on the page alone: an ``eventFilter`` written in Python on the scroll area itself
    would also see every event of its scroll bars."""

    def __init__(self, holder: QScrollArea) -> None:
        super().__init__(holder)
        self._holder = holder

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self._holder.widget():
            self._holder.setWidgetResizable(True)  # recomputes the page's size and scroll bars
        return False


def scroll_holder(widget: QWidget | None, refit: bool = True) -> QScrollArea:
    """``widget`` in a frameless scroll area that gives it all the room there is, and scrolls
    only when the window is smaller than the page needs. ``refit``: follow the page's size
    changes now (else :func:`follow_size` later). ``None``: the page is put in later."""
    holder = QScrollArea()
    holder.setFrameShape(QFrame.Shape.NoFrame)
    holder.setWidgetResizable(True)
    if widget is not None:
        holder.setWidget(widget)
        if refit:
            follow_size(holder)
    return holder


def follow_size(holder: QScrollArea) -> None:
    """Re-fit the page in ``holder`` whenever its own minimum size changes."""
    widget = holder.widget()
    if widget is not None:  # one filter per scroll area, whichever page it holds now
        widget.installEventFilter(holder.findChild(_Refit) or _Refit(holder))


class PageStack:
    """The main window's places: a sidebar entry and a page for each, pages made on first show.

    Mixed into the main window, which creates the attributes below before adding pages."""

    _nav: QListWidget
    _stack: QStackedWidget
    _pages: dict[str, QWidget]
    _holders: dict[str, QScrollArea]
    _factories: dict[str, Callable[[], QWidget]]
    _items: dict[str, QListWidgetItem]
    _refitting = False  # see refit_pages
    _unplaced: list[tuple[QScrollArea, QWidget]] | None = None  # see place_pages

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """Add a place to the sidebar, or replace the widget of an existing one.

        Each page sits in a scroll area: on a screen smaller than a page needs, the page
        scrolls instead of the window growing past the screen or cutting the page off."""
        holder = self._holders.get(key)
        if holder is None:  # new, or a lazy page's placeholder: give it its scroll area
            if self._unplaced is not None:  # the window is being built: see place_pages
                holder = scroll_holder(None)
                self._unplaced.append((holder, widget))
            else:
                # Before the first paint, a page's events stay out of Python (refit_pages).
                holder = scroll_holder(widget, refit=self._refitting)
            placeholder = self._pages.get(key)
            index = self._stack.indexOf(placeholder) if placeholder is not None else -1
            self._stack.insertWidget(index if index >= 0 else self._stack.count(), holder)
            if placeholder is not None:
                self._stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._holders[key] = holder
        else:
            old = holder.takeWidget()
            if old is not None:
                old.deleteLater()
            holder.setWidget(widget)
            if self._refitting:
                follow_size(holder)
        self._pages[key] = widget
        self._place(key, title)

    def hold_pages(self) -> None:
        """Pages added from now on wait for :meth:`place_pages` to go in their scroll areas."""
        self._unplaced = []

    def place_pages(self) -> None:
        """Put the pages added since :meth:`hold_pages` in their scroll areas. The window
        does so once its style sheet is set: a scroll area lays its page out as soon as it gets
        it, and a layout made before the style sheet (its fonts, its padding) is made again."""
        for holder, widget in self._unplaced or ():
            holder.setWidget(widget)
        self._unplaced = None

    def refit_pages(self) -> None:
        """From now on (once the first frame is on screen), every page is re-fitted in its
        scroll area when its minimum size changes; the pages made before are too."""
        if not self._refitting:
            self._refitting = True
            for holder in self._holders.values():
                follow_size(holder)

    def add_lazy_page(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        """A place whose widget (and its scroll area) is made when it is first shown."""
        self._pages[key] = QWidget()
        self._stack.addWidget(self._pages[key])
        self._factories[key] = factory
        self._place(key, title)

    def _place(self, key: str, title: str) -> None:
        """The sidebar entry of ``key``, made or renamed."""
        item = self._items.get(key)
        if item is None:
            item = self._items[key] = QListWidgetItem()
            item.setData(USER_ROLE, key)
            self._nav.addItem(item)
        item.setText(title)

    def page(self, key: str) -> QWidget:
        factory = self._factories.pop(key, None)
        if factory is not None:
            self.add_page(key, self._items[key].text(), factory())
        return self._pages[key]

    def current_page(self) -> str:
        for key, holder in self._holders.items():
            if holder is self._stack.currentWidget():
                return key
        return ""



def info_page(name: str, *args: object) -> QWidget:
    """``SafetyPage``, ``AboutPage`` or ``ProblemsPage`` from :mod:`info_pages`."""
    from guide.ui.shell import info_pages

    page: QWidget = getattr(info_pages, name)(*args)
    return page


def diary_offer(home: QWidget, logged: Callable[[], None]) -> "DiaryOffer":
    """Home's "How was last night?" (:mod:`diary_offer`); it asks at once when it is due."""
    from guide.ui.shell.diary_offer import DiaryOffer

    return DiaryOffer(home, logged)
