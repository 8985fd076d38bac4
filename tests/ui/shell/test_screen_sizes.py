"""The window fits small and scaled screens, and Browse reflows instead of cutting text off.

Each case runs in its own process: Qt's screen (size, scale) is fixed when it starts. The
offscreen platform takes the screen's size from a config file."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("size_probe.py")


def probe(tmp_path: Path, width: int, height: int, scale: float, font: float = 1.0,
          stretch: str = "calf-cramp-release") -> dict[str, object]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=str(scale))
    done = subprocess.run([sys.executable, str(PROBE), str(font), stretch], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize(("width", "height", "scale", "font"), [
    (1280, 800, 1.5, 1.0),  # a 150 % laptop: 853 x 533 logical pixels
    (1024, 600, 1.0, 1.0),  # a small netbook screen
    (1920, 1080, 1.0, 1.5),  # large text
])
def test_the_window_fits_and_browse_cuts_nothing(tmp_path: Path, width: int, height: int,
                                                 scale: float, font: float) -> None:
    result = probe(tmp_path, width, height, scale, font)
    free_w, free_h = result["screen"]  # type: ignore[misc]
    opened_w, opened_h = result["opened"]  # type: ignore[misc]
    min_w, min_h = result["minimum"]  # type: ignore[misc]
    assert opened_w <= free_w * 0.9 + 1 and opened_h <= free_h * 0.9 + 1, result
    assert min_w <= free_w and min_h <= free_h, result
    assert result["cut"] == [], result
    assert not result["browse_scrolls_sideways"], result
    assert result["detail_right"] <= result["window_width"], result
    if width >= 1920:  # the body map grows with the space (it stayed about 90 px wide)
        assert int(str(result["body_map"])) >= 200, result
