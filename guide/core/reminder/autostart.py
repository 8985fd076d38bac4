"""Start at login so reminders work: runs ``stretch-guide --background`` when the user logs in.

Linux (and other XDG desktops): a ``.desktop`` file in ``$XDG_CONFIG_HOME/autostart``.
Windows: a value under the HKCU ``Run`` key. macOS: a LaunchAgent. Only the first is tested.
"""

import contextlib
import plistlib
import sys
from pathlib import Path

from guide import APP_ID, DESKTOP_ID
from guide.core.i18n import tr
from guide.core.store import launcher, paths
from guide.core.store.files import atomic_write

BACKGROUND = "--background"
_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
_AGENT_LABEL = "io.github.stretch-guide"


def command() -> list[str]:
    """How to start this installation in the background, as the menu entry starts it."""
    return launcher.command(BACKGROUND)


def desktop_file() -> Path:
    # config_dir() is $XDG_CONFIG_HOME/stretch-guide; autostart lives next to it.
    return paths.config_dir().parent / "autostart" / f"{APP_ID}.desktop"


def _launch_agent() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{_AGENT_LABEL}.plist"


def is_enabled() -> bool:
    if sys.platform == "win32":
        return _windows_value() is not None
    if sys.platform == "darwin":
        return _launch_agent().is_file()
    return desktop_file().is_file()


def set_enabled(enabled: bool) -> None:
    """Turn starting at login on or off. Raises OSError when the file or key cannot be written."""
    if sys.platform == "win32":
        _set_windows(enabled)
    elif sys.platform == "darwin":
        _set_file(_launch_agent(), _launch_agent_text() if enabled else None)
    else:
        _set_file(desktop_file(), desktop_entry() if enabled else None)


def _set_file(path: Path, content: bytes | None) -> None:
    if content is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, content)


def desktop_entry() -> bytes:
    exec_line = launcher.exec_value(command())
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Name=Stretch Guide",
        "Comment=" + tr("Bedtime stretching reminders"),
        f"Exec={exec_line}",
        f"Icon={DESKTOP_ID}",
        "Terminal=false",
        "NoDisplay=true",
        "X-GNOME-Autostart-enabled=true",
    ]
    return ("\n".join(lines) + "\n").encode()


def _launch_agent_text() -> bytes:
    return plistlib.dumps({
        "Label": _AGENT_LABEL,
        "ProgramArguments": command(),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    })


def _windows_command() -> str:
    return " ".join(f'"{arg}"' if " " in arg else arg for arg in command())


if sys.platform == "win32":  # pragma: no cover - Windows only; winreg is imported on use

    def _windows_value() -> str | None:
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, APP_ID)
        except OSError:
            return None
        return str(value)

    def _set_windows(enabled: bool) -> None:
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, _RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            if enabled:
                winreg.SetValueEx(key, APP_ID, 0, winreg.REG_SZ, _windows_command())
            else:
                with contextlib.suppress(FileNotFoundError):
                    winreg.DeleteValue(key, APP_ID)
