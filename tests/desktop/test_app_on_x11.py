"""The real app on a real X server (Xvfb): it starts, paints its window and exits cleanly."""

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Desktop

pytestmark = pytest.mark.desktop


def test_main_window_opens_under_xvfb(desktop: Desktop, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    env = {**desktop.env, "QT_QPA_PLATFORM": "xcb", "XDG_DATA_HOME": str(tmp_path / "data"),
           "STRETCH_GUIDE_SCREENSHOT": str(shot)}
    result = subprocess.run([sys.executable, "-m", "guide", "--exit-after-startup"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert shot.stat().st_size > 10_000  # a painted window, not an empty image
