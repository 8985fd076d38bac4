"""Translations of every message the app shows, through gettext catalogues read lazily.

Interface, command line and core messages share one gettext domain, ``messages``; what the
content teaches is the ``content`` domain (``guide.core.content.localize``). Both are compiled
``.mo`` files under ``guide/translations/<lang>/``, opened with the standard library on first use:
English needs no file at all, and Babel is only needed to extract and compile (``stretch-guide
i18n``). Qt's ``tr()`` reaches the same catalogue through ``guide.ui.common.translator``.

The language is the user's choice in Settings, else the desktop's (LANGUAGE, LC_ALL,
LC_MESSAGES, LANG); anything not shipped falls back to English.
"""

import gettext
import os
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"

# Each language named in itself, as the Settings page offers it.
LANGUAGES = {"en": "English", "es": "Español"}

_language: str | None = None
_catalogs: dict[str, gettext.NullTranslations] = {}


def system_language() -> str:
    """The desktop's language if the app ships it, else English."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if not value:
            continue
        for part in value.split(":"):
            code = part.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
            if code in ("c", "posix"):
                return "en"
        if var != "LANGUAGE":  # LANGUAGE is a list of wishes; the others decide
            return "en"
    return "en"


def set_language(code: str | None) -> str:
    """Use ``code`` ('' or None: the desktop's); returns the language now in use."""
    global _language
    _language = code if code in LANGUAGES else system_language()
    _catalogs.clear()
    return _language


def language() -> str:
    if _language is None:
        return set_language(None)
    return _language


def catalog(domain: str = "messages") -> gettext.NullTranslations:
    """The compiled catalogue of ``domain`` for the current language (empty for English)."""
    found = _catalogs.get(domain)
    if found is None:
        found = _catalogs[domain] = load_mo(TRANSLATIONS / language() / f"{domain}.mo")
    return found


def load_mo(path: Path) -> gettext.NullTranslations:
    try:
        with path.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    except (OSError, ValueError):  # no catalogue (English) or a broken one: English text
        return gettext.NullTranslations()


def tr(text: str, context: str = "") -> str:
    """``text`` in the user's language; ``context`` tells apart the same English words."""
    return catalog().pgettext(context, text) if context else catalog().gettext(text)


def ntr(singular: str, plural: str, n: int, context: str = "") -> str:
    """The plural form for ``n`` in the user's language (``{n}`` stays a named placeholder)."""
    if context:
        return catalog().npgettext(context, singular, plural, n)
    return catalog().ngettext(singular, plural, n)


def N_(text: str) -> str:
    """Mark ``text`` for extraction; it is translated where it is shown."""
    return text


def fold(text: str) -> str:
    """Text as search compares it: lower case without accents, so "cuadriceps" finds
    "cuádriceps". ASCII text (most English) takes the fast path."""
    text = text.lower()
    if text.isascii():
        return text
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def duration(seconds: int | None) -> str:
    """'3 min 45 s', '40 s', or '?' when unknown."""
    if seconds is None:
        return "?"
    minutes, secs = divmod(seconds, 60)
    if minutes:
        return tr("{minutes} min {seconds:02d} s").format(minutes=minutes, seconds=secs)
    return tr("{seconds} s").format(seconds=secs)


def short_duration(seconds: float) -> str:
    """"30 s", "2 min", "1 min 30 s": a hold, a rest or a session, to the whole second."""
    minutes, secs = divmod(round(seconds), 60)
    if minutes and secs:
        return tr("{m} min {s} s").format(m=minutes, s=secs)
    if minutes:
        return tr("{m} min").format(m=minutes)
    return tr("{s} s").format(s=secs)


def day_names(short: bool = False) -> list[str]:
    """Monday to Sunday in the user's language."""
    if short:
        # Translators: short day names as in a list of days (Mon, Tue ...)
        return [tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")]
    return [tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"),
            tr("Saturday"), tr("Sunday")]

