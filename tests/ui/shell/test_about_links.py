"""About's licence links open the installed licence files in the desktop's viewer."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from guide.core.store import paths
from guide.ui.shell.info_pages import AboutPage


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[_Opened]:
    handler = _Opened()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def _links(page: AboutPage) -> list[str]:
    hrefs: list[str] = []
    block = page.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href:
                hrefs.append(href)
            it += 1
        block = block.next()
    return hrefs


def test_licence_links_name_installed_files(qtbot: QtBot) -> None:
    page = AboutPage()
    qtbot.addWidget(page)
    files = [Path(QUrl(h).toLocalFile()) for h in _links(page) if h.startswith("file:")]
    assert paths.builtin_media() / "LICENSE.md" in files
    assert any(f.name == "LICENSE" for f in files)  # the program's GPL text
    assert all(f.is_file() for f in files)


def test_clicking_a_licence_opens_the_file_and_keeps_the_page(qtbot: QtBot,
                                                              opened: _Opened) -> None:
    page = AboutPage()
    qtbot.addWidget(page)
    before = page.browser.toPlainText()
    licence = QUrl.fromLocalFile(str(paths.builtin_media() / "LICENSE.md"))
    page.browser.anchorClicked.emit(licence)
    page.browser.anchorClicked.emit(QUrl("LICENSE.md"))  # the credits' relative link
    assert [u.toLocalFile() for u in opened.urls] == [licence.toLocalFile()] * 2
    assert page.browser.toPlainText() == before
