"""A user's SVG is drawn only when it is small and self-contained; the validator says why not."""

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide.core.content.cache import load_catalog
from guide.core.content.catalog import builtin_source, user_source
from guide.ui.player.parts import Illustration

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
       'width="100" height="100">{body}</svg>')
CIRCLE = '<circle cx="50" cy="50" r="40" fill="#4a7"/>'


def big_svg() -> str:
    paths = "".join(f'<path d="M{i % 97} {i % 89} L{i % 53} {i % 61} Z" stroke="#123"/>'
                    for i in range(12000))
    return SVG.format(body=paths)  # about 600 KB


@pytest.fixture
def picture(user_exercises: Path, my_calf: str) -> Path:
    (user_exercises / "stretches" / "mine.yaml").write_text(my_calf.replace(
        "  - text: Stand facing a wall.\n",
        "  - text: Stand facing a wall.\n    illustration: mine/picture.svg\n"))
    path = user_exercises.parent / "media" / "mine" / "picture.svg"
    path.parent.mkdir(parents=True)
    return path


def validator_says(picture: Path) -> list[str]:
    catalog = load_catalog([builtin_source(), user_source()])
    return [p.message for p in catalog.problems]


def drawn(qtbot: QtBot, picture: Path) -> bool:
    widget = Illustration()
    qtbot.addWidget(widget)
    widget.show_file(picture, False, "picture")
    return widget.has_picture


def test_a_plain_picture_is_drawn(qtbot: QtBot, picture: Path) -> None:
    picture.write_text(SVG.format(body=CIRCLE))
    assert validator_says(picture) == []
    assert drawn(qtbot, picture)


@pytest.mark.parametrize("body", [
    '<image href="/etc/hostname" width="10" height="10"/>',
    '<image xlink:href="file:///etc/hostname" width="10" height="10"/>',
    '<image href="../../../../other.svg" width="10" height="10"/>',
    '<rect width="10" height="10" style="fill: url(/tmp/pattern.svg#p)"/>',
])
def test_a_reference_outside_the_picture_is_refused(qtbot: QtBot, picture: Path,
                                                    body: str) -> None:
    picture.write_text(SVG.format(body=CIRCLE + body))
    [message] = validator_says(picture)
    assert "refers to another file" in message
    assert not drawn(qtbot, picture)


def test_an_image_that_is_a_fifo_does_not_hang(qtbot: QtBot, picture: Path) -> None:
    fifo = picture.parent / "never.png"
    os.mkfifo(fifo)  # reading it would wait for ever
    picture.write_text(SVG.format(body=f'<image href="{fifo}" width="10" height="10"/>'))
    assert not drawn(qtbot, picture)
    assert "refers to another file" in validator_says(picture)[0]


def test_inside_references_and_embedded_data_are_fine(qtbot: QtBot, picture: Path) -> None:
    body = ('<defs><circle id="c" cx="50" cy="50" r="40"/></defs><use xlink:href="#c"/>'
            '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>')
    picture.write_text(SVG.format(body=body))
    assert validator_says(picture) == []
    assert drawn(qtbot, picture)


def test_a_huge_picture_is_refused_not_drawn_slowly(qtbot: QtBot, picture: Path) -> None:
    picture.write_text(big_svg())
    [message] = validator_says(picture)
    assert "larger than 256 KiB" in message
    assert not drawn(qtbot, picture)
