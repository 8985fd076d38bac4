"""How the desktop starts this installation of the app: the ``Exec`` of menu and autostart entries.

Not "the first ``stretch-guide`` on PATH", which may be another copy (or none: pipx and venv
scripts are often not on the desktop session's PATH), but the script of the environment that
is running now, by absolute path; failing that, this interpreter with ``-m guide``.
"""

import sys
import sysconfig
from pathlib import Path

from guide import APP_ID
from guide.core.store import shipped


def script() -> Path | None:
    """The ``stretch-guide`` script of the running installation, if it has one."""
    name = APP_ID + (".exe" if sys.platform == "win32" else "")
    started_as = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started_as is not None and started_as.name == name and started_as.is_file():
        return started_as.absolute()  # not resolved: pipx's ~/.local/bin link stays the name
    candidate = _scripts_dir() / name
    return candidate if candidate.is_file() else None


def _scripts_dir() -> Path:
    """The scripts folder of the environment the running ``guide`` package belongs to."""
    user = sysconfig.get_preferred_scheme("user")
    user_site = Path(sysconfig.get_path("purelib", user)).resolve()
    if shipped.package_dir().is_relative_to(user_site):  # pip install --user
        return Path(sysconfig.get_path("scripts", user))
    return Path(sysconfig.get_path("scripts"))


def command(*args: str) -> list[str]:
    """The program and arguments that start this installation with ``args``."""
    found = script()
    if found is not None:
        return [str(found), *args]
    return [sys.executable, "-m", "guide", *args]


def exec_value(argv: list[str]) -> str:
    """``argv`` as the value of a desktop entry's ``Exec`` key."""
    return " ".join(_quote_exec(arg) for arg in argv)


def _quote_exec(arg: str) -> str:
    """Quote one argument by the Desktop Entry spec's rules for the Exec key."""
    arg = arg.replace("%", "%%")
    reserved = set(" \t\n\"'\\><~|&;$*?#()`=")
    if not any(ch in reserved for ch in arg):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    # The Exec value is itself a string value, so each backslash is written twice.
    return '"' + escaped.replace("\\", "\\\\") + '"'
