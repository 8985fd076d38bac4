"""Checks for the committed media: SVG validity and size, body-map ids, desktop entry."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from guide import DESKTOP_ID

MEDIA = Path(__file__).resolve().parents[2] / "media"
SVGS = sorted(p for p in MEDIA.rglob("*.svg") if "src" not in p.parts)
SVG_NS = "{http://www.w3.org/2000/svg}"

FRONT_MUSCLES = (
    "quadriceps",
    "iliopsoas",
    "adductors",
    "obliques",
    "sternocleidomastoid",
    "pectoralis_major",
    "forearm_flexors",
    "tibialis_anterior",
)
BACK_MUSCLES = (
    "gastrocnemius",
    "soleus",
    "hamstrings",
    "gluteus_maximus",
    "piriformis",
    "erector_spinae",
    "trapezius",
    "levator_scapulae",
    "deltoid_posterior",
    "rhomboids",
    "latissimus",
    "forearm_extensors",
    "plantar_fascia",
)
STRETCH_IDS = (
    "calf-wall-straight",
    "calf-wall-bent",
    "calf-towel",
    "calf-cramp-release",
    "quad-standing",
    "quad-side-lying",
    "hamstring-standing",
    "hamstring-chair",
    "hamstring-lying",
    "hip-flexor-kneeling",
    "hip-split-stance",
    "glute-figure-four",
    "knee-to-chest",
    "plantar-toe-pull",
    "ankle-pumps",
    "neck-rotation",
    "shoulder-cross-body",
    "chest-opener",
    "upper-body-twist",
    "wrist-flexor",
    "wrist-extensor",
    "march-in-place",
    "heel-raises",
    "leg-swings-front",
    "leg-swings-side",
    "arm-circles",
)
SECOND_PHASE = (
    "calf-cramp-release",
    "ankle-pumps",
    "heel-raises",
    "leg-swings-front",
    "leg-swings-side",
    "arm-circles",
    "hip-flexor-kneeling",
    "upper-body-twist",
)
ACTIONS = ("massage-calf", "massage-thigh", "massage-hamstring", "walk")


def _ids(p: Path) -> str:
    return str(p.relative_to(MEDIA))


def _render(renderer: QSvgRenderer, image: QImage, rect: QRectF) -> None:
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter, rect)
    painter.end()


def _opaque_pixels(image: QImage, inside: QRectF | None = None) -> int:
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            if inside is not None and inside.contains(x + 0.5, y + 0.5):
                continue
            if image.pixelColor(x, y).alpha() > 0:
                count += 1
    return count


def test_expected_files_exist() -> None:
    names = [f"stretches/{i}.svg" for i in STRETCH_IDS]
    names += [f"stretches/{i}-2.svg" for i in SECOND_PHASE]
    names += [f"actions/{i}.svg" for i in ACTIONS]
    names += ["bodymap/front.svg", "bodymap/back.svg", "icons/stretch-guide.svg"]
    names += [f"icons/hicolor/{s}x{s}/apps/{DESKTOP_ID}.png" for s in (16, 32, 48, 64, 128, 256)]
    missing = [n for n in names if not (MEDIA / n).is_file()]
    assert not missing


@pytest.mark.parametrize("path", SVGS, ids=_ids)
def test_svg_valid_and_not_blank(qapp: QApplication, path: Path) -> None:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    _render(renderer, image, QRectF(0, 0, 200, 200))
    assert _opaque_pixels(image) > 800


@pytest.mark.parametrize("path", SVGS, ids=_ids)
def test_svg_stays_inside_its_viewbox(qapp: QApplication, path: Path) -> None:
    """QSvgRenderer does not clip to the viewBox, so nothing may be drawn outside it."""
    renderer = QSvgRenderer(str(path))
    image = QImage(120, 120, QImage.Format.Format_ARGB32)
    inner = QRectF(30, 30, 60, 60)
    _render(renderer, image, inner)
    assert _opaque_pixels(image, inside=inner.adjusted(-1, -1, 1, 1)) == 0


@pytest.mark.parametrize("path", SVGS, ids=_ids)
def test_svg_small_plain_and_titled(path: Path) -> None:
    assert path.stat().st_size < 30 * 1024
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.find(f"{SVG_NS}title") is not None
    tags = {el.tag.removeprefix(SVG_NS) for el in root.iter()}
    assert not tags & {"foreignObject", "filter", "mask", "style", "image", "script"}


@pytest.mark.parametrize(
    ("view", "muscles", "other"),
    [("front", FRONT_MUSCLES, BACK_MUSCLES), ("back", BACK_MUSCLES, FRONT_MUSCLES)],
)
def test_bodymap_regions(view: str, muscles: tuple[str, ...], other: tuple[str, ...]) -> None:
    root = ET.parse(MEDIA / "bodymap" / f"{view}.svg").getroot()
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    for muscle in muscles:
        assert muscle in ids, f"{muscle} missing from {view} view"
        assert "muscle" in (ids[muscle].get("class") or "").split()
    assert not set(other) & set(ids)
    front_box = ET.parse(MEDIA / "bodymap" / "front.svg").getroot().get("viewBox")
    assert root.get("viewBox") == front_box
    assert root.find(f".//{SVG_NS}text") is None


def test_desktop_entry() -> None:
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.optionxform = str  # type: ignore[assignment,method-assign]
    cfg.read(MEDIA / f"{DESKTOP_ID}.desktop", encoding="utf-8")
    entry = cfg["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Stretch Guide"
    assert entry["Exec"] == "stretch-guide"
    assert entry["Icon"] == DESKTOP_ID
    assert set(entry["Actions"].strip(";").split(";")) == {"calf-cramp", "bedtime"}
    assert cfg["Desktop Action calf-cramp"]["Name"] == "Calf cramp now"
    assert cfg["Desktop Action calf-cramp"]["Exec"] == "stretch-guide start cramp-calf"
    assert cfg["Desktop Action bedtime"]["Name"] == "Bedtime routine"
    assert cfg["Desktop Action bedtime"]["Exec"] == "stretch-guide start bedtime"
