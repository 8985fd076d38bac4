"""Qt's ``tr()`` through the app's gettext catalogue, plus Qt's own words for standard buttons.

One small function the start-up calls, :func:`install_translations`, and again when the user
picks another language in Settings: Qt then sends every widget ``QEvent.LanguageChange``.
"""

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

from guide.core import i18n


class GettextTranslator(QTranslator):
    """Answers ``tr()`` from ``messages.mo``: context = the class, as extraction records it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_text: dict[str, str] | None = None

    def isEmpty(self) -> bool:
        return False

    def language(self) -> str:
        return i18n.language()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """The translation, or None so Qt asks its other translators (Qt's own words in
        qtbase) and finally shows the English; an empty string would show as nothing."""
        found = i18n.catalog().pgettext(context, source)
        if found != source:
            return found
        # self.tr() in a base class's method, called on a subclass, asks with the subclass's
        # name: fall back to the text's one translation when it has only one.
        if self._by_text is None:
            self._by_text = _unique_translations()
        return self._by_text.get(source)


def _unique_translations() -> dict[str, str]:
    messages = getattr(i18n.catalog(), "_catalog", {})
    seen: dict[str, str | None] = {}
    for key, value in messages.items():
        if not isinstance(key, str) or not key or not value:
            continue
        text = key.split("\x04", 1)[-1]
        seen[text] = value if seen.get(text, value) == value else None
    return {k: v for k, v in seen.items() if v}


_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str = "") -> str:
    """Use ``language`` ('' = the desktop's) for the app and Qt's own dialogs; returns it."""
    code = i18n.set_language(language)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    system = QLocale.system()
    if code == "en":  # English words with English formats (the desktop's, if it is English)
        locale = system if system.language() == QLocale.Language.English else QLocale("en_US")
    else:
        locale = system if system.name().startswith(code + "_") else QLocale(code)
    QLocale.setDefault(locale)
    if code == "en":
        return code  # the source text is English: no translator, nothing to look up
    from PySide6.QtCore import QLibraryInfo  # its enum costs 0.5 ms: not for English

    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = GettextTranslator(app)
    app.installTranslator(ours)
    _installed.append(ours)
    return code
