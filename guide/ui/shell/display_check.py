"""Before Qt opens a window: say plainly what this machine lacks, instead of Qt's abort.

Without a display, or when its X11 (xcb) platform plugin cannot load a system library, Qt
aborts the whole process (exit 134) with a message that names xcb-cursor0 whatever is missing.
So the command line asks here first, before any Qt import. The display check reads the
environment; the library check loads the xcb plugin the way Qt is about to (the libraries it
pulls in are the ones Qt loads next, so the normal path pays about 10 ms of CPU) and runs
``ldd`` only when that fails, to name every missing library.
"""

import os
import re
import sys
from collections.abc import Iterable, Mapping
from importlib.util import find_spec
from pathlib import Path

from guide.core.i18n import tr

# Every library the xcb plugin loads that a minimal Debian may lack (ldd of libqxcb.so; the test
# tests/test_system_packages.py keeps this in step), with its Debian and Fedora package.
LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libpng16.so.16": ("libpng16-16", "libpng"),
    "libbrotlidec.so.1": ("libbrotli1", "libbrotli"),
    "libbrotlicommon.so.1": ("libbrotli1", "libbrotli"),
    "libexpat.so.1": ("libexpat1", "expat"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
EXIT_CODE = 2
_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.M)
_CANNOT_OPEN = re.compile(r"(\S+?): cannot open shared object file")


def problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """Why Qt could not open a window here, as a message for the user; None when it can."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    platform = re.split(r"[;:]", environ.get("QT_QPA_PLATFORM", ""))[0].strip()
    x11 = bool(environ.get("DISPLAY"))
    wayland = bool(environ.get("WAYLAND_DISPLAY") or environ.get("WAYLAND_SOCKET"))
    if (not platform and not x11 and not wayland) or (platform == "xcb" and not x11):
        return no_display_message()
    # With Wayland, Qt prefers its Wayland plugin and falls back to xcb only after that.
    if platform == "xcb" or (not platform and x11 and not wayland):
        missing = missing_xcb_libraries()
        if missing:
            return missing_libraries_message(missing)
    return None


def no_display_message() -> str:
    return tr(
        "Stretch Guide cannot open its window: there is no graphical display here (neither "
        "DISPLAY nor WAYLAND_DISPLAY is set, as on a text console or over plain SSH). Start it "
        "from your desktop session, or use `ssh -X`. These commands work without a display: "
        "stretch-guide validate, list, plan, reminder and desktop (see stretch-guide --help).")


def missing_libraries_message(missing: list[str]) -> str:
    debian = _unique(LIBRARIES[name][0] for name in missing if name in LIBRARIES)
    fedora = _unique(LIBRARIES[name][1] for name in missing if name in LIBRARIES)
    unknown = [name for name in missing if name not in LIBRARIES]
    lines = [tr(
        "Stretch Guide cannot open its window: Qt's X11 support needs system libraries that "
        "are missing here: {libraries}.").format(libraries=", ".join(missing))]
    if debian:
        lines.append(tr("Install them on Debian or Ubuntu with:"))
        lines.append("    sudo apt install " + " ".join(debian))
        lines.append(tr("or on Fedora with:"))
        lines.append("    sudo dnf install " + " ".join(fedora))
    if unknown:
        lines.append(tr("Install the packages that provide: {libraries}.").format(
            libraries=", ".join(unknown)))
    lines.append(tr("The README lists every package Qt needs. Meanwhile these commands work: "
                    "stretch-guide validate, list, plan, reminder and desktop."))
    return "\n".join(lines)


def missing_xcb_libraries() -> list[str]:
    """Shared libraries Qt's xcb plugin needs and cannot find; empty when it loads."""
    plugin = xcb_plugin()
    if plugin is None:
        return []  # no PySide6: importing it will say so
    error = _load_error(plugin)
    if error is None:
        return []
    missing = _NOT_FOUND.findall(_ldd(plugin))
    if not missing:  # no ldd: the loader names the first one
        match = _CANNOT_OPEN.search(error)
        missing = [match.group(1)] if match else []
    return _unique(missing)


def xcb_plugin() -> Path | None:
    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations)), "Qt", "plugins", "platforms",
                  "libqxcb.so")
    return plugin if plugin.is_file() else None


def _load_error(plugin: Path) -> str | None:
    """The dynamic loader's complaint about the plugin, or None when it loads.

    dlopen with RTLD_LAZY, as Qt loads plugins; the handle stays open and Qt's own load finds
    the plugin in place. Through ``_ctypes`` (what ``ctypes.CDLL`` itself calls): importing
    the ``ctypes`` package would cost the first paint a few ms more.
    """
    try:
        from _ctypes import dlopen
    except ImportError:  # a Python without ctypes: Qt's own load will tell
        return None
    try:
        dlopen(os.fsdecode(plugin), os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as exc:
        return str(exc) or "dlopen failed"
    return None


def _ldd(plugin: Path) -> str:
    import subprocess

    try:
        done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=30,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
