"""Illustrations the user adds: SVG files kept small and self-contained.

An SVG may point at other files (``<image href="/any/path">``, ``url(file.svg)``): Qt would read
them, from anywhere, even a FIFO that never answers. So an SVG is read through
:func:`read_svg`, which caps its size and refuses any reference that is not inside the file
itself (``#id``) or embedded (``data:``); the validator reports the same problems.
"""

import re
from pathlib import Path

from guide.core.i18n import tr
from guide.core.store.files import UnsafeFile, read_user_file, too_big_message

MAX_SVG_BYTES = 256 * 1024
_REFERENCE = re.compile(rb"""(?:\bhref\s*=\s*|\burl\(\s*)(["']?)\s*([^"')>\s]*)""", re.I)
_EXTERNAL_ENTITY = re.compile(rb"<!ENTITY[^>]*\b(?:SYSTEM|PUBLIC)\b", re.I)


class RefusedSvg(ValueError):
    """The SVG is readable but not safe to draw; the message says why, for the user."""


def read_svg(path: Path) -> bytes:
    """The SVG's bytes, or OSError (unreadable, too big) or :class:`RefusedSvg`."""
    data = read_user_file(path, MAX_SVG_BYTES)
    problem = external_reference(data)
    if problem is not None:
        raise RefusedSvg(tr("the picture refers to another file (`{ref}`); only references "
                            "inside the file (#id) or embedded data (data:) are allowed").format(
                                ref=problem))
    return data


def external_reference(data: bytes) -> str | None:
    """The first reference to anything outside the SVG itself, or None."""
    for match in _REFERENCE.finditer(data):
        target = match.group(2)
        if not target.startswith(b"#") and target[:5].lower() != b"data:":
            return target[:80].decode("utf-8", "replace") or "?"
    found = _EXTERNAL_ENTITY.search(data)
    if found is not None:
        return found.group(0)[:80].decode("utf-8", "replace")
    return None


def svg_problem(path: Path) -> str | None:
    """Why this SVG will not be shown, in words for the user; None when it is fine."""
    try:
        read_svg(path)
    except RefusedSvg as exc:
        return str(exc)
    except UnsafeFile as exc:
        return str(exc.strerror) if exc.strerror else too_big_message(MAX_SVG_BYTES)
    except OSError as exc:
        return tr("cannot read the picture: {error}").format(error=exc.strerror or exc)
    return None
