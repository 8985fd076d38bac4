"""Text pages: Safety, About (sources and licences) and Content problems. Safety and About are
documents whose headings and links a screen reader can list."""

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from guide import __version__
from guide.core.content import safety
from guide.core.content.problems import Problem
from guide.core.store import paths, shipped
from guide.ui.common.document import DocumentView


def _browser(name: str, body: str) -> QTextBrowser:
    browser = QTextBrowser()
    browser.setOpenExternalLinks(True)
    browser.setAccessibleName(name)
    browser.setHtml(body)
    return browser


def _bullets(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"


def _sources_html() -> str:
    return "<ul>" + "".join(
        f"<li><a href='{html.escape(url)}'>{html.escape(title)}</a> — {html.escape(publisher)}"
        "</li>"
        for title, publisher, url in safety.SOURCES
    ) + "</ul>"


class SafetyPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        parts = ["<h1>{}</h1>".format(self.tr("Safety"))]
        for title, bullets in safety.sections():
            parts.append(f"<h2>{html.escape(title)}</h2>{_bullets(bullets)}")
        parts.append("<h2>{}</h2>".format(self.tr("What stretching can and cannot do")))
        parts.append(_bullets(safety.honest_claims()))
        parts.append("<h2>{}</h2>".format(self.tr("Sources")) + _sources_html())
        self.browser = DocumentView(self.tr("Safety information"))
        self.browser.setHtml("".join(parts))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)


def _read(name: str) -> str:
    try:
        return (paths.builtin_media() / name).read_text(encoding="utf-8")
    except OSError:
        return ""


def _file_url(name: str) -> str:
    """A link to a file of the installed media folder, opened by the desktop's viewer."""
    return QUrl.fromLocalFile(str(paths.builtin_media() / name)).toString(
        QUrl.ComponentFormattingOption.FullyEncoded)


def _program_licence_url() -> str:
    installed = shipped.program_licence()
    if installed is None:
        return "https://www.gnu.org/licenses/gpl-3.0.html"
    return QUrl.fromLocalFile(str(installed)).toString(QUrl.ComponentFormattingOption.FullyEncoded)


class AboutPage(QWidget):
    """Version, every source, the licences and the media credits (from media/CREDITS.md)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        credits = _read("CREDITS.md").split("\n", 1)[-1]  # without its own title
        sources = "\n".join(f"- [{title}]({url}) — {publisher}"
                            for title, publisher, url in safety.SOURCES)
        text = "\n\n".join([
            "# " + self.tr("Stretch Guide {version}").format(version=__version__),
            self.tr("Short stretching routines that may help with muscle cramps, with a "
                    "hands-free timed player. General information, not medical advice."),
            _reviewed_line(),
            "## " + self.tr("Sources"),
            self.tr("Every stretch and routine cites its sources; these are all of them:"),
            sources,
            "## " + self.tr("Licences"),
            "- " + self.tr("Program: GNU General Public License, version 3 or later "
                           "([licence text]({url})).").format(url=_program_licence_url())
            + "\n- " + self.tr("Illustrations, body map, icon and sounds: Creative Commons "
                              "Attribution-ShareAlike 4.0 (CC BY-SA 4.0), see [the media "
                              "licence]({url}).").format(url=_file_url("LICENSE.md"))
            + "\n- " + self.tr("Qt for Python (PySide6): LGPL 3.0. PyYAML: MIT. msgspec: BSD. "
                               "jeepney: MIT."),
            "## " + self.tr("Credits") if credits.strip() else "",
            credits,
        ])
        self.browser = DocumentView(self.tr("About Stretch Guide"))
        # Every link, the local licence files included, opens in the desktop's viewer.
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setMarkdown(text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)

    @Slot(QUrl)
    def _open_link(self, url: QUrl) -> None:
        if url.isRelative():  # the credits' links are relative to the media folder
            url = QUrl.fromLocalFile(str(paths.builtin_media()) + "/").resolved(url)
        QDesktopServices.openUrl(url)


class ProblemsPage(QWidget):
    """Every problem found in content files, one per line, as `file:line:col: key: message`."""

    def __init__(self, problems: Sequence[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        intro = QLabel(self.tr(
            "<h1>Content problems</h1><p>These files could not be used as written. The rest of "
            "the content loaded normally. Fix a file and restart, or run "
            "<code>stretch-guide validate</code> to check it.</p>"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        lines = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in sorted(problems))
        self.browser = _browser(self.tr("Content problems"), f"<ul>{lines}</ul>")
        layout.addWidget(self.browser, 1)


def _reviewed_line() -> str:
    """"Content reviewed on …", from the date the shipped content was last checked."""
    try:
        day = date.fromisoformat(
            (paths.builtin_exercises() / "REVIEWED").read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return QCoreApplication.translate(
            "AboutPage", "The date the content was last reviewed is not available.")
    return QCoreApplication.translate(
        "AboutPage", "Content reviewed against its sources on {date}.").format(
        date=QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat))
