"""The README's one-line package lists are complete: every system library Qt's platform plugins
and the Qt modules the app imports load (ldd) comes from a listed package, a dependency of one,
or Debian's base system; .ci/run installs the same list; the app's own hints agree."""

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

from guide.ui.shell import display_check

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_line(tool: str) -> list[str]:
    """The packages of the README's `sudo <tool> install ...` line."""
    lines = [line for line in README.splitlines() if line.startswith(f"sudo {tool} install ")]
    assert len(lines) == 1, f"one `sudo {tool} install` line expected"
    return lines[0].split("&&")[0].split()[3:]


def ci_qt_packages() -> list[str]:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    body = re.search(r"^qt_packages=\((.*?)^\)", script, flags=re.S | re.M)
    assert body is not None
    return [word for line in body.group(1).splitlines()
            for word in line.split("#")[0].split()]


def test_ci_installs_what_the_readme_lists() -> None:
    assert sorted(set(command_line("apt")) - {"pipx"}) == sorted(ci_qt_packages())


def test_fedora_line_names_the_same_libraries() -> None:
    debian = set(command_line("apt"))
    fedora = set(command_line("dnf"))
    for _soname, (deb, rpm) in display_check.LIBRARIES.items():
        if deb in debian:
            assert rpm in fedora, f"{deb} is listed for Debian but {rpm} not for Fedora"


# --- against what is really loaded (Debian only) ---------------------------------------------

def _pyside() -> Path:
    plugin = display_check.xcb_plugin()
    assert plugin is not None
    return plugin.parents[3]


def _imported_modules() -> list[str]:
    names: set[str] = set()
    for path in (ROOT / "guide").rglob("*.py"):
        names.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return sorted(names)


def _ldd(binary: Path) -> dict[str, str]:
    """soname -> resolved path, for libraries outside PySide6's own folder."""
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    found = dict(re.findall(r"^\s*(\S+) => (/\S+)", out, flags=re.M))
    assert "not found" not in out, out
    pyside = str(_pyside())
    return {name: path for name, path in found.items() if not path.startswith(pyside)}


def _loaded() -> dict[str, str]:
    platforms = _pyside() / "Qt" / "plugins" / "platforms"
    binaries = [platforms / "libqxcb.so", platforms / "libqwayland.so"]
    binaries += [next(_pyside().glob(f"{name}.*.so")) for name in _imported_modules()]
    libraries: dict[str, str] = {}
    for binary in binaries:
        libraries.update(_ldd(binary))
    return libraries


@cache
def _dpkg() -> tuple[dict[str, list[list[str]]], dict[str, str], dict[str, list[str]]]:
    """Installed packages: their dependencies (alternatives), priority and what provides what."""
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package}\\t${Priority}\\t${Pre-Depends}, ${Depends}\\t"
         "${Provides}\\n"], capture_output=True, text=True, timeout=60, check=True).stdout
    depends: dict[str, list[list[str]]] = {}
    priority: dict[str, str] = {}
    provides: dict[str, list[str]] = {}
    for line in out.splitlines():
        package, prio, deps, provided = line.split("\t")
        priority[package] = prio
        depends[package] = [[re.split(r"[\s(:]", alt.strip())[0] for alt in group.split("|")]
                            for group in deps.split(",") if group.strip()]
        for name in provided.split(","):
            if name.strip():
                provides.setdefault(re.split(r"[\s(]", name.strip())[0], []).append(package)
    return depends, priority, provides


def _closure(roots: set[str]) -> set[str]:
    depends, _priority, provides = _dpkg()
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        package = todo.pop()
        if package in seen:
            continue
        seen.add(package)
        for group in depends.get(package, []):
            for name in group:
                todo.extend([name] if name in depends else provides.get(name, []))
    return seen


def _candidates(path: str) -> list[str]:
    real = os.path.realpath(path)
    return [real, re.sub(r"^/usr/", "/", real), "/usr" + real]  # dpkg may know either (merged /usr)


def _owners(paths: list[str]) -> dict[str, str]:
    """path -> owning package, asking dpkg once for all of them."""
    asked = sorted({c for path in paths for c in _candidates(path)})
    out = subprocess.run(["dpkg-query", "-S", *asked], capture_output=True, text=True,
                         timeout=60, check=False).stdout
    owner_of = {found: package.split(":")[0]
                for package, found in re.findall(r"^(\S+): (/\S+)$", out, flags=re.M)}
    owners: dict[str, str] = {}
    for path in paths:
        known = [owner_of[c] for c in _candidates(path) if c in owner_of]
        assert known, f"no Debian package owns {path}"
        owners[path] = known[0]
    return owners


needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-query") is None or shutil.which("ldd") is None,
                                reason="compares against Debian's package database")


@needs_dpkg
def test_every_library_qt_loads_comes_with_a_listed_package() -> None:
    _depends, priority, _provides = _dpkg()
    base = _closure({p for p, prio in priority.items() if prio in ("required", "important")})
    listed = set(command_line("apt"))
    covered = _closure(listed) | base
    loaded = _loaded()
    owners = _owners(list(loaded.values()))
    uncovered = {name: owners[path] for name, path in loaded.items()
                 if owners[path] not in covered}
    assert not uncovered, f"add to the README's apt line and .ci/run: {uncovered}"


@needs_dpkg
def test_the_app_knows_the_package_of_every_xcb_library() -> None:
    _depends, priority, _provides = _dpkg()
    base = _closure({p for p, prio in priority.items() if prio in ("required", "important")})
    platforms = _pyside() / "Qt" / "plugins" / "platforms"
    loaded = _ldd(platforms / "libqxcb.so")
    owners = _owners(list(loaded.values()))
    for name, path in loaded.items():
        owner = owners[path]
        if owner not in base:
            assert display_check.LIBRARIES.get(name, ("?",))[0] == owner, (name, owner)
