"""What a picture shows, in words: an SVG's own <title> and <desc>, for screen readers."""

import functools
import xml.etree.ElementTree as ET
from pathlib import Path

from guide.core.content.media import read_svg

_SVG = "{http://www.w3.org/2000/svg}"


@functools.lru_cache(maxsize=256)
def picture_description(path: Path) -> str:
    """The picture's title and description ("Ankle pumps: point the toes down"); "" when the
    file has none or cannot be read."""
    if path.suffix.lower() != ".svg":
        return ""
    try:
        root = ET.fromstring(read_svg(path))
    except (OSError, ValueError, ET.ParseError):
        return ""
    parts = []
    for tag in ("title", "desc"):
        element = root.find(_SVG + tag)
        if element is None:
            element = root.find(tag)
        if element is not None and element.text and element.text.strip():
            parts.append(" ".join(element.text.split()))
    return ". ".join(parts)
