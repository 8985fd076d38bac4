"""What a shipped picture shows, in words: an SVG's own <title> and <desc>.

Screen readers say it; the words are translated like the rest of the content, under the
context ``picture:<path in the media folder>``.
"""

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from guide.core.content.media import read_svg

_SVG = "{http://www.w3.org/2000/svg}"
COMMENT = "What the picture shows, read out by screen readers."


def svg_words(path: Path) -> str:
    """The picture's title and description ("Ankle pumps: point the toes down"); "" when the
    file has none or cannot be read."""
    if path.suffix.lower() != ".svg":
        return ""
    try:
        root = ET.fromstring(read_svg(path))  # the safe reader: size-limited, no entities
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


def context(media: Path, path: Path) -> str | None:
    """The translation context of a picture in ``media``; None for one outside it."""
    try:
        return "picture:" + path.resolve().relative_to(media.resolve()).as_posix()
    except ValueError:
        return None


def picture_entries(media: Path) -> Iterator[tuple[str, str, Path]]:
    """(context, English words, file) of every shipped picture that has words."""
    for path in sorted(media.rglob("*.svg")):
        if "src" in path.relative_to(media).parts:
            continue
        words = svg_words(path)
        ctx = context(media, path)
        if words and ctx:
            yield ctx, words, path
