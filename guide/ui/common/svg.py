"""Every SVG the app draws is loaded here: from checked bytes, never from a path Qt would follow.

Loading from bytes means the renderer has no folder to resolve a reference against; the bytes
come from :func:`guide.core.content.media.read_svg`, which caps the size and refuses files that
point outside themselves. A refused or unreadable picture is simply not drawn (the validator
says why).
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtSvg import QSvgRenderer

from guide.core.content.media import read_svg


def load_svg(path: Path, parent: QObject | None = None) -> QSvgRenderer | None:
    """A valid renderer for the SVG at ``path``, or None."""
    try:
        data = read_svg(path)
    except (OSError, ValueError):
        return None
    renderer = QSvgRenderer(QByteArray(data), parent)
    return renderer if renderer.isValid() else None
