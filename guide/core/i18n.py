"""Translation hook for text produced by the core.

The core cannot import Qt, so it calls :func:`tr`; the UI installs Qt's translator at start-up
with :func:`install`. Until then (command line, tests) the English source text is returned.
"""

from collections.abc import Callable


def _untranslated(_context: str, text: str) -> str:
    return text


_translate: Callable[[str, str], str] = _untranslated


def install(translate: Callable[[str, str], str]) -> None:
    global _translate
    _translate = translate


def duration(seconds: int | None) -> str:
    """'3 min 45 s', '40 s', or '?' when unknown."""
    if seconds is None:
        return "?"
    minutes, secs = divmod(seconds, 60)
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def tr(text: str, context: str = "") -> str:
    """``text`` translated; the context is empty, as pyside6-lupdate records it for `tr()`."""
    return _translate(context, text)
