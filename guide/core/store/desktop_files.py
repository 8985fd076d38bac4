"""The menu entry, AppStream metainfo and icons of this installation, in the user's data folder.

``stretch-guide desktop install`` gives a pip or pipx user what a distribution package would:
``applications/<id>.desktop``, ``metainfo/<id>.metainfo.xml`` and the icons under
``icons/hicolor/`` of ``$XDG_DATA_HOME`` (default ``~/.local/share``). The shipped desktop entry
is the template; its ``Exec`` lines that run ``stretch-guide`` get this installation's command
(see :mod:`guide.core.store.launcher`), so the entry works even when the script is not on PATH.
"""

from pathlib import Path

from guide import APP_ID, DESKTOP_ID
from guide.core.store import launcher, paths, shipped
from guide.core.store.settings import atomic_write

_LEGACY_ENTRY = "stretch-guide.desktop"  # what the 0.1.0 README told users to copy by hand


def data_home() -> Path:
    """``$XDG_DATA_HOME`` (``paths.data_dir()`` is the app's folder inside it)."""
    return paths.data_dir().parent


def desktop_entry() -> str:
    """The shipped entry with ``Exec`` (and ``TryExec``) pointing at this installation."""
    template = (shipped.media() / f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    program = launcher.command()
    lines: list[str] = []
    group = ""
    for line in template.splitlines():
        key, sep, value = line.partition("=")
        if line.startswith("["):
            group = line
        elif sep and key == "TryExec":
            continue  # written below, next to Exec
        elif sep and key == "Exec" and value.split()[:1] == [APP_ID]:
            line = "Exec=" + launcher.exec_value([*program, *value.split()[1:]])
            if group == "[Desktop Entry]":
                # The menu hides the entry once this installation is gone.
                lines.append(f"TryExec={program[0]}")
        lines.append(line)
    return "\n".join(lines) + "\n"


def entry_path() -> Path:
    return data_home() / "applications" / f"{DESKTOP_ID}.desktop"


def _copies() -> list[tuple[Path, Path]]:
    """(target, shipped file) for the metainfo and every icon."""
    media = shipped.media()
    home = data_home()
    hicolor = media / "icons" / "hicolor"
    copies = [(home / "metainfo" / f"{DESKTOP_ID}.metainfo.xml",
               media / f"{DESKTOP_ID}.metainfo.xml")]
    copies += [(home / "icons" / "hicolor" / png.relative_to(hicolor), png)
               for png in sorted(hicolor.glob(f"*/apps/{DESKTOP_ID}.png"))]
    copies.append((home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg",
                   media / "icons" / f"{APP_ID}.svg"))
    return copies


def targets() -> list[Path]:
    """Every file ``install`` writes."""
    return [entry_path(), *(target for target, _source in _copies())]


def install() -> tuple[list[Path], list[Path]]:
    """Write the entry, metainfo and icons. Returns (written, removed); raises OSError."""
    files = [(entry_path(), desktop_entry().encode())]
    files += [(target, source.read_bytes()) for target, source in _copies()]
    for path, content in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, content)
        path.chmod(0o644)  # like any installed entry and icon (the temporary file was 0600)
    return [path for path, _content in files], _remove_legacy_entry()


def uninstall() -> list[Path]:
    """Remove what ``install`` wrote; return what was removed. Raises OSError."""
    removed: list[Path] = []
    for path in targets():
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed + _remove_legacy_entry()


def _remove_legacy_entry() -> list[Path]:
    """An entry copied by hand under the old name would show the app twice in the menu."""
    legacy = data_home() / "applications" / _LEGACY_ENTRY
    try:
        text = legacy.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    if "\nName=Stretch Guide\n" not in text:
        return []  # not ours
    legacy.unlink()
    return [legacy]
