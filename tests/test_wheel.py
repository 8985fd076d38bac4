"""The wheel, not the clone: build it, install it into a fresh venv and run the app from outside
the repository. Fails when any shipped file is missing from the wheel.

The fresh venv has no pip and no dependencies of its own: a .pth file lets it see the test
environment's site-packages (PySide6, PyYAML, msgspec), where `guide` itself is only an
editable-install .pth that Python does not process from there. So `guide` and its data can
come only from the wheel, which the test checks.
"""

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from guide import __version__

ROOT = Path(__file__).resolve().parents[1]
NOT_SHIPPED = ("media/src/", "media/screenshots/")
DATA = {"exercises/": "guide/data/exercises/", "media/": "guide/data/media/"}


@dataclass
class Installed:
    wheel: Path
    python: Path
    script: Path
    site: Path
    home: Path  # cwd and XDG folders, outside the clone

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environ = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        environ.update(XDG_CONFIG_HOME=str(self.home / "config"),
                       XDG_DATA_HOME=str(self.home / "data"),
                       XDG_CACHE_HOME=str(self.home / "cache"),
                       XDG_RUNTIME_DIR=str(self.home / "run"), QT_QPA_PLATFORM="offscreen",
                       STRETCH_GUIDE_TTS_ENGINE="mock", **env)
        return subprocess.run([*args], cwd=self.home, env=environ, capture_output=True,
                              text=True, timeout=120)


def _pip(*args: str) -> None:
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    done = subprocess.run([sys.executable, "-m", "pip", *args], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    pytest.importorskip("hatchling", reason="the test extra installs hatchling")
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    _pip("wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT))
    (wheel,) = dist.glob("stretch_guide-*.whl")

    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True, timeout=60).stdout.strip())
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "_test_env_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    _pip("--python", str(python), "install", "--no-deps", "-q", str(wheel))

    home = base / "home"
    (home / "run").mkdir(parents=True)
    (home / "run").chmod(0o700)
    return Installed(wheel, python, venv / "bin" / "stretch-guide", site, home)


def _shipped_in_git() -> list[str]:
    """The tracked files the wheel must hold, as wheel paths."""
    done = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--", "exercises", "media",
                           "guide"], capture_output=True, text=True, timeout=60, check=False)
    if done.returncode != 0:  # not a git checkout (an unpacked sdist): walk the folders
        files = [str(p.relative_to(ROOT)) for top in ("exercises", "media", "guide")
                 for p in (ROOT / top).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    else:
        files = [f for f in done.stdout.split("\0") if f]
    expected = []
    for name in files:
        if name.startswith(NOT_SHIPPED) or not (ROOT / name).is_file():
            continue
        for prefix, target in DATA.items():
            if name.startswith(prefix):
                name = target + name.removeprefix(prefix)
        expected.append(name)
    return sorted(expected)


def test_the_wheel_holds_every_shipped_file(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    expected = _shipped_in_git()
    assert any(n.endswith("bodymap/front.svg") for n in expected)
    missing = [n for n in expected if n not in names]
    assert not missing, f"missing from the wheel: {missing}"
    assert not [n for n in names if n.startswith(("guide/data/media/src/",
                                                  "guide/data/media/screenshots/"))]
    assert f"stretch_guide-{__version__}.dist-info/licenses/LICENSE" in names


def test_installed_copy_lists_plans_and_validates_from_outside_the_clone(
        installed: Installed) -> None:
    where = installed.run(str(installed.python), "-c", "import guide; print(guide.__file__)")
    assert Path(where.stdout.strip()).is_relative_to(installed.site), where.stdout + where.stderr

    listed = installed.run(str(installed.script), "list", "routines", "--json")
    assert listed.returncode == 0, listed.stderr
    routines = json.loads(listed.stdout)
    assert len(routines) >= 6
    data = installed.site / "guide" / "data" / "exercises"
    assert all(Path(r["file"]).is_relative_to(data) for r in routines)

    plan = installed.run(str(installed.script), "plan", "bedtime")
    assert plan.returncode == 0, plan.stderr
    assert "Total" in plan.stdout or "total" in plan.stdout

    validate = installed.run(str(installed.script), "validate")
    assert validate.returncode == 0, validate.stdout + validate.stderr
    clone = subprocess.run([sys.executable, "-m", "guide", "validate"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert validate.stdout == clone.stdout  # the same number of definitions as the clone
    assert validate.stdout.startswith("OK: ") and not validate.stdout.startswith("OK: 0 ")


def test_installed_app_starts_and_draws_pictures_and_the_body_map(installed: Installed) -> None:
    shot = installed.home / "start.png"
    started = installed.run(str(installed.script), "start", "cramp-calf", "--exit-after-startup",
                            STRETCH_GUIDE_SCREENSHOT=str(shot))
    assert started.returncode == 0, started.stderr
    assert "Traceback" not in started.stderr
    assert shot.stat().st_size > 10_000

    browse = installed.run(str(installed.python), str(ROOT / "tests" / "wheel_browse_check.py"),
                           "calf-wall-straight")
    assert browse.returncode == 0, browse.stderr
    drawn = json.loads(browse.stdout.strip().splitlines()[-1])
    assert Path(drawn["guide"]).is_relative_to(installed.site)
    assert drawn["pictures"] and min(drawn["pictures"]) > 0.05  # a stretch picture, drawn
    assert drawn["body_map_available"] and drawn["body_map"] > 0.05


def test_installed_copy_speaks_spanish(installed: Installed) -> None:
    """The compiled catalogues ship in the wheel and the installed copy reads them."""
    listed = installed.run(str(installed.script), "list", "routines", LANG="es_ES.UTF-8",
                           LANGUAGE="", LC_ALL="")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split()[:4] == ["ID", "NOMBRE", "TIPO", "DURACIÓN"]
    assert "Estiramientos antes de dormir contra calambres nocturnos" in listed.stdout
