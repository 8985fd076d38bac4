"""What a picture shows, in words, in the user's language: an SVG's own <title> and <desc>,
for screen readers (translated like the content, see ``guide.core.content.pictures``)."""

import functools
from pathlib import Path

from guide.core import i18n
from guide.core.content.pictures import context, svg_words
from guide.core.store import paths

_words = functools.lru_cache(maxsize=256)(svg_words)  # parse each file once


def picture_description(path: Path) -> str:
    """The picture's title and description ("Ankle pumps: point the toes down"); "" when the
    file has none or cannot be read."""
    words = _words(path)
    ctx = context(paths.builtin_media(), path) if words else None
    return i18n.catalog("content").pgettext(ctx, words) if ctx else words
