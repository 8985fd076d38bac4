"""Every string on every page comes from a catalogue: a marker catalogue shows any left out.

Each message of both templates is "translated" to itself between ‹ and ›; a visible text
with letters and no marker was never translated (unwrapped, glued from pieces, or looked up
under the wrong context). The Spanish catalogue is then checked the same way for English.
"""

import html
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from guide.core import i18n
from guide.core.content import safety
from guide.core.content.cache import load_catalog
from guide.core.store import paths
from guide.ui.common.context import AppContext, SettingsStore
from guide.ui.common.sheet import Sheet
from guide.ui.common.translator import install_translations
from guide.ui.player.cues import voice_names
from guide.ui.reminder.window import ReminderWindow
from guide.ui.shell.disclaimer import DisclaimerDialog
from guide.ui.shell.main_window import MainWindow

PAGES = ("home", "browse", "routines", "history", "settings", "safety", "about")
_TAG = re.compile(r"<[^>]+>")


def _marked(text: str) -> str:
    return f"‹{text}›"


def _write_markers(folder: Path) -> None:
    """A language 'es' whose every message is its English between markers."""
    for domain in ("messages", "content"):
        with (i18n.TRANSLATIONS / f"{domain}.pot").open("rb") as fp:
            template = read_po(fp)
        catalog = PoCatalog(locale="es")
        for m in template:
            if not m.id:
                continue
            string = tuple(_marked(x) for x in (*m.id, m.id[1])) if isinstance(m.id, tuple) \
                else _marked(m.id)
            if m.context == "HistoryPage" and m.id == "yyyy-MM-dd HH:mm":
                string = "‹yyyy-MM-dd HH:mm›"
            catalog.add(m.id, string, context=m.context)
        (folder / "es").mkdir(parents=True, exist_ok=True)
        with (folder / "es" / f"{domain}.mo").open("wb") as out:
            write_mo(out, catalog)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: one column, and Qt keeps columnCount private
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    texts = []
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    for column in range(_columns(model, parent)):
        value = model.headerData(column, Qt.Orientation.Horizontal)
        if isinstance(value, str):
            texts.append(value)
    return texts


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person sees or hears on ``root``."""
    out: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = f"{type(widget).__name__} in {type(widget.parentWidget()).__name__}"
        texts = [widget.accessibleName(), widget.toolTip(), widget.accessibleDescription()]
        if isinstance(widget, QTextBrowser):
            texts += widget.toPlainText().splitlines()
        elif isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QAbstractSpinBox):
            texts.append(widget.text())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += _model_texts(widget.model())
        out += [(where, t) for t in texts if t]
    return out


def _exempt() -> set[str]:
    """What is not the app's own message: cited works and their publishers, the media
    credits (file provenance), language names written in their own language, the speech
    engine's voice names, and day names, which come from the locale (QLocale)."""
    words = {"Stretch Guide", *i18n.LANGUAGES.values(), *voice_names()}
    locale = QLocale()
    for day in range(1, 8):
        words |= {locale.dayName(day, QLocale.FormatType.LongFormat),
                  locale.dayName(day, QLocale.FormatType.ShortFormat)}
    for title, publisher, _url in safety.SOURCES:
        words |= {title, publisher, f"{title} — {publisher}"}
    catalog = load_catalog()
    for item in (*catalog.stretches.values(), *catalog.routines.values()):
        for src in item.sources:
            words |= {src.title, src.publisher, f"{src.title} — {src.publisher}"}
    credits = QTextDocument()
    credits.setMarkdown((paths.builtin_media() / "CREDITS.md").read_text(encoding="utf-8"))
    words |= {line.strip() for line in credits.toPlainText().splitlines()}
    return {_norm(w) for w in words if w}


def _norm(text: str) -> str:
    """One line, single spaces, none inside brackets: rich text and plain text compare."""
    text = " ".join(text.split())
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([).,;:])", r"\1", text))


def untranslated(found: list[tuple[str, str]], exempt: set[str]) -> list[str]:
    bad = []
    for where, raw in found:
        text = _norm(html.unescape(_TAG.sub(" ", raw)).replace("&", ""))
        if "‹" in text or "›" in text or text in exempt:
            continue
        rest = re.sub(r"https?://\S+", " ", text)  # addresses are not words
        for name in sorted((e for e in exempt if len(e) >= 3), key=len, reverse=True):
            rest = rest.replace(name, " ")
        if not re.search(r"[A-Za-z]{2}", rest):
            continue
        bad.append(f"{where}: {text!r}")
    return bad


def walk_every_page(qtbot: QtBot, user_exercises: Path) -> dict[str, list[tuple[str, str]]]:
    # A broken file of the user's, so the Content problems page and the banner show too.
    (user_exercises / "stretches" / "broken.yaml").write_text("id: broken\nhold: -1\n",
                                                              encoding="utf-8")
    window = MainWindow(AppContext(load_catalog(), SettingsStore()))
    qtbot.addWidget(window)
    window.show()
    found = {}
    for page in (*PAGES, "problems"):
        window.show_page(page)
        widget = window.page(page)
        if page == "browse":
            widget.results.setCurrentIndex(widget.proxy.index(0, 0))  # type: ignore[attr-defined]
        found[page] = visible_texts(widget)
    found["window"] = [("MainWindow", window.windowTitle()), *visible_texts(window._nav)]
    window.start_routine("bedtime")
    view = window.player.view
    assert view is not None
    for _ in range(4):  # get ready, hold, rest, hold: each screen of the player
        found.setdefault("player", []).extend(visible_texts(view))
        view.session.skip()
    while not view.session.is_over:  # to the end: the summary panel, then a line in History
        view.session.skip()
        qtbot.wait(1)
    found["player"].extend(visible_texts(view))
    window.show_page("history")
    found["history"] += visible_texts(window.page("history"))
    found["window"] += visible_texts(window._banner)
    disclaimer = DisclaimerDialog(window)
    found["disclaimer"] = [("DisclaimerDialog", disclaimer.windowTitle()),
                           *visible_texts(disclaimer)]
    catalog = window._context.catalog
    for routine in ("cramp-calf", "bedtime"):  # the printable sheet: relief and per-side doses
        text = Sheet(catalog.routines[routine], catalog).document.toPlainText()
        found.setdefault("sheet", []).extend(("Sheet", line) for line in text.splitlines())
    reminder = ReminderWindow("‹Routine›", 10)
    qtbot.addWidget(reminder)
    found["reminder"] = [("ReminderWindow", reminder.windowTitle()), *visible_texts(reminder)]
    return found


@pytest.fixture
def markers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "markers"
    _write_markers(folder)
    monkeypatch.setattr(i18n, "TRANSLATIONS", folder)
    install_translations(QApplication.instance(), "es")  # type: ignore[arg-type]
    yield
    install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]


def test_every_visible_string_on_every_page_comes_from_the_catalogue(
        qtbot: QtBot, markers: None, user_exercises: Path) -> None:
    exempt = _exempt()
    found = walk_every_page(qtbot, user_exercises)
    seen = {page: " ".join(t for _w, t in texts) for page, texts in found.items()}
    # The walk reached the states it means to check.
    assert "‹Completed, 0 holds›" in seen["history"]  # skipped, so no hold ran to its end
    assert "‹Some of your exercise files have problems (" in seen["window"]
    assert "‹How did it feel? (optional)›" in seen["player"]
    problems = {page: untranslated(texts, exempt) for page, texts in found.items()}
    report = [f"{page}: {line}" for page, lines in problems.items() for line in lines]
    assert report == [], "\n".join(report)


def test_choosing_spanish_in_settings_applies_at_once_and_stays_on_the_page(
        qtbot: QtBot) -> None:
    store = SettingsStore()
    window = MainWindow(AppContext(load_catalog(), store))
    qtbot.addWidget(window)
    window.show()
    window.show_page("routines")
    builder = window.page("routines")
    builder.name_edit.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(builder.name_edit, "Evening")  # type: ignore[attr-defined]  # unsaved work
    window.show_page("settings")
    combo = window.page("settings")._language  # type: ignore[attr-defined]
    try:
        combo.setCurrentIndex(combo.findData("es"))
        assert store.settings.language == "es"
        assert window.current_page() == "settings"
        nav = [window._nav.item(i).text() for i in range(7)]
        assert nav == ["Inicio", "Explorar", "Mis rutinas", "Historial", "Ajustes", "Seguridad",
                       "Acerca de"]
        settings = window.page("settings")
        titles = {box.title() for box in settings.findChildren(QGroupBox)}
        assert {"Recordatorio para antes de dormir", "Sonido y voz", "Idioma"} <= titles
        assert window.page("routines") is builder  # unsaved work is kept as it is
        assert builder.name_edit.text() == "Evening"  # type: ignore[attr-defined]
        # Qt's own words (standard buttons) come from qtbase_es.qm.
        assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        window.show_page("home")
        texts = [t for _w, t in visible_texts(window.page("home"))]
        assert "¿Qué necesitas ahora mismo?" in texts
        window.start_routine("bedtime")
        view = window.player.view
        assert view is not None
        seen = [t for _w, t in visible_texts(view)]
        assert "Pierna izquierda" in seen
        assert "Estiramientos antes de dormir contra calambres nocturnos" in seen
    finally:
        install_translations(QApplication.instance(), "en")  # type: ignore[arg-type]
