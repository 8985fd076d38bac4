"""Polite announcements, and accessible roles Qt's widgets cannot declare themselves: a label
that is a heading (with its level) or a link (with its address). Screen readers list headings
and links and jump between them; without this a heading is plain text and a link in a label is
not announced as one.

Mark a widget with :func:`heading` or :func:`link`; :func:`install` (once, any time) makes Qt
ask :func:`_factory` for such widgets' accessible interface.
"""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface, QTextDocument
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

_ROLE = "guideAccessibleRole"
_DETAIL = "guideAccessibleDetail"
_installed = False


def heading(label: QLabel, level: int) -> QLabel:
    """Expose ``label`` as a heading of ``level`` (1 = the page's title)."""
    label.setProperty(_ROLE, int(QAccessible.Role.Heading.value))
    label.setProperty(_DETAIL, str(level))
    install()
    return label


def link(label: QLabel, url: str) -> QLabel:
    """Expose ``label`` (whose text is or holds one link) as a link to ``url``."""
    label.setProperty(_ROLE, int(QAccessible.Role.Link.value))
    label.setProperty(_DETAIL, url)
    install()
    return label


def announce(widget: QWidget, text: str) -> bool:
    """Ask screen readers to say ``text`` politely (when idle); False where Qt cannot."""
    try:
        from PySide6.QtGui import QAccessibleAnnouncementEvent
    except ImportError:  # pragma: no cover - Qt before 6.8: the labels still change
        return False
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
    return True


def list_box(widget: QWidget) -> QWidget:
    """Expose ``widget`` as a list; its list items are child widgets marked with
    :func:`list_item` (for a drawing whose parts a person can pick, like the body map)."""
    widget.setProperty(_ROLE, int(QAccessible.Role.List.value))
    install()
    return widget


def list_item(widget: QWidget, selected: bool, current: bool) -> QWidget:
    """Expose ``widget`` (named with setAccessibleName) as a selectable list item."""
    widget.setProperty(_ROLE, int(QAccessible.Role.ListItem.value))
    widget.setProperty(_DETAIL, ("selected " if selected else "") + ("current" if current else ""))
    install()
    return widget


def install() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def _plain(label: QLabel) -> str:
    doc = QTextDocument()
    doc.setHtml(label.text())
    return " ".join(doc.toPlainText().split())


class _RoleAccessible(QAccessibleWidget):
    """A widget with a declared role; a label's name is its visible text, as for any label."""

    def __init__(self, label: QWidget, role: QAccessible.Role) -> None:
        super().__init__(label, role)
        self._label = label

    def state(self) -> QAccessible.State:
        state = super().state()
        if self.role() == QAccessible.Role.ListItem:
            detail = str(self._label.property(_DETAIL) or "")
            state.selectable = True
            state.selected = "selected" in detail
            owner = self._label.parentWidget()
            state.focused = "current" in detail and owner is not None and owner.hasFocus()
        return state

    def text(self, t: QAccessible.Text) -> str:
        if t == QAccessible.Text.Name:
            if isinstance(self._label, QLabel):
                return self._label.accessibleName() or _plain(self._label)
            return self._label.accessibleName()
        if t == QAccessible.Text.Description:
            detail = str(self._label.property(_DETAIL) or "")
            if self.role() == QAccessible.Role.Link:
                return self._label.accessibleDescription() or detail
            return self._label.accessibleDescription()
        if t == QAccessible.Text.Value and self.role() == QAccessible.Role.Link:
            return str(self._label.property(_DETAIL) or "")
        return super().text(t)


def heading_level(widget: QWidget) -> int:
    """The level :func:`heading` gave ``widget``; 0 when it is not a heading."""
    if widget.property(_ROLE) != int(QAccessible.Role.Heading.value):
        return 0
    return int(widget.property(_DETAIL) or 0)


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QWidget):
        role = obj.property(_ROLE)
        if role is not None:
            return _RoleAccessible(obj, QAccessible.Role(int(role)))
    return None
